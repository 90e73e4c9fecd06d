/** The `bluejay plan` contract against the local server: actions, changes, JSON shape, text, exit codes; nothing written or changed. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, ROOT, stateRootDir } from './support/cli';
import { withServer } from './support/server';

const plan = (env: Record<string, string>, ...args: string[]): ReturnType<typeof cli> => cli(env, 'plan', ...args);

const workspace = (): string => stateRootDir('plan', true);

interface Plans {
  plans: {
    path: string;
    kind: string | null;
    id: unknown;
    action: string;
    changes: { pointer: string; from: unknown; to: unknown }[];
    problems: Record<string, unknown>[];
  }[];
}

void describe('bluejay plan', () => {
  void test('JSON: exactly {plans:[{path,kind,id,action,changes:[{pointer,from,to}],problems}]}; only reads; writes nothing; exit 0', () =>
    withServer(async (s) => {
      const dir = workspace();
      const file = join(dir, 'refund-seeker.persona.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('name: Refund seeker', 'name: Refund seeker (VIP)'));
      const before = readFileSync(join(dir, 'first-time-caller.persona.json'), 'utf8');
      const r = await plan({ BLUEJAY_API_KEY: 'test-key' }, '--format', 'json', '--base-url', s.url, dir);
      assert.equal(r.code, 0, r.err);
      const json = JSON.parse(r.out) as Plans;
      assert.deepEqual(Object.keys(json), ['plans']);
      assert.deepEqual(
        json.plans.map((p) => Object.keys(p)),
        Array(5).fill(['path', 'kind', 'id', 'action', 'changes', 'problems']),
      );
      assert.deepEqual(
        json.plans.map((p) => [p.path.slice(dir.length + 1), p.kind, p.id, p.action, p.changes.length]),
        [
          ['angry-billing-customer.digital-human.yaml', 'digital-human', 318, 'unchanged', 0],
          ['first-time-caller.persona.json', 'customer-persona', null, 'create', 4],
          ['refund-seeker.persona.yaml', 'customer-persona', '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d', 'update', 1],
          ['spanish-booking.digital-human.json', 'digital-human', null, 'create', 16],
          ['workflow-replay.digital-human.yaml', 'digital-human', 1204, 'unchanged', 0],
        ],
      );
      assert.deepEqual(json.plans[2]?.changes, [
        { pointer: '/name', from: 'Refund seeker', to: 'Refund seeker (VIP)' },
      ]);
      assert.deepEqual(json.plans[1]?.changes[3], { pointer: '/agent_id', from: null, to: 1042 });
      assert.deepEqual(json.plans[4]?.problems, [
        {
          severity: 'information',
          code: 'workflow-tag-locks',
          message: json.plans[4]?.problems[0]?.['message'],
          pointer: '/tag',
          range: { start: { line: 6, character: 5 }, end: { line: 6, character: 22 } },
        },
      ]);
      assert.deepEqual(
        (await s.requests()).map((x) => x.method),
        ['GET', 'GET', 'GET'],
      );
      assert.equal(readFileSync(join(dir, 'first-time-caller.persona.json'), 'utf8'), before);
      assert.equal(existsSync(join(dir, '.bluejay', 'state.json')), false);
    }));

  void test('text: path: action kind id, one line a change with JSON values cut to about 60 characters, problems like validate; summary on stderr', () =>
    withServer(async (s) => {
      const dir = mkdtempSync(join(tmpdir(), 'bluejay-plan-'));
      const persona = join(dir, 'p.persona.yaml');
      writeFileSync(
        persona,
        `kind: customer-persona\nid: 7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d\nname: Refund seeker\ndescription: ${'Long text. '.repeat(10).trim()}\ngoal: null\n`,
      );
      const fresh = join(dir, 'q.digital-human.yaml');
      writeFileSync(fresh, 'kind: digital-human\nname: New\nphone_number: "555"\n');
      const r = await plan({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url }, persona, fresh);
      assert.equal(r.code, 0);
      assert.deepEqual(r.out.split('\n'), [
        `${persona}: update customer-persona 7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d`,
        '  /description: "Maria, 42, ordered a standing desk three weeks ago. It a... -> "Long text. Long text. Long text. Long text. Long text. L...',
        '  /goal: "Get a full refund to her original payment method without... -> null',
        `${fresh}: create digital-human`,
        '  /name: null -> "New"',
        '  /phone_number: null -> "555"',
        `${fresh}:3:15 warning phone-number-format phone_number should be in E.164 format, such as +14155550123 (got '555'); Bluejay rejects numbers it cannot read.`,
        '',
      ]);
      assert.match(
        r.err,
        /^2 files: 1 to create, 1 to update, 0 unchanged, 0 invalid \(nothing sent to http:\/\/127\.0\.0\.1:\d+\)\.\n$/,
      );
    }));

  void test('an invalid file, or an id Bluejay does not know, is invalid: exit 1', () =>
    withServer(async (s) => {
      const dir = mkdtempSync(join(tmpdir(), 'bluejay-plan-'));
      writeFileSync(join(dir, 'bad.digital-human.yaml'), 'kind: digital-human\nid: 318\nvoice_speed: fastt\n');
      writeFileSync(join(dir, 'gone.digital-human.yaml'), 'kind: digital-human\nid: 99999\nname: x\n');
      const r = await plan({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url }, '--format', 'json', dir);
      assert.equal(r.code, 1);
      const [bad, gone] = (JSON.parse(r.out) as Plans).plans;
      assert.deepEqual(
        [bad?.action, bad?.changes, bad?.problems.map((p) => p['code'])],
        ['invalid', [], ['invalid-enum']],
      );
      assert.deepEqual(
        [gone?.action, gone?.problems.map((p) => [p['code'], p['pointer']])],
        ['invalid', [['server-not-found', '/id']]],
      );
      const text = await plan(
        { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url },
        join(dir, 'gone.digital-human.yaml'),
      );
      assert.match(
        text.out,
        /gone\.digital-human\.yaml: invalid digital-human 99999\n.*gone\.digital-human\.yaml:2:5 error server-not-found /,
      );
    }));

  void test('usage errors exit 2 (no key, a refused base URL, no paths, a bad format); an unreadable path exits 2 after the rest; the key is never printed', () =>
    withServer(async (s) => {
      const file = join(ROOT, 'examples', 'refund-seeker.persona.yaml');
      const noKey = await plan({ BLUEJAY_BASE_URL: s.url }, file);
      assert.deepEqual([noKey.code, noKey.out], [2, '']);
      assert.match(noKey.err, /^bluejay: set BLUEJAY_API_KEY/);
      const clear = await plan({ BLUEJAY_API_KEY: 'sk-do-not-print-me' }, '--base-url', 'http://api.example.com', file);
      assert.equal(clear.code, 2);
      assert.match(clear.err, /only sent over https/);
      assert.ok(!(clear.err + clear.out).includes('sk-do-not-print-me'));
      assert.equal((await plan({ BLUEJAY_API_KEY: 'k' })).code, 2);
      assert.equal((await plan({ BLUEJAY_API_KEY: 'k' }, '--format', 'xml', file)).code, 2);
      assert.equal((await plan({ BLUEJAY_API_KEY: 'k' }, '--dry-run', file)).code, 2);
      const r = await plan(
        { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url },
        join(ROOT, 'nope.persona.yaml'),
        file,
      );
      assert.equal(r.code, 2);
      assert.match(r.err, /cannot read .*nope\.persona\.yaml/);
      assert.match(r.out, /refund-seeker\.persona\.yaml: unchanged customer-persona/);
      await s.faults({ status: { code: 400, detail: 'Bad request from X-API-Key: test-key' } });
      const echoed = await plan({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url }, file);
      assert.equal(echoed.code, 1);
      assert.ok(!(echoed.out + echoed.err).includes('test-key'), echoed.out);
    }));
});
