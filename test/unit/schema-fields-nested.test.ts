/**
 * Every field of the digital-human schema's nested objects (its definitions, and speaks_first_config), as
 * validateText reports it: valid values pass, wrong values give exactly one error with the right code,
 * pointer and line. Driven by the schema, with one fixture per definition.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Format, JsonSchema, Kind } from '../../src/core/kinds';
import * as h from './helpers/definitions';
import type { Doc } from './helpers/definitions';
import { FORMATS, boundaryCases, NOT_A_CHOICE, DH, def, prop } from './helpers/schema-fields';

// ---- nested objects, driven by the schema's definitions ------------------------------------------

interface Nested {
  /** Definition name, or the top-level property for an inline object schema. */
  readonly name: string;
  readonly schema: JsonSchema;
  /** A valid object with no problems at all. */
  readonly fixture: Doc;
  /** A digital human holding the object. */
  readonly embed: (o: Doc) => Doc;
  /** The top-level field the object sits under. */
  readonly field: string;
  readonly pointer: string;
}

const NESTED: readonly Nested[] = [
  {
    name: 'ExpectedToolCall',
    schema: def('ExpectedToolCall'),
    field: 'expected_tool_calls',
    pointer: '/expected_tool_calls/0',
    fixture: { name: 'lookup_invoice', parameters: { account: 'ACC-1' }, output: { charges: [1, 2] } },
    embed: (o) => h.digitalHuman({ expected_tool_calls: [o] }),
  },
  {
    name: 'Trait',
    schema: def('Trait'),
    field: 'traits',
    pointer: '/traits/0',
    fixture: { trait_name: 'account_number', trait_data_type: 'STRING', value: 'ACC-1', is_sip_header: false },
    embed: (o) => h.digitalHuman({ traits: [o] }),
  },
  {
    name: 'ScriptedResponse',
    schema: def('ScriptedResponse'),
    field: 'scripted_responses',
    pointer: '/scripted_responses/0',
    fixture: {
      match_type: 'exact',
      match_phrase: 'Your account number?',
      response_type: 'phrase',
      response_value: 'ACC-1',
      occurrence_mode: 'always',
    },
    embed: (o) => h.digitalHuman({ scripted_responses: [o] }),
  },
  {
    name: 'SimpleInterruption',
    schema: def('SimpleInterruption'),
    field: 'interruptions',
    pointer: '/interruptions',
    fixture: { type: 'low' },
    embed: (o) => h.digitalHuman({ interruptions: o }),
  },
  {
    name: 'KeywordsInterruption',
    schema: def('KeywordsInterruption'),
    field: 'interruptions',
    pointer: '/interruptions',
    fixture: { type: 'keywords', keyword_responses: [{ keyword: 'policy', response: 'I do not care.' }] },
    embed: (o) => h.digitalHuman({ interruptions: o }),
  },
  {
    name: 'ContextualInterruption',
    schema: def('ContextualInterruption'),
    field: 'interruptions',
    pointer: '/interruptions',
    fixture: { type: 'contextual', contextual_prompt: 'Interrupt when the agent rambles.' },
    embed: (o) => h.digitalHuman({ interruptions: o }),
  },
  {
    name: 'KeywordResponse',
    schema: def('KeywordResponse'),
    field: 'interruptions',
    pointer: '/interruptions/keyword_responses/0',
    fixture: { keyword: 'hold', response: 'Do not put me on hold.', probability: 0.8 },
    embed: (o) => h.digitalHuman({ interruptions: { type: 'keywords', keyword_responses: [o] } }),
  },
  {
    name: 'TranscriptTurn',
    schema: def('TranscriptTurn'),
    field: 'formatted_transcript',
    pointer: '/formatted_transcript/0',
    fixture: { role: 'USER', utterance: 'Hi, my promo code is not working.' },
    // Both transcripts, so the transcript rules stay quiet.
    embed: (o) =>
      h.digitalHuman({ original_transcript: 'Customer: Hi, my promo code is not working.', formatted_transcript: [o] }),
  },
  {
    name: 'speaks_first_config',
    schema: prop('speaks_first_config'),
    field: 'speaks_first_config',
    pointer: '/speaks_first_config',
    fixture: { speaks_first: true, mode: 'custom', message: 'Hello, I need help with my bill.' },
    embed: (o) => h.digitalHuman({ speaks_first_config: o }),
  },
];

function nestedTests(n: Nested, format: Format): void {
  const kind: Kind = 'digital-human';
  const s = h.resolve(kind, n.schema);
  const run = (o: Doc) => {
    const doc = n.embed(o);
    return { doc, result: h.validateDoc(doc, kind, format) };
  };
  const line = (doc: Doc): number => h.lineOf(doc, n.field, format);

  void test('the fixture has no problems at all', () => h.assertNoProblems(run(n.fixture).result));

  for (const [key, ps0] of Object.entries(s.properties ?? {})) {
    const ps = h.resolve(kind, ps0);
    const pointer = `${n.pointer}/${key}`;
    const wrong = h.wrongTypeSample(kind, ps);
    if (wrong !== undefined) {
      void test(`${key}: a wrong type (${JSON.stringify(wrong)}) gives one invalid-type`, () => {
        const { doc, result } = run({ ...n.fixture, [key]: wrong });
        h.assertOneError(result, { code: 'invalid-type', pointer, line: line(doc) });
      });
      if (h.allowsNull(ps)) {
        void test(`${key}: null passes the schema`, () =>
          h.assertNoSchemaProblems(run({ ...n.fixture, [key]: null }).result));
      } else {
        void test(`${key}: null gives invalid-type (not nullable)`, () => {
          const { doc, result } = run({ ...n.fixture, [key]: null });
          h.assertOneError(result, { code: 'invalid-type', pointer, line: line(doc) });
        });
      }
    } else {
      void test(`${key}: any JSON value passes the schema`, () => {
        for (const v of ['text', 12, 1.5, true, null, [1, 'a'], { a: { b: 1 } }])
          h.assertNoSchemaProblems(run({ ...n.fixture, [key]: v }).result);
      });
    }
    if (ps.enum) {
      const allowed = ps.enum;
      void test(`${key}: each allowed value passes the schema (${allowed.map(String).join(', ')})`, () => {
        for (const v of allowed) h.assertNoSchemaProblems(run({ ...n.fixture, [key]: v }).result);
      });
      void test(`${key}: '${NOT_A_CHOICE}' gives one invalid-enum`, () => {
        const { doc, result } = run({ ...n.fixture, [key]: NOT_A_CHOICE });
        h.assertOneError(result, {
          code: 'invalid-enum',
          pointer,
          line: line(doc),
          message: /must be (one of )?[\w, ]+ \(got 'not-a-choice'\)/,
        });
      });
    }
    for (const c of boundaryCases(ps)) {
      void test(`${key}: ${c.label}`, () => {
        const { doc, result } = run({ ...n.fixture, [key]: c.value });
        if (c.ok) h.assertNoSchemaProblems(result);
        else h.assertOneError(result, { code: 'out-of-range', pointer, line: line(doc) });
      });
    }
  }

  for (const req of s.required ?? []) {
    void test(`without the required ${req}: one missing-property on the object`, () => {
      const o = { ...n.fixture };
      delete o[req];
      const { doc, result } = run(o);
      h.assertOneError(result, {
        code: 'missing-property',
        pointer: n.pointer,
        line: line(doc),
        message: new RegExp(`the required property '${req}'\\.$`),
      });
    });
  }

  if (s.additionalProperties === false) {
    void test('an unknown key gives one unknown-key on that key', () => {
      const { doc, result } = run({ ...n.fixture, bogus_key: 1 });
      h.assertOneError(result, { code: 'unknown-key', pointer: `${n.pointer}/bogus_key`, line: line(doc) });
    });
  }
}

void describe('nested objects, driven by the schema definitions', () => {
  void test('every definition of the digital-human schema has a fixture here', () => {
    const covered = new Set(NESTED.map((n) => n.name));
    assert.deepEqual(
      Object.keys(DH.definitions ?? {}).filter((d) => !covered.has(d)),
      [],
    );
  });
  for (const n of NESTED) {
    for (const format of FORMATS) {
      void describe(`${n.name} (${format})`, () => nestedTests(n, format));
    }
  }
});
