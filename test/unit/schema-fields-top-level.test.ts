/**
 * Every top-level field of both JSON Schemas, as validateText reports it: valid values pass, wrong values
 * give exactly one error with the right code, pointer and position. The tests are driven by the schemas,
 * so a field added to schemas/ is exercised without touching this file.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { KINDS, type Format, type JsonSchema, type Kind } from '../../src/core/kinds';
import { SCHEMAS } from '../../src/core/schema/schemas';
import { toPointer } from '../../src/core/problem';
import * as h from './helpers/definitions';
import type { Doc } from './helpers/definitions';
import { FORMATS, EXISTING, boundaryCases, NOT_A_CHOICE } from './helpers/schema-fields';

// ---- top-level fields ----------------------------------------------------------------------------

function topLevelFieldTests(kind: Kind, field: string, schema: JsonSchema, format: Format): void {
  const s = h.resolve(kind, schema);
  const make = (v: unknown): Doc => EXISTING[kind]({ [field]: v });
  const run = (v: unknown) => h.validateDoc(make(v), kind, format);
  const pointer = toPointer([field]);
  const types = h.typesOf(s);

  void test(`a valid value (${JSON.stringify(h.validSample(kind, s))}) passes`, () => {
    h.assertNoErrors(run(h.validSample(kind, s)));
  });

  const wrong = h.wrongTypeSample(kind, s);
  if (wrong !== undefined) {
    void test(`a wrong type (${JSON.stringify(wrong)}) gives one invalid-type on the value`, () => {
      const doc = make(wrong);
      h.assertOneError(h.validateDoc(doc, kind, format), {
        code: 'invalid-type',
        pointer,
        range: h.valueRange(doc, field, format),
      });
    });
  }

  if (types.includes('integer') && !types.includes('number')) {
    void test('a fractional number gives invalid-type (a whole number is wanted)', () => {
      const doc = make(15.5); // above every minimum, so only the type is wrong
      h.assertOneError(h.validateDoc(doc, kind, format), {
        code: 'invalid-type',
        pointer,
        range: h.valueRange(doc, field, format),
        message: /a whole number/,
      });
    });
  }

  if (types.length > 0) {
    if (h.allowsNull(s)) {
      void test('null is accepted', () => h.assertNoErrors(run(null)));
    } else {
      void test('null gives invalid-type (not nullable)', () => {
        const doc = make(null);
        h.assertOneError(h.validateDoc(doc, kind, format), {
          code: 'invalid-type',
          pointer,
          range: h.valueRange(doc, field, format),
        });
      });
    }
  }

  if (s.enum) {
    const allowed = s.enum;
    void test(`each allowed value passes (${allowed.map(String).join(', ')})`, () => {
      for (const v of allowed) h.assertNoErrors(run(v));
    });
    void test(`a value outside the enum ('${NOT_A_CHOICE}') gives invalid-enum listing the allowed values`, () => {
      const doc = make(NOT_A_CHOICE);
      const list = allowed
        .filter((v) => v !== null)
        .map(String)
        .join(', ');
      h.assertOneError(h.validateDoc(doc, kind, format), {
        code: 'invalid-enum',
        pointer,
        range: h.valueRange(doc, field, format),
        message: `${field} must be one of ${list} (got '${NOT_A_CHOICE}').`,
      });
    });
  }

  if (s.format === 'uuid') {
    void test('a string that is not a UUID gives invalid-format', () => {
      const doc = make('not-a-uuid');
      h.assertOneError(h.validateDoc(doc, kind, format), {
        code: 'invalid-format',
        pointer,
        range: h.valueRange(doc, field, format),
        message: /UUID/,
      });
    });
  }

  for (const c of boundaryCases(s)) {
    void test(c.label, () => {
      const doc = make(c.value);
      const result = h.validateDoc(doc, kind, format);
      if (c.ok) h.assertNoErrors(result);
      else
        h.assertOneError(result, {
          code: 'out-of-range',
          pointer,
          range: h.valueRange(doc, field, format),
          message: new RegExp(`^${field} must be [<>]=? -?[\\d.]+ \\(got ${c.value}\\)\\.$`),
        });
    });
  }

  if (types.includes('object') && s.properties && s.additionalProperties !== true) {
    void test('an unknown key inside the object gives unknown-key on that key', () => {
      const doc = make({ ...(h.validSample(kind, s) as Doc), bogus_key: 1 });
      h.assertOneError(h.validateDoc(doc, kind, format), {
        code: 'unknown-key',
        pointer: `${pointer}/bogus_key`,
        line: h.lineOf(doc, field, format),
        message: /Unknown key 'bogus_key' in /,
      });
    });
  }
  if (types.includes('object') && (s.required?.length ?? 0) > 0) {
    void test(`an empty object misses the required ${(s.required ?? []).join(', ')}`, () => {
      const doc = make({});
      const result = h.validateDoc(doc, kind, format);
      const errs = h.errorsOf(result);
      assert.equal(errs.length, s.required?.length, h.describeProblems(result.problems));
      for (const req of s.required ?? []) {
        const p = errs.find((e) => e.message.includes(`'${req}'`));
        assert.ok(p, `no problem names ${req}: ${h.describeProblems(errs)}`);
        assert.equal(p.code, 'missing-property');
        assert.equal(p.pointer, pointer);
        assert.deepEqual(p.range, h.valueRange(doc, field, format));
      }
    });
  }

  if (types.includes('array') && s.items && h.typesOf(h.resolve(kind, s.items)).length > 0) {
    const bad = h.wrongTypeSample(kind, s.items);
    void test(`an item of the wrong type (${JSON.stringify(bad)}) gives invalid-type on the item`, () => {
      const doc = make([bad]);
      h.assertOneError(h.validateDoc(doc, kind, format), {
        code: 'invalid-type',
        pointer: `${pointer}/0`,
        line: h.lineOf(doc, field, format),
      });
    });
  }
}

void describe('top-level fields, driven by the schemas', () => {
  for (const kind of KINDS) {
    const props = SCHEMAS[kind].properties ?? {};
    void test(`${kind}: the schema lists its fields`, () => {
      const names = Object.keys(props);
      if (kind === 'customer-persona')
        assert.deepEqual(names.sort(), [
          '$schema',
          'agent_id',
          'description',
          'environment',
          'goal',
          'id',
          'kind',
          'name',
        ]);
      else assert.ok(names.length >= 38, `only ${names.length} fields`);
    });
    for (const [field, schema] of Object.entries(props)) {
      if (field === 'kind') continue; // its own tests below: a wrong kind is invalid-kind, not invalid-enum
      for (const format of FORMATS) {
        void describe(`${kind} ${field} (${format})`, () => topLevelFieldTests(kind, field, schema, format));
      }
    }
    for (const format of FORMATS) {
      void test(`${kind} (${format}): an unknown top-level key gives unknown-key on the key`, () => {
        const doc = EXISTING[kind]({ bogus_field: 'x' });
        h.assertOneError(h.validateDoc(doc, kind, format), {
          code: 'unknown-key',
          pointer: '/bogus_field',
          range: h.keyRange(doc, 'bogus_field', format),
          message: "Unknown key 'bogus_field': Bluejay would silently ignore it.",
        });
      });
    }
  }
});
