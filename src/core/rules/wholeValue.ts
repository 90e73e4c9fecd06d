/**
 * The one walk over a whole parsed value that validation makes: whether it can be sent (shape.ts)
 * and which strings look like secrets (secrets.ts), found together. A value that is plainly fine
 * (no deeper than MAX_DEPTH, within MAX_VISITS containers: every value a person writes) is walked
 * once, by recursion bounded by that depth, with no allocation but the findings; any other value
 * (one that contains itself, or is nested too deep) is left to the two exact walks, as before.
 */
import type { Finding } from '../finding';
import { MAX_DEPTH, MAX_VISITS, shapeFindings } from '../parse/shape';
import { possibleSecret, secretFindings, secretIn, SKIPPED } from './secrets';

export interface WholeValue {
  /** `cyclic-value` and `too-deep` findings: empty when the value can be sent. */
  readonly unsendable: Finding[];
  /** `possible-secret` findings, in document order (made on the first call when the value is not plainly fine). */
  secrets(): Finding[];
}

/** The key or index each level of the walk is at (index 0: the root's child); read only for a hit. */
type Trail = (string | number)[];

/** The walk's state: containers visited and secrets found. */
interface Walk {
  visits: number;
  readonly found: Finding[];
  readonly trail: Trail;
  readonly secrets: boolean;
}

/** Walks `value`; `withSecrets: false` when no secret finding is wanted (the kind is unknown). */
export function wholeValue(value: Readonly<Record<string, unknown>>, withSecrets: boolean): WholeValue {
  const walk: Walk = { visits: 0, found: [], trail: [], secrets: withSecrets };
  if (!inheritsEnumerable() && visitObject(value, 1, walk)) {
    const found = walk.found;
    return { unsendable: [], secrets: () => found };
  }
  return { unsendable: shapeFindings(value, false), secrets: () => (withSecrets ? secretFindings(value) : []) };
}

/** for-in would also list keys added to Object.prototype (never by this project): then the exact walks answer. */
function inheritsEnumerable(): boolean {
  for (const key in Object.prototype) return key !== undefined;
  return false;
}

/**
 * A container child at `depth + 1`: counted, refused past the limits (as shape.ts's plainlyFine),
 * walked. False (all the way up) when the value is not plainly fine: the exact walks take over.
 */
function visitChild(child: object, depth: number, walk: Walk): boolean {
  if (depth >= MAX_DEPTH || ++walk.visits >= MAX_VISITS) return false;
  return Array.isArray(child)
    ? visitList(child, depth + 1, walk)
    : visitObject(child as Readonly<Record<string, unknown>>, depth + 1, walk);
}

function visitObject(o: Readonly<Record<string, unknown>>, depth: number, walk: Walk): boolean {
  const trail = walk.trail;
  for (const key in o) {
    const v = o[key];
    if (typeof v === 'string') {
      // Below 16 characters nothing looks like a secret (secretIn says so first): no call for most strings.
      if (walk.secrets && v.length >= 16 && !(depth === 1 && SKIPPED.has(key))) {
        const what = secretIn(v);
        if (what !== undefined) {
          trail[depth - 1] = key;
          walk.found.push(possibleSecret(what, trail.slice(0, depth)));
        }
      }
    } else if (v !== null && typeof v === 'object') {
      trail[depth - 1] = key;
      if (!visitChild(v, depth, walk)) return false;
    }
  }
  return true;
}

function visitList(list: readonly unknown[], depth: number, walk: Walk): boolean {
  const trail = walk.trail;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v === 'string') {
      if (walk.secrets && v.length >= 16) {
        const what = secretIn(v);
        if (what !== undefined) {
          trail[depth - 1] = i;
          walk.found.push(possibleSecret(what, trail.slice(0, depth)));
        }
      }
    } else if (v !== null && typeof v === 'object') {
      trail[depth - 1] = i;
      if (!visitChild(v, depth, walk)) return false;
    }
  }
  return true;
}
