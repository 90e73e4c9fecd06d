/** JSON objects read from outside (a parse, an answer, a message): the one check that a value is one. */

/** A plain JSON object: not null, not a list. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The value as a JSON object, or undefined when it is none. */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return isRecord(v) ? v : undefined;
}
