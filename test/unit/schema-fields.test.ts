/**
 * Every field of both JSON Schemas, as validateText reports it: valid values pass, wrong values give
 * exactly one error with the right code, pointer and position. The per-field tests are driven by the
 * schemas, so a field added to schemas/ is exercised without touching this file.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { KINDS, SCHEMAS, type Format, type JsonSchema, type Kind } from '../../src/core/kinds';
import { toPointer } from '../../src/core/problem';
import { validateText } from '../../src/core/validate';
import * as h from './helpers/definitions';
import type { Doc } from './helpers/definitions';

const FORMATS: readonly Format[] = ['yaml', 'json'];
const EXISTING: Readonly<Record<Kind, (o?: Doc) => Doc>> = { 'customer-persona': h.persona, 'digital-human': h.digitalHuman };
const DH_FILE = 'test.digital-human.yaml';
const PERSONA_FILE = 'test.persona.yaml';

/** Values just inside and just outside a schema's numeric bounds. */
function boundaryCases(s: JsonSchema): { value: number; ok: boolean; label: string }[] {
  const step = h.typesOf(s).includes('integer') ? 1 : 0.01;
  const r = (x: number): number => Number(x.toFixed(10));
  const out: { value: number; ok: boolean; label: string }[] = [];
  if (s.minimum !== undefined) out.push({ value: s.minimum, ok: true, label: `the minimum ${s.minimum} itself passes` }, { value: r(s.minimum - step), ok: false, label: `${r(s.minimum - step)}, just below the minimum, is out of range` });
  if (s.maximum !== undefined) out.push({ value: s.maximum, ok: true, label: `the maximum ${s.maximum} itself passes` }, { value: r(s.maximum + step), ok: false, label: `${r(s.maximum + step)}, just above the maximum, is out of range` });
  if (s.exclusiveMinimum !== undefined) out.push({ value: s.exclusiveMinimum, ok: false, label: `the exclusive minimum ${s.exclusiveMinimum} itself is out of range` }, { value: r(s.exclusiveMinimum + step), ok: true, label: `${r(s.exclusiveMinimum + step)}, just above the exclusive minimum, passes` });
  if (s.exclusiveMaximum !== undefined) out.push({ value: s.exclusiveMaximum, ok: false, label: `the exclusive maximum ${s.exclusiveMaximum} itself is out of range` }, { value: r(s.exclusiveMaximum - step), ok: true, label: `${r(s.exclusiveMaximum - step)}, just below the exclusive maximum, passes` });
  return out;
}

const NOT_A_CHOICE = 'not-a-choice';

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
      h.assertOneError(h.validateDoc(doc, kind, format), { code: 'invalid-type', pointer, range: h.valueRange(doc, field, format) });
    });
  }

  if (types.includes('integer') && !types.includes('number')) {
    void test('a fractional number gives invalid-type (a whole number is wanted)', () => {
      const doc = make(15.5); // above every minimum, so only the type is wrong
      h.assertOneError(h.validateDoc(doc, kind, format), { code: 'invalid-type', pointer, range: h.valueRange(doc, field, format), message: /a whole number/ });
    });
  }

  if (types.length > 0) {
    if (h.allowsNull(s)) {
      void test('null is accepted', () => h.assertNoErrors(run(null)));
    } else {
      void test('null gives invalid-type (not nullable)', () => {
        const doc = make(null);
        h.assertOneError(h.validateDoc(doc, kind, format), { code: 'invalid-type', pointer, range: h.valueRange(doc, field, format) });
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
      const list = allowed.filter((v) => v !== null).map(String).join(', ');
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
      h.assertOneError(h.validateDoc(doc, kind, format), { code: 'invalid-format', pointer, range: h.valueRange(doc, field, format), message: /UUID/ });
    });
  }

  for (const c of boundaryCases(s)) {
    void test(c.label, () => {
      const doc = make(c.value);
      const result = h.validateDoc(doc, kind, format);
      if (c.ok) h.assertNoErrors(result);
      else h.assertOneError(result, { code: 'out-of-range', pointer, range: h.valueRange(doc, field, format), message: new RegExp(`^${field} must be [<>]=? -?[\\d.]+ \\(got ${c.value}\\)\\.$`) });
    });
  }

  if (types.includes('object') && s.properties && s.additionalProperties !== true) {
    void test('an unknown key inside the object gives unknown-key on that key', () => {
      const doc = make({ ...(h.validSample(kind, s) as Doc), bogus_key: 1 });
      h.assertOneError(h.validateDoc(doc, kind, format), { code: 'unknown-key', pointer: `${pointer}/bogus_key`, line: h.lineOf(doc, field, format), message: /Unknown key 'bogus_key' in / });
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
      h.assertOneError(h.validateDoc(doc, kind, format), { code: 'invalid-type', pointer: `${pointer}/0`, line: h.lineOf(doc, field, format) });
    });
  }
}

void describe('top-level fields, driven by the schemas', () => {
  for (const kind of KINDS) {
    const props = SCHEMAS[kind].properties ?? {};
    void test(`${kind}: the schema lists its fields`, () => {
      const names = Object.keys(props);
      if (kind === 'customer-persona') assert.deepEqual(names.sort(), ['$schema', 'agent_id', 'description', 'goal', 'id', 'kind', 'name']);
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
        h.assertOneError(h.validateDoc(doc, kind, format), { code: 'unknown-key', pointer: '/bogus_field', range: h.keyRange(doc, 'bogus_field', format), message: "Unknown key 'bogus_field': Bluejay would silently ignore it." });
      });
    }
  }
});

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

const DH = SCHEMAS['digital-human'];
const def = (name: string): JsonSchema => {
  const s = DH.definitions?.[name];
  assert.ok(s, `no definition ${name}`);
  return s;
};
const prop = (name: string): JsonSchema => {
  const s = DH.properties?.[name];
  assert.ok(s, `no property ${name}`);
  return s;
};

const NESTED: readonly Nested[] = [
  {
    name: 'ExpectedToolCall', schema: def('ExpectedToolCall'), field: 'expected_tool_calls', pointer: '/expected_tool_calls/0',
    fixture: { name: 'lookup_invoice', parameters: { account: 'ACC-1' }, output: { charges: [1, 2] } },
    embed: (o) => h.digitalHuman({ expected_tool_calls: [o] }),
  },
  {
    name: 'Trait', schema: def('Trait'), field: 'traits', pointer: '/traits/0',
    fixture: { trait_name: 'account_number', trait_data_type: 'STRING', value: 'ACC-1', is_sip_header: false },
    embed: (o) => h.digitalHuman({ traits: [o] }),
  },
  {
    name: 'ScriptedResponse', schema: def('ScriptedResponse'), field: 'scripted_responses', pointer: '/scripted_responses/0',
    fixture: { match_type: 'exact', match_phrase: 'Your account number?', response_type: 'phrase', response_value: 'ACC-1', occurrence_mode: 'always' },
    embed: (o) => h.digitalHuman({ scripted_responses: [o] }),
  },
  {
    name: 'SimpleInterruption', schema: def('SimpleInterruption'), field: 'interruptions', pointer: '/interruptions',
    fixture: { type: 'low' },
    embed: (o) => h.digitalHuman({ interruptions: o }),
  },
  {
    name: 'KeywordsInterruption', schema: def('KeywordsInterruption'), field: 'interruptions', pointer: '/interruptions',
    fixture: { type: 'keywords', keyword_responses: [{ keyword: 'policy', response: 'I do not care.' }] },
    embed: (o) => h.digitalHuman({ interruptions: o }),
  },
  {
    name: 'ContextualInterruption', schema: def('ContextualInterruption'), field: 'interruptions', pointer: '/interruptions',
    fixture: { type: 'contextual', contextual_prompt: 'Interrupt when the agent rambles.' },
    embed: (o) => h.digitalHuman({ interruptions: o }),
  },
  {
    name: 'KeywordResponse', schema: def('KeywordResponse'), field: 'interruptions', pointer: '/interruptions/keyword_responses/0',
    fixture: { keyword: 'hold', response: 'Do not put me on hold.', probability: 0.8 },
    embed: (o) => h.digitalHuman({ interruptions: { type: 'keywords', keyword_responses: [o] } }),
  },
  {
    name: 'TranscriptTurn', schema: def('TranscriptTurn'), field: 'formatted_transcript', pointer: '/formatted_transcript/0',
    fixture: { role: 'USER', utterance: 'Hi, my promo code is not working.' },
    // Both transcripts, so the transcript rules stay quiet.
    embed: (o) => h.digitalHuman({ original_transcript: 'Customer: Hi, my promo code is not working.', formatted_transcript: [o] }),
  },
  {
    name: 'speaks_first_config', schema: prop('speaks_first_config'), field: 'speaks_first_config', pointer: '/speaks_first_config',
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
        void test(`${key}: null passes the schema`, () => h.assertNoSchemaProblems(run({ ...n.fixture, [key]: null }).result));
      } else {
        void test(`${key}: null gives invalid-type (not nullable)`, () => {
          const { doc, result } = run({ ...n.fixture, [key]: null });
          h.assertOneError(result, { code: 'invalid-type', pointer, line: line(doc) });
        });
      }
    } else {
      void test(`${key}: any JSON value passes the schema`, () => {
        for (const v of ['text', 12, 1.5, true, null, [1, 'a'], { a: { b: 1 } }]) h.assertNoSchemaProblems(run({ ...n.fixture, [key]: v }).result);
      });
    }
    if (ps.enum) {
      const allowed = ps.enum;
      void test(`${key}: each allowed value passes the schema (${allowed.map(String).join(', ')})`, () => {
        for (const v of allowed) h.assertNoSchemaProblems(run({ ...n.fixture, [key]: v }).result);
      });
      void test(`${key}: '${NOT_A_CHOICE}' gives one invalid-enum`, () => {
        const { doc, result } = run({ ...n.fixture, [key]: NOT_A_CHOICE });
        h.assertOneError(result, { code: 'invalid-enum', pointer, line: line(doc), message: /must be (one of )?[\w, ]+ \(got 'not-a-choice'\)/ });
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
      h.assertOneError(result, { code: 'missing-property', pointer: n.pointer, line: line(doc), message: new RegExp(`the required property '${req}'\\.$`) });
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
    assert.deepEqual(Object.keys(DH.definitions ?? {}).filter((d) => !covered.has(d)), []);
  });
  for (const n of NESTED) {
    for (const format of FORMATS) {
      void describe(`${n.name} (${format})`, () => nestedTests(n, format));
    }
  }
});

// ---- explicit cases, written out with exact positions --------------------------------------------

void describe('enum values and messages', () => {
  void test('voice_speed: fastt gives the exact message with a suggestion and the exact range', () => {
    const text = 'id: 1\nphone_number: "+14155550123"\nvoice_speed: fastt\n';
    h.assertOnlyProblem(validateText(text, DH_FILE), {
      severity: 'error',
      code: 'invalid-enum',
      pointer: '/voice_speed',
      range: { start: { line: 2, character: 13 }, end: { line: 2, character: 18 } },
      message: "voice_speed must be one of slowest, slow, normal, fast, fastest (got 'fastt'); did you mean 'fast'?",
    });
  });

  void test('accent mature is accepted (the API page lists it)', () => {
    h.assertNoProblems(validateText('id: 1\nphone_number: "+14155550123"\naccent: mature\n', DH_FILE));
  });

  void test('language EN suggests en', () => {
    const text = 'id: 1\nphone_number: "+14155550123"\nlanguage: EN\n';
    h.assertOneError(validateText(text, DH_FILE), { code: 'invalid-enum', pointer: '/language', range: h.rangeOf(text, 'EN'), message: /\(got 'EN'\); did you mean 'en'\?$/ });
  });

  void test('a number for an enum field gives only invalid-type (no second invalid-enum)', () => {
    const text = 'id: 1\nphone_number: "+14155550123"\ngender: 1\n';
    h.assertOnlyProblem(validateText(text, DH_FILE), { severity: 'error', code: 'invalid-type', pointer: '/gender', range: { start: { line: 2, character: 8 }, end: { line: 2, character: 9 } } });
  });

  void test('an unquoted yes is text in YAML, so a boolean field reports invalid-type', () => {
    const text = 'id: 1\nphone_number: "+14155550123"\nallow_end_call_tool: yes\n';
    h.assertOneError(validateText(text, DH_FILE), { code: 'invalid-type', pointer: '/allow_end_call_tool', range: h.rangeOf(text, 'yes'), message: "allow_end_call_tool must be true or false or null (got text 'yes')." });
  });

  void test('an unquoted number for a text field suggests quotes', () => {
    const text = 'id: 1\nphone_number: 14155550123\n';
    h.assertOneError(validateText(text, DH_FILE), { code: 'invalid-type', pointer: '/phone_number', range: h.rangeOf(text, '14155550123'), message: /put it in quotes to make it text\.$/ });
  });
});

void describe('null where the schema allows it', () => {
  void test('every nullable top-level field of an existing digital human may be null at once', () => {
    const props = DH.properties ?? {};
    const nulls: Doc = {};
    for (const [k, s] of Object.entries(props)) if (h.typesOf(s).includes('null')) nulls[k] = null;
    assert.ok(Object.keys(nulls).length >= 35);
    h.assertNoErrors(h.validateDoc(h.digitalHuman(nulls), 'digital-human'));
  });

  void test('every nullable field of an existing persona may be null at once', () => {
    h.assertNoProblems(h.validateDoc(h.persona({ name: null, description: null, goal: null, agent_id: null }), 'customer-persona'));
  });

  void test('nullable nested values: mode and message, response_value, occurrence_n, silence_duration, parameters', () => {
    const text = [
      'id: 1',
      'phone_number: "+14155550123"',
      'speaks_first_config:',
      '  speaks_first: false',
      '  mode: null',
      '  message: null',
      'scripted_responses:',
      '  - match_type: context',
      '    match_phrase: Please hold',
      '    response_type: silence',
      '    response_value: null',
      '    occurrence_mode: always',
      '    occurrence_n: null',
      '    silence_duration: null',
      'expected_tool_calls:',
      '  - name: lookup_invoice',
      '    parameters: null',
      '    output: null',
      '',
    ].join('\n');
    h.assertNoProblems(validateText(text, DH_FILE));
  });

  void test('id is not nullable', () => {
    const text = 'id: null\nphone_number: "+14155550123"\n';
    h.assertOneError(validateText(text, DH_FILE), { code: 'invalid-type', pointer: '/id', range: h.rangeOf(text, 'null') });
  });
});

void describe('unknown and server-managed keys', () => {
  void test('persona_goal in a persona: unknown-key on exactly the key, suggesting goal', () => {
    const text = `id: ${h.PERSONA_ID}\npersona_goal: Get a refund\n`;
    h.assertOnlyProblem(validateText(text, PERSONA_FILE), {
      severity: 'error',
      code: 'unknown-key',
      pointer: '/persona_goal',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } },
      message: "Unknown key 'persona_goal': Bluejay would silently ignore it. Did you mean 'goal'?",
    });
  });

  void test('persona_goal in a JSON persona: unknown-key on the quoted key', () => {
    const text = `{\n  "id": "${h.PERSONA_ID}",\n  "persona_goal": "Get a refund"\n}\n`;
    h.assertOnlyProblem(validateText(text, 'test.persona.json'), { severity: 'error', code: 'unknown-key', pointer: '/persona_goal', range: h.rangeOf(text, '"persona_goal"') });
  });

  void test('a digital-human field in a persona is an unknown key', () => {
    const text = `id: ${h.PERSONA_ID}\nvoice_speed: fast\n`;
    h.assertOneError(validateText(text, PERSONA_FILE), { code: 'unknown-key', pointer: '/voice_speed', range: h.rangeOf(text, 'voice_speed') });
  });

  void test('a misspelt nested key suggests the right one', () => {
    const text = 'id: 1\nphone_number: "+14155550123"\nspeaks_first_config:\n  speak_first: true\n';
    const result = validateText(text, DH_FILE);
    h.assertProblem(result, { severity: 'error', code: 'unknown-key', pointer: '/speaks_first_config/speak_first', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 13 } }, message: "Unknown key 'speak_first' in speaks_first_config: Bluejay would silently ignore it. Did you mean 'speaks_first'?" });
    h.assertProblem(result, { severity: 'error', code: 'missing-property', pointer: '/speaks_first_config', line: 3 });
  });

  const serverKeys: Readonly<Record<Kind, readonly string[]>> = {
    'digital-human': ['created_at', 'updated_at', 'org_id', 'websocket_url', 'workflow_v2_id', 'workflow_path_index', 'simulation_id'],
    'customer-persona': ['created_at', 'org_id'],
  };
  for (const kind of KINDS) {
    for (const key of serverKeys[kind]) {
      for (const format of FORMATS) {
        void test(`${kind} (${format}): server-managed ${key} gives unknown-key saying Bluejay sets it`, () => {
          const doc = EXISTING[kind]({ [key]: key === 'created_at' ? '2023-11-07T05:31:56Z' : 7 });
          h.assertOneError(h.validateDoc(doc, kind, format), {
            code: 'unknown-key',
            pointer: `/${key}`,
            range: h.keyRange(doc, key, format),
            message: key === 'simulation_id' ? "'simulation_id' is set by Bluejay and cannot be written from a file; remove it (use simulation_ids)." : `'${key}' is set by Bluejay and cannot be written from a file; remove it.`,
          });
        });
      }
    }
  }
});

void describe('interruptions: the three variants', () => {
  const head = 'id: 1\nphone_number: "+14155550123"\n';
  const dh = (body: string) => {
    const text = head + body;
    return { text, result: validateText(text, DH_FILE) };
  };

  for (const level of ['none', 'low', 'medium', 'high']) {
    void test(`level ${level} passes`, () => h.assertNoProblems(dh(`interruptions:\n  type: ${level}\n`).result));
  }
  void test('keywords with keyword_responses passes', () => {
    h.assertNoProblems(dh('interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: policy\n      response: I do not care.\n    - keyword: hold\n      response: No hold.\n      probability: 0.5\n').result);
  });
  void test('contextual with contextual_prompt passes', () => {
    h.assertNoProblems(dh('interruptions:\n  type: contextual\n  contextual_prompt: Interrupt when the agent rambles.\n').result);
  });
  void test('interruptions: null passes', () => h.assertNoProblems(dh('interruptions: null\n').result));

  void test('a wrong type (loud) gives invalid-enum on the type value', () => {
    const { text, result } = dh('interruptions:\n  type: loud\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-enum', pointer: '/interruptions/type', range: h.rangeOf(text, 'loud'), message: "interruptions.type must be one of none, low, medium, high, keywords, contextual (got 'loud')." });
  });
  void test('Keywords in the wrong case suggests keywords', () => {
    const { text, result } = dh('interruptions:\n  type: Keywords\n  keyword_responses: []\n');
    h.assertOneError(result, { code: 'invalid-enum', pointer: '/interruptions/type', range: h.rangeOf(text, 'Keywords'), message: /did you mean 'keywords'\?$/ });
  });
  void test('a mapping without type gives missing-property on the mapping', () => {
    const { text, result } = dh('interruptions:\n  contextual_prompt: Interrupt politely.\n');
    h.assertOneError(result, { code: 'missing-property', pointer: '/interruptions', line: h.lineWith(text, 'contextual_prompt'), message: "interruptions is missing the required property 'type'." });
  });
  void test('a string instead of a mapping gives invalid-type', () => {
    const { text, result } = dh('interruptions: low\n');
    h.assertOneError(result, { code: 'invalid-type', pointer: '/interruptions', range: h.rangeOf(text, 'low'), message: "interruptions must be a mapping or null (got text 'low')." });
  });

  void test('level with a key of the contextual variant: one unknown-key on that key', () => {
    const { text, result } = dh('interruptions:\n  type: low\n  contextual_prompt: Interrupt politely.\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'unknown-key', pointer: '/interruptions/contextual_prompt', range: h.rangeOf(text, 'contextual_prompt') });
  });
  void test('level with keyword_responses: one unknown-key on that key', () => {
    const { text, result } = dh('interruptions:\n  type: high\n  keyword_responses: []\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'unknown-key', pointer: '/interruptions/keyword_responses', range: h.rangeOf(text, 'keyword_responses') });
  });
  void test('contextual with keyword_responses: one unknown-key on that key', () => {
    const { text, result } = dh('interruptions:\n  type: contextual\n  contextual_prompt: Interrupt politely.\n  keyword_responses:\n    - keyword: a\n      response: b\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'unknown-key', pointer: '/interruptions/keyword_responses', range: h.rangeOf(text, 'keyword_responses') });
  });
  void test('keywords with contextual_prompt: one unknown-key on that key', () => {
    const { text, result } = dh('interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: a\n      response: b\n  contextual_prompt: Interrupt politely.\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'unknown-key', pointer: '/interruptions/contextual_prompt', range: h.rangeOf(text, 'contextual_prompt') });
  });

  void test('keywords without keyword_responses: missing-property on the mapping', () => {
    const { text, result } = dh('interruptions:\n  type: keywords\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'missing-property', pointer: '/interruptions', range: h.rangeOf(text, 'type: keywords'), message: "interruptions is missing the required property 'keyword_responses'." });
  });
  void test('contextual without contextual_prompt: missing-property on the mapping', () => {
    const { text, result } = dh('interruptions:\n  type: contextual\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'missing-property', pointer: '/interruptions', range: h.rangeOf(text, 'type: contextual'), message: "interruptions is missing the required property 'contextual_prompt'." });
  });

  const kw = (p: string) => dh(`interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: hold\n      response: No hold.\n      probability: ${p}\n`);
  for (const p of ['0', '1', '0.5']) {
    void test(`keyword probability ${p} passes`, () => h.assertNoProblems(kw(p).result));
  }
  for (const p of ['-0.01', '1.01']) {
    void test(`keyword probability ${p} is out of range`, () => {
      const { text, result } = kw(p);
      h.assertOnlyProblem(result, { severity: 'error', code: 'out-of-range', pointer: '/interruptions/keyword_responses/0/probability', range: h.rangeOf(text, p), message: `interruptions.keyword_responses[0].probability must be ${p.startsWith('-') ? '>= 0' : '<= 1'} (got ${p}).` });
    });
  }
  void test('keyword probability as text gives invalid-type', () => {
    const { text, result } = kw('high');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-type', pointer: '/interruptions/keyword_responses/0/probability', range: h.rangeOf(text, 'high') });
  });
  void test('a keyword response without response: missing-property on the item', () => {
    const { text, result } = dh('interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: hold\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'missing-property', pointer: '/interruptions/keyword_responses/0', range: h.rangeOf(text, 'keyword: hold'), message: "interruptions.keyword_responses[0] is missing the required property 'response'." });
  });
});

void describe('other nested objects, written out', () => {
  const head = 'id: 1\nphone_number: "+14155550123"\n';
  const dh = (body: string) => {
    const text = head + body;
    return { text, result: validateText(text, DH_FILE) };
  };

  void test('traits: a wrong trait_data_type gives invalid-enum on its value', () => {
    const { text, result } = dh('traits:\n  - trait_name: tier\n    trait_data_type: string\n    value: gold\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-enum', pointer: '/traits/0/trait_data_type', range: h.rangeOf(text, 'string'), message: "traits[0].trait_data_type must be one of BOOLEAN, STRING, DATE, NUMBER (got 'string'); did you mean 'STRING'?" });
  });
  void test('traits: a trait without value gives missing-property on the item (second item, its line)', () => {
    const { text, result } = dh('traits:\n  - trait_name: tier\n    trait_data_type: STRING\n    value: gold\n  - trait_name: vip\n    trait_data_type: BOOLEAN\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'missing-property', pointer: '/traits/1', line: h.lineWith(text, 'trait_name: vip'), message: "traits[1] is missing the required property 'value'." });
  });
  void test('traits: is_sip_header as text gives invalid-type', () => {
    const { text, result } = dh('traits:\n  - trait_name: tier\n    trait_data_type: STRING\n    value: gold\n    is_sip_header: "yes"\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-type', pointer: '/traits/0/is_sip_header', range: h.rangeOf(text, '"yes"') });
  });
  void test('traits: a list item that is not a mapping gives invalid-type on the item', () => {
    const { text, result } = dh('traits:\n  - tier\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-type', pointer: '/traits/0', range: h.rangeOf(text, 'tier') });
  });

  void test('scripted_responses: a wrong match_type gives invalid-enum with a suggestion', () => {
    const { text, result } = dh('scripted_responses:\n  - match_type: exactly\n    match_phrase: Hello\n    response_type: silence\n    occurrence_mode: always\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-enum', pointer: '/scripted_responses/0/match_type', range: h.rangeOf(text, 'exactly'), message: /did you mean 'exact'\?$/ });
  });
  void test('scripted_responses: missing match_phrase gives missing-property on the item', () => {
    const { text, result } = dh('scripted_responses:\n  - match_type: exact\n    response_type: silence\n    occurrence_mode: always\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'missing-property', pointer: '/scripted_responses/0', line: h.lineWith(text, 'match_type'), message: "scripted_responses[0] is missing the required property 'match_phrase'." });
  });
  void test('scripted_responses: occurrence_n 0 is out of range (must be > 0), 1 passes', () => {
    const body = (n: number) => `scripted_responses:\n  - match_type: exact\n    match_phrase: Hello\n    response_type: silence\n    occurrence_mode: first_n\n    occurrence_n: ${n}\n`;
    const { text, result } = dh(body(0));
    h.assertOnlyProblem(result, { severity: 'error', code: 'out-of-range', pointer: '/scripted_responses/0/occurrence_n', range: h.rangeAfter(text, 'occurrence_n: ', '0'), message: 'scripted_responses[0].occurrence_n must be > 0 (got 0).' });
    h.assertNoProblems(dh(body(1)).result);
  });
  void test('scripted_responses: silence_duration 0 is out of range, 1 passes', () => {
    const body = (n: number) => `scripted_responses:\n  - match_type: exact\n    match_phrase: Hello\n    response_type: silence\n    silence_duration: ${n}\n    occurrence_mode: always\n`;
    const { text, result } = dh(body(0));
    h.assertOnlyProblem(result, { severity: 'error', code: 'out-of-range', pointer: '/scripted_responses/0/silence_duration', line: h.lineWith(text, 'silence_duration') });
    h.assertNoProblems(dh(body(1)).result);
  });

  void test('speaks_first_config: missing speaks_first gives missing-property on the mapping', () => {
    const { text, result } = dh('speaks_first_config:\n  mode: ai_generated\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'missing-property', pointer: '/speaks_first_config', range: h.rangeOf(text, 'mode: ai_generated'), message: "speaks_first_config is missing the required property 'speaks_first'." });
  });
  void test('speaks_first_config: a wrong mode gives invalid-enum', () => {
    const { text, result } = dh('speaks_first_config:\n  speaks_first: true\n  mode: generated\n');
    h.assertOneError(result, { code: 'invalid-enum', pointer: '/speaks_first_config/mode', range: h.rangeOf(text, 'generated') });
  });
  void test('speaks_first_config: speaks_first as text gives invalid-type', () => {
    const { text, result } = dh('speaks_first_config:\n  speaks_first: "true"\n  mode: ai_generated\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-type', pointer: '/speaks_first_config/speaks_first', range: h.rangeOf(text, '"true"') });
  });

  void test('expected_tool_calls: output may be any JSON value', () => {
    for (const output of ['"refund_created"', '42', 'true', 'null', '[1, 2]', '{charges: [129.99]}']) {
      h.assertNoProblems(dh(`expected_tool_calls:\n  - name: lookup_invoice\n    output: ${output}\n`).result);
    }
  });
  void test('expected_tool_calls: a call without name gives missing-property on the item', () => {
    const { text, result } = dh('expected_tool_calls:\n  - parameters: {}\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'missing-property', pointer: '/expected_tool_calls/0', range: h.rangeOf(text, 'parameters: {}'), message: "expected_tool_calls[0] is missing the required property 'name'." });
  });
  void test('expected_tool_calls: parameters as a list gives invalid-type', () => {
    const { text, result } = dh('expected_tool_calls:\n  - name: lookup_invoice\n    parameters: [account]\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-type', pointer: '/expected_tool_calls/0/parameters', range: h.rangeOf(text, '[account]'), message: 'expected_tool_calls[0].parameters must be a mapping or null (got a list).' });
  });
  void test('expected_tool_calls: an unknown key (args) gives unknown-key on the key', () => {
    const { text, result } = dh('expected_tool_calls:\n  - name: lookup_invoice\n    args: {}\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'unknown-key', pointer: '/expected_tool_calls/0/args', range: h.rangeOf(text, 'args') });
  });

  const transcript = (turns: string) => dh(`original_transcript: "Customer: hi"\nformatted_transcript:\n${turns}`);
  void test('formatted_transcript: USER and AGENT turns pass', () => {
    h.assertNoProblems(transcript('  - role: AGENT\n    utterance: How can I help?\n  - role: USER\n    utterance: Hi.\n').result);
  });
  void test('formatted_transcript: role user (lower case) gives invalid-enum suggesting USER', () => {
    const { text, result } = transcript('  - role: AGENT\n    utterance: How can I help?\n  - role: user\n    utterance: Hi.\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-enum', pointer: '/formatted_transcript/1/role', range: h.rangeOf(text, 'user'), message: "formatted_transcript[1].role must be one of USER, AGENT (got 'user'); did you mean 'USER'?" });
  });
  void test('formatted_transcript: a turn without utterance gives missing-property on the turn', () => {
    const { text, result } = transcript('  - role: USER\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'missing-property', pointer: '/formatted_transcript/0', range: h.rangeOf(text, 'role: USER'), message: "formatted_transcript[0] is missing the required property 'utterance'." });
  });
  void test('formatted_transcript: a turn with a speaker key gives unknown-key', () => {
    const { text, result } = transcript('  - role: USER\n    utterance: Hi.\n    speaker: Maria\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'unknown-key', pointer: '/formatted_transcript/0/speaker', range: h.rangeOf(text, 'speaker') });
  });

  void test('livekit_metadata and enriched_playback items accept free-form mappings', () => {
    h.assertNoProblems(dh('livekit_metadata:\n  room: support\n  nested: {a: [1, 2]}\nenriched_playback:\n  - turn: 1\n    anything: [x]\n').result);
  });
  void test('simulation_ids: a text item gives invalid-type on the item', () => {
    const { text, result } = dh('simulation_ids: [57, "61"]\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-type', pointer: '/simulation_ids/1', range: h.rangeOf(text, '"61"') });
  });
});

void describe('kind', () => {
  const dhText = 'id: 1\nphone_number: "+14155550123"\n';
  const personaText = `id: ${h.PERSONA_ID}\nname: Refund seeker\n`;

  void test('the kind comes from the file-name suffix (yaml, yml, json; any case)', () => {
    const cases: [string, string, Kind][] = [
      ['a.persona.yaml', personaText, 'customer-persona'],
      ['a.persona.yml', personaText, 'customer-persona'],
      ['a.persona.json', `{"id": "${h.PERSONA_ID}"}`, 'customer-persona'],
      ['dir/Refund.PERSONA.YAML', personaText, 'customer-persona'],
      ['a.digital-human.yaml', dhText, 'digital-human'],
      ['a.digital-human.yml', dhText, 'digital-human'],
      ['a.digital-human.json', '{"id": 1, "phone_number": "+14155550123"}', 'digital-human'],
      ['Angry.Digital-Human.Yml', dhText, 'digital-human'],
    ];
    for (const [file, text, kind] of cases) {
      const result = validateText(text, file);
      assert.equal(result.kind, kind, file);
      h.assertNoProblems(result);
    }
  });

  void test('the kind comes from kind: when the name has no suffix', () => {
    const p = validateText(`kind: customer-persona\n${personaText}`, 'refund.yaml');
    assert.equal(p.kind, 'customer-persona');
    h.assertNoProblems(p);
    const d = validateText('{"kind": "digital-human", "id": 1, "phone_number": "+14155550123"}', 'caller.json');
    assert.equal(d.kind, 'digital-human');
    assert.equal(d.format, 'json');
    h.assertNoProblems(d);
  });

  void test('kind agreeing with the suffix passes', () => {
    h.assertNoProblems(validateText(`kind: digital-human\n${dhText}`, DH_FILE));
  });

  void test('kind and suffix disagreeing give kind-mismatch on the kind line; the declared kind is validated', () => {
    const text = `id: ${h.PERSONA_ID}\nname: Refund seeker\nkind: customer-persona\n`;
    const result = validateText(text, DH_FILE);
    assert.equal(result.kind, 'customer-persona');
    h.assertOnlyProblem(result, { severity: 'error', code: 'kind-mismatch', pointer: '/kind', range: { start: { line: 2, character: 6 }, end: { line: 2, character: 22 } }, message: 'kind is customer-persona but the file name says digital-human; make them agree.' });
  });

  void test('kind-mismatch the other way round, in JSON', () => {
    const text = '{\n  "id": 1,\n  "kind": "digital-human",\n  "phone_number": "+14155550123"\n}\n';
    const result = validateText(text, 'x.persona.json');
    assert.equal(result.kind, 'digital-human');
    h.assertOnlyProblem(result, { severity: 'error', code: 'kind-mismatch', pointer: '/kind', range: h.rangeOf(text, '"digital-human"') });
  });

  void test('neither kind nor suffix gives unknown-kind (and no schema check)', () => {
    const result = validateText('id: 1\nvoice_speed: fastt\n', 'caller.yaml');
    assert.equal(result.kind, undefined);
    h.assertOnlyProblem(result, { severity: 'error', code: 'unknown-kind', pointer: '', line: 0, message: 'Cannot tell what this file defines: add `kind: customer-persona` or `kind: digital-human`, or name it *.persona.yaml or *.digital-human.yaml.' });
    const json = validateText('{"id": 1}', 'caller.json');
    h.assertOnlyProblem(json, { severity: 'error', code: 'unknown-kind', pointer: '', line: 0, message: /\*\.persona\.json or \*\.digital-human\.json\.$/ });
  });

  void test('a misspelt kind gives invalid-kind with a suggestion, on the kind value', () => {
    const text = `${dhText}kind: digital-humn\n`;
    const result = validateText(text, 'caller.yaml');
    assert.equal(result.kind, undefined);
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-kind', pointer: '/kind', range: h.rangeOf(text, 'digital-humn'), message: "kind must be customer-persona or digital-human (got 'digital-humn'); did you mean 'digital-human'?" });
  });

  void test('kind: persona suggests customer-persona; Digital-Human suggests digital-human', () => {
    h.assertOnlyProblem(validateText('kind: persona\n', 'x.yaml'), { severity: 'error', code: 'invalid-kind', pointer: '/kind', line: 0, message: /did you mean 'customer-persona'\?$/ });
    h.assertOnlyProblem(validateText('kind: Digital-Human\n', 'x.yaml'), { severity: 'error', code: 'invalid-kind', pointer: '/kind', line: 0, message: /did you mean 'digital-human'\?$/ });
  });

  void test('a kind that is not text gives invalid-kind without a suggestion', () => {
    h.assertOnlyProblem(validateText('kind: 5\n', 'x.yaml'), { severity: 'error', code: 'invalid-kind', pointer: '/kind', line: 0, message: 'kind must be customer-persona or digital-human (got 5).' });
  });

  void test('a misspelt kind in a suffixed file gives exactly one invalid-kind', () => {
    const text = `kind: digital-humn\n${dhText}`;
    const result = validateText(text, DH_FILE);
    assert.equal(result.kind, 'digital-human');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-kind', pointer: '/kind', range: h.rangeOf(text, 'digital-humn'), message: /did you mean 'digital-human'\?$/ });
  });

  void test('a kind that is not text in a suffixed file gives exactly one problem', () => {
    const text = `kind: 5\n${dhText}`;
    h.assertOnlyProblem(validateText(text, DH_FILE), { severity: 'error', code: 'invalid-kind', pointer: '/kind', line: 0 });
  });
});

void describe('positions', () => {
  void test('characters are UTF-16 code units (an emoji counts 2)', () => {
    const text = '{"id": 1, "phone_number": "+14155550123", "name": "😀", "voice_speed": "fastt"}';
    const result = validateText(text, 'a.digital-human.json');
    const at = text.indexOf('"fastt"');
    h.assertOnlyProblem(result, { severity: 'error', code: 'invalid-enum', pointer: '/voice_speed', range: { start: { line: 0, character: at }, end: { line: 0, character: at + 7 } } });
    assert.equal(at, [...text.slice(0, at)].length + 1, 'the emoji is one code point but two code units');
  });

  void test('CRLF line endings count as one line break', () => {
    const text = 'id: 1\r\nphone_number: "+14155550123"\r\nvoice_speed: fastt\r\n';
    h.assertOnlyProblem(validateText(text, DH_FILE), { severity: 'error', code: 'invalid-enum', pointer: '/voice_speed', range: { start: { line: 2, character: 13 }, end: { line: 2, character: 18 } } });
  });
});
