/** The `bluejay pull` contract against the local server: stdout, a new file, an existing commented file, the baseline, errors. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, ROOT, stateRootDir } from './support/cli';
import { validateText } from '../../src/core/validate';
import { writeHooks } from '../../src/core/sync/files';
import { startProxy } from './support/gatingProxy';
import { withServer } from './support/server';

const PERSONA_ID = '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d';

const pull = (env: Record<string, string>, ...args: string[]): ReturnType<typeof cli> => cli(env, 'pull', ...args);

const tempDir = (): string => stateRootDir('pull');

/** Runs the built binary without blocking this process (the server answers from it). */
function bin(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const PERSONA_YAML = `kind: customer-persona
id: ${PERSONA_ID}
name: Refund seeker
description: Maria, 42, ordered a standing desk three weeks ago. It arrived a week late with a cracked leg. She is polite but firm, has her order number ready and little patience for scripted apologies.
goal: Get a full refund to her original payment method without having to ship the heavy desk back herself.
`;

void describe('bluejay pull', () => {
  void test('without --out: the YAML definition on stdout (server fields left out), exit 0; the built binary prints the same', () =>
    withServer(async (s) => {
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      const r = await pull(env, 'customer-persona', PERSONA_ID);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, PERSONA_YAML);
      assert.equal(r.err, '');
      const dh = await pull(env, 'digital-human', '318');
      assert.equal(dh.code, 0);
      assert.match(dh.out, /^kind: digital-human\nid: 318\nintent: You were charged twice/);
      assert.deepEqual(validateText(dh.out, 'x.yaml').problems, []);
      const b = await bin(env, 'pull', 'customer-persona', PERSONA_ID);
      assert.deepEqual([b.code, b.out], [0, PERSONA_YAML]);
    }));

  void test('a persona id in any form the schema accepts (upper case, urn:uuid: prefix) pulls the same persona', () =>
    withServer(async (s) => {
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      for (const id of [PERSONA_ID.toUpperCase(), `urn:uuid:${PERSONA_ID}`]) {
        const r = await pull(env, 'customer-persona', id);
        assert.deepEqual([r.code, r.err, r.out], [0, '', PERSONA_YAML], id);
      }
      const bad = await pull(env, 'customer-persona', 'urn:uuid:nope');
      assert.equal(bad.code, 2);
    }));

  void test('--out a new file: written in the format its name says, and its baseline recorded', () =>
    withServer(async (s) => {
      const dir = tempDir();
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      const file = join(dir, 'agents', 'refund.persona.json');
      mkdirSync(join(dir, 'agents'));
      const r = await pull(env, 'customer-persona', PERSONA_ID, '--out', file);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, `${file}: created\n`);
      const json = readFileSync(file, 'utf8');
      assert.ok(
        json.startsWith(`{\n  "kind": "customer-persona",\n  "id": "${PERSONA_ID}",\n  "name": "Refund seeker",\n`) &&
          json.endsWith('"\n}\n'),
      );
      const state = JSON.parse(readFileSync(join(dir, '.bluejay', 'state.json'), 'utf8')) as {
        baselines: Record<string, Record<string, { kind: string; id: string; fields: Record<string, unknown> }>>;
      };
      const baseline = state.baselines[s.url]?.['agents/refund.persona.json'];
      assert.deepEqual(
        [baseline?.kind, baseline?.id, Object.keys(baseline?.fields ?? {})],
        ['customer-persona', PERSONA_ID, ['name', 'description', 'goal']],
      );
      // The pulled file pushes without drift.
      assert.equal((await cli(env, 'push', file)).code, 0);
    }));

  void test('--out an existing commented YAML file: brought in step with one minimal edit, comments and layout kept; unchanged is not rewritten', () =>
    withServer(async (s) => {
      const dir = tempDir();
      const file = join(dir, 'refund-seeker.persona.yaml');
      cpSync(join(ROOT, 'examples', 'refund-seeker.persona.yaml'), file);
      const original = readFileSync(file, 'utf8');
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      const same = await pull(env, 'customer-persona', PERSONA_ID, '--out', file);
      assert.deepEqual([same.code, same.out], [0, `${file}: unchanged\n`]);
      assert.equal(readFileSync(file, 'utf8'), original);

      const put = await fetch(`${s.url}/v1/update-customer-persona/${PERSONA_ID}`, {
        method: 'PUT',
        headers: { 'X-API-Key': 'test-key', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Refund seeker (VIP)', goal: 'Get a refund.' }),
      });
      assert.equal(put.status, 200);
      const r = await pull(env, 'customer-persona', PERSONA_ID, '--out', file);
      assert.deepEqual([r.code, r.out], [0, `${file}: updated /name, /goal\n`]);
      assert.equal(
        readFileSync(file, 'utf8'),
        original
          .replace('name: Refund seeker\n', 'name: Refund seeker (VIP)\n')
          .replace(/goal: >-\n(  .*\n)+/, 'goal: >-\n  Get a refund.\n'),
      );
      assert.match(
        readFileSync(file, 'utf8'),
        /^# Customer persona: a customer who wants their money back for a late order\.\n/,
      );
    }));

  void test('--out a file of another kind or id: exit 2 with a clear message, nothing asked of Bluejay, nothing written', () =>
    withServer(async (s) => {
      const dir = tempDir();
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      const other = join(dir, 'x.digital-human.yaml');
      writeFileSync(other, 'kind: digital-human\nname: x\n');
      const kind = await pull(env, 'customer-persona', PERSONA_ID, '--out', other);
      assert.equal(kind.code, 2);
      assert.match(kind.err, /^bluejay: .*x\.digital-human\.yaml defines digital-human, not customer-persona\n/);
      const id = await pull(
        env,
        'digital-human',
        '205',
        '--out',
        (writeFileSync(other, 'kind: digital-human\nid: 318\nname: x\n'), other),
      );
      assert.equal(id.code, 2);
      assert.match(id.err, /^bluejay: .*x\.digital-human\.yaml is for id 318, not 205\n/);
      assert.equal(readFileSync(other, 'utf8'), 'kind: digital-human\nid: 318\nname: x\n');
      assert.equal((await s.requests()).length, 0);
      assert.equal(existsSync(join(dir, '.bluejay', 'state.json')), false);
    }));

  void test("--out a file edited (or created) while Bluejay's copy was read: refused, exit 2, the edit kept, no baseline", () =>
    withServer(async (s) => {
      const dir = tempDir();
      const file = join(dir, 'refund-seeker.persona.yaml');
      cpSync(join(ROOT, 'examples', 'refund-seeker.persona.yaml'), file);
      const edited = readFileSync(file, 'utf8').replace('name: Refund seeker', 'name: Edited meanwhile');
      let edit = (): void => writeFileSync(file, edited);
      const proxy = await startProxy(s.url, { hold: () => edit() });
      try {
        await fetch(`${s.url}/v1/update-customer-persona/${PERSONA_ID}`, {
          method: 'PUT',
          headers: { 'X-API-Key': 'test-key', 'content-type': 'application/json' },
          body: JSON.stringify({ goal: 'Changed on Bluejay.' }),
        });
        const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: proxy.url };
        const r = await pull(env, 'customer-persona', PERSONA_ID, '--out', file);
        assert.deepEqual([r.code, r.out], [2, '']);
        assert.equal(
          r.err,
          `bluejay: ${file} changed while Bluejay's copy was read; nothing was written: pull again.\n`,
        );
        assert.equal(readFileSync(file, 'utf8'), edited);
        const fresh = join(dir, 'fresh.persona.yaml');
        edit = (): void => writeFileSync(fresh, 'kind: customer-persona\n# mine\n');
        const created = await pull(env, 'customer-persona', PERSONA_ID, '--out', fresh);
        assert.equal(created.code, 2);
        assert.match(
          created.err,
          /fresh\.persona\.yaml was created while Bluejay's copy was read; nothing was written/,
        );
        assert.equal(readFileSync(fresh, 'utf8'), 'kind: customer-persona\n# mine\n');
        assert.equal(existsSync(join(dir, '.bluejay', 'state.json')), false);
      } finally {
        await proxy.close();
      }
    }));

  void test('--out: a failure between the write and the rename (a kill) leaves the file as it was, no temporary file, exit 2', () =>
    withServer(async (s) => {
      const dir = tempDir();
      const file = join(dir, 'refund-seeker.persona.yaml');
      cpSync(join(ROOT, 'examples', 'refund-seeker.persona.yaml'), file);
      const original = readFileSync(file, 'utf8');
      await fetch(`${s.url}/v1/update-customer-persona/${PERSONA_ID}`, {
        method: 'PUT',
        headers: { 'X-API-Key': 'test-key', 'content-type': 'application/json' },
        body: JSON.stringify({ goal: 'Changed on Bluejay.' }),
      });
      writeHooks.beforeRename = () => {
        throw new Error('killed');
      };
      let r;
      try {
        r = await pull(
          { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url },
          'customer-persona',
          PERSONA_ID,
          '--out',
          file,
        );
      } finally {
        delete writeHooks.beforeRename;
      }
      assert.deepEqual([r.code, r.err], [2, `bluejay: cannot write ${file}: killed\n`]);
      assert.equal(readFileSync(file, 'utf8'), original);
      assert.deepEqual(readdirSync(dir).sort(), ['.bluejay', 'refund-seeker.persona.yaml']);
    }));

  void test('Bluejay answering an error: the message on stderr, exit 1, the key never printed', () =>
    withServer(async (s) => {
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      const gone = await pull(env, 'digital-human', '99999');
      assert.deepEqual([gone.code, gone.out], [1, '']);
      assert.equal(
        gone.err,
        'bluejay: Bluejay has no digital human with this id in your organization (404): check the id, or remove it to create the digital human anew.\n',
      );
      const bad = await pull({ ...env, BLUEJAY_API_KEY: 'wrong-key-123' }, 'digital-human', '318');
      assert.equal(bad.code, 1);
      assert.ok(!bad.err.includes('wrong-key-123'));
      await s.faults({ status: { code: 500, detail: 'boom X-API-Key: test-key' } });
      const echoed = await pull({ ...env }, 'digital-human', '318');
      assert.ok(!(echoed.out + echoed.err).includes('test-key'), echoed.err);
    }));

  void test('usage errors exit 2: a wrong kind or id, missing or extra arguments, no key, --format', async () => {
    for (const args of [
      [],
      ['persona', PERSONA_ID],
      ['digital-human', 'abc'],
      ['digital-human', '0'],
      ['customer-persona', '42'],
      ['digital-human', '1', '2'],
      ['digital-human', '1', '--format', 'json'],
    ]) {
      const r = await pull({ BLUEJAY_API_KEY: 'k' }, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^bluejay: .+\n\nUsage: bluejay/);
      assert.equal(r.out, '');
    }
    const noKey = await pull({}, 'digital-human', '1');
    assert.equal(noKey.code, 2);
    assert.match(noKey.err, /^bluejay: set BLUEJAY_API_KEY/);
  });
});
