/**
 * Generate Digital Humans speaks the display language (generateText.ts, no VS Code needed): every
 * code of the core's generate issues and every kind of the API client's errors is worded by l10n,
 * from a key of the checked-in bundle; Bluejay's own words (data) stay as they are, quoted.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import * as l10n from '@vscode/l10n';
import { ApiError, errorFromResponse, mayExist, type ApiErrorKind } from '../../src/core/api/errors';
import type { ApiRequest } from '../../src/core/api/request';
import { GENERATE_ISSUE_CODES, type GenerateIssue } from '../../src/core/run/generate';
import { CODE_OF } from '../../src/core/sync/serverProblems';
import { failureText, issueText } from '../../src/extension/api/testing/generateText';
import { ROOT } from './support/cli';

/** A "translation": every message of the checked-in bundle between ⟦ and ⟧. */
function markedBundle(): Record<string, string> {
  const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<
    string,
    string | { message: string }
  >;
  return Object.fromEntries(Object.entries(bundle).map(([k, v]) => [k, `⟦${typeof v === 'string' ? v : v.message}⟧`]));
}

/** The text with every translated piece taken out: what did not come from the bundle. */
const untranslated = (text: string): string => text.replace(/⟦[^⟧]*⟧/g, '').trim();

const SAID = 'only 2 of 3 callers were made';
const ISSUES: Record<GenerateIssue['code'], GenerateIssue> = {
  'generate-warning': { code: 'generate-warning', said: SAID },
  'generate-none': { code: 'generate-none' },
  'generate-bad-id': { code: 'generate-bad-id', badId: '"abc"' },
  'generate-not-written': {
    code: 'generate-not-written',
    path: '/w/a.digital-human.yaml',
    error: Object.assign(new Error('EACCES: permission denied, open /w/a.digital-human.yaml'), { code: 'EACCES' }),
    id: 77,
  },
};
const STATUS: Partial<Record<ApiErrorKind, number>> = {
  validation: 422,
  rejected: 400,
  'not-found': 404,
  unauthorized: 401,
  forbidden: 403,
  'rate-limited': 429,
  server: 502,
  unexpected: 418,
};
const CREATE: ApiRequest = {
  method: 'POST',
  path: '/v1/generate-digital-humans',
  body: {},
  kind: 'digital-human',
  op: 'create',
};

void describe('Generate Digital Humans in the display language', () => {
  before(() => l10n.config({ contents: markedBundle() }));

  void test('each issue code of the core is worded by l10n; Bluejay’s warning stays its own, quoted', () => {
    assert.deepEqual(Object.keys(ISSUES).sort(), [...GENERATE_ISSUE_CODES].sort());
    for (const issue of Object.values(ISSUES)) {
      const text = issueText(issue);
      assert.match(text, /^⟦.*⟧$/s, `${issue.code}: ${text}`);
      assert.equal(untranslated(text), '', `${issue.code}: ${text}`);
    }
    assert.ok(issueText(ISSUES['generate-warning']).includes(`"${SAID}"`));
    assert.ok(issueText(ISSUES['generate-not-written']).includes('EACCES'));
    assert.ok(!issueText(ISSUES['generate-not-written']).includes('permission denied'), 'the system’s English');
  });

  void test('each kind of API error is worded by l10n, never with the client’s English message', () => {
    const english = 'The English message of the client.';
    for (const kind of Object.keys(CODE_OF) as ApiErrorKind[]) {
      for (const e of [
        new ApiError(kind, english, STATUS[kind] ?? null),
        new ApiError(kind, english, STATUS[kind] ?? null, undefined, { said: SAID, mayExist: true }),
      ]) {
        const text = failureText(e, 'https://api.example.test');
        assert.ok(!text.includes(english), `${kind}: ${text}`);
        assert.equal(untranslated(text), '', `${kind}: ${text}`);
      }
    }
  });

  void test('Bluejay’s own words reach the text untranslated and quoted; a create that may exist says so', () => {
    const e422 = errorFromResponse(
      CREATE,
      422,
      { detail: [{ loc: ['body', 'agent_id'], msg: 'field required' }] },
      'k',
    );
    assert.equal(e422.facts.said, 'field required (agent_id)');
    assert.ok(failureText(e422, 'https://b').includes('"field required (agent_id)"'));
    const e400 = errorFromResponse(CREATE, 400, { detail: 'agent 9 has no goals' }, 'k');
    assert.ok(failureText(e400, 'https://b').includes('"agent 9 has no goals"'));
    const e500 = mayExist(CREATE, errorFromResponse(CREATE, 500, { detail: 'boom' }, 'k'));
    assert.deepEqual(e500.facts, { said: 'boom', mayExist: true });
    const text = failureText(e500, 'https://b');
    assert.ok(text.includes('"boom"'));
    assert.notEqual(text, failureText(errorFromResponse(CREATE, 500, { detail: 'boom' }, 'k'), 'https://b'));
    assert.equal(errorFromResponse(CREATE, 401, null, 'k').facts.said, undefined);
  });

  void test('the key never reaches Bluejay’s words', () => {
    const key = 'sk-secret-key-1234';
    const e = errorFromResponse(CREATE, 400, { detail: `bad key ${key}` }, key);
    assert.ok(!failureText(e, 'https://b').includes(key));
  });
});
