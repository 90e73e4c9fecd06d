/**
 * Bluejay rules for creating a digital human or customer persona (no id yet) and for create-only fields:
 * for each rule a case that triggers it (severity, code, pointer, position) and a near miss that does not.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './helpers/definitions';
import { PERSONA_FILE, file } from './helpers/rules';

// ---- creating (no id yet) -----------------------------------------------------------------------------

void describe('creating a digital human (no id)', () => {
  void test('without phone_number: create-required on the document', () => {
    const { result } = file('name: New caller\nintent: Get a refund.\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'create-required',
      pointer: '',
      line: 0,
      message: 'phone_number must be set before the digital human can be created (it has no id yet).',
    });
  });
  void test('with phone_number null: create-required on the value', () => {
    const { text, result } = file('name: New caller\nphone_number: null\n');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'create-required',
      pointer: '/phone_number',
      range: h.rangeOf(text, 'null'),
    });
  });
  void test('with phone_number "": create-required on the value', () => {
    const { text, result } = file('name: New caller\nphone_number: ""\n');
    h.assertProblem(result, {
      severity: 'error',
      code: 'create-required',
      pointer: '/phone_number',
      range: h.rangeOf(text, '""'),
    });
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
      h.assertOnlyProblem(h.validateDoc(doc, 'digital-human'), {
        severity: 'error',
        code: 'create-not-nullable',
        pointer: `/${key}`,
        range: h.valueRange(doc, key),
        message: `${key} cannot be null when the digital human is created; leave it out to use the default.`,
      });
    });
    void test(`near miss: ${key} null on an existing digital human, or omitted when creating`, () => {
      h.assertNoProblems(h.validateDoc(h.digitalHuman({ [key]: null }), 'digital-human'));
      h.assertNoProblems(h.validateDoc(h.newDigitalHuman(), 'digital-human'));
    });
  }
  void test('create-not-nullable in JSON, on the null', () => {
    const doc = h.newDigitalHuman({ intent: null });
    h.assertOnlyProblem(h.validateDoc(doc, 'digital-human', 'json'), {
      severity: 'error',
      code: 'create-not-nullable',
      pointer: '/intent',
      range: h.valueRange(doc, 'intent', 'json'),
    });
  });
});

void describe('customer personas', () => {
  for (const key of ['name', 'description', 'goal']) {
    void test(`a new persona without ${key}: create-required on the document`, () => {
      const doc = h.newPersona({ [key]: undefined });
      h.assertOnlyProblem(h.validateDoc(doc, 'customer-persona'), {
        severity: 'error',
        code: 'create-required',
        pointer: '',
        line: 0,
        message: `'${key}' must be set to text before the persona can be created (it has no id yet).`,
      });
    });
    for (const value of [null, '', '   ']) {
      void test(`a new persona with ${key} ${JSON.stringify(value)}: create-required on the value`, () => {
        const doc = h.newPersona({ [key]: value });
        h.assertOnlyProblem(h.validateDoc(doc, 'customer-persona'), {
          severity: 'error',
          code: 'create-required',
          pointer: `/${key}`,
          range: h.valueRange(doc, key),
        });
      });
    }
  }
  void test('a new persona with nothing set: three create-required, one per field', () => {
    const { result } = file('kind: customer-persona\n', 'x.yaml');
    assert.deepEqual(
      result.problems.map((p) => [p.severity, p.code, p.pointer, p.range.start.line]),
      [
        ['error', 'create-required', '', 0],
        ['error', 'create-required', '', 0],
        ['error', 'create-required', '', 0],
      ],
    );
    assert.deepEqual(result.problems.map((p) => /^'(\w+)'/.exec(p.message)?.[1]).sort(), [
      'description',
      'goal',
      'name',
    ]);
  });
  void test('near miss: a wrongly typed name is reported by the schema only', () => {
    const doc = h.newPersona({ name: 5 });
    h.assertOnlyProblem(h.validateDoc(doc, 'customer-persona'), {
      severity: 'error',
      code: 'invalid-type',
      pointer: '/name',
      range: h.valueRange(doc, 'name'),
    });
  });
  void test('near miss: an existing persona needs none of them; a new complete one passes', () => {
    h.assertNoProblems(file(`id: ${h.PERSONA_ID}\ngoal: Get a refund.\n`, PERSONA_FILE).result);
    h.assertNoProblems(h.validateDoc(h.newPersona(), 'customer-persona'));
    h.assertNoProblems(h.validateDoc(h.newPersona(), 'customer-persona', 'json'));
  });

  void test('agent_id on an existing persona: create-only-field information on the value', () => {
    const { text, result } = file(`id: ${h.PERSONA_ID}\nagent_id: 1042\n`, PERSONA_FILE);
    h.assertOnlyProblem(result, {
      severity: 'information',
      code: 'create-only-field',
      pointer: '/agent_id',
      range: h.rangeOf(text, '1042'),
      message: 'agent_id is used only when the persona is created; it is not sent when an existing persona is updated.',
    });
  });
  void test('near miss: agent_id on a new persona; agent_id null on an existing one', () => {
    h.assertNoProblems(h.validateDoc(h.newPersona({ agent_id: 1042 }), 'customer-persona'));
    h.assertNoProblems(h.validateDoc(h.persona({ agent_id: null }), 'customer-persona'));
  });
});
