/**
 * Thousands of problems in one file (a definition converted from another tool): the problems and
 * their messages, ranges and fix hints are exactly what they were before validation paid their
 * cost once per distinct value and path instead of once per problem. The digests were taken from
 * the output of the per-problem code, on the same documents.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { validateText } from '../../src/core/validate';
import type { Problem } from '../../src/core/problem';
import { TEXTS } from './helpers/converted';
import * as nearestModule from '../../src/core/nearest';

function digest(problems: readonly Problem[]): string {
  return createHash('sha256').update(JSON.stringify(problems)).digest('hex');
}

function counts(problems: readonly Problem[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of problems) out[p.code] = (out[p.code] ?? 0) + 1;
  return out;
}

const EXPECTED: Readonly<Record<keyof typeof TEXTS, string>> = {
  yaml: '453fc458891125824b0e32383187140286769ea8829fa1a57a3310ff2955acf5',
  json: '3ed222a60365cc959f351d523f3f9b8e10f983f31240aa180055d2d3694c3d77',
  'json, one line': 'f0db2358b5b94a7bcc8a5d6b10d29e97070b96a890f6073169a5f1c6f83a4cfe',
};

void describe('thousands of problems', () => {
  for (const [name, text] of Object.entries(TEXTS) as [keyof typeof TEXTS, string][]) {
    void test(`${name}: the same problems, messages, ranges and fixes as the per-problem code gave`, () => {
      const file = name === 'yaml' ? 'converted.digital-human.yaml' : 'converted.digital-human.json';
      const { problems } = validateText(text, file);
      assert.ok(problems.length > 3000, `${problems.length} problems`);
      assert.deepEqual(counts(problems), {
        'invalid-enum': 3181,
        'missing-property': 8,
        'unknown-key': 128,
        'possible-secret': 12,
        'invalid-type': 31,
        'out-of-range': 237,
        'duplicate-trait-name': 277,
      });
      assert.equal(digest(problems), EXPECTED[name]);
    });
  }

  void test('each kind of mistake reads as before', () => {
    const { problems } = validateText(TEXTS.yaml, 'converted.digital-human.yaml');
    const first = (pointer: string): Problem | undefined => problems.find((p) => p.pointer === pointer);
    assert.equal(
      first('/formatted_transcript/0/role')?.message,
      "formatted_transcript[0].role must be one of USER, AGENT (got 'user'); did you mean 'USER'?",
    );
    assert.deepEqual(first('/formatted_transcript/0/role')?.fix, {
      kind: 'replace',
      values: ['USER', 'AGENT'],
      preferred: 'USER',
    });
    assert.equal(
      first('/formatted_transcript/1/role')?.message,
      "formatted_transcript[1].role must be one of USER, AGENT (got 'assistant').",
    );
    assert.deepEqual(first('/formatted_transcript/1/role')?.fix, { kind: 'replace', values: ['USER', 'AGENT'] });
    assert.equal(
      first('/formatted_transcript/2/role')?.message,
      "formatted_transcript[2].role must be one of USER, AGENT (got 'Agent'); did you mean 'AGENT'?",
    );
    assert.equal(
      first('/scripted_responses/0/respons_value')?.message,
      "Unknown key 'respons_value' in scripted_responses[0]: Bluejay would silently ignore it. Did you mean 'response_value'?",
    );
    assert.deepEqual(first('/scripted_responses/0/respons_value')?.fix, { kind: 'unknown-key' });
    assert.equal(first('/scripted_responses/1/respons_value'), undefined);
  });
});

void describe('the cost of a problem is paid once per distinct value', () => {
  void test('the nearest allowed value is looked for once per distinct wrong value, not once per problem', (t) => {
    const spy = t.mock.method(nearestModule, 'nearest');
    const { problems } = validateText(TEXTS.json, 'converted.digital-human.json');
    assert.ok(problems.length > 3000);
    assert.ok(spy.mock.callCount() < 40, `nearest was called ${spy.mock.callCount()} times`);
  });
});
