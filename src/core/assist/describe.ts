/** What hover (and other tools' hover, through the annotation schemas) says about a field. */
import type { JsonSchema } from '../kinds';
import { typesOf } from '../schema/lookup';

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  integer: 'whole number',
  number: 'number',
  boolean: 'true/false',
  array: 'list',
  object: 'mapping',
  null: 'null',
};

/** `text or null`: the schema's types in words. */
export function typeWords(s: JsonSchema): string {
  const t = typesOf(s);
  if (t.length === 0) return s.properties ? 'mapping' : 'any value';
  return t.map((x) => TYPE_WORDS[x] ?? x).join(' or ');
}

/** `0 to 1`, `at least 15`, `more than 0`, or undefined. */
export function rangeWords(s: JsonSchema): string | undefined {
  const lo =
    s.minimum !== undefined
      ? `${s.minimum}`
      : s.exclusiveMinimum !== undefined
        ? `more than ${s.exclusiveMinimum}`
        : undefined;
  const hi = s.maximum !== undefined ? `${s.maximum}` : undefined;
  if (s.minimum !== undefined && hi !== undefined) return `${lo} to ${hi}`;
  if (lo !== undefined) return s.minimum !== undefined ? `at least ${lo}` : lo;
  return hi !== undefined ? `at most ${hi}` : undefined;
}

/** The allowed values of an enum, without null (null shows in the type). */
export function allowedValues(s: JsonSchema): string[] {
  return (s.enum ?? []).filter((v) => v !== null).map(String);
}

/** Markdown for a field: title, key, description, type, allowed values, range and default. */
export function describeField(key: string, s: JsonSchema): string {
  const lines = [`**${s.title ?? key}** \`${key}\``, ''];
  if (s.description) lines.push(s.description, '');
  lines.push(`- Type: ${typeWords(s)}`);
  const allowed = allowedValues(s);
  if (allowed.length) lines.push(`- Allowed: ${allowed.map((v) => `\`${v}\``).join(', ')}`);
  const range = rangeWords(s);
  if (range) lines.push(`- Range: ${range}`);
  if (s.default !== undefined) lines.push(`- Default: \`${scalarText(s.default) ?? JSON.stringify(s.default)}\``);
  if (s.deprecated) lines.push('- Deprecated');
  return lines.join('\n');
}

/** A default or example as text, when it is a scalar. */
export function scalarText(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
