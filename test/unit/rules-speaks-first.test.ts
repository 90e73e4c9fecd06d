/**
 * Bluejay rules for speaks_first_config (mode and message):
 * for each rule a case that triggers it (severity, code, pointer, position) and a near miss that does not.
 */
import { test, describe } from 'node:test';
import * as h from './helpers/definitions';
import { dh } from './helpers/rules';

// ---- speaks-first -----------------------------------------------------------------------------------

void describe('speaks_first_config', () => {
  const sf = (lines: string) => dh(`speaks_first_config:\n${lines}`);

  void test('custom without message: speaks-first-message-required on the mapping', () => {
    const { text, result } = sf('  speaks_first: true\n  mode: custom\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'speaks-first-message-required',
      pointer: '/speaks_first_config',
      line: h.lineWith(text, 'speaks_first: true'),
      message: 'speaks_first_config needs a non-empty message when mode is custom.',
    });
  });
  void test('custom with an empty, blank or null message: speaks-first-message-required on the message', () => {
    for (const value of ['""', '"  "', 'null']) {
      const { text, result } = sf(`  speaks_first: true\n  mode: custom\n  message: ${value}\n`);
      h.assertOnlyProblem(result, {
        severity: 'error',
        code: 'speaks-first-message-required',
        pointer: '/speaks_first_config/message',
        range: h.rangeAfter(text, 'message: ', value),
      });
    }
  });
  void test('near miss: custom with a message; ai_generated without one', () => {
    h.assertNoProblems(
      sf('  speaks_first: true\n  mode: custom\n  message: Hello, I have a question about my bill.\n').result,
    );
    h.assertNoProblems(sf('  speaks_first: true\n  mode: ai_generated\n').result);
  });
  void test('near miss: speaks_first false with mode custom and no message is not an error (the mode is unused)', () => {
    const { result } = sf('  speaks_first: false\n  mode: custom\n');
    h.assertNoCode(result, 'speaks-first-message-required');
  });

  void test('speaks_first true without mode: speaks-first-mode-missing on the speaks_first_config key', () => {
    for (const extra of ['', '  mode: null\n']) {
      const { text, result } = sf(`  speaks_first: true\n${extra}`);
      h.assertOnlyProblem(result, {
        severity: 'warning',
        code: 'speaks-first-mode-missing',
        pointer: '/speaks_first_config',
        range: h.rangeOf(text, 'speaks_first_config'),
        message: 'speaks_first is true but no mode is set: choose custom (with a message) or ai_generated.',
      });
    }
  });
  void test('near miss: speaks_first false without mode', () => {
    h.assertNoProblems(sf('  speaks_first: false\n').result);
  });

  void test('message with mode ai_generated: speaks-first-message-ignored on the message', () => {
    const { text, result } = sf('  speaks_first: true\n  mode: ai_generated\n  message: Hello there\n');
    h.assertOnlyProblem(result, {
      severity: 'warning',
      code: 'speaks-first-message-ignored',
      pointer: '/speaks_first_config/message',
      range: h.rangeOf(text, 'Hello there'),
      message: /here mode is ai_generated, so it is ignored\.$/,
    });
  });
  void test('message with speaks_first false: speaks-first-message-ignored on the message', () => {
    const { text, result } = sf('  speaks_first: false\n  mode: custom\n  message: Hello there\n');
    h.assertOnlyProblem(result, {
      severity: 'warning',
      code: 'speaks-first-message-ignored',
      pointer: '/speaks_first_config/message',
      range: h.rangeOf(text, 'Hello there'),
      message: /here speaks_first is false, so it is ignored\.$/,
    });
  });
  void test('near miss: speaks_first false with a null or empty message', () => {
    h.assertNoProblems(sf('  speaks_first: false\n  mode: null\n  message: null\n').result);
    h.assertNoProblems(sf('  speaks_first: false\n  message: ""\n').result);
  });
});
