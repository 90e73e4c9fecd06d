/**
 * Bluejay rules for scripted_responses (response values, occurrence_n, silence_duration):
 * for each rule a case that triggers it (severity, code, pointer, position) and a near miss that does not.
 */
import { test, describe } from 'node:test';
import * as h from './helpers/definitions';
import { dh } from './helpers/rules';

// ---- scripted responses ----------------------------------------------------------------------------

void describe('scripted responses', () => {
  const sr = (lines: string) =>
    dh(`scripted_responses:\n  - match_type: exact\n    match_phrase: Your PIN please\n${lines}`);

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
        const { text, result } = sr(
          `    response_type: ${type}\n    response_value: ${value}\n    occurrence_mode: always\n`,
        );
        h.assertOnlyProblem(result, {
          severity: 'error',
          code: 'response-value-required',
          pointer: '/scripted_responses/0/response_value',
          range: h.rangeAfter(text, 'response_value: ', value),
        });
      }
    });
    void test(`near miss: ${type} with a response_value`, () => {
      h.assertNoProblems(
        sr(`    response_type: ${type}\n    response_value: "4821#"\n    occurrence_mode: always\n`).result,
      );
    });
  }

  void test('near miss: silence needs no response_value', () => {
    h.assertNoProblems(sr('    response_type: silence\n    occurrence_mode: always\n').result);
    h.assertNoProblems(
      sr('    response_type: silence\n    response_value: null\n    silence_duration: 4\n    occurrence_mode: always\n')
        .result,
    );
  });

  void test('the index in pointer and message is the failing item', () => {
    const { text, result } = dh(
      [
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
      ].join('\n'),
    );
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'response-value-required',
      pointer: '/scripted_responses/1',
      line: h.lineWith(text, 'match_type: context'),
      message: /^scripted_responses\[1\] needs a response_value/,
    });
  });

  void test('first_n without occurrence_n: occurrence-n-required on the item', () => {
    const { text, result } = sr('    response_type: silence\n    occurrence_mode: first_n\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'occurrence-n-required',
      pointer: '/scripted_responses/0',
      line: h.lineWith(text, 'match_type'),
      message: 'scripted_responses[0] needs occurrence_n (a number above 0) when occurrence_mode is first_n.',
    });
  });
  void test('first_n with occurrence_n null: occurrence-n-required on the value', () => {
    const { text, result } = sr('    response_type: silence\n    occurrence_mode: first_n\n    occurrence_n: null\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'occurrence-n-required',
      pointer: '/scripted_responses/0/occurrence_n',
      range: h.rangeAfter(text, 'occurrence_n: ', 'null'),
    });
  });
  void test('near miss: first_n with occurrence_n 2; always without occurrence_n', () => {
    h.assertNoProblems(sr('    response_type: silence\n    occurrence_mode: first_n\n    occurrence_n: 2\n').result);
    h.assertNoProblems(sr('    response_type: silence\n    occurrence_mode: always\n').result);
  });

  void test('always with an occurrence_n: occurrence-n-ignored on the value', () => {
    const { text, result } = sr('    response_type: silence\n    occurrence_mode: always\n    occurrence_n: 2\n');
    h.assertOnlyProblem(result, {
      severity: 'warning',
      code: 'occurrence-n-ignored',
      pointer: '/scripted_responses/0/occurrence_n',
      range: h.rangeAfter(text, 'occurrence_n: ', '2'),
    });
  });
  void test('near miss: always with occurrence_n null', () => {
    h.assertNoProblems(sr('    response_type: silence\n    occurrence_mode: always\n    occurrence_n: null\n').result);
  });

  for (const type of ['phrase', 'dtmf']) {
    void test(`silence_duration with ${type}: silence-duration-ignored on the value`, () => {
      const { text, result } = sr(
        `    response_type: ${type}\n    response_value: "1"\n    silence_duration: 3\n    occurrence_mode: always\n`,
      );
      h.assertOnlyProblem(result, {
        severity: 'warning',
        code: 'silence-duration-ignored',
        pointer: '/scripted_responses/0/silence_duration',
        range: h.rangeAfter(text, 'silence_duration: ', '3'),
        message: `silence_duration is only used when response_type is silence; with ${type} it is ignored.`,
      });
    });
  }
  void test('near miss: silence_duration with silence, and null silence_duration with phrase', () => {
    h.assertNoProblems(sr('    response_type: silence\n    silence_duration: 3\n    occurrence_mode: always\n').result);
    h.assertNoProblems(
      sr('    response_type: phrase\n    response_value: Hi\n    silence_duration: null\n    occurrence_mode: always\n')
        .result,
    );
  });
});
