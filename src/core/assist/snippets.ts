/** Snippets (VS Code snippet syntax) that fill in a field's value from its schema. */
import type { JsonSchema, Kind } from '../kinds';
import { SCHEMAS } from '../schema/schemas';
import { deref, typesOf, variants } from '../schema/lookup';
import { allowedValues, scalarText } from './describe';

type Format = 'yaml' | 'json';

class Tabstops {
  private n = 0;
  next(): number {
    return ++this.n;
  }
}

const escape = (s: string): string => s.replace(/[$}\\|,]/g, (c) => `\\${c}`);

/** A placeholder for a scalar: a choice for enums and booleans, the default where there is one. */
function scalar(s: JsonSchema, t: Tabstops, format: Format): string {
  const allowed = allowedValues(s);
  const types = typesOf(s);
  const q = (v: string): string => (format === 'json' && (types.includes('string') || allowed.length) ? `"${v}"` : v);
  if (allowed.length) {
    const first =
      typeof s.default === 'string' && allowed.includes(s.default)
        ? [s.default, ...allowed.filter((v) => v !== s.default)]
        : allowed;
    return q(`\${${t.next()}|${first.map(escape).join(',')}|}`);
  }
  if (types.includes('boolean')) return `\${${t.next()}|${s.default === false ? 'false,true' : 'true,false'}|}`;
  const def = scalarText(s.default);
  if (def !== undefined) return q(`\${${t.next()}:${escape(def)}}`);
  if (types.includes('integer') || types.includes('number'))
    return `\${${t.next()}:${s.minimum ?? s.exclusiveMinimum ?? 0}}`;
  return q(`\${${t.next()}}`);
}

/** Required properties (the discriminator first) of an object schema, or a first variant's. */
function shape(root: JsonSchema, s: JsonSchema): [string, JsonSchema][] {
  const v = variants(root, s);
  const d = s.default !== null && typeof s.default === 'object' ? (s.default as Record<string, unknown>) : {};
  const obj = v.length ? ((v.find((x) => x.values.includes(d[x.discriminator])) ?? v[0])?.schema ?? s) : s;
  const required = obj.required ?? [];
  return required.map((name) => [name, deref(root, obj.properties?.[name] ?? {})] as [string, JsonSchema]);
}

function objectBody(root: JsonSchema, s: JsonSchema, t: Tabstops, format: Format, indent: string): string {
  const props = shape(root, s);
  if (format === 'yaml') {
    if (props.length === 0) return `\n${indent}\${${t.next()}}`;
    return props.map(([k, p]) => `\n${indent}${k}: ${value(root, p, t, format, indent + '  ', true)}`).join('');
  }
  if (props.length === 0) return `{\${${t.next()}}}`;
  return `{\n${props.map(([k, p]) => `${indent}"${k}": ${value(root, p, t, format, indent + '  ', true)}`).join(',\n')}\n${indent.slice(2)}}`;
}

function value(
  root: JsonSchema,
  raw: JsonSchema,
  t: Tabstops,
  format: Format,
  indent: string,
  nested: boolean,
): string {
  const s = deref(root, raw);
  const types = typesOf(s);
  if (types.includes('object') && (s.properties || s.allOf)) return objectBody(root, s, t, format, indent);
  if (types.includes('array') && s.items) {
    const item = deref(root, s.items);
    const itemIsObject = typesOf(item).includes('object');
    if (format === 'yaml') {
      if (!itemIsObject) return `\n${indent}- ${scalar(item, t, format)}`;
      const body = objectBody(root, item, t, format, indent + '  ');
      return `\n${indent}- ${body.replace(/^\n\s*/, '')}`;
    }
    return `[\n${indent}${itemIsObject ? objectBody(root, item, t, format, indent + '  ') : scalar(item, t, format)}\n${indent.slice(2)}]`;
  }
  if (types.includes('object') || (types.length === 0 && !nested))
    return format === 'yaml' ? `\${${t.next()}}` : `{\${${t.next()}}}`;
  return scalar(s, t, format);
}

/**
 * The text after `key: ` (YAML) or `"key": ` (JSON) for a field: a choice of the allowed values, the
 * default, or the required skeleton of a nested object or list item, indented by two spaces a level.
 */
export function valueSnippet(kind: Kind, s: JsonSchema, format: Format): string {
  return value(SCHEMAS[kind], s, new Tabstops(), format, '  ', false);
}
