/**
 * Annotation-only copies of the schemas, contributed to VS Code's JSON support (`jsonValidation`)
 * and to Red Hat YAML (`yamlValidation`): descriptions, defaults, examples and snippets for their
 * completion and hover, but no constraints, so those tools never report a problem this extension
 * already reports (it owns the Problems panel for definition files).
 */
import type { JsonSchema, Kind } from '../kinds';
import { SCHEMAS } from '../schema/schemas';
import { allowedValues, describeField } from './describe';
import { typesOf } from '../schema/lookup';
import { valueSnippet } from './snippets';

const CONSTRAINTS = new Set([
  'type',
  'enum',
  'const',
  'required',
  'additionalProperties',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'format',
  'pattern',
  '$schema',
]);

type Mutable = Record<string, unknown>;

function annotate(kind: Kind, s: JsonSchema, key: string | undefined, format: 'json' | 'yaml'): Mutable {
  const out: Mutable = {};
  for (const [k, v] of Object.entries(s)) {
    if (CONSTRAINTS.has(k)) continue;
    if (k === 'properties' || k === 'definitions') {
      out[k] = Object.fromEntries(
        Object.entries(v as Record<string, JsonSchema>).map(([name, sub]) => [
          name,
          annotate(kind, sub, k === 'properties' ? name : undefined, format),
        ]),
      );
    } else if (k === 'items') out[k] = annotate(kind, v as JsonSchema, undefined, format);
    else if (k === 'allOf')
      out[k] = (v as JsonSchema[]).map((b) => ({
        if: b.if,
        then: b.then && annotate(kind, b.then, undefined, format),
      }));
    else out[k] = v;
  }
  const examples = [
    ...allowedValues(s),
    ...(typesOf(s).includes('boolean') ? [true, false] : []),
    ...(s.examples ?? []),
  ];
  if (examples.length) out['examples'] = [...new Set(examples)];
  if (key !== undefined) {
    out['markdownDescription'] = describeField(key, s);
    if (format === 'json') out['defaultSnippets'] = [{ label: key, bodyText: valueSnippet(kind, s, 'json') }];
  }
  return out;
}

/** The annotation schema of a kind, for JSON or for YAML tools. */
export function annotationSchema(kind: Kind, format: 'json' | 'yaml'): Mutable {
  const s = annotate(kind, SCHEMAS[kind], undefined, format);
  s['$id'] = `${SCHEMAS[kind].$id ?? kind}#annotations`;
  s['$schema'] = 'http://json-schema.org/draft-07/schema#';
  return s;
}
