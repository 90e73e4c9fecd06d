/**
 * What a parsed value must be to be sent at all: finite (a YAML alias inside its own anchor makes a
 * value that contains itself) and no deeper than a request carries. JSON.parse reads nesting far
 * deeper than JSON.stringify, axios or the comparisons can write back, so the limit is set here,
 * well below all of them. The walk uses its own stack, never recursion.
 */
import { at, displayPath, type Finding } from '../finding';

/** Levels of nesting a definition may have (the top-level mapping is level 1). */
export const MAX_DEPTH = 100;

/** Findings past this many say nothing more; the walk stops. */
const MAX_FINDINGS = 20;

/** Nodes visited before the walk gives up (aliases may share a node many times; the alias limit bounds them). */
export const MAX_VISITS = 2_000_000;

/** A container on the current path: the walk's stack is the path itself. */
interface Frame {
  readonly value: object;
  /** An object's keys; undefined for a list. */
  readonly keys: readonly string[] | undefined;
  /** The key or index it was reached by. */
  readonly key: string;
  /** The next child to look at. */
  next: number;
}

function frame(value: object, key: string): Frame {
  return { value, keys: Array.isArray(value) ? undefined : Object.keys(value), key, next: 0 };
}

/**
 * Whether every path from `root` ends within MAX_DEPTH levels, in MAX_VISITS visits: then the value
 * has no finding. A value that contains itself has paths without end, so it always fails this; only
 * then does the walk below (which keeps the set of values on its path) run. This one keeps just a
 * stack of containers and their depths, no paths and no set: most files pay only for it.
 */
function plainlyFine(root: object): boolean {
  const values: object[] = [root];
  const depths: number[] = [1];
  let visits = 0;
  for (let v = values.pop(); v !== undefined; v = values.pop()) {
    const depth = depths.pop()!;
    if (Array.isArray(v)) {
      for (const child of v as readonly unknown[]) {
        if (child === null || typeof child !== 'object') continue;
        if (depth >= MAX_DEPTH || ++visits >= MAX_VISITS) return false;
        values.push(child);
        depths.push(depth + 1);
      }
    } else {
      // for-in makes no array of keys; what it may add (inherited enumerable keys) can only send the
      // value to the exact walk, never hide a finding from it.
      for (const key in v) {
        const child: unknown = (v as Readonly<Record<string, unknown>>)[key];
        if (child === null || typeof child !== 'object') continue;
        if (depth >= MAX_DEPTH || ++visits >= MAX_VISITS) return false;
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return true;
}

/**
 * `cyclic-value` where a value refers back to one that contains it, `too-deep` where nesting passes
 * MAX_DEPTH. `quick: false` when the caller's own bounded walk just failed on this value: the quick
 * one would fail again (it only ever answers "no finding", which the exact walk answers too).
 */
export function shapeFindings(root: unknown, quick = true): Finding[] {
  const out: Finding[] = [];
  if (root === null || typeof root !== 'object' || (quick && plainlyFine(root))) return out;
  const stack: Frame[] = [frame(root, '')];
  const open = new Set<object>([root]); // the values on the stack
  const pathTo = (depth: number): string[] => stack.slice(1, depth).map((f) => f.key);
  let visits = 0;
  while (stack.length && out.length < MAX_FINDINGS && visits < MAX_VISITS) {
    const top = stack[stack.length - 1]!;
    const keys = top.keys;
    const list = top.value as readonly unknown[];
    if (top.next >= (keys ? keys.length : list.length)) {
      open.delete(top.value);
      stack.pop();
      continue;
    }
    const i = top.next++;
    const key = keys ? keys[i]! : String(i);
    const child: unknown = keys ? (top.value as Readonly<Record<string, unknown>>)[key] : list[i];
    if (child === null || typeof child !== 'object') continue;
    visits++;
    if (open.has(child)) {
      const path = [...pathTo(stack.length), key];
      const ancestor = pathTo(stack.findIndex((f) => f.value === child) + 1);
      out.push(
        at(
          'cyclic-value',
          path,
          `${displayPath(path)} contains itself: it refers back to ${displayPath(ancestor)}, which holds it (a YAML alias inside its own anchor), so the value never ends and cannot be sent.`,
        ),
      );
    } else if (stack.length >= MAX_DEPTH) {
      out.push(
        at(
          'too-deep',
          [...pathTo(stack.length), key],
          `This value is nested more than ${MAX_DEPTH} levels deep; definitions are sent with at most ${MAX_DEPTH} levels of nesting.`,
        ),
      );
    } else {
      open.add(child);
      stack.push(frame(child, key));
    }
  }
  return out;
}
