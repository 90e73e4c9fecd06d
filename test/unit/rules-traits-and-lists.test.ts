/**
 * Bluejay rules for traits, simulation ids, keyword interruptions and the silence tool:
 * for each rule a case that triggers it (severity, code, pointer, position) and a near miss that does not.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './helpers/definitions';
import { dh } from './helpers/rules';

// ---- traits -------------------------------------------------------------------------------------------

void describe('traits', () => {
  const trait = (type: string, value: string) =>
    dh(`traits:\n  - trait_name: t\n    trait_data_type: ${type}\n    value: ${value}\n`);
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
      h.assertOnlyProblem(result, {
        severity: 'warning',
        code: 'trait-value-type',
        pointer: '/traits/0/value',
        range: h.rangeAfter(text, 'value: ', value),
        message: new RegExp(`^traits\\[0\\]\\.value should be ${wanted} because trait_data_type is ${type} \\(got `),
      });
    });
  }
  const matches: [string, string][] = [
    ['BOOLEAN', 'true'],
    ['BOOLEAN', 'false'],
    ['NUMBER', '42'],
    ['NUMBER', '129.99'],
    ['NUMBER', '-1'],
    ['STRING', 'gold'],
    ['STRING', '"42"'],
    ['DATE', '2024-03-15'],
    ['DATE', '"2024-03-15T10:30:00Z"'],
    ['DATE', '"2024-03-15 10:30:00+02:00"'],
  ];
  void test(`near miss: values of the right type (${matches.map(([t, v]) => `${t} ${v}`).join(', ')})`, () => {
    for (const [type, value] of matches) h.assertNoProblems(trait(type, value).result);
  });
  void test('DATE with an impossible day (2024-02-30) gives trait-value-type', () => {
    const { text, result } = trait('DATE', '2024-02-30');
    h.assertOnlyProblem(result, {
      severity: 'warning',
      code: 'trait-value-type',
      pointer: '/traits/0/value',
      range: h.rangeAfter(text, 'value: ', '2024-02-30'),
    });
  });
  void test("near miss: an unknown trait_data_type is the schema's business, not a type warning", () => {
    const { result } = trait('TEXT', '5');
    h.assertNoCode(result, 'trait-value-type');
    h.assertOneError(result, { code: 'invalid-enum', pointer: '/traits/0/trait_data_type', line: 4 });
  });

  void test('a repeated trait_name: duplicate-trait-name on each later one, naming the first', () => {
    const { text, result } = dh(
      [
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
      ].join('\n'),
    );
    assert.equal(result.problems.length, 2, h.describeProblems(result.problems));
    const [second, third] = result.problems;
    assert.ok(second && third);
    assert.deepEqual(
      [second.severity, second.code, second.pointer, second.range, second.message],
      [
        'warning',
        'duplicate-trait-name',
        '/traits/2/trait_name',
        h.rangeOf(text, 'tier', 2),
        "traits[0] already has trait_name 'tier'.",
      ],
    );
    assert.deepEqual(
      [third.severity, third.code, third.pointer, third.range, third.message],
      [
        'warning',
        'duplicate-trait-name',
        '/traits/3/trait_name',
        h.rangeOf(text, 'tier', 3),
        "traits[0] already has trait_name 'tier'.",
      ],
    );
  });
  void test('near miss: distinct trait names', () => {
    h.assertNoProblems(
      dh(
        'traits:\n  - {trait_name: tier, trait_data_type: STRING, value: gold}\n  - {trait_name: tier2, trait_data_type: STRING, value: gold}\n',
      ).result,
    );
  });
});

// ---- other digital-human rules -----------------------------------------------------------------------

void describe('simulation ids, keyword interruptions, silence tool', () => {
  void test('a repeated simulation id: duplicate-simulation-id on the repeat', () => {
    const { text, result } = dh('simulation_ids: [57, 61, 57]\n');
    h.assertOnlyProblem(result, {
      severity: 'warning',
      code: 'duplicate-simulation-id',
      pointer: '/simulation_ids/2',
      range: h.rangeAfter(text, '61, ', '57'),
      message: 'simulation_ids lists 57 more than once.',
    });
  });
  void test("a repeated simulation id in a block list: on the repeat's line", () => {
    const { text, result } = dh('simulation_ids:\n  - 57\n  - 57\n');
    h.assertOnlyProblem(result, {
      severity: 'warning',
      code: 'duplicate-simulation-id',
      pointer: '/simulation_ids/1',
      range: h.rangeOf(text, '57', 2),
    });
  });
  void test('near miss: distinct simulation ids', () => {
    h.assertNoProblems(dh('simulation_ids: [57, 61]\n').result);
  });

  void test('keyword interruptions with an empty list: keyword-responses-empty on the list', () => {
    const { text, result } = dh('interruptions:\n  type: keywords\n  keyword_responses: []\n');
    h.assertOnlyProblem(result, {
      severity: 'warning',
      code: 'keyword-responses-empty',
      pointer: '/interruptions/keyword_responses',
      range: h.rangeOf(text, '[]'),
    });
  });
  void test('near miss: one keyword response', () => {
    h.assertNoProblems(
      dh('interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: hold\n      response: No.\n').result,
    );
  });

  void test('custom silence_tool_instructions with allow_silence_tool false: silence-tool-instructions-unused on the key', () => {
    const { text, result } = dh(
      'allow_silence_tool: false\nsilence_tool_instructions: Stay quiet while the agent checks.\n',
    );
    h.assertOnlyProblem(result, {
      severity: 'information',
      code: 'silence-tool-instructions-unused',
      pointer: '/silence_tool_instructions',
      range: h.rangeOf(text, 'silence_tool_instructions'),
    });
  });
  void test('near miss: allow_silence_tool true or omitted; instructions "default"', () => {
    h.assertNoProblems(dh('allow_silence_tool: true\nsilence_tool_instructions: Stay quiet.\n').result);
    h.assertNoProblems(dh('silence_tool_instructions: Stay quiet.\n').result);
    h.assertNoProblems(dh('allow_silence_tool: false\nsilence_tool_instructions: default\n').result);
  });
});
