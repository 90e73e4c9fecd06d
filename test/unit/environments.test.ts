/** Named environments and a file's pinned environment (src/core/environments.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_BASE_URL } from '../../src/core/api/endpoint';
import {
  environmentsFrom,
  isProduction,
  pinnedEnvironment,
  pinnedProblem,
  PRODUCTION,
} from '../../src/core/environments';
import { validateText } from '../../src/core/validate';

void describe('environmentsFrom', () => {
  void test('production is built in and comes first; nothing set is a valid state', () => {
    for (const setting of [undefined, null, [], 'staging', {}]) {
      assert.deepEqual(environmentsFrom(setting), { environments: [PRODUCTION], problems: [] });
    }
    assert.equal(PRODUCTION.baseUrl, DEFAULT_BASE_URL);
  });

  void test('keeps the user entries in order, after production', () => {
    const { environments, problems } = environmentsFrom([
      { name: 'staging', baseUrl: 'https://staging.example.com' },
      { name: 'local', baseUrl: 'http://127.0.0.1:8787' },
    ]);
    assert.deepEqual(
      environments.map((e) => e.name),
      ['production', 'staging', 'local'],
    );
    assert.equal(environments[2]?.baseUrl, 'http://127.0.0.1:8787');
    assert.deepEqual(problems, []);
  });

  void test("a user's own production entry replaces the built-in one, in its place", () => {
    const { environments } = environmentsFrom([
      { name: 'dev', baseUrl: 'https://dev.example.com' },
      { name: 'production', baseUrl: 'https://eu.example.com' },
    ]);
    assert.deepEqual(environments, [
      { name: 'production', baseUrl: 'https://eu.example.com' },
      { name: 'dev', baseUrl: 'https://dev.example.com' },
    ]);
  });

  void test('skips and reports entries without a valid name or a string baseUrl, and later duplicates', () => {
    const { environments, problems } = environmentsFrom([
      null,
      'staging',
      { name: 'no url' },
      { name: '', baseUrl: 'https://a.example.com' },
      { name: '-dash-first', baseUrl: 'https://a.example.com' },
      { name: 'x'.repeat(65), baseUrl: 'https://a.example.com' },
      { name: 'ok', baseUrl: 42 },
      { name: 'a.b_c-1', baseUrl: 'https://a.example.com' },
      { name: 'a.b_c-1', baseUrl: 'https://b.example.com' },
    ]);
    assert.deepEqual(
      environments.map((e) => `${e.name} ${e.baseUrl}`),
      [`production ${DEFAULT_BASE_URL}`, 'a.b_c-1 https://a.example.com'],
    );
    assert.equal(problems.length, 8);
    assert.match(problems[0] ?? '', /^bluejay\.environments\[0\] needs a name/);
    assert.match(problems[6] ?? '', /^bluejay\.environments\[6\]/);
    assert.match(problems[7] ?? '', /'a\.b_c-1' twice; the first is used/);
  });

  void test('keeps a base URL as configured: whether it may be used is checked when pushing', () => {
    const { environments, problems } = environmentsFrom([{ name: 'plain', baseUrl: 'http://staging.example.com' }]);
    assert.equal(environments[1]?.baseUrl, 'http://staging.example.com');
    assert.deepEqual(problems, []);
  });
});

void describe('isProduction', () => {
  void test('by the name production, whatever its URL', () => {
    assert.equal(isProduction('production', 'https://eu.example.com'), true);
    assert.equal(isProduction('production', 'not a url'), true);
  });

  void test("by Bluejay's own API origin, under any name or none", () => {
    assert.equal(isProduction(undefined, DEFAULT_BASE_URL), true);
    assert.equal(isProduction('prod-copy', 'https://api.getbluejay.ai/v1/'), true);
    assert.equal(isProduction(undefined, 'https://api.getbluejay.ai:443'), true);
  });

  void test('not otherwise, nor for an unusable URL', () => {
    assert.equal(isProduction('staging', 'https://staging.example.com'), false);
    assert.equal(isProduction(undefined, 'http://127.0.0.1:8787'), false);
    assert.equal(isProduction(undefined, 'http://api.getbluejay.ai'), false);
    assert.equal(isProduction('Production', 'https://staging.example.com'), false);
  });
});

void describe('pinnedEnvironment', () => {
  void test('a non-empty string environment, else none', () => {
    assert.equal(pinnedEnvironment({ environment: 'staging' }), 'staging');
    for (const value of [
      undefined,
      {},
      { environment: '' },
      { environment: 3 },
      { environment: null },
      { environment: ['staging'] },
    ]) {
      assert.equal(pinnedEnvironment(value), undefined);
    }
  });
});

void describe('pinnedProblem', () => {
  const yaml = 'kind: digital-human\nenvironment: staging\nname: Pinned\n';

  void test('none for an unpinned file, or one pinned to the active environment', () => {
    assert.equal(pinnedProblem('kind: digital-human\n', 'yaml', { kind: 'digital-human' }, 'staging'), undefined);
    assert.equal(pinnedProblem('kind: digital-human\n', 'yaml', { kind: 'digital-human' }, undefined), undefined);
    assert.equal(pinnedProblem(yaml, 'yaml', { environment: 'staging' }, 'staging'), undefined);
  });

  void test('an error on the environment value when another environment is active', () => {
    const p = pinnedProblem(yaml, 'yaml', { environment: 'staging' }, 'production');
    assert.ok(p);
    assert.deepEqual([p.code, p.severity, p.pointer], ['environment-mismatch', 'error', '/environment']);
    assert.deepEqual(p.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 20 } });
    assert.match(
      p.message,
      /pinned to the environment 'staging', but the active environment is 'production': switch to 'staging'/,
    );
  });

  void test('also when no environment is chosen', () => {
    const p = pinnedProblem(yaml, 'yaml', { environment: 'staging' }, undefined);
    assert.match(p?.message ?? '', /but no environment is chosen/);
  });

  void test('placed in JSON too, from the value validation parsed', () => {
    const json = '{\n  "kind": "customer-persona",\n  "environment": "local"\n}\n';
    const { value } = validateText(json, 'caller.persona.json');
    const p = pinnedProblem(json, 'json', value, 'staging');
    assert.deepEqual(p?.range, { start: { line: 2, character: 17 }, end: { line: 2, character: 24 } });
  });

  void test('the environment key is not itself a validation problem', () => {
    const text = 'kind: digital-human\nenvironment: staging\nname: Pinned\nphone_number: "+14155550177"\n';
    const { problems, value } = validateText(text, 'p.digital-human.yaml');
    assert.equal(problems.filter((q) => q.code === 'unknown-key').length, 0);
    assert.equal(pinnedEnvironment(value), 'staging');
  });
});
