/** Small helpers the rules share. */
import { at, displayPath, type Finding } from '../finding';
import type { FixHint } from '../problem';

export type Obj = Readonly<Record<string, unknown>>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function has(o: Obj, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Where a "must be set" finding goes: the value when it is present (null or blank), else the object that lacks it. */
export function missingAt(parent: readonly (string | number)[], obj: Obj, key: string): (string | number)[] {
  return has(obj, key) ? [...parent, key] : [...parent];
}

/** The quick fix "add the property" when `key` is absent from `obj` (nothing when it is there but empty). */
export function addFix(obj: Obj, key: string): FixHint | undefined {
  return has(obj, key) ? undefined : { kind: 'add', property: key };
}

/**
 * An integer id that a number cannot hold exactly (beyond 2^53 - 1): it was already rounded as it
 * was read (9007199254740993 reads as 9007199254740992), so it would be sent as another id.
 */
export function unsafeId(path: readonly (string | number)[], v: unknown): Finding | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v) || Number.isSafeInteger(v)) return undefined;
  const bound = v > 0 ? `at most ${Number.MAX_SAFE_INTEGER}` : `at least -${Number.MAX_SAFE_INTEGER}`;
  return at(
    'out-of-range',
    path,
    `${displayPath(path.map(String))} must be ${bound} (2^53 - 1): larger numbers cannot be read exactly (this one reads as ${String(v)}) and would address another resource.`,
  );
}
