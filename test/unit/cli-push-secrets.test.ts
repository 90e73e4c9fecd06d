/** `bluejay push` and secrets (issue 13): a file with a possible secret is failed and not sent, unless --allow-secrets. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, stateRootDir } from './support/cli';
import { withServer } from './support/server';

const KEY = 'test-key-0123456789';

interface Results {
  results: {
    path: string;
    action: string;
    problems: { code: string; severity: string; pointer: string; message: string }[];
  }[];
}

const persona = (goal: string): string =>
  `kind: customer-persona\nid: 7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d\nname: n\ndescription: d\ngoal: "${goal}"\n`;

void describe('bluejay push and secrets', () => {
  void test('a value that looks like a secret: failed, nothing sent, exit 1; --allow-secrets sends it (the warning stays)', () =>
    withServer(async (s) => {
      const dir = stateRootDir('secrets');
      const file = join(dir, 'leaky.persona.yaml');
      writeFileSync(file, persona('Use sk-proj-4fGh7Jk2Lm9Np3Qr6St8Uv1Wx5Yz0AbCdEf'));
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      const r = await cli(env, 'push', '--format', 'json', file);
      assert.equal(r.code, 1);
      const [row] = (JSON.parse(r.out) as Results).results;
      assert.equal(row?.action, 'failed');
      const p = row?.problems.find((x) => x.code === 'possible-secret');
      assert.deepEqual([p?.severity, p?.pointer], ['warning', '/goal']);
      assert.match(p?.message ?? '', /--allow-secrets/);
      assert.equal((await s.requests()).length, 0, 'nothing sent, not even a read');
      const dry = await cli(env, 'push', '--dry-run', '--format', 'json', file);
      assert.equal((JSON.parse(dry.out) as Results).results[0]?.action, 'failed', 'a dry run says so too');
      const allowed = await cli(env, 'push', '--allow-secrets', '--format', 'json', file);
      assert.equal(allowed.code, 0, allowed.err);
      const [sent] = (JSON.parse(allowed.out) as Results).results;
      assert.equal(sent?.action, 'updated');
      assert.ok(sent?.problems.some((x) => x.code === 'possible-secret'));
    }));

  void test('the Bluejay key itself in a value is refused, and never printed', () =>
    withServer(async (s) => {
      const dir = stateRootDir('secrets');
      const file = join(dir, 'own.persona.yaml');
      writeFileSync(file, persona(`remember ${KEY}`));
      const r = await cli({ BLUEJAY_API_KEY: KEY, BLUEJAY_BASE_URL: s.url }, 'push', file);
      assert.equal(r.code, 1);
      assert.match(r.out, /own\.persona\.yaml: failed/);
      assert.match(r.out, /possible-secret This holds your Bluejay API key/);
      assert.ok(!(r.out + r.err).includes(KEY));
      assert.equal((await s.requests()).length, 0);
    }));

  void test('ordinary files push as before', () =>
    withServer(async (s) => {
      const dir = stateRootDir('secrets');
      const file = join(dir, 'plain.persona.yaml');
      writeFileSync(file, persona('Get a refund for the double charge on the March invoice'));
      const r = await cli({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url }, 'push', file);
      assert.equal(r.code, 0, r.out + r.err);
    }));
});
