/**
 * Nested objects of the digital-human schema written out with exact positions: traits, scripted_responses,
 * speaks_first_config, expected_tool_calls, formatted_transcript, and the free-form fields.
 */
import { test, describe } from 'node:test';
import { validateText } from '../../src/core/validate';
import * as h from './helpers/definitions';
import { DH_FILE } from './helpers/schema-fields';

void describe('other nested objects, written out', () => {
  const head = 'id: 1\nphone_number: "+14155550123"\n';
  const dh = (body: string) => {
    const text = head + body;
    return { text, result: validateText(text, DH_FILE) };
  };

  void test('traits: a wrong trait_data_type gives invalid-enum on its value', () => {
    const { text, result } = dh('traits:\n  - trait_name: tier\n    trait_data_type: string\n    value: gold\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-enum',
      pointer: '/traits/0/trait_data_type',
      range: h.rangeOf(text, 'string'),
      message:
        "traits[0].trait_data_type must be one of BOOLEAN, STRING, DATE, NUMBER (got 'string'); did you mean 'STRING'?",
    });
  });
  void test('traits: a trait without value gives missing-property on the item (second item, its line)', () => {
    const { text, result } = dh(
      'traits:\n  - trait_name: tier\n    trait_data_type: STRING\n    value: gold\n  - trait_name: vip\n    trait_data_type: BOOLEAN\n',
    );
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'missing-property',
      pointer: '/traits/1',
      line: h.lineWith(text, 'trait_name: vip'),
      message: "traits[1] is missing the required property 'value'.",
    });
  });
  void test('traits: is_sip_header as text gives invalid-type', () => {
    const { text, result } = dh(
      'traits:\n  - trait_name: tier\n    trait_data_type: STRING\n    value: gold\n    is_sip_header: "yes"\n',
    );
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-type',
      pointer: '/traits/0/is_sip_header',
      range: h.rangeOf(text, '"yes"'),
    });
  });
  void test('traits: a list item that is not a mapping gives invalid-type on the item', () => {
    const { text, result } = dh('traits:\n  - tier\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-type',
      pointer: '/traits/0',
      range: h.rangeOf(text, 'tier'),
    });
  });

  void test('scripted_responses: a wrong match_type gives invalid-enum with a suggestion', () => {
    const { text, result } = dh(
      'scripted_responses:\n  - match_type: exactly\n    match_phrase: Hello\n    response_type: silence\n    occurrence_mode: always\n',
    );
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-enum',
      pointer: '/scripted_responses/0/match_type',
      range: h.rangeOf(text, 'exactly'),
      message: /did you mean 'exact'\?$/,
    });
  });
  void test('scripted_responses: missing match_phrase gives missing-property on the item', () => {
    const { text, result } = dh(
      'scripted_responses:\n  - match_type: exact\n    response_type: silence\n    occurrence_mode: always\n',
    );
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'missing-property',
      pointer: '/scripted_responses/0',
      line: h.lineWith(text, 'match_type'),
      message: "scripted_responses[0] is missing the required property 'match_phrase'.",
    });
  });
  void test('scripted_responses: occurrence_n 0 is out of range (must be > 0), 1 passes', () => {
    const body = (n: number) =>
      `scripted_responses:\n  - match_type: exact\n    match_phrase: Hello\n    response_type: silence\n    occurrence_mode: first_n\n    occurrence_n: ${n}\n`;
    const { text, result } = dh(body(0));
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'out-of-range',
      pointer: '/scripted_responses/0/occurrence_n',
      range: h.rangeAfter(text, 'occurrence_n: ', '0'),
      message: 'scripted_responses[0].occurrence_n must be > 0 (got 0).',
    });
    h.assertNoProblems(dh(body(1)).result);
  });
  void test('scripted_responses: silence_duration 0 is out of range, 1 passes', () => {
    const body = (n: number) =>
      `scripted_responses:\n  - match_type: exact\n    match_phrase: Hello\n    response_type: silence\n    silence_duration: ${n}\n    occurrence_mode: always\n`;
    const { text, result } = dh(body(0));
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'out-of-range',
      pointer: '/scripted_responses/0/silence_duration',
      line: h.lineWith(text, 'silence_duration'),
    });
    h.assertNoProblems(dh(body(1)).result);
  });

  void test('speaks_first_config: missing speaks_first gives missing-property on the mapping', () => {
    const { text, result } = dh('speaks_first_config:\n  mode: ai_generated\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'missing-property',
      pointer: '/speaks_first_config',
      range: h.rangeOf(text, 'mode: ai_generated'),
      message: "speaks_first_config is missing the required property 'speaks_first'.",
    });
  });
  void test('speaks_first_config: a wrong mode gives invalid-enum', () => {
    const { text, result } = dh('speaks_first_config:\n  speaks_first: true\n  mode: generated\n');
    h.assertOneError(result, {
      code: 'invalid-enum',
      pointer: '/speaks_first_config/mode',
      range: h.rangeOf(text, 'generated'),
    });
  });
  void test('speaks_first_config: speaks_first as text gives invalid-type', () => {
    const { text, result } = dh('speaks_first_config:\n  speaks_first: "true"\n  mode: ai_generated\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-type',
      pointer: '/speaks_first_config/speaks_first',
      range: h.rangeOf(text, '"true"'),
    });
  });

  void test('expected_tool_calls: output may be any JSON value', () => {
    for (const output of ['"refund_created"', '42', 'true', 'null', '[1, 2]', '{charges: [129.99]}']) {
      h.assertNoProblems(dh(`expected_tool_calls:\n  - name: lookup_invoice\n    output: ${output}\n`).result);
    }
  });
  void test('expected_tool_calls: a call without name gives missing-property on the item', () => {
    const { text, result } = dh('expected_tool_calls:\n  - parameters: {}\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'missing-property',
      pointer: '/expected_tool_calls/0',
      range: h.rangeOf(text, 'parameters: {}'),
      message: "expected_tool_calls[0] is missing the required property 'name'.",
    });
  });
  void test('expected_tool_calls: parameters as a list gives invalid-type', () => {
    const { text, result } = dh('expected_tool_calls:\n  - name: lookup_invoice\n    parameters: [account]\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-type',
      pointer: '/expected_tool_calls/0/parameters',
      range: h.rangeOf(text, '[account]'),
      message: 'expected_tool_calls[0].parameters must be a mapping or null (got a list).',
    });
  });
  void test('expected_tool_calls: an unknown key (args) gives unknown-key on the key', () => {
    const { text, result } = dh('expected_tool_calls:\n  - name: lookup_invoice\n    args: {}\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'unknown-key',
      pointer: '/expected_tool_calls/0/args',
      range: h.rangeOf(text, 'args'),
    });
  });

  const transcript = (turns: string) => dh(`original_transcript: "Customer: hi"\nformatted_transcript:\n${turns}`);
  void test('formatted_transcript: USER and AGENT turns pass', () => {
    h.assertNoProblems(
      transcript('  - role: AGENT\n    utterance: How can I help?\n  - role: USER\n    utterance: Hi.\n').result,
    );
  });
  void test('formatted_transcript: role user (lower case) gives invalid-enum suggesting USER', () => {
    const { text, result } = transcript(
      '  - role: AGENT\n    utterance: How can I help?\n  - role: user\n    utterance: Hi.\n',
    );
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-enum',
      pointer: '/formatted_transcript/1/role',
      range: h.rangeOf(text, 'user'),
      message: "formatted_transcript[1].role must be one of USER, AGENT (got 'user'); did you mean 'USER'?",
    });
  });
  void test('formatted_transcript: a turn without utterance gives missing-property on the turn', () => {
    const { text, result } = transcript('  - role: USER\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'missing-property',
      pointer: '/formatted_transcript/0',
      range: h.rangeOf(text, 'role: USER'),
      message: "formatted_transcript[0] is missing the required property 'utterance'.",
    });
  });
  void test('formatted_transcript: a turn with a speaker key gives unknown-key', () => {
    const { text, result } = transcript('  - role: USER\n    utterance: Hi.\n    speaker: Maria\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'unknown-key',
      pointer: '/formatted_transcript/0/speaker',
      range: h.rangeOf(text, 'speaker'),
    });
  });

  void test('livekit_metadata and enriched_playback items accept free-form mappings', () => {
    h.assertNoProblems(
      dh(
        'livekit_metadata:\n  room: support\n  nested: {a: [1, 2]}\nenriched_playback:\n  - turn: 1\n    anything: [x]\n',
      ).result,
    );
  });
  void test('simulation_ids: a text item gives invalid-type on the item', () => {
    const { text, result } = dh('simulation_ids: [57, "61"]\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-type',
      pointer: '/simulation_ids/1',
      range: h.rangeOf(text, '"61"'),
    });
  });
});
