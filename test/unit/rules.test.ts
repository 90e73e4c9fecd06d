/**
 * The Bluejay rules of src/core/rules/*.ts (what the JSON Schema cannot say): for each rule a case
 * that triggers it (severity, code, pointer, position) and a near miss that does not.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../src/core/codes';
import { validateText, type ValidationResult } from '../../src/core/validate';
import * as h from './helpers/definitions';

const DH_FILE = 'caller.digital-human.yaml';
const PERSONA_FILE = 'refund.persona.yaml';
const EXISTING_DH = 'id: 1\nphone_number: "+14155550123"\n';

/** An existing digital human (id and phone number set) followed by `body`. */
function dh(body: string): { text: string; result: ValidationResult } {
  const text = EXISTING_DH + body;
  return { text, result: validateText(text, DH_FILE) };
}

function file(text: string, fileName = DH_FILE): { text: string; result: ValidationResult } {
  return { text, result: validateText(text, fileName) };
}

/** Every rule code and its severity, as the rules files define them; a new rule must be added here (and tested). */
const RULES: Readonly<Record<string, 'error' | 'warning' | 'information'>> = {
  'response-value-required': 'error',
  'occurrence-n-required': 'error',
  'occurrence-n-ignored': 'warning',
  'silence-duration-ignored': 'warning',
  'speaks-first-message-required': 'error',
  'speaks-first-mode-missing': 'warning',
  'speaks-first-message-ignored': 'warning',
  'phone-number-format': 'warning',
  'always-on-needs-phone-number': 'warning',
  'override-conflict-unused': 'information',
  'workflow-tag-locks': 'information',
  'formatted-transcript-nulls-original': 'warning',
  'original-transcript-reformatted': 'information',
  'enriched-playback-with-intent': 'information',
  'trait-value-type': 'warning',
  'duplicate-trait-name': 'warning',
  'duplicate-simulation-id': 'warning',
  'keyword-responses-empty': 'warning',
  'silence-tool-instructions-unused': 'information',
  'create-required': 'error',
  'create-not-nullable': 'error',
  'create-only-field': 'information',
};

void test('every rule code in src/core/rules/*.ts is listed (and so tested) here, with its registered severity', () => {
  const dir = join(__dirname, '..', '..', '..', 'src', 'core', 'rules');
  const found = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const source = readFileSync(join(dir, name), 'utf8');
    for (const m of source.matchAll(/\bat\(\s*(?:'(?:error|warning|information)',\s*)?'([a-z0-9-]+)'/g)) if (m[1]) found.add(m[1]);
  }
  assert.deepEqual([...found].sort(), Object.keys(RULES).sort());
  for (const [code, severity] of Object.entries(RULES)) {
    assert.equal((CODES as Readonly<Record<string, { readonly severity: string }>>)[code]?.severity, severity, code);
  }
});

// ---- scripted responses ----------------------------------------------------------------------------

void describe('scripted responses', () => {
  const sr = (lines: string) => dh(`scripted_responses:\n  - match_type: exact\n    match_phrase: Your PIN please\n${lines}`);

  for (const type of ['phrase', 'dtmf'] as const) {
    void test(`${type} without response_value: response-value-required on the item`, () => {
      const { text, result } = sr(`    response_type: ${type}\n    occurrence_mode: always\n`);
      h.assertOnlyProblem(result, {
        severity: 'error',
        code: 'response-value-required',
        pointer: '/scripted_responses/0',
        line: h.lineWith(text, 'match_type'),
        message: `scripted_responses[0] needs a response_value when response_type is ${type} (${type === 'dtmf' ? 'the digits to press' : 'what to say'}).`,
      });
    });
    void test(`${type} with an empty or null response_value: response-value-required on the value`, () => {
      for (const value of ['""', '"   "', 'null']) {
        const { text, result } = sr(`    response_type: ${type}\n    response_value: ${value}\n    occurrence_mode: always\n`);
        h.assertOnlyProblem(result, { severity: 'error', code: 'response-value-required', pointer: '/scripted_responses/0/response_value', range: h.rangeAfter(text, 'response_value: ', value) });
      }
    });
    void test(`near miss: ${type} with a response_value`, () => {
      h.assertNoProblems(sr(`    response_type: ${type}\n    response_value: "4821#"\n    occurrence_mode: always\n`).result);
    });
  }

  void test('near miss: silence needs no response_value', () => {
    h.assertNoProblems(sr('    response_type: silence\n    occurrence_mode: always\n').result);
    h.assertNoProblems(sr('    response_type: silence\n    response_value: null\n    silence_duration: 4\n    occurrence_mode: always\n').result);
  });

  void test('the index in pointer and message is the failing item', () => {
    const { text, result } = dh([
      'scripted_responses:',
      '  - match_type: exact',
      '    match_phrase: Hello',
      '    response_type: silence',
      '    occurrence_mode: always',
      '  - match_type: context',
      '    match_phrase: Asks for digits',
      '    response_type: dtmf',
      '    occurrence_mode: always',
      '',
    ].join('\n'));
    h.assertOnlyProblem(result, { severity: 'error', code: 'response-value-required', pointer: '/scripted_responses/1', line: h.lineWith(text, 'match_type: context'), message: /^scripted_responses\[1\] needs a response_value/ });
  });

  void test('first_n without occurrence_n: occurrence-n-required on the item', () => {
    const { text, result } = sr('    response_type: silence\n    occurrence_mode: first_n\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'occurrence-n-required', pointer: '/scripted_responses/0', line: h.lineWith(text, 'match_type'), message: 'scripted_responses[0] needs occurrence_n (a number above 0) when occurrence_mode is first_n.' });
  });
  void test('first_n with occurrence_n null: occurrence-n-required on the value', () => {
    const { text, result } = sr('    response_type: silence\n    occurrence_mode: first_n\n    occurrence_n: null\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'occurrence-n-required', pointer: '/scripted_responses/0/occurrence_n', range: h.rangeAfter(text, 'occurrence_n: ', 'null') });
  });
  void test('near miss: first_n with occurrence_n 2; always without occurrence_n', () => {
    h.assertNoProblems(sr('    response_type: silence\n    occurrence_mode: first_n\n    occurrence_n: 2\n').result);
    h.assertNoProblems(sr('    response_type: silence\n    occurrence_mode: always\n').result);
  });

  void test('always with an occurrence_n: occurrence-n-ignored on the value', () => {
    const { text, result } = sr('    response_type: silence\n    occurrence_mode: always\n    occurrence_n: 2\n');
    h.assertOnlyProblem(result, { severity: 'warning', code: 'occurrence-n-ignored', pointer: '/scripted_responses/0/occurrence_n', range: h.rangeAfter(text, 'occurrence_n: ', '2') });
  });
  void test('near miss: always with occurrence_n null', () => {
    h.assertNoProblems(sr('    response_type: silence\n    occurrence_mode: always\n    occurrence_n: null\n').result);
  });

  for (const type of ['phrase', 'dtmf']) {
    void test(`silence_duration with ${type}: silence-duration-ignored on the value`, () => {
      const { text, result } = sr(`    response_type: ${type}\n    response_value: "1"\n    silence_duration: 3\n    occurrence_mode: always\n`);
      h.assertOnlyProblem(result, { severity: 'warning', code: 'silence-duration-ignored', pointer: '/scripted_responses/0/silence_duration', range: h.rangeAfter(text, 'silence_duration: ', '3'), message: `silence_duration is only used when response_type is silence; with ${type} it is ignored.` });
    });
  }
  void test('near miss: silence_duration with silence, and null silence_duration with phrase', () => {
    h.assertNoProblems(sr('    response_type: silence\n    silence_duration: 3\n    occurrence_mode: always\n').result);
    h.assertNoProblems(sr('    response_type: phrase\n    response_value: Hi\n    silence_duration: null\n    occurrence_mode: always\n').result);
  });
});

// ---- speaks-first -----------------------------------------------------------------------------------

void describe('speaks_first_config', () => {
  const sf = (lines: string) => dh(`speaks_first_config:\n${lines}`);

  void test('custom without message: speaks-first-message-required on the mapping', () => {
    const { text, result } = sf('  speaks_first: true\n  mode: custom\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'speaks-first-message-required', pointer: '/speaks_first_config', line: h.lineWith(text, 'speaks_first: true'), message: 'speaks_first_config needs a non-empty message when mode is custom.' });
  });
  void test('custom with an empty, blank or null message: speaks-first-message-required on the message', () => {
    for (const value of ['""', '"  "', 'null']) {
      const { text, result } = sf(`  speaks_first: true\n  mode: custom\n  message: ${value}\n`);
      h.assertOnlyProblem(result, { severity: 'error', code: 'speaks-first-message-required', pointer: '/speaks_first_config/message', range: h.rangeAfter(text, 'message: ', value) });
    }
  });
  void test('near miss: custom with a message; ai_generated without one', () => {
    h.assertNoProblems(sf('  speaks_first: true\n  mode: custom\n  message: Hello, I have a question about my bill.\n').result);
    h.assertNoProblems(sf('  speaks_first: true\n  mode: ai_generated\n').result);
  });
  void test('near miss: speaks_first false with mode custom and no message is not an error (the mode is unused)', () => {
    const { result } = sf('  speaks_first: false\n  mode: custom\n');
    h.assertNoCode(result, 'speaks-first-message-required');
  });

  void test('speaks_first true without mode: speaks-first-mode-missing on the speaks_first_config key', () => {
    for (const extra of ['', '  mode: null\n']) {
      const { text, result } = sf(`  speaks_first: true\n${extra}`);
      h.assertOnlyProblem(result, { severity: 'warning', code: 'speaks-first-mode-missing', pointer: '/speaks_first_config', range: h.rangeOf(text, 'speaks_first_config'), message: 'speaks_first is true but no mode is set: choose custom (with a message) or ai_generated.' });
    }
  });
  void test('near miss: speaks_first false without mode', () => {
    h.assertNoProblems(sf('  speaks_first: false\n').result);
  });

  void test('message with mode ai_generated: speaks-first-message-ignored on the message', () => {
    const { text, result } = sf('  speaks_first: true\n  mode: ai_generated\n  message: Hello there\n');
    h.assertOnlyProblem(result, { severity: 'warning', code: 'speaks-first-message-ignored', pointer: '/speaks_first_config/message', range: h.rangeOf(text, 'Hello there'), message: /here mode is ai_generated, so it is ignored\.$/ });
  });
  void test('message with speaks_first false: speaks-first-message-ignored on the message', () => {
    const { text, result } = sf('  speaks_first: false\n  mode: custom\n  message: Hello there\n');
    h.assertOnlyProblem(result, { severity: 'warning', code: 'speaks-first-message-ignored', pointer: '/speaks_first_config/message', range: h.rangeOf(text, 'Hello there'), message: /here speaks_first is false, so it is ignored\.$/ });
  });
  void test('near miss: speaks_first false with a null or empty message', () => {
    h.assertNoProblems(sf('  speaks_first: false\n  mode: null\n  message: null\n').result);
    h.assertNoProblems(sf('  speaks_first: false\n  message: ""\n').result);
  });
});

// ---- phone numbers and always-on --------------------------------------------------------------------

void describe('phone numbers and always-on', () => {
  const bad = ['4155550123', '+1 415 555 0123', '+1-415-555-0123', '(415) 555-0123', '+0123456789', '+1', '+1234567890123456', 'call me'];
  const good = ['+14155550123', '+442079460123', '+123456789012345'];
  for (const key of ['phone_number', 'outbound_text_number']) {
    for (const value of bad) {
      void test(`${key} ${JSON.stringify(value)}: phone-number-format warning on the value`, () => {
        const doc = h.digitalHuman({ [key]: value });
        h.assertOnlyProblem(h.validateDoc(doc, 'digital-human'), {
          severity: 'warning',
          code: 'phone-number-format',
          pointer: `/${key}`,
          range: h.valueRange(doc, key),
          message: `${key} should be in E.164 format, such as +14155550123 (got '${value}'); Bluejay rejects numbers it cannot read.`,
        });
      });
    }
    void test(`near miss: ${key} in E.164 (${good.join(', ')}) or null`, () => {
      for (const value of [...good, null]) h.assertNoProblems(h.validateDoc(h.digitalHuman({ [key]: value }), 'digital-human'));
    });
  }
  void test('phone-number-format in JSON, on the quoted value', () => {
    const { text, result } = file('{\n  "id": 1,\n  "phone_number": "+14155550123",\n  "outbound_text_number": "555-0124"\n}\n', 'caller.digital-human.json');
    h.assertOnlyProblem(result, { severity: 'warning', code: 'phone-number-format', pointer: '/outbound_text_number', range: h.rangeOf(text, '"555-0124"') });
  });

  void test('always_on_active true with phone_number null: always-on-needs-phone-number on always_on_active', () => {
    const { text, result } = file('id: 1\nphone_number: null\nalways_on_active: true\n');
    h.assertOnlyProblem(result, { severity: 'warning', code: 'always-on-needs-phone-number', pointer: '/always_on_active', range: h.rangeAfter(text, 'always_on_active: ', 'true') });
  });
  void test('near miss: always_on_active true with a phone number; false without one', () => {
    h.assertNoProblems(dh('always_on_mode: true\nalways_on_active: true\n').result);
    h.assertNoProblems(file('id: 1\nphone_number: null\nalways_on_active: false\n').result);
  });
  void test('near miss: an existing digital human that leaves phone_number out keeps its stored number', () => {
    const { result } = file('id: 1\nalways_on_active: true\n');
    h.assertNoCode(result, 'always-on-needs-phone-number');
  });

  void test('override_conflict true with always_on_active false: override-conflict-unused on override_conflict', () => {
    const { text, result } = dh('always_on_active: false\noverride_conflict: true\n');
    h.assertOnlyProblem(result, { severity: 'information', code: 'override-conflict-unused', pointer: '/override_conflict', range: h.rangeAfter(text, 'override_conflict: ', 'true') });
  });
  void test('near miss: override_conflict true with always_on_active true; override_conflict false', () => {
    h.assertNoProblems(dh('always_on_active: true\noverride_conflict: true\n').result);
    h.assertNoProblems(dh('always_on_active: false\noverride_conflict: false\n').result);
  });
  void test('near miss: override_conflict true when the file leaves always_on_active out (stored value, or true by default with a phone number)', () => {
    h.assertNoCode(dh('override_conflict: true\n').result, 'override-conflict-unused');
  });
});

// ---- workflow tags and transcripts ------------------------------------------------------------------

void describe('workflow tags and transcripts', () => {
  for (const tag of ['Checkout-WORKFLOW', 'workflow', 'replay-Workflow-v2', 'myworkflows']) {
    void test(`tag ${tag}: workflow-tag-locks information on the tag value`, () => {
      const { text, result } = dh(`tag: ${tag}\n`);
      h.assertOnlyProblem(result, {
        severity: 'information',
        code: 'workflow-tag-locks',
        pointer: '/tag',
        range: h.rangeAfter(text, 'tag: ', tag),
        message: "The tag contains 'workflow', so Bluejay locks intent, success_criteria, role_description, original_transcript, formatted_transcript: a push that changes any of them is rejected (400). enriched_playback stays editable.",
      });
    });
  }
  void test('near miss: tags without workflow (work flow, flow, billing, null)', () => {
    for (const tag of ['work flow', 'flow', 'billing', 'null']) h.assertNoProblems(dh(`tag: ${tag}\n`).result);
  });

  void test('formatted_transcript without original_transcript: warning on the formatted_transcript key', () => {
    const { text, result } = dh('formatted_transcript:\n  - role: USER\n    utterance: Hi.\n');
    h.assertOnlyProblem(result, { severity: 'warning', code: 'formatted-transcript-nulls-original', pointer: '/formatted_transcript', range: h.rangeOf(text, 'formatted_transcript'), message: /Bluejay will set the stored original_transcript to null/ });
  });
  void test('near miss: both transcripts; formatted_transcript null; original_transcript explicitly null', () => {
    h.assertNoProblems(dh('original_transcript: "Customer: Hi."\nformatted_transcript:\n  - role: USER\n    utterance: Hi.\n').result);
    h.assertNoProblems(dh('formatted_transcript: null\n').result);
    h.assertNoProblems(dh('original_transcript: null\nformatted_transcript:\n  - role: USER\n    utterance: Hi.\n').result);
  });

  void test('original_transcript alone: original-transcript-reformatted information on the key', () => {
    for (const extra of ['', 'formatted_transcript: null\n']) {
      const { text, result } = dh(`original_transcript: |\n  Agent: Hello.\n  Customer: Hi.\n${extra}`);
      h.assertOnlyProblem(result, { severity: 'information', code: 'original-transcript-reformatted', pointer: '/original_transcript', range: h.rangeOf(text, 'original_transcript'), message: /re-format it with an LLM/ });
    }
  });
  void test('near miss: original_transcript null alone', () => {
    h.assertNoProblems(dh('original_transcript: null\n').result);
  });

  void test('enriched_playback with intent and success_criteria: enriched-playback-with-intent on each key', () => {
    const { text, result } = dh('intent: Get a refund.\nsuccess_criteria: Refund confirmed.\nenriched_playback:\n  - speaker: user\n    text: Hi\n');
    const found = result.problems.filter((p) => p.code === 'enriched-playback-with-intent');
    assert.equal(found.length, 2, h.describeProblems(result.problems));
    assert.equal(result.problems.length, 2, h.describeProblems(result.problems));
    assert.deepEqual(found.map((p) => [p.severity, p.pointer, p.range]), [
      ['information', '/intent', h.rangeOf(text, 'intent')],
      ['information', '/success_criteria', h.rangeOf(text, 'success_criteria')],
    ]);
  });
  void test('near miss: empty intent, empty playback, null playback', () => {
    h.assertNoProblems(dh('intent: ""\nsuccess_criteria: null\nenriched_playback:\n  - speaker: user\n').result);
    h.assertNoProblems(dh('intent: Get a refund.\nenriched_playback: []\n').result);
    h.assertNoProblems(dh('intent: Get a refund.\nenriched_playback: null\n').result);
  });
});

// ---- traits -------------------------------------------------------------------------------------------

void describe('traits', () => {
  const trait = (type: string, value: string) => dh(`traits:\n  - trait_name: t\n    trait_data_type: ${type}\n    value: ${value}\n`);
  const mismatches: [string, string, string][] = [
    ['BOOLEAN', '"true"', 'true or false'],
    ['BOOLEAN', '1', 'true or false'],
    ['NUMBER', '"42"', 'a number'],
    ['NUMBER', 'true', 'a number'],
    ['STRING', '5', 'text'],
    ['STRING', 'false', 'text'],
    ['DATE', '"15/03/2024"', 'a date such as 2024-03-15'],
    ['DATE', '2024-13-01', 'a date such as 2024-03-15'],
    ['DATE', '20240315', 'a date such as 2024-03-15'],
    ['DATE', 'yesterday', 'a date such as 2024-03-15'],
  ];
  for (const [type, value, wanted] of mismatches) {
    void test(`${type} with value ${value}: trait-value-type on the value`, () => {
      const { text, result } = trait(type, value);
      h.assertOnlyProblem(result, { severity: 'warning', code: 'trait-value-type', pointer: '/traits/0/value', range: h.rangeAfter(text, 'value: ', value), message: new RegExp(`^traits\\[0\\]\\.value should be ${wanted} because trait_data_type is ${type} \\(got `) });
    });
  }
  const matches: [string, string][] = [
    ['BOOLEAN', 'true'], ['BOOLEAN', 'false'], ['NUMBER', '42'], ['NUMBER', '129.99'], ['NUMBER', '-1'],
    ['STRING', 'gold'], ['STRING', '"42"'], ['DATE', '2024-03-15'], ['DATE', '"2024-03-15T10:30:00Z"'], ['DATE', '"2024-03-15 10:30:00+02:00"'],
  ];
  void test(`near miss: values of the right type (${matches.map(([t, v]) => `${t} ${v}`).join(', ')})`, () => {
    for (const [type, value] of matches) h.assertNoProblems(trait(type, value).result);
  });
  void test('DATE with an impossible day (2024-02-30) gives trait-value-type', () => {
    const { text, result } = trait('DATE', '2024-02-30');
    h.assertOnlyProblem(result, { severity: 'warning', code: 'trait-value-type', pointer: '/traits/0/value', range: h.rangeAfter(text, 'value: ', '2024-02-30') });
  });
  void test('near miss: an unknown trait_data_type is the schema\'s business, not a type warning', () => {
    const { result } = trait('TEXT', '5');
    h.assertNoCode(result, 'trait-value-type');
    h.assertOneError(result, { code: 'invalid-enum', pointer: '/traits/0/trait_data_type', line: 4 });
  });

  void test('a repeated trait_name: duplicate-trait-name on each later one, naming the first', () => {
    const { text, result } = dh([
      'traits:',
      '  - trait_name: tier',
      '    trait_data_type: STRING',
      '    value: gold',
      '  - trait_name: account',
      '    trait_data_type: STRING',
      '    value: ACC-1',
      '  - trait_name: tier',
      '    trait_data_type: STRING',
      '    value: silver',
      '  - trait_name: tier',
      '    trait_data_type: STRING',
      '    value: bronze',
      '',
    ].join('\n'));
    assert.equal(result.problems.length, 2, h.describeProblems(result.problems));
    const [second, third] = result.problems;
    assert.ok(second && third);
    assert.deepEqual([second.severity, second.code, second.pointer, second.range, second.message], ['warning', 'duplicate-trait-name', '/traits/2/trait_name', h.rangeOf(text, 'tier', 2), "traits[0] already has trait_name 'tier'."]);
    assert.deepEqual([third.severity, third.code, third.pointer, third.range, third.message], ['warning', 'duplicate-trait-name', '/traits/3/trait_name', h.rangeOf(text, 'tier', 3), "traits[0] already has trait_name 'tier'."]);
  });
  void test('near miss: distinct trait names', () => {
    h.assertNoProblems(dh('traits:\n  - {trait_name: tier, trait_data_type: STRING, value: gold}\n  - {trait_name: tier2, trait_data_type: STRING, value: gold}\n').result);
  });
});

// ---- other digital-human rules -----------------------------------------------------------------------

void describe('simulation ids, keyword interruptions, silence tool', () => {
  void test('a repeated simulation id: duplicate-simulation-id on the repeat', () => {
    const { text, result } = dh('simulation_ids: [57, 61, 57]\n');
    h.assertOnlyProblem(result, { severity: 'warning', code: 'duplicate-simulation-id', pointer: '/simulation_ids/2', range: h.rangeAfter(text, '61, ', '57'), message: 'simulation_ids lists 57 more than once.' });
  });
  void test('a repeated simulation id in a block list: on the repeat\'s line', () => {
    const { text, result } = dh('simulation_ids:\n  - 57\n  - 57\n');
    h.assertOnlyProblem(result, { severity: 'warning', code: 'duplicate-simulation-id', pointer: '/simulation_ids/1', range: h.rangeOf(text, '57', 2) });
  });
  void test('near miss: distinct simulation ids', () => {
    h.assertNoProblems(dh('simulation_ids: [57, 61]\n').result);
  });

  void test('keyword interruptions with an empty list: keyword-responses-empty on the list', () => {
    const { text, result } = dh('interruptions:\n  type: keywords\n  keyword_responses: []\n');
    h.assertOnlyProblem(result, { severity: 'warning', code: 'keyword-responses-empty', pointer: '/interruptions/keyword_responses', range: h.rangeOf(text, '[]') });
  });
  void test('near miss: one keyword response', () => {
    h.assertNoProblems(dh('interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: hold\n      response: No.\n').result);
  });

  void test('custom silence_tool_instructions with allow_silence_tool false: silence-tool-instructions-unused on the key', () => {
    const { text, result } = dh('allow_silence_tool: false\nsilence_tool_instructions: Stay quiet while the agent checks.\n');
    h.assertOnlyProblem(result, { severity: 'information', code: 'silence-tool-instructions-unused', pointer: '/silence_tool_instructions', range: h.rangeOf(text, 'silence_tool_instructions') });
  });
  void test('near miss: allow_silence_tool true or omitted; instructions "default"', () => {
    h.assertNoProblems(dh('allow_silence_tool: true\nsilence_tool_instructions: Stay quiet.\n').result);
    h.assertNoProblems(dh('silence_tool_instructions: Stay quiet.\n').result);
    h.assertNoProblems(dh('allow_silence_tool: false\nsilence_tool_instructions: default\n').result);
  });
});

// ---- creating (no id yet) -----------------------------------------------------------------------------

void describe('creating a digital human (no id)', () => {
  void test('without phone_number: create-required on the document', () => {
    const { result } = file('name: New caller\nintent: Get a refund.\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'create-required', pointer: '', line: 0, message: 'phone_number must be set before the digital human can be created (it has no id yet).' });
  });
  void test('with phone_number null: create-required on the value', () => {
    const { text, result } = file('name: New caller\nphone_number: null\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'create-required', pointer: '/phone_number', range: h.rangeOf(text, 'null') });
  });
  void test('with phone_number "": create-required on the value', () => {
    const { text, result } = file('name: New caller\nphone_number: ""\n');
    h.assertProblem(result, { severity: 'error', code: 'create-required', pointer: '/phone_number', range: h.rangeOf(text, '""') });
  });
  void test('with phone_number "": only create-required, no second problem on the same value', () => {
    const { result } = file('name: New caller\nphone_number: ""\n');
    h.assertOnlyProblem(result, { severity: 'error', code: 'create-required', pointer: '/phone_number', line: 1 });
  });
  void test('near miss: an existing digital human need not repeat phone_number; a new one with it passes', () => {
    h.assertNoProblems(file('id: 1\nname: Renamed\n').result);
    h.assertNoProblems(h.validateDoc(h.newDigitalHuman({ name: 'New caller' }), 'digital-human'));
  });

  for (const key of ['intent', 'success_criteria', 'allow_silence_tool', 'silence_tool_instructions']) {
    void test(`${key}: null when creating gives create-not-nullable on the value`, () => {
      const doc = h.newDigitalHuman({ [key]: null });
      h.assertOnlyProblem(h.validateDoc(doc, 'digital-human'), { severity: 'error', code: 'create-not-nullable', pointer: `/${key}`, range: h.valueRange(doc, key), message: `${key} cannot be null when the digital human is created; leave it out to use the default.` });
    });
    void test(`near miss: ${key} null on an existing digital human, or omitted when creating`, () => {
      h.assertNoProblems(h.validateDoc(h.digitalHuman({ [key]: null }), 'digital-human'));
      h.assertNoProblems(h.validateDoc(h.newDigitalHuman(), 'digital-human'));
    });
  }
  void test('create-not-nullable in JSON, on the null', () => {
    const doc = h.newDigitalHuman({ intent: null });
    h.assertOnlyProblem(h.validateDoc(doc, 'digital-human', 'json'), { severity: 'error', code: 'create-not-nullable', pointer: '/intent', range: h.valueRange(doc, 'intent', 'json') });
  });
});

void describe('customer personas', () => {
  for (const key of ['name', 'description', 'goal']) {
    void test(`a new persona without ${key}: create-required on the document`, () => {
      const doc = h.newPersona({ [key]: undefined });
      h.assertOnlyProblem(h.validateDoc(doc, 'customer-persona'), { severity: 'error', code: 'create-required', pointer: '', line: 0, message: `'${key}' must be set to text before the persona can be created (it has no id yet).` });
    });
    for (const value of [null, '', '   ']) {
      void test(`a new persona with ${key} ${JSON.stringify(value)}: create-required on the value`, () => {
        const doc = h.newPersona({ [key]: value });
        h.assertOnlyProblem(h.validateDoc(doc, 'customer-persona'), { severity: 'error', code: 'create-required', pointer: `/${key}`, range: h.valueRange(doc, key) });
      });
    }
  }
  void test('a new persona with nothing set: three create-required, one per field', () => {
    const { result } = file('kind: customer-persona\n', 'x.yaml');
    assert.deepEqual(result.problems.map((p) => [p.severity, p.code, p.pointer, p.range.start.line]), [
      ['error', 'create-required', '', 0],
      ['error', 'create-required', '', 0],
      ['error', 'create-required', '', 0],
    ]);
    assert.deepEqual(result.problems.map((p) => /^'(\w+)'/.exec(p.message)?.[1]).sort(), ['description', 'goal', 'name']);
  });
  void test('near miss: a wrongly typed name is reported by the schema only', () => {
    const doc = h.newPersona({ name: 5 });
    h.assertOnlyProblem(h.validateDoc(doc, 'customer-persona'), { severity: 'error', code: 'invalid-type', pointer: '/name', range: h.valueRange(doc, 'name') });
  });
  void test('near miss: an existing persona needs none of them; a new complete one passes', () => {
    h.assertNoProblems(file(`id: ${h.PERSONA_ID}\ngoal: Get a refund.\n`, PERSONA_FILE).result);
    h.assertNoProblems(h.validateDoc(h.newPersona(), 'customer-persona'));
    h.assertNoProblems(h.validateDoc(h.newPersona(), 'customer-persona', 'json'));
  });

  void test('agent_id on an existing persona: create-only-field information on the value', () => {
    const { text, result } = file(`id: ${h.PERSONA_ID}\nagent_id: 1042\n`, PERSONA_FILE);
    h.assertOnlyProblem(result, { severity: 'information', code: 'create-only-field', pointer: '/agent_id', range: h.rangeOf(text, '1042'), message: 'agent_id is used only when the persona is created; it is not sent when an existing persona is updated.' });
  });
  void test('near miss: agent_id on a new persona; agent_id null on an existing one', () => {
    h.assertNoProblems(h.validateDoc(h.newPersona({ agent_id: 1042 }), 'customer-persona'));
    h.assertNoProblems(h.validateDoc(h.persona({ agent_id: null }), 'customer-persona'));
  });
});

// ---- the examples stay clean of errors -----------------------------------------------------------------

void test('the shipped examples have no errors', () => {
  const dir = join(__dirname, '..', '..', '..', 'examples');
  for (const name of ['angry-billing-customer.digital-human.yaml', 'first-time-caller.persona.json', 'refund-seeker.persona.yaml', 'spanish-booking.digital-human.json', 'workflow-replay.digital-human.yaml']) {
    const result = validateText(readFileSync(join(dir, name), 'utf8'), name);
    h.assertNoErrors(result);
  }
});
