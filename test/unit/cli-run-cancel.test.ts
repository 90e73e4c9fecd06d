/** `bluejay run` stopped: a timeout, Ctrl+C at each stage, --no-wait, and the exit codes of each. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { run } from '../../src/cli/main';
import { cli, stateRootDir } from './support/cli';
import { startProxy } from './support/gatingProxy';
import { BILLING, env, runBilling, simAdmin, useFakeRunClock, type Json } from './support/run';
import { withServer } from './support/server';
import { parseXml } from './support/xml';

useFakeRunClock();

/** `bluejay ...args` through a proxy in front of `url` that presses Ctrl+C once the answer to `path` comes back. */
async function runCancelledAt(url: string, path: string, args: string[]): Promise<{ code: number; out: string }> {
  const abort = new AbortController();
  const proxy = await startProxy(url, {
    answer: (req, body) => {
      if (req.path === path) abort.abort();
      return body;
    },
  });
  try {
    let out = '';
    const code = await run(args, {
      out: (t) => (out += t),
      err: () => undefined,
      env: env(proxy.url),
      signal: abort.signal,
    });
    return { code, out };
  } finally {
    await proxy.close();
  }
}

void describe('bluejay run, stopped', () => {
  void test('a run that never finishes times out; JUnit marks its results as errors', () =>
    withServer(async (s) => {
      await simAdmin(s.url, { neverFinish: true });
      const r = await runBilling(s.url, '--timeout', '60', '--poll', '10', '--format', 'junit');
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
      // The answer of the queue request comes back after the Ctrl+C.
      const { code, out } = await runCancelledAt(s.url, '/v1/queue-simulation-run', [
        'run',
        '--simulation',
        '57',
        '--format',
        'json',
        join(stateRootDir('run', true), BILLING),
      ]);
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
    }));
  void test('Ctrl+C while the simulation is read: reported cancelled, nothing queued, exit 1 (with and without --no-wait; found in review)', () =>
    withServer(async (s) => {
      for (const noWait of [false, true]) {
        const file = join(stateRootDir('run', true), BILLING);
        const args = ['run', ...(noWait ? ['--no-wait'] : []), '--simulation', '57', '--format', 'json', file];
        const { code, out } = await runCancelledAt(s.url, '/v1/simulation/57', args);
        assert.equal(code, 1, `--no-wait: ${noWait}`);
        const runs = (JSON.parse(out) as { runs: Json[] }).runs;
        assert.deepEqual([runs[0]?.['run_id'], runs[0]?.['state']], [null, 'cancelled'], `--no-wait: ${noWait}`);
        assert.match(String(runs[0]?.['error']), /nothing was queued/);
        assert.equal((await s.requests()).filter((q) => q.path.startsWith('/v1/queue-')).length, 0);
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
