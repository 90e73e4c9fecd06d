/**
 * The three variants of interruptions (level, keywords, contextual) as validateText reports them: their
 * required and foreign keys, and keyword probabilities, written out with exact positions.
 */
import { test, describe } from 'node:test';
import { validateText } from '../../src/core/validate';
import * as h from './helpers/definitions';
import { DH_FILE } from './helpers/schema-fields';

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
    h.assertNoProblems(
      dh(
        'interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: policy\n      response: I do not care.\n    - keyword: hold\n      response: No hold.\n      probability: 0.5\n',
      ).result,
    );
  });
  void test('contextual with contextual_prompt passes', () => {
    h.assertNoProblems(
      dh('interruptions:\n  type: contextual\n  contextual_prompt: Interrupt when the agent rambles.\n').result,
    );
  });
  void test('interruptions: null passes', () => h.assertNoProblems(dh('interruptions: null\n').result));

  void test('a wrong type (loud) gives invalid-enum on the type value', () => {
    const { text, result } = dh('interruptions:\n  type: loud\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-enum',
      pointer: '/interruptions/type',
      range: h.rangeOf(text, 'loud'),
      message: "interruptions.type must be one of none, low, medium, high, keywords, contextual (got 'loud').",
    });
  });
  void test('Keywords in the wrong case suggests keywords', () => {
    const { text, result } = dh('interruptions:\n  type: Keywords\n  keyword_responses: []\n');
    h.assertOneError(result, {
      code: 'invalid-enum',
      pointer: '/interruptions/type',
      range: h.rangeOf(text, 'Keywords'),
      message: /did you mean 'keywords'\?$/,
    });
  });
  void test('a mapping without type gives missing-property on the mapping', () => {
    const { text, result } = dh('interruptions:\n  contextual_prompt: Interrupt politely.\n');
    h.assertOneError(result, {
      code: 'missing-property',
      pointer: '/interruptions',
      line: h.lineWith(text, 'contextual_prompt'),
      message: "interruptions is missing the required property 'type'.",
    });
  });
  void test('a string instead of a mapping gives invalid-type', () => {
    const { text, result } = dh('interruptions: low\n');
    h.assertOneError(result, {
      code: 'invalid-type',
      pointer: '/interruptions',
      range: h.rangeOf(text, 'low'),
      message: "interruptions must be a mapping or null (got text 'low').",
    });
  });

  void test('level with a key of the contextual variant: one unknown-key on that key', () => {
    const { text, result } = dh('interruptions:\n  type: low\n  contextual_prompt: Interrupt politely.\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'unknown-key',
      pointer: '/interruptions/contextual_prompt',
      range: h.rangeOf(text, 'contextual_prompt'),
    });
  });
  void test('level with keyword_responses: one unknown-key on that key', () => {
    const { text, result } = dh('interruptions:\n  type: high\n  keyword_responses: []\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'unknown-key',
      pointer: '/interruptions/keyword_responses',
      range: h.rangeOf(text, 'keyword_responses'),
    });
  });
  void test('contextual with keyword_responses: one unknown-key on that key', () => {
    const { text, result } = dh(
      'interruptions:\n  type: contextual\n  contextual_prompt: Interrupt politely.\n  keyword_responses:\n    - keyword: a\n      response: b\n',
    );
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'unknown-key',
      pointer: '/interruptions/keyword_responses',
      range: h.rangeOf(text, 'keyword_responses'),
    });
  });
  void test('keywords with contextual_prompt: one unknown-key on that key', () => {
    const { text, result } = dh(
      'interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: a\n      response: b\n  contextual_prompt: Interrupt politely.\n',
    );
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'unknown-key',
      pointer: '/interruptions/contextual_prompt',
      range: h.rangeOf(text, 'contextual_prompt'),
    });
  });

  void test('keywords without keyword_responses: missing-property on the mapping', () => {
    const { text, result } = dh('interruptions:\n  type: keywords\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'missing-property',
      pointer: '/interruptions',
      range: h.rangeOf(text, 'type: keywords'),
      message: "interruptions is missing the required property 'keyword_responses'.",
    });
  });
  void test('contextual without contextual_prompt: missing-property on the mapping', () => {
    const { text, result } = dh('interruptions:\n  type: contextual\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'missing-property',
      pointer: '/interruptions',
      range: h.rangeOf(text, 'type: contextual'),
      message: "interruptions is missing the required property 'contextual_prompt'.",
    });
  });

  const kw = (p: string) =>
    dh(
      `interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: hold\n      response: No hold.\n      probability: ${p}\n`,
    );
  for (const p of ['0', '1', '0.5']) {
    void test(`keyword probability ${p} passes`, () => h.assertNoProblems(kw(p).result));
  }
  for (const p of ['-0.01', '1.01']) {
    void test(`keyword probability ${p} is out of range`, () => {
      const { text, result } = kw(p);
      h.assertOnlyProblem(result, {
        severity: 'error',
        code: 'out-of-range',
        pointer: '/interruptions/keyword_responses/0/probability',
        range: h.rangeOf(text, p),
        message: `interruptions.keyword_responses[0].probability must be ${p.startsWith('-') ? '>= 0' : '<= 1'} (got ${p}).`,
      });
    });
  }
  void test('keyword probability as text gives invalid-type', () => {
    const { text, result } = kw('high');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-type',
      pointer: '/interruptions/keyword_responses/0/probability',
      range: h.rangeOf(text, 'high'),
    });
  });
  void test('a keyword response without response: missing-property on the item', () => {
    const { text, result } = dh('interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: hold\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'missing-property',
      pointer: '/interruptions/keyword_responses/0',
      range: h.rangeOf(text, 'keyword: hold'),
      message: "interruptions.keyword_responses[0] is missing the required property 'response'.",
    });
  });
});
