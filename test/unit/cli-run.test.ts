/** `bluejay run` against the local server, on a clock that never waits: what it queues, its outcomes, its formats. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, stateRootDir } from './support/cli';
import { BILLING, env, runBilling, simAdmin, useFakeRunClock, type Json } from './support/run';
import { withServer } from './support/server';
import { parseXml, type XmlNode } from './support/xml';

useFakeRunClock();

const simState = async (url: string): Promise<Json> =>
  (await (await fetch(`${url}/__admin/simulations`)).json()) as Json;

void describe('bluejay run', () => {
  void test('runs a file in each of its simulations (voice and SMS), one queue request each, ids as strings', () =>
    withServer(async (s) => {
      const dir = stateRootDir('run', true);
      const r = await cli(env(s.url), 'run', '--format', 'json', join(dir, BILLING));
      assert.equal(r.code, 1, r.err); // one conversation fails its goal
      const out = JSON.parse(r.out) as { files: Json[]; runs: Json[] };
      assert.deepEqual(
        out.files.map((f) => [f['action'], f['id']]),
        [['run', 318]],
      );
      assert.deepEqual(
        out.runs.map((x) => [x['simulation_id'], x['status'], x['total'], x['passed']]),
        [
          ['57', 'COMPLETED', 2, 1],
          ['61', 'COMPLETED', 2, 1],
        ],
      );
      const first = (out.runs[0]?.['results'] as Json[])[0] as Json;
      assert.equal(first['path'], join(dir, BILLING));
      assert.equal(first['digital_human_id'], 318);
      assert.equal(first['outcome'], 'passed');
      assert.equal(first['goal_success'], true);
      assert.match(String(out.runs[0]?.['url']), /\/simulations\/57\/runs\/345$/);
      assert.deepEqual((first['metrics'] as Json[])[0], {
        name: 'Empathy',
        value: '4',
        reasoning: 'Acknowledged the frustration early.',
      });
      const queues = (await s.requests()).filter((q) => q.method === 'POST');
      assert.deepEqual(
        queues.map((q) => [q.path, q.body]),
        [
          ['/v1/queue-simulation-run', { simulation_id: '57', digital_human_ids: ['318'] }],
          ['/v1/queue-sms-simulation-run', { simulation_id: '61', digital_human_ids: ['318'] }],
        ],
      );
      assert.match(r.err, /simulation 57 run 345: RUNNING/);
      assert.deepEqual(
        (await simState(s.url))['mediaRequests'],
        [],
        'nothing fetched from the media origin, so no key went there',
      );
      assert.equal(
        (await cli(env(s.url), 'run', '--min-pass-rate', '0.5', '--simulation', '57', join(dir, BILLING))).code,
        0,
      );
    }));
  void test('refusals: not pushed, out of step, in no simulation; personas skipped; nothing queued for them', () =>
    withServer(async (s) => {
      const dir = stateRootDir('run', true);
      const file = join(dir, BILLING);
      writeFileSync(file, readFileSync(file, 'utf8').replace('tag: billing', 'tag: billing-v2'));
      const r = await cli(env(s.url), 'run', '--format', 'json', dir);
      assert.equal(r.code, 1);
      const files = (JSON.parse(r.out) as { files: { path: string; action: string; problems: { code: string }[] }[] })
        .files;
      const by = (name: string): string => {
        const f = files.find((x) => x.path.endsWith(name));
        return `${String(f?.action)} ${
          f?.problems
            .map((p) => p.code)
            .filter((c) => c.startsWith('run-'))
            .join(',') ?? ''
        }`;
      };
      assert.equal(by(BILLING), 'invalid run-out-of-step');
      assert.equal(by('spanish-booking.digital-human.json'), 'invalid run-not-pushed');
      assert.equal(by('workflow-replay.digital-human.yaml'), 'invalid run-no-simulation');
      assert.equal(by('refund-seeker.persona.yaml'), 'skipped ');
      assert.equal((await s.requests()).filter((q) => q.method === 'POST').length, 0);
      // --push brings it in step first, then it runs.
      const pushed = await cli(env(s.url), 'run', '--push', '--simulation', '57', '--format', 'json', file);
      assert.match(pushed.err, /updated 318/);
      assert.equal((JSON.parse(pushed.out) as { files: Json[] }).files[0]?.['action'], 'run');
    }));
  void test('a queue answered 502 is not repeated; the run is reported as not queued', () =>
    withServer(async (s) => {
      await simAdmin(s.url, { queueStatus: 502 });
      const r = await runBilling(s.url, '--format', 'json');
      assert.equal(r.code, 1);
      const runs = (JSON.parse(r.out) as { runs: Json[] }).runs;
      assert.equal(runs[0]?.['run_id'], null);
      assert.match(String(runs[0]?.['error']), /may have been queued anyway/);
      assert.equal((await s.requests()).filter((q) => q.path === '/v1/queue-simulation-run').length, 1);
    }));
  void test('JUnit: a testsuite per run, failure with the reasoning as message; parsed back', () =>
    withServer(async (s) => {
      await simAdmin(s.url, { outcomes: { '318': 'fail' } });
      const r = await runBilling(s.url, '--format', 'junit');
      assert.equal(r.code, 1);
      const root: XmlNode = parseXml(r.out);
      assert.equal(root.name, 'testsuites');
      const suite = root.children[0] as XmlNode;
      assert.deepEqual(
        [suite.name, suite.attrs['tests'], suite.attrs['failures'], suite.attrs['errors']],
        ['testsuite', '2', '2', '0'],
      );
      assert.match(suite.attrs['name'] ?? '', /simulation 57 \(Billing regressions\) run 345/);
      const failure = suite.children[0]?.children[0];
      assert.equal(failure?.name, 'failure');
      assert.match(failure?.attrs['message'] ?? '', /never gave a refund reference number/);
    }));
  void test('faults: INSUFFICIENT_FUNDS and NO_CONNECTION are errors; a short results answer is completed one by one', () =>
    withServer(async (s) => {
      const file = join(stateRootDir('run', true), BILLING);
      await simAdmin(s.url, { outcomes: { '318': 'NO_CONNECTION' }, resultsLimit: 1 });
      const a = JSON.parse((await cli(env(s.url), 'run', '--simulation', '57', '--format', 'json', file)).out) as {
        runs: { results: Json[] }[];
      };
      assert.deepEqual(
        a.runs[0]?.results.map((x) => [x['result_id'], x['status'], x['outcome']]),
        [
          ['9001', 'NO_CONNECTION', 'error'],
          ['9002', 'NO_CONNECTION', 'error'],
        ],
      );
      assert.ok((await s.requests()).some((q) => q.path === '/v1/retrieve-simulation-result/9002'));
      await simAdmin(s.url, { runStatus: 'INSUFFICIENT_FUNDS' });
      const b = await cli(env(s.url), 'run', '--simulation', '57', '--format', 'json', file);
      assert.equal(b.code, 1);
      const runs = (JSON.parse(b.out) as { runs: { status: string; results: Json[] }[] }).runs;
      assert.equal(runs[0]?.status, 'INSUFFICIENT_FUNDS');
      assert.ok(runs[0]?.results.every((x) => x['outcome'] === 'error'));
    }));
});
