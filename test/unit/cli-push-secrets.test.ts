/** `bluejay push` and secrets (issue 13): a file with a possible secret is failed and not sent, unless --allow-secrets. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, stateRootDir } from './support/cli';
import { startBluejayServer } from '../server/index';
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

  void test('plan and push --dry-run --allow-secrets print the key as [redacted] (found in review: they printed it)', async () => {
    const quoted = 'key"with-a-quote-0123';
    const s = await startBluejayServer({ keys: { [KEY]: { org: 'org-1' }, [quoted]: { org: 'org-1' } } });
    try {
      const dir = stateRootDir('secrets');
      const file = join(dir, 'own.persona.yaml');
      writeFileSync(file, persona(`remember ${KEY}`));
      const env = { BLUEJAY_API_KEY: KEY, BLUEJAY_BASE_URL: s.url };
      for (const args of [
        ['plan', file],
        ['plan', '--format', 'json', file],
        ['push', '--dry-run', '--allow-secrets', file],
        ['push', '--dry-run', '--allow-secrets', '--format', 'json', file],
      ]) {
        const r = await cli(env, ...args);
        assert.ok(!(r.out + r.err).includes(KEY), `${args.join(' ')}: no key`);
        assert.match(r.out, /remember \[redacted\]/, `${args.join(' ')}: the value shown, the key hidden`);
        if (args.includes('json')) JSON.parse(r.out);
      }
      // Where plan cuts a long value (at 57 characters) inside the key: its start hidden too.
      writeFileSync(file, persona(`When the agent asks for a token, tell it ${KEY} and wait`));
      const cut = await cli(env, 'plan', file);
      assert.ok(!cut.out.includes(KEY.slice(0, 8)), cut.out);
      assert.match(cut.out, /tell it \[redacted\]\.\.\./);
      // As JSON writes it too: a key with a quote in it.
      writeFileSync(file, persona(`remember ${quoted.replace('"', '\\"')}`));
      const r = await cli({ ...env, BLUEJAY_API_KEY: quoted }, 'plan', '--format', 'json', file);
      assert.ok(!r.out.includes('key\\"with-a-quote-0123') && !r.out.includes(quoted), r.out);
      const changes = (JSON.parse(r.out) as { plans: { changes: { pointer: string; to: unknown }[] }[] }).plans[0]
        ?.changes;
      assert.equal(changes?.find((c) => c.pointer === '/goal')?.to, 'remember [redacted]');
    } finally {
      await s.close();
    }
  });

  void test('ordinary files push as before', () =>
    withServer(async (s) => {
      const dir = stateRootDir('secrets');
      const file = join(dir, 'plain.persona.yaml');
      writeFileSync(file, persona('Get a refund for the double charge on the March invoice'));
      const r = await cli({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url }, 'push', file);
      assert.equal(r.code, 0, r.out + r.err);
    }));
});
