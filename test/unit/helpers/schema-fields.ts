/**
 * Helpers shared by the schema-fields-*.test.ts files: the formats, existing-document builders and
 * file names they validate with, the numeric boundary cases of a schema, and the digital-human
 * schema's definitions and properties.
 */
import assert from 'node:assert/strict';
import type { Format, JsonSchema, Kind } from '../../../src/core/kinds';
import { SCHEMAS } from '../../../src/core/schema/schemas';
import * as h from './definitions';
import type { Doc } from './definitions';

export const FORMATS: readonly Format[] = ['yaml', 'json'];
export const EXISTING: Readonly<Record<Kind, (o?: Doc) => Doc>> = {
  'customer-persona': h.persona,
  'digital-human': h.digitalHuman,
};
export const DH_FILE = 'test.digital-human.yaml';
export const PERSONA_FILE = 'test.persona.yaml';

/** Values just inside and just outside a schema's numeric bounds. */
export function boundaryCases(s: JsonSchema): { value: number; ok: boolean; label: string }[] {
  const step = h.typesOf(s).includes('integer') ? 1 : 0.01;
  const r = (x: number): number => Number(x.toFixed(10));
  const out: { value: number; ok: boolean; label: string }[] = [];
  if (s.minimum !== undefined)
    out.push(
      { value: s.minimum, ok: true, label: `the minimum ${s.minimum} itself passes` },
      {
        value: r(s.minimum - step),
        ok: false,
        label: `${r(s.minimum - step)}, just below the minimum, is out of range`,
      },
    );
  if (s.maximum !== undefined)
    out.push(
      { value: s.maximum, ok: true, label: `the maximum ${s.maximum} itself passes` },
      {
        value: r(s.maximum + step),
        ok: false,
        label: `${r(s.maximum + step)}, just above the maximum, is out of range`,
      },
    );
  if (s.exclusiveMinimum !== undefined)
    out.push(
      {
        value: s.exclusiveMinimum,
        ok: false,
        label: `the exclusive minimum ${s.exclusiveMinimum} itself is out of range`,
      },
      {
        value: r(s.exclusiveMinimum + step),
        ok: true,
        label: `${r(s.exclusiveMinimum + step)}, just above the exclusive minimum, passes`,
      },
    );
  if (s.exclusiveMaximum !== undefined)
    out.push(
      {
        value: s.exclusiveMaximum,
        ok: false,
        label: `the exclusive maximum ${s.exclusiveMaximum} itself is out of range`,
      },
      {
        value: r(s.exclusiveMaximum - step),
        ok: true,
        label: `${r(s.exclusiveMaximum - step)}, just below the exclusive maximum, passes`,
      },
    );
  return out;
}

export const NOT_A_CHOICE = 'not-a-choice';

/** The digital-human schema, and one of its definitions or top-level properties by name. */
export const DH = SCHEMAS['digital-human'];
export const def = (name: string): JsonSchema => {
  const s = DH.definitions?.[name];
  assert.ok(s, `no definition ${name}`);
  return s;
};
export const prop = (name: string): JsonSchema => {
  const s = DH.properties?.[name];
  assert.ok(s, `no property ${name}`);
  return s;
};
