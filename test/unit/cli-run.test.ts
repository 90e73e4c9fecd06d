/** `bluejay run` against the local server, on a clock that never waits. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ApiError } from '../../src/core/api/errors';
import { run } from '../../src/cli/main';
import { setRunClock } from '../../src/cli/run';
import { cli, stateRootDir } from './support/cli';
import { startProxy } from './support/gatingProxy';
import { withServer } from './support/server';
import { parseXml, type XmlNode } from './support/xml';

before(() => {
  let t = 0;
  setRunClock({
    now: () => t,
    sleep: (ms, signal) =>
      signal?.aborted ? Promise.reject(new ApiError('cancelled', 'Cancelled.', null)) : Promise.resolve(void (t += ms)),
  });
});
after(() => setRunClock(undefined));

type Json = Record<string, unknown>;
const env = (url: string): Record<string, string> => ({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: url });
const simAdmin = async (url: string, body: Json): Promise<void> => {
  const r = await fetch(`${url}/__admin/simulations`, { method: 'POST', body: JSON.stringify(body) });
  assert.equal(r.status, 200, await r.text());
};
const simState = async (url: string): Promise<Json> =>
  (await (await fetch(`${url}/__admin/simulations`)).json()) as Json;
const BILLING = 'angry-billing-customer.digital-human.yaml';

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
      const r = await cli(
        env(s.url),
        'run',
        '--simulation',
        '57',
        '--format',
        'json',
        join(stateRootDir('run', true), BILLING),
      );
      assert.equal(r.code, 1);
      const runs = (JSON.parse(r.out) as { runs: Json[] }).runs;
      assert.equal(runs[0]?.['run_id'], null);
      assert.match(String(runs[0]?.['error']), /may have been queued anyway/);
      assert.equal((await s.requests()).filter((q) => q.path === '/v1/queue-simulation-run').length, 1);
    }));
  void test('a run that never finishes times out; JUnit marks its results as errors', () =>
    withServer(async (s) => {
      await simAdmin(s.url, { neverFinish: true });
      const r = await cli(
        env(s.url),
        'run',
        '--simulation',
        '57',
        '--timeout',
        '60',
        '--poll',
        '10',
        '--format',
        'junit',
        join(stateRootDir('run', true), BILLING),
      );
      assert.equal(r.code, 1);
      const suites = parseXml(r.out).children;
      assert.equal(suites.length, 1);
      assert.equal(suites[0]?.attrs['errors'], '2');
      assert.ok(
        suites[0]?.children.every(
          (c) => c.children[0]?.name === 'error' && /still RUNNING/.test(c.children[0].attrs['message'] ?? ''),
        ),
      );
      assert.equal(
        (await s.requests()).filter((q) => q.path.startsWith('/v1/retrieve-simulation-results/')).length,
        7,
        'every 10 s for 60 s',
      );
    }));
  void test('JUnit: a testsuite per run, failure with the reasoning as message; parsed back', () =>
    withServer(async (s) => {
      await simAdmin(s.url, { outcomes: { '318': 'fail' } });
      const r = await cli(
        env(s.url),
        'run',
        '--simulation',
        '57',
        '--format',
        'junit',
        join(stateRootDir('run', true), BILLING),
      );
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
  void test('Ctrl+C stops waiting, ends the conversations still running, prints what is known, exits 1', () =>
    withServer(async (s) => {
      await simAdmin(s.url, { neverFinish: true });
      const abort = new AbortController();
      let out = '';
      let err = '';
      const code = await run(
        ['run', '--simulation', '57', '--format', 'json', join(stateRootDir('run', true), BILLING)],
        {
          out: (t) => (out += t),
          err: (t) => {
            err += t;
            if (/RUNNING/.test(t)) abort.abort();
          },
          env: env(s.url),
          signal: abort.signal,
        },
      );
      assert.equal(code, 1);
      const end = (await s.requests()).filter((q) => q.path === '/v1/end-conversations');
      assert.deepEqual(
        end.map((q) => q.body),
        [{ test_result_ids: [9001, 9002] }],
      );
      assert.match(err, /ended 2 conversation/);
      assert.equal((JSON.parse(out) as { runs: Json[] }).runs[0]?.['state'], 'cancelled');
    }));
  void test('Ctrl+C while the queue request is in flight: the run it made is ended and reported, exit 1', () =>
    withServer(async (s) => {
      const abort = new AbortController();
      // The answer of the queue request comes back after the Ctrl+C.
      const proxy = await startProxy(s.url, {
        answer: (req, body) => {
          if (req.path === '/v1/queue-simulation-run') abort.abort();
          return body;
        },
      });
      try {
        let out = '';
        const code = await run(
          ['run', '--simulation', '57', '--format', 'json', join(stateRootDir('run', true), BILLING)],
          { out: (t) => (out += t), err: () => undefined, env: env(proxy.url), signal: abort.signal },
        );
        assert.equal(code, 1);
        const ends = (await s.requests()).filter((q) => q.path === '/v1/end-conversations');
        assert.deepEqual(
          ends.map((q) => q.body),
          [{ test_result_ids: [9001, 9002] }],
        );
        const runs = (JSON.parse(out) as { runs: Json[] }).runs;
        assert.deepEqual([runs[0]?.['run_id'], runs[0]?.['state']], ['345', 'cancelled']);
        assert.match(String(runs[0]?.['error']), /ended 2 conversation/);
        assert.equal((await s.requests()).filter((q) => q.path.startsWith('/v1/queue-')).length, 1);
      } finally {
        await proxy.close();
      }
    }));
  void test('Ctrl+C while the simulation is read: reported cancelled, nothing queued, exit 1 (with and without --no-wait; found in review)', () =>
    withServer(async (s) => {
      for (const noWait of [false, true]) {
        const abort = new AbortController();
        const proxy = await startProxy(s.url, {
          answer: (req, body) => {
            if (req.path === '/v1/simulation/57') abort.abort();
            return body;
          },
        });
        try {
          let out = '';
          const file = join(stateRootDir('run', true), BILLING);
          const args = ['run', ...(noWait ? ['--no-wait'] : []), '--simulation', '57', '--format', 'json', file];
          const code = await run(args, {
            out: (t) => (out += t),
            err: () => undefined,
            env: env(proxy.url),
            signal: abort.signal,
          });
          assert.equal(code, 1, `--no-wait: ${noWait}`);
          const runs = (JSON.parse(out) as { runs: Json[] }).runs;
          assert.deepEqual([runs[0]?.['run_id'], runs[0]?.['state']], [null, 'cancelled'], `--no-wait: ${noWait}`);
          assert.match(String(runs[0]?.['error']), /nothing was queued/);
          assert.equal((await s.requests()).filter((q) => q.path.startsWith('/v1/queue-')).length, 0);
        } finally {
          await proxy.close();
        }
      }
    }));
  void test('--no-wait queues, prints the runs and exits 0; usage errors exit 2', () =>
    withServer(async (s) => {
      const file = join(stateRootDir('run', true), BILLING);
      const r = await cli(env(s.url), 'run', '--no-wait', '--simulation', '57', '--format', 'json', file);
      assert.equal(r.code, 0, r.err);
      assert.equal((JSON.parse(r.out) as { runs: Json[] }).runs[0]?.['run_id'], '345');
      assert.equal((await s.requests()).filter((q) => q.path.startsWith('/v1/retrieve-simulation')).length, 0);
      assert.equal((await cli(env(s.url), 'run', '--poll', '1', file)).code, 2);
      assert.equal((await cli(env(s.url), 'run', '--format', 'xml', file)).code, 2);
      assert.equal((await cli({ BLUEJAY_BASE_URL: s.url }, 'run', file)).code, 2);
      assert.equal((await cli(env(s.url), 'run', join(file, 'missing'))).code, 2);
    }));
});

void describe('bluejay generate', () => {
  void test('each digital human returned becomes a valid YAML file with its id and baseline', () =>
    withServer(async (s) => {
      const dir = stateRootDir('gen');
      const out = join(dir, 'generated');
      const r = await cli(
        env(s.url),
        'generate',
        '--agent',
        '1042',
        '--simulation',
        '57',
        '--goal',
        'cancel a subscription',
        '--count',
        '2',
        '--out',
        out,
      );
      assert.equal(r.code, 0, r.err);
      const paths = r.out
        .trim()
        .split('\n')
        .map((l) => l.replace(/: id \d+$/, ''));
      assert.equal(paths.length, 2);
      assert.equal((await cli({}, 'validate', ...paths)).code, 0);
      const state = JSON.parse(readFileSync(join(dir, '.bluejay', 'state.json'), 'utf8')) as {
        baselines: Record<string, Record<string, unknown>>;
      };
      assert.equal(Object.keys(state.baselines[s.url] ?? {}).length, 2);
      // In step right away: it runs without a push.
      assert.equal(
        (
          JSON.parse((await cli(env(s.url), 'run', '--no-wait', '--format', 'json', paths[0] ?? '')).out) as {
            files: Json[];
          }
        ).files[0]?.['action'],
        'run',
      );
      assert.equal(
        (await cli(env(s.url), 'generate', '--agent', '1042', '--out', out)).code,
        0,
        "the agent's goals when --goal is not given",
      );
      assert.equal((await cli(env(s.url), 'generate', '--agent', 'x', '--out', out)).code, 2);
    }));

  void test('run twice into one folder: nothing replaced, nothing Bluejay created is lost (the next free name is taken)', () =>
    withServer(async (s) => {
      const dir = stateRootDir('gen');
      const out = join(dir, 'generated');
      const args = ['generate', '--agent', '1042', '--goal', 'cancel a subscription', '--count', '1', '--out', out];
      const first = await cli(env(s.url), ...args);
      const second = await cli(env(s.url), ...args);
      assert.equal(second.code, 0, second.err);
      const paths = [...first.out.trim().split('\n'), ...second.out.trim().split('\n')].map((l) =>
        l.replace(/: id \d+$/, ''),
      );
      assert.equal(new Set(paths).size, 2, paths.join(', '));
      assert.equal(readdirSync(out).length, 2);
      assert.equal((await cli({}, 'validate', ...paths)).code, 0);
    }));

  void test("an id Bluejay answers that is not a digital human's id is not written: the file has none, no baseline, exit 1", () =>
    withServer(async (s) => {
      const dir = stateRootDir('gen');
      const out = join(dir, 'generated');
      const proxy = await startProxy(s.url, {
        answer: (req, body) =>
          req.path === '/v1/generate-digital-humans'
            ? {
                ...(body as Json),
                digital_humans: ((body as { digital_humans: Json[] }).digital_humans ?? []).map((d) => ({
                  ...d,
                  id: '5\nname: injected',
                })),
              }
            : body,
      });
      try {
        const r = await cli(
          env(proxy.url),
          'generate',
          '--agent',
          '1042',
          '--goal',
          'cancel',
          '--count',
          '1',
          '--out',
          out,
        );
        assert.equal(r.code, 1, r.err);
        assert.match(r.err, /not a digital human's id: it is written without one/);
        const [path] = r.out.trim().split('\n');
        const text = readFileSync(path ?? '', 'utf8');
        assert.doesNotMatch(text, /^id:|injected/m);
        assert.equal(existsSync(join(dir, '.bluejay', 'state.json')), false, 'no baseline');
      } finally {
        await proxy.close();
      }
    }));
});
