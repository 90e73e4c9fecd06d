/** Finds the schema of a path in a definition, for hover, completion, quick fixes and forms. */
import type { JsonSchema, Kind } from '../kinds';
import { SCHEMAS } from './schemas';

/** Follows a local `$ref` (`#/definitions/X`). */
export function deref(root: JsonSchema, s: JsonSchema): JsonSchema {
  let cur = s;
  for (let hops = 0; cur.$ref && hops < 10; hops++) {
    const name = /^#\/definitions\/(.+)$/.exec(cur.$ref)?.[1];
    const next = name ? root.definitions?.[name] : undefined;
    if (!next) break;
    cur = next;
  }
  return cur;
}

/**
 * The variant of an object schema that applies to `value`: for `allOf: [{if, then}]` variants (the
 * interruptions) the `then` whose `if` matches the value's discriminator, else the schema itself.
 */
export function variantFor(root: JsonSchema, s: JsonSchema, value: unknown): JsonSchema {
  for (const branch of s.allOf ?? []) {
    if (branch.if && branch.then && matchesDiscriminator(branch.if, value)) return deref(root, branch.then);
  }
  return s;
}

/** The variants an object schema offers (title and discriminator value), for a switch in a form. */
export function variants(
  root: JsonSchema,
  s: JsonSchema,
): { schema: JsonSchema; discriminator: string; values: readonly unknown[] }[] {
  const out: { schema: JsonSchema; discriminator: string; values: readonly unknown[] }[] = [];
  for (const branch of s.allOf ?? []) {
    const props = branch.if?.properties ?? {};
    const [name, cond] = Object.entries(props)[0] ?? [];
    if (!name || !cond || !branch.then) continue;
    out.push({
      schema: deref(root, branch.then),
      discriminator: name,
      values: cond.enum ?? (cond.const !== undefined ? [cond.const] : []),
    });
  }
  return out;
}

function matchesDiscriminator(cond: JsonSchema, value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const [name, c] of Object.entries(cond.properties ?? {})) {
    const v = (value as Record<string, unknown>)[name];
    if (c.const !== undefined && v !== c.const) return false;
    if (c.enum && !c.enum.includes(v)) return false;
  }
  return true;
}

/**
 * The schema of the value at `path` in a document of `kind` (`root` is the document's value, used to
 * pick variants), or undefined when the path leaves the schema (an unknown key).
 */
export function schemaAtPath(kind: Kind, path: readonly string[], root?: unknown): JsonSchema | undefined {
  const top = SCHEMAS[kind];
  let s: JsonSchema = top;
  let value: unknown = root;
  for (const seg of path) {
    s = variantFor(top, deref(top, s), value);
    let next: JsonSchema | undefined;
    if (s.properties?.[seg]) next = s.properties[seg];
    else if (s.items && /^\d+$/.test(seg)) next = s.items;
    else if (typeof s.additionalProperties === 'object') next = s.additionalProperties;
    if (!next) return undefined;
    s = next;
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[seg] : undefined;
  }
  return variantFor(top, deref(top, s), value);
}

/** The types a schema allows, as a list (`["string", "null"]`). */
export function typesOf(s: JsonSchema): string[] {
  if (s.type === undefined) return [];
  return typeof s.type === 'string' ? [s.type] : [...s.type];
}
