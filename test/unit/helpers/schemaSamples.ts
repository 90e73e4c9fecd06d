/** Test helpers: what a kind's schema allows, and sample values it accepts or refuses (re-exported by definitions.ts). */
import assert from 'node:assert/strict';
import type { JsonSchema, Kind } from '../../../src/core/kinds';
import { SCHEMAS } from '../../../src/core/schema/schemas';
import { PERSONA_ID, type Doc } from './definitions';

/** Follows a local `$ref` (`#/definitions/X`) of a kind's schema. */
export function resolve(kind: Kind, s: JsonSchema): JsonSchema {
  if (!s.$ref) return s;
  const name = /^#\/definitions\/(.+)$/.exec(s.$ref)?.[1];
  const target = name ? SCHEMAS[kind].definitions?.[name] : undefined;
  assert.ok(target, `cannot resolve ${s.$ref}`);
  return resolve(kind, target);
}

/** The JSON types a schema allows; empty when it allows any value. */
export function typesOf(s: JsonSchema): string[] {
  if (s.type === undefined) return [];
  return typeof s.type === 'string' ? [s.type] : [...s.type];
}

export function allowsNull(s: JsonSchema): boolean {
  const types = typesOf(s);
  return types.length === 0 || types.includes('null');
}

/** A value the schema accepts, preferring its examples and default. */
export function validSample(kind: Kind, schema: JsonSchema): unknown {
  const s = resolve(kind, schema);
  if (s.examples?.[0] !== undefined) return s.examples[0];
  if (s.default !== undefined && s.default !== null) return s.default;
  const e = s.enum?.find((v) => v !== null);
  if (e !== undefined) return e;
  if (s.const !== undefined) return s.const;
  const t = typesOf(s).find((x) => x !== 'null');
  switch (t) {
    case 'string':
      return s.format === 'uuid' ? PERSONA_ID : 'some text';
    case 'integer':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 3);
    case 'number':
      return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 0.5 : 0.5);
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      const out: Doc = {};
      for (const r of s.required ?? []) {
        const ps = s.properties?.[r];
        assert.ok(ps, `required ${r} has no schema`);
        out[r] = validSample(kind, ps);
      }
      return out;
    }
    default:
      return 'any value';
  }
}

/** A value of a type the schema does not accept (undefined when it accepts any type). */
export function wrongTypeSample(kind: Kind, schema: JsonSchema): unknown {
  const types = typesOf(resolve(kind, schema));
  if (types.length === 0) return undefined;
  return types.includes('string') ? 12345 : 'some text';
}

/** A JSON value's type in JSON Schema terms. */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}
