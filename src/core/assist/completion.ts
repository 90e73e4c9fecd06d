/** Completion proposals for a definition, from its schema: keys not yet present, and values. */
import type { JsonSchema, Kind } from '../kinds';
import { SCHEMAS } from '../schema/schemas';
import { deref, schemaAtPath, typesOf, variantFor } from '../schema/lookup';
import { allowedValues, describeField, scalarText } from './describe';
import { valueSnippet } from './snippets';

export interface Proposal {
  readonly label: string;
  readonly kind: 'property' | 'value';
  /** One line: the field's title, or what the value is. */
  readonly detail: string;
  /** Markdown, for the side panel. */
  readonly documentation?: string;
  /** Snippet text (VS Code syntax) that replaces the word being typed. */
  readonly snippet: string;
  /** Sort key: required and discriminator keys first, then the schema's order. */
  readonly sortText: string;
  readonly preselect?: boolean;
}

/** Keys the object at `path` may still take, each inserting `key: <value snippet>`. */
export function keyProposals(
  kind: Kind,
  path: readonly string[],
  existing: readonly string[],
  root: unknown,
  format: 'yaml' | 'json' = 'yaml',
): Proposal[] {
  const top = SCHEMAS[kind];
  const here = schemaAtPath(kind, path, root);
  if (!here) return [];
  const s = variantFor(top, deref(top, here), undefined);
  if (!s.properties) return [];
  const required = new Set(s.required ?? []);
  const taken = new Set(existing);
  return Object.entries(s.properties)
    .filter(([key]) => !taken.has(key) && !(path.length === 0 && key === '$schema'))
    .map(([key, raw], i): Proposal => {
      const prop = deref(top, raw);
      const value = valueSnippet(kind, prop, format);
      const snippet = format === 'yaml' ? `${key}:${value.startsWith('\n') ? '' : ' '}${value}` : `"${key}": ${value}`;
      return {
        label: key,
        kind: 'property',
        detail: prop.title ?? key,
        documentation: describeField(key, prop),
        snippet,
        sortText: `${required.has(key) || key === 'kind' ? '0' : '1'}${String(i).padStart(3, '0')}`,
      };
    });
}

/** Values for the field `key` of the object at `path`: its allowed values, true/false, its default. */
export function valueProposals(kind: Kind, path: readonly string[], key: string, root: unknown): Proposal[] {
  const s = schemaAtPath(kind, [...path, key], root);
  if (!s) return [];
  return valuesOf(s);
}

/** Values of a schema itself (for a list item such as a hangup phrase, or a field). */
export function valuesOf(s: JsonSchema): Proposal[] {
  const out: Proposal[] = [];
  const def = scalarText(s.default);
  const add = (v: string, detail: string): void => {
    if (out.some((p) => p.label === v)) return;
    out.push({
      label: v,
      kind: 'value',
      detail,
      snippet: v.replace(/[$}\\]/g, (c) => `\\${c}`),
      sortText: String(out.length).padStart(3, '0'),
      preselect: def === v,
    });
  };
  for (const v of allowedValues(s)) add(v, v === def ? 'default' : (s.title ?? 'allowed value'));
  const types = typesOf(s);
  if (types.includes('boolean')) for (const v of ['true', 'false']) add(v, def === v ? 'default' : 'boolean');
  if (def !== undefined) add(def, 'default');
  if (types.includes('null')) add('null', 'no value');
  return out;
}
