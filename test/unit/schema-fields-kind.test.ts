/**
 * How validateText finds the kind (file-name suffix or kind:), and kind-mismatch, unknown-kind and
 * invalid-kind with their positions and messages.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Kind } from '../../src/core/kinds';
import { validateText } from '../../src/core/validate';
import * as h from './helpers/definitions';
import { DH_FILE } from './helpers/schema-fields';

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
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'kind-mismatch',
      pointer: '/kind',
      range: { start: { line: 2, character: 6 }, end: { line: 2, character: 22 } },
      message: 'kind is customer-persona but the file name says digital-human; make them agree.',
    });
  });

  void test('kind-mismatch the other way round, in JSON', () => {
    const text = '{\n  "id": 1,\n  "kind": "digital-human",\n  "phone_number": "+14155550123"\n}\n';
    const result = validateText(text, 'x.persona.json');
    assert.equal(result.kind, 'digital-human');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'kind-mismatch',
      pointer: '/kind',
      range: h.rangeOf(text, '"digital-human"'),
    });
  });

  void test('neither kind nor suffix gives unknown-kind (and no schema check)', () => {
    const result = validateText('id: 1\nvoice_speed: fastt\n', 'caller.yaml');
    assert.equal(result.kind, undefined);
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'unknown-kind',
      pointer: '',
      line: 0,
      message:
        'Cannot tell what this file defines: add `kind: customer-persona` or `kind: digital-human`, or name it *.persona.yaml or *.digital-human.yaml.',
    });
    const json = validateText('{"id": 1}', 'caller.json');
    h.assertOnlyProblem(json, {
      severity: 'error',
      code: 'unknown-kind',
      pointer: '',
      line: 0,
      message: /\*\.persona\.json or \*\.digital-human\.json\.$/,
    });
  });

  void test('a misspelt kind gives invalid-kind with a suggestion, on the kind value', () => {
    const text = `${dhText}kind: digital-humn\n`;
    const result = validateText(text, 'caller.yaml');
    assert.equal(result.kind, undefined);
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-kind',
      pointer: '/kind',
      range: h.rangeOf(text, 'digital-humn'),
      message: "kind must be customer-persona or digital-human (got 'digital-humn'); did you mean 'digital-human'?",
    });
  });

  void test('kind: persona suggests customer-persona; Digital-Human suggests digital-human', () => {
    h.assertOnlyProblem(validateText('kind: persona\n', 'x.yaml'), {
      severity: 'error',
      code: 'invalid-kind',
      pointer: '/kind',
      line: 0,
      message: /did you mean 'customer-persona'\?$/,
    });
    h.assertOnlyProblem(validateText('kind: Digital-Human\n', 'x.yaml'), {
      severity: 'error',
      code: 'invalid-kind',
      pointer: '/kind',
      line: 0,
      message: /did you mean 'digital-human'\?$/,
    });
  });

  void test('a kind that is not text gives invalid-kind without a suggestion', () => {
    h.assertOnlyProblem(validateText('kind: 5\n', 'x.yaml'), {
      severity: 'error',
      code: 'invalid-kind',
      pointer: '/kind',
      line: 0,
      message: 'kind must be customer-persona or digital-human (got 5).',
    });
  });

  void test('a misspelt kind in a suffixed file gives exactly one invalid-kind', () => {
    const text = `kind: digital-humn\n${dhText}`;
    const result = validateText(text, DH_FILE);
    assert.equal(result.kind, 'digital-human');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-kind',
      pointer: '/kind',
      range: h.rangeOf(text, 'digital-humn'),
      message: /did you mean 'digital-human'\?$/,
    });
  });

  void test('a kind that is not text in a suffixed file gives exactly one problem', () => {
    const text = `kind: 5\n${dhText}`;
    h.assertOnlyProblem(validateText(text, DH_FILE), {
      severity: 'error',
      code: 'invalid-kind',
      pointer: '/kind',
      line: 0,
    });
  });
});
