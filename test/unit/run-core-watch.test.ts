/** The run core: watching a run to its end (polls, 404s in review, cancel, conversations ended). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../src/core/api/errors';
import { endConversations, queueRun, unfinishedIds, watchRun } from '../../src/core/run/runner';
import { fakeClock, scripted, run, result, Q, type Answer } from './support/runCore';

void describe('watching a run', () => {
  void test('polls serially at the interval until finished, then reports outcomes', async () => {
    const clock = fakeClock();
    const s = scripted({
      'GET /v1/retrieve-simulation-results/345': [
        run('RUNNING', [result(9001, 'RUNNING'), result(9002, 'QUEUED')]),
        run('COMPLETED', [result(9001, 'COMPLETED', true), result(9002, 'EVALUATING')]),
        run('COMPLETED', [result(9001, 'COMPLETED', true), result(9002, 'COMPLETED', false)]),
      ],
    });
    const seen: string[] = [];
    const r = await watchRun(s, Q, { clock, pollMs: 500, onProgress: (p) => seen.push(String(p.status)) });
    assert.equal(r.state, 'finished');
    assert.deepEqual(seen, ['RUNNING', 'COMPLETED', 'COMPLETED']);
    assert.deepEqual(clock.slept, [2000, 2000], 'never more often than every 2 s');
    assert.equal(s.maxInFlight, 1);
    assert.deepEqual(
      r.results.map((x) => x.outcome),
      ['passed', 'failed'],
    );
    assert.equal(r.passed, 1);
    assert.equal(r.results[1]?.reasoning, 'No reference number given.');
    assert.deepEqual(r.results[0]?.metrics, [{ name: 'politeness', value: '4', reasoning: 'calm' }]);
  });
  void test('a run that never finishes times out, its results still running', async () => {
    const clock = fakeClock();
    const s = scripted({
      'GET /v1/retrieve-simulation-results/345': run('RUNNING', [result(9001, 'RUNNING'), result(9002, 'RUNNING')]),
    });
    const r = await watchRun(s, Q, { clock, pollMs: 10_000, timeoutMs: 25_000 });
    assert.equal(r.state, 'timeout');
    assert.deepEqual(
      r.results.map((x) => x.outcome),
      ['running', 'running'],
    );
    assert.deepEqual(clock.slept, [10_000, 10_000, 5_000]);
  });
  void test('results shorter than total_tests: the missing ones are read one by one', async () => {
    const s = scripted({
      'GET /v1/retrieve-simulation-results/345': run('COMPLETED', [result(9001, 'COMPLETED', true)], 2),
      'GET /v1/retrieve-simulation-result/9002': {
        status: 200,
        data: { simulation_result: result(9002, 'NO_CONNECTION'), status: '200' },
      },
    });
    const r = await watchRun(s, Q, { clock: fakeClock() });
    assert.equal(r.state, 'finished');
    assert.deepEqual(
      r.results.map((x) => [x.resultId, x.outcome]),
      [
        ['9001', 'passed'],
        ['9002', 'error'],
      ],
    );
  });
  void test('an abort stops the wait; the unfinished conversations are ended', async () => {
    const abort = new AbortController();
    const s = scripted({
      'GET /v1/retrieve-simulation-results/345': run('RUNNING', [
        result(9001, 'COMPLETED', true),
        result(9002, 'RUNNING'),
      ]),
      'POST /v1/end-conversations': (req) => ({
        status: 200,
        data: {
          success: true,
          ended_count: 1,
          test_result_ids: (req.body as { test_result_ids: number[] }).test_result_ids,
        },
      }),
    });
    const r = await watchRun(s, Q, { clock: fakeClock(), signal: abort.signal, onProgress: () => abort.abort() });
    assert.equal(r.state, 'cancelled');
    const ids = unfinishedIds(r, Q);
    assert.deepEqual(ids, ['9002']);
    assert.deepEqual(await endConversations(s, ids), { ended: ['9002'] });
    assert.deepEqual(s.sent.at(-1)?.body, { test_result_ids: [9002] });
  });
});

const single = (r: Record<string, unknown>): Answer => ({ status: 200, data: { simulation_result: r, status: '200' } });
const notFound: Answer = { status: 404, data: { detail: 'Simulation result not found' } };

void describe('watching a run: found in review', () => {
  void test('a 404 on one missing result does not end the wait: it is read again at the next poll', async () => {
    const s = scripted({
      'GET /v1/retrieve-simulation-results/345': [
        run('RUNNING', [result(9001, 'RUNNING')], 2),
        run('COMPLETED', [result(9001, 'COMPLETED', true)], 2),
      ],
      'GET /v1/retrieve-simulation-result/9002': [notFound, single(result(9002, 'COMPLETED', false))],
    });
    const r = await watchRun(s, Q, { clock: fakeClock() });
    assert.equal(r.state, 'finished', r.error);
    assert.deepEqual(
      r.results.map((x) => [x.resultId, x.outcome]),
      [
        ['9001', 'passed'],
        ['9002', 'failed'],
      ],
    );
  });
  void test('a terminal run whose missing result cannot be read ends (not at the deadline), the missing one reported as running', async () => {
    const clock = fakeClock();
    const s = scripted({
      'GET /v1/retrieve-simulation-results/345': run('COMPLETED', [result(9001, 'COMPLETED', true)], 2),
      'GET /v1/retrieve-simulation-result/9002': notFound,
    });
    const r = await watchRun(s, Q, { clock, pollMs: 10_000, timeoutMs: 25 * 60_000 });
    assert.equal(r.state, 'finished');
    assert.ok(clock.slept.length <= 2, `ended after ${clock.slept.length} waits, not at the deadline`);
    assert.deepEqual(
      r.results.map((x) => [x.resultId, x.status, x.outcome]),
      [
        ['9001', 'COMPLETED', 'passed'],
        ['9002', null, 'running'],
      ],
    );
    assert.match(r.results[1]?.reasoning ?? '', /did not return conversation 9002/);
    assert.equal(r.total, 2);
  });
  void test('total_tests above the results Bluejay can name: a terminal run with every known result terminal is finished', async () => {
    const clock = fakeClock();
    const s = scripted({
      'GET /v1/retrieve-simulation-results/345': run(
        'COMPLETED',
        [result(9001, 'COMPLETED', true), result(9002, 'COMPLETED', false)],
        3,
      ),
    });
    const r = await watchRun(s, Q, { clock, timeoutMs: 25 * 60_000 });
    assert.equal(r.state, 'finished');
    assert.deepEqual(clock.slept, []);
    assert.equal(r.total, 3);
  });
  void test('a run status of the older docs (FAILED, CANCELLED) is terminal: the wait ends', async () => {
    for (const status of ['FAILED', 'CANCELLED']) {
      const clock = fakeClock();
      const s = scripted({
        'GET /v1/retrieve-simulation-results/345': run(status, [
          result(9001, 'SYSTEM_ERROR'),
          result(9002, 'SOMETHING_NEW'),
        ]),
      });
      const r = await watchRun(s, Q, { clock, timeoutMs: 25 * 60_000 });
      assert.equal(r.state, 'finished', status);
      assert.deepEqual(
        r.results.map((x) => x.outcome),
        ['error', 'error'],
      );
    }
  });
  void test('the last poll before the deadline is never sooner than 2 s after the one before', async () => {
    const clock = fakeClock();
    const s = scripted({
      'GET /v1/retrieve-simulation-results/345': run('RUNNING', [result(9001, 'RUNNING'), result(9002, 'RUNNING')]),
    });
    const r = await watchRun(s, Q, { clock, pollMs: 10_000, timeoutMs: 21_000 });
    assert.equal(r.state, 'timeout');
    assert.ok(
      clock.slept.every((ms) => ms >= 2_000),
      clock.slept.join(),
    );
  });
  void test('cancel while the queue request is in flight: its answer is kept, its conversations ended, the run reported', async () => {
    const abort = new AbortController();
    const s = scripted(
      {
        'GET /v1/simulation/57': { status: 200, data: { id: 57, agent_id: 1042, name: 'Voice' } },
        'GET /v1/agents/1042': { status: 200, data: { id: 1042, connection_type: 'PHONE' } },
        'POST /v1/queue-simulation-run': {
          status: 200,
          data: { simulation_run_id: '345', simulation_result_ids: ['9001', '9002'], agent_id: '1042' },
        },
        'POST /v1/end-conversations': (req) => ({
          status: 200,
          data: {
            success: true,
            ended_count: 2,
            test_result_ids: (req.body as { test_result_ids: number[] }).test_result_ids,
            failed_ids: [],
          },
        }),
      },
      { beforeAnswer: (req) => req.path === '/v1/queue-simulation-run' && abort.abort() },
    );
    const q = await queueRun(s, '57', ['318'], abort.signal);
    assert.ok(!('resultIds' in q), 'not handed on to be watched');
    assert.equal(q.state, 'cancelled');
    assert.equal(q.runId, '345');
    assert.match(q.error ?? '', /ended 2 conversation/);
    assert.deepEqual(
      s.sent.filter((r) => r.path === '/v1/end-conversations').map((r) => r.body),
      [{ test_result_ids: [9001, 9002] }],
    );
  });
  void test('cancel during the first reads (the simulation, the agent): cancelled, nothing queued, not failed (found in review)', async () => {
    for (const at of ['/v1/simulation/57', '/v1/agents/1042']) {
      const abort = new AbortController();
      const s = scripted(
        {
          'GET /v1/simulation/57': { status: 200, data: { id: 57, agent_id: 1042, name: 'Voice' } },
          'GET /v1/agents/1042': { status: 200, data: { id: 1042, connection_type: 'PHONE' } },
        },
        { beforeAnswer: (req) => req.path === at && abort.abort() },
      );
      const q = await queueRun(s, '57', ['318'], abort.signal);
      assert.ok(!('resultIds' in q), at);
      assert.equal(q.state, 'cancelled', at);
      assert.equal(q.runId, null, at);
      assert.match(q.error ?? '', /nothing was queued/, at);
      assert.doesNotMatch(q.error ?? '', /could not be read/, at);
      assert.equal(s.sent.filter((r) => r.path.startsWith('/v1/queue-')).length, 0, at);
    }
  });
  void test('the command time limit during the first reads is still a failure (a timeout, not a cancel)', async () => {
    const abort = new AbortController();
    const s = scripted(
      { 'GET /v1/simulation/57': { status: 200, data: { id: 57, agent_id: null, name: 'Voice' } } },
      {
        beforeAnswer: () => {
          throw new ApiError('timeout', 'The command stopped waiting for Bluejay: it reached its time limit.', null);
        },
      },
    );
    const q = await queueRun(s, '57', ['318'], abort.signal);
    assert.ok(!('resultIds' in q));
    assert.equal(q.state, 'failed');
    assert.match(q.error ?? '', /time limit/);
  });
  void test('end-conversations counts only what it ended, not ids Bluejay echoes back as failed', async () => {
    const s = scripted({
      'POST /v1/end-conversations': {
        status: 200,
        data: { success: false, ended_count: 1, test_result_ids: [9001, 9002], failed_ids: [9001], message: 'Ended 1' },
      },
    });
    assert.deepEqual(await endConversations(s, ['9001', '9002']), { ended: ['9002'] });
    const t = scripted({
      'POST /v1/end-conversations': { status: 200, data: { success: true, ended_count: 1, message: 'Ended 1' } },
    });
    assert.deepEqual(
      await endConversations(t, ['9001', 'x']),
      { ended: ['9001'] },
      'an id that cannot be sent is not counted',
    );
  });
});
