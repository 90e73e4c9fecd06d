/** The person's own Bluejay key in a definition: looked for at push time, by value, and never shown or written anywhere. */
import { at, type Finding } from '../finding';
import { ADVICE, stringsWhere } from './secrets';

/** A `possible-secret` warning on each string value holding `key` (the person's own Bluejay key, never shown). */
export function ownKeyFindings(value: Readonly<Record<string, unknown>>, key: string): Finding[] {
  if (key.length < 8) return [];
  return stringsWhere(value, (text) => (text.includes(key) ? true : undefined)).map(([, path]) =>
    at('possible-secret', path, `This holds your Bluejay API key. ${ADVICE}`),
  );
}
