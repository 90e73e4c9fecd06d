/**
 * Resource ids: one canonical form to compare them by, and the check of an id Bluejay hands back
 * before it is written into a file. A customer persona's id is a UUID (the schema's `format: uuid`,
 * which accepts either case and an optional `urn:uuid:` prefix); a digital human's an integer >= 1.
 */
import type { Kind } from './kinds';

/** The schema's UUID format (ajv-formats `uuid`). */
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/**
 * The canonical text of an id, to compare and index by: a UUID (any case, with or without
 * `urn:uuid:`) in lower case without the prefix; a number as its decimal text; other strings as given.
 */
export function idKey(id: string | number): string {
  if (typeof id === 'number') return String(id);
  return UUID.test(id) ? id.toLowerCase().replace(/^urn:uuid:/, '') : id;
}

/** Whether two ids name the same resource (`7B1E…` and `7b1e…` do). */
export function sameId(a: string | number | null | undefined, b: string | number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return false;
  if (typeof a !== typeof b) return false;
  return idKey(a) === idKey(b);
}

/** Whether `value` is an id of `kind` as the schema accepts it (a UUID string; an integer >= 1). */
export function isValidId(kind: Kind, value: unknown): value is string | number {
  if (kind === 'customer-persona') return typeof value === 'string' && UUID.test(value);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/** A value for a message: JSON, cut to `max` characters (an id can be anything, a megabyte of text included). */
export function shownValue(value: unknown, max = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}… (${text.length} characters)` : text;
}

/**
 * The integer id `raw` names (a digital human's, an agent's, typed as text): digits only, from 1 to
 * 2^53 - 1. Longer numbers are refused rather than rounded (9007199254740993 would become
 * 9007199254740992, another resource).
 */
export function parseIntegerId(raw: string): number | undefined {
  const t = raw.trim();
  if (!/^[1-9]\d{0,15}$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : undefined;
}
