/** `bluejay push` with drift: baselines in .bluejay/state.json, a remote change refused unless --force, pinned environments. */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, ROOT, stateRootDir, type PushResults as Results } from './support/cli';
import { stateRoot } from '../../src/cli/state';
import { withServer } from './support/server';

const PERSONA_ID = '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d';

const workspace = (): string => stateRootDir('drift', true);

/** Changes the persona on the server behind the file's back. */
async function changeBehindTheBack(url: string, body: Record<string, unknown>): Promise<void> {
  const r = await fetch(`${url}/v1/update-customer-persona/${PERSONA_ID}`, {
    method: 'PUT',
    headers: { 'X-API-Key': 'test-key', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(r.status, 200);
}

const state = (
  dir: string,
): {
  version: number;
  baselines: Record<string, Record<string, { kind: string; id: unknown; fields: Record<string, unknown>; at: string }>>;
} => JSON.parse(readFileSync(join(dir, '.bluejay', 'state.json'), 'utf8')) as never;

void describe('bluejay push: drift', () => {
  void test('a push records the baseline; a change made on Bluejay since makes the next push fail with remote-drift, exit 1, nothing sent; --force pushes', () =>
    withServer(async (s) => {
      const dir = workspace();
      const file = join(dir, 'refund-seeker.persona.yaml');
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      assert.equal((await cli(env, 'push', file)).code, 0);
      const saved = state(dir);
      assert.deepEqual(Object.keys(saved), ['version', 'baselines']);
      const baseline = saved.baselines[s.url]?.['refund-seeker.persona.yaml'];
      assert.deepEqual(Object.keys(baseline ?? {}), ['kind', 'id', 'fields', 'at']);
      assert.deepEqual(
        [baseline?.kind, baseline?.id, Object.keys(baseline?.fields ?? {})],
        ['customer-persona', PERSONA_ID, ['name', 'description', 'goal']],
      );
      assert.match(baseline?.at ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

      await changeBehindTheBack(s.url, { name: 'Renamed in the Bluejay app' });
      await fetch(`${s.url}/__admin/requests`, { method: 'DELETE' });
      const refused = await cli(env, 'push', '--format', 'json', file);
      assert.equal(refused.code, 1);
      const [row] = (JSON.parse(refused.out) as Results).results;
      assert.deepEqual(
        [row?.action, row?.status, row?.problems.map((p) => [p.severity, p.code, p.pointer, p.range.start.line])],
        ['failed', null, [['error', 'remote-drift', '/id', 3]]],
      );
      assert.equal(
        row?.problems[0]?.message,
        `Bluejay's copy changed since this file was last pushed or pulled (name): pull it (bluejay pull customer-persona ${PERSONA_ID} --out <file>) and compare, or push with --force to overwrite Bluejay's changes.`,
      );
      assert.deepEqual(
        (await s.requests()).map((r) => [r.method, r.path]),
        [['GET', `/v1/customer-persona/${PERSONA_ID}`]],
      );

      const text = await cli(env, 'push', file);
      assert.match(
        text.out,
        /refund-seeker\.persona\.yaml: failed\n.*refund-seeker\.persona\.yaml:4:5 error remote-drift Bluejay's copy changed/,
      );

      const forced = await cli(env, 'push', '--force', file);
      assert.equal(forced.code, 0, forced.out);
      assert.match(forced.out, /refund-seeker\.persona\.yaml: updated 7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d \(200\)\n/);
      assert.equal(state(dir).baselines[s.url]?.['refund-seeker.persona.yaml']?.fields['name'], 'Refund seeker');
      // The baseline moved with the forced push: the next push goes through.
      assert.equal((await cli(env, 'push', file)).code, 0);
    }));

  void test("an upper-case id is the same id: the baseline Bluejay's lower-case answer left is compared, and drift is refused", () =>
    withServer(async (s) => {
      const dir = workspace();
      const file = join(dir, 'refund-seeker.persona.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(PERSONA_ID, PERSONA_ID.toUpperCase()));
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      assert.equal((await cli(env, 'push', file)).code, 0);
      await changeBehindTheBack(s.url, { name: 'Renamed in the Bluejay app' });
      const refused = await cli(env, 'push', '--format', 'json', file);
      assert.equal(refused.code, 1, refused.out);
      assert.deepEqual(
        (JSON.parse(refused.out) as Results).results[0]?.problems.map((p) => p.code),
        ['remote-drift'],
      );
      // A baseline recorded by a pull (lower case) guards the upper-case file too.
      const pulled = await cli(env, 'pull', 'customer-persona', PERSONA_ID.toUpperCase(), '--out', file);
      assert.equal(pulled.code, 0, pulled.err);
      await changeBehindTheBack(s.url, { name: 'Renamed again' });
      assert.equal((await cli(env, 'push', file)).code, 1);
    }));

  void test('local changes alone push; a file without a baseline pushes as before, without reading first', () =>
    withServer(async (s) => {
      const dir = workspace();
      const file = join(dir, 'refund-seeker.persona.yaml');
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      assert.deepEqual((await s.requests()).length, 0);
      assert.equal((await cli(env, 'push', file)).code, 0);
      assert.deepEqual(
        (await s.requests()).map((r) => r.method),
        ['PUT'],
      );
      writeFileSync(file, readFileSync(file, 'utf8').replace('name: Refund seeker', 'name: Refund seeker 2'));
      const r = await cli(env, 'push', file);
      assert.equal(r.code, 0, r.out);
      assert.deepEqual(
        (await s.requests()).map((x) => x.method),
        ['PUT', 'GET', 'PUT'],
      );
      assert.equal(state(dir).baselines[s.url]?.['refund-seeker.persona.yaml']?.fields['name'], 'Refund seeker 2');
    }));

  void test('a created file gets a baseline under its new id; drift is then seen on it', () =>
    withServer(async (s) => {
      const dir = workspace();
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      const file = join(dir, 'new.persona.yaml');
      writeFileSync(file, '# new\nkind: customer-persona\nname: n\ndescription: d\ngoal: g\n');
      const created = await cli(env, 'push', '--format', 'json', file);
      const id = (JSON.parse(created.out) as Results).results[0]?.id as string;
      assert.deepEqual(state(dir).baselines[s.url]?.['new.persona.yaml'], {
        ...state(dir).baselines[s.url]?.['new.persona.yaml'],
        kind: 'customer-persona',
        id,
        fields: { name: 'n', description: 'd', goal: 'g' },
      });
      await fetch(`${s.url}/v1/update-customer-persona/${id}`, {
        method: 'PUT',
        headers: { 'X-API-Key': 'test-key', 'content-type': 'application/json' },
        body: JSON.stringify({ goal: 'other' }),
      });
      const r = await cli(env, 'push', file);
      assert.equal(r.code, 1);
      assert.match(
        r.out,
        /error remote-drift Bluejay's copy changed since this file was last pushed or pulled \(goal\)/,
      );
    }));

  void test('--dry-run writes no state; a broken state file is said on stderr, ignored and rewritten', () =>
    withServer(async (s) => {
      const dir = workspace();
      const file = join(dir, 'refund-seeker.persona.yaml');
      assert.equal((await cli({}, 'push', '--dry-run', '--base-url', s.url, file)).code, 0);
      assert.equal(existsSync(join(dir, '.bluejay', 'state.json')), false);
      writeFileSync(join(dir, '.bluejay', 'state.json'), '{ not json');
      const r = await cli({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url }, 'push', file);
      assert.equal(r.code, 0);
      assert.match(
        r.err,
        /^bluejay: \.bluejay\/state\.json is not valid JSON \(.*\); it is ignored and will be rewritten\. \(in .*bluejay-drift-\w+\)\n/,
      );
      assert.equal(state(dir).baselines[s.url]?.['refund-seeker.persona.yaml']?.id, PERSONA_ID);
    }));

  void test('the state root: the nearest .bluejay above the file, else the nearest .git, else the working folder; paths with forward slashes', () =>
    withServer(async (s) => {
      const top = mkdtempSync(join(tmpdir(), 'bluejay-root-'));
      mkdirSync(join(top, '.git'));
      mkdirSync(join(top, 'team', 'agents'), { recursive: true });
      cpSync(join(ROOT, 'examples', 'refund-seeker.persona.yaml'), join(top, 'team', 'agents', 'r.persona.yaml'));
      assert.equal(await stateRoot(join(top, 'team', 'agents', 'r.persona.yaml')), top);
      assert.equal(
        (await cli({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url }, 'push', join(top, 'team'))).code,
        0,
      );
      assert.deepEqual(Object.keys(state(top).baselines[s.url] ?? {}), ['team/agents/r.persona.yaml']);
      mkdirSync(join(top, 'team', '.bluejay'));
      assert.equal(await stateRoot(join(top, 'team', 'agents', 'r.persona.yaml')), join(top, 'team'));
      const nowhere = mkdtempSync(join(tmpdir(), 'bluejay-none-'));
      assert.equal(await stateRoot(join(nowhere, 'x.persona.yaml'), nowhere), nowhere);
    }));
});

void describe('bluejay push: pinned environments', () => {
  const pinned = (dir: string): string => {
    const file = join(dir, 'refund-seeker.persona.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('name: Refund seeker', 'environment: staging\nname: Refund seeker'),
    );
    return file;
  };

  void test('--env naming another environment refuses the file (environment-mismatch), nothing sent, exit 1', () =>
    withServer(async (s) => {
      const file = pinned(workspace());
      const r = await cli(
        { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url },
        'push',
        '--format',
        'json',
        '--env',
        'production',
        file,
      );
      assert.equal(r.code, 1);
      const [row] = (JSON.parse(r.out) as Results).results;
      assert.deepEqual(
        [row?.action, row?.problems.map((p) => [p.code, p.pointer, p.range.start.line])],
        ['failed', [['environment-mismatch', '/environment', 6]]],
      );
      assert.match(
        row?.problems[0]?.message ?? '',
        /pinned to the environment 'staging', but the active environment is 'production'/,
      );
      assert.equal((await s.requests()).length, 0);
    }));

  void test('BLUEJAY_ENV the same as the pin pushes; no environment named: the pin is not checked', () =>
    withServer(async (s) => {
      const file = pinned(workspace());
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      assert.equal((await cli({ ...env, BLUEJAY_ENV: 'staging' }, 'push', file)).code, 0);
      assert.equal((await cli({ ...env, BLUEJAY_ENV: 'prod' }, 'push', file)).code, 1);
      assert.equal((await cli({ ...env, BLUEJAY_ENV: 'prod' }, 'push', '--env', 'staging', file)).code, 0);
      assert.equal((await cli(env, 'push', file)).code, 0);
      assert.deepEqual(
        (await s.requests()).map((r) => r.method),
        ['PUT', 'GET', 'PUT', 'GET', 'PUT'],
      );
      for (const r of await s.requests()) assert.ok(!JSON.stringify(r.body).includes('environment'));
    }));

  void test('a bad --env name is a usage error', async () => {
    const r = await cli({ BLUEJAY_API_KEY: 'k' }, 'push', '--env', 'no spaces', 'x.persona.yaml');
    assert.equal(r.code, 2);
    assert.match(r.err, /^bluejay: --env must be an environment name/);
  });
});
