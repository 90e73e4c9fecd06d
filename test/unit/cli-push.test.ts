/** The `bluejay push` contract against the local server: actions, exit codes, JSON shape, id write-back. */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, ROOT, stateRootDir, type PushResults as Results } from './support/cli';
import { pushCommand } from '../../src/cli/push';
import { withServer } from './support/server';

const push = (env: Record<string, string>, ...args: string[]): ReturnType<typeof cli> => cli(env, 'push', ...args);

const tempDir = (): string => stateRootDir('push');

function workspace(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

void describe('bluejay push', () => {
  void test('creates and updates every example, writes the created ids back, exit 0', () =>
    withServer(async (s) => {
      const dir = workspace();
      const r = await push({ BLUEJAY_API_KEY: 'test-key' }, '--format', 'json', '--base-url', s.url, dir);
      assert.equal(r.code, 0, r.err + r.out);
      const json = JSON.parse(r.out) as Results;
      assert.deepEqual(Object.keys(json.results[0] ?? {}), ['path', 'kind', 'id', 'action', 'status', 'problems']);
      assert.deepEqual(
        json.results.map((x) => [x.path.slice(dir.length + 1), x.action, x.status]),
        [
          ['angry-billing-customer.digital-human.yaml', 'updated', 200],
          ['first-time-caller.persona.json', 'created', 200],
          ['refund-seeker.persona.yaml', 'updated', 200],
          ['spanish-booking.digital-human.json', 'created', 200],
          ['workflow-replay.digital-human.yaml', 'updated', 200],
        ],
      );
      const created = json.results.find((x) => x.path.endsWith('spanish-booking.digital-human.json'));
      assert.equal(typeof created?.id, 'number');
      assert.match(
        readFileSync(join(dir, 'spanish-booking.digital-human.json'), 'utf8'),
        new RegExp(`"kind": "digital-human",\\n  "id": ${String(created?.id)},\\n`),
      );
      const persona = json.results.find((x) => x.path.endsWith('first-time-caller.persona.json'));
      assert.match(String(persona?.id), /^[0-9a-f-]{36}$/);
    }));

  void test('a file with errors is not sent; a server 422 lands on its line; exit 1', () =>
    withServer(async (s) => {
      const dir = tempDir();
      writeFileSync(join(dir, 'bad.digital-human.yaml'), 'kind: digital-human\nid: 318\nvoice_speed: fastt\n');
      writeFileSync(join(dir, 'gone.digital-human.yaml'), 'kind: digital-human\nid: 99999\nname: x\n');
      const r = await push({ BLUEJAY_API_KEY: 'test-key' }, '--format', 'json', '--base-url', s.url, dir);
      assert.equal(r.code, 1);
      const [bad, gone] = (JSON.parse(r.out) as Results).results;
      assert.deepEqual(
        [bad?.action, bad?.status, bad?.problems.map((p) => p.code)],
        ['failed', null, ['invalid-enum']],
      );
      assert.deepEqual(
        [
          gone?.action,
          gone?.status,
          gone?.problems[0]?.code,
          gone?.problems[0]?.pointer,
          gone?.problems[0]?.range.start.line,
        ],
        ['failed', 404, 'server-not-found', '/id', 1],
      );
      assert.deepEqual(
        (await s.requests()).map((x) => x.path),
        ['/v1/update-digital-human/99999'],
      );
    }));

  void test('--dry-run sends nothing and prints each request', () =>
    withServer(async (s) => {
      const r = await push({}, '--dry-run', '--base-url', s.url, join(ROOT, 'examples', 'refund-seeker.persona.yaml'));
      assert.equal(r.code, 0);
      assert.match(
        r.out,
        /would PUT http:\/\/127\.0\.0\.1:\d+\/v1\/update-customer-persona\/7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d \{"name":"Refund seeker"/,
      );
      assert.equal((await s.requests()).length, 0);
    }));

  void test('text output: one line a file, problems like validate', () =>
    withServer(async (s) => {
      const r = await push(
        { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url },
        join(workspace(), 'refund-seeker.persona.yaml'),
      );
      assert.equal(r.code, 0);
      assert.match(r.out, /refund-seeker\.persona\.yaml: updated 7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d \(200\)\n/);
      assert.match(r.err, /1 file: 0 created, 1 updated, 0 failed\./);
    }));

  void test('usage errors exit 2: no key, a base URL that would send the key in clear text', async () => {
    const file = join(ROOT, 'examples', 'refund-seeker.persona.yaml');
    const noKey = await push({}, file);
    assert.equal(noKey.code, 2);
    assert.match(noKey.err, /BLUEJAY_API_KEY/);
    const clear = await push({ BLUEJAY_API_KEY: 'sk-do-not-print-me' }, '--base-url', 'http://api.example.com', file);
    assert.equal(clear.code, 2);
    assert.match(clear.err, /only sent over https/);
    assert.ok(!(clear.err + clear.out).includes('sk-do-not-print-me'));
  });

  void test('a file that is not UTF-8 is not sent and not rewritten; the same file named twice is pushed once', () =>
    withServer(async (s) => {
      const dir = tempDir();
      const latin1 = Buffer.from('kind: customer-persona\nname: Caf\xe9\ndescription: d\ngoal: g\n', 'latin1');
      writeFileSync(join(dir, 'l.persona.yaml'), latin1);
      writeFileSync(join(dir, 'a.persona.yaml'), 'kind: customer-persona\nname: n\ndescription: d\ngoal: g\n');
      const r = await push(
        { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url },
        '--format',
        'json',
        dir,
        join(dir, '.', 'a.persona.yaml'),
      );
      const rows = (JSON.parse(r.out) as Results).results;
      assert.deepEqual(
        rows.map((x) => [x.path.slice(dir.length + 1), x.action, x.problems.map((p) => p.code)]),
        [
          ['a.persona.yaml', 'created', []],
          ['l.persona.yaml', 'failed', ['encoding']],
        ],
      );
      assert.deepEqual(readFileSync(join(dir, 'l.persona.yaml')), latin1);
      assert.deepEqual(
        (await s.requests()).map((x) => x.method),
        ['POST'],
      );
      assert.equal(r.code, 1);
    }));

  void test('an unreadable path exits 2, after pushing the rest', () =>
    withServer(async (s) => {
      const r = await push(
        { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url },
        join(ROOT, 'nope.persona.yaml'),
        join(workspace(), 'refund-seeker.persona.yaml'),
      );
      assert.equal(r.code, 2);
      assert.match(r.err, /cannot read .*nope\.persona\.yaml/);
      assert.match(r.out, /refund-seeker\.persona\.yaml: updated/);
    }));

  void test('the key is in no output, even when Bluejay echoes it back', () =>
    withServer(async (s) => {
      await s.faults({ status: { code: 400, detail: 'Bad request from X-API-Key: test-key (key test-key)' } });
      const r = await push(
        { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url },
        join(workspace(), 'refund-seeker.persona.yaml'),
      );
      assert.equal(r.code, 1);
      assert.match(r.out, /server-rejected/);
      assert.ok(!(r.out + r.err).includes('test-key'), r.out);
      // The command itself, without the command line's last net over its output (withoutKey):
      // the client's own redaction.
      await s.faults({ status: { code: 400, detail: 'Bad request from X-API-Key: test-key (key test-key)' } });
      let out = '';
      const code = await pushCommand(
        [join(workspace(), 'refund-seeker.persona.yaml')],
        { format: 'text', baseUrl: undefined, dryRun: false },
        {
          out: (t) => (out += t),
          err: (t) => (out += t),
          env: { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url },
        },
      );
      assert.equal(code, 1);
      assert.match(out, /server-rejected/);
      assert.ok(!out.includes('test-key'), out);
    }));
});
