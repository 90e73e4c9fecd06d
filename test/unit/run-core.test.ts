/** Running simulations, the core: statuses, outcomes, which files run where, queueing once, polling on a fake clock. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError, errorFromResponse } from '../../src/core/api/errors';
import type { ApiRequest } from '../../src/core/api/request';
import type { Clock } from '../../src/core/api/pacing';
import { endConversations, queueRun, unfinishedIds, watchRun, type QueuedRun } from '../../src/core/run/runner';
import { isFinished, outcomeOf } from '../../src/core/run/status';
import { groupBySimulation, runTarget } from '../../src/core/run/target';
import type { Sender } from '../../src/core/sync/push';

/** A clock whose sleep returns at once, moving time on; it records every sleep. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: (ms, signal) => {
      if (signal?.aborted) return Promise.reject(new ApiError('cancelled', 'Cancelled.', null));
      slept.push(ms);
      t += ms;
      return Promise.resolve();
    },
  };
}

type Answer = { status: number; data: unknown } | ((req: ApiRequest) => { status: number; data: unknown });

/** A sender that answers by "METHOD path" from a table, counting requests in flight. */
function scripted(
  table: Record<string, Answer | Answer[]>,
  hooks: { beforeAnswer?: (req: ApiRequest) => void } = {},
): Sender & { sent: ApiRequest[]; maxInFlight: number } {
  const sent: ApiRequest[] = [];
  let inFlight = 0;
  const self = {
    sent,
    maxInFlight: 0,
    send: async (req: ApiRequest, signal?: AbortSignal) => {
      sent.push(req);
      inFlight++;
      self.maxInFlight = Math.max(self.maxInFlight, inFlight);
      await Promise.resolve();
      inFlight--;
      hooks.beforeAnswer?.(req);
      // As the real client: a request whose signal aborted while in flight loses its answer.
      if (signal?.aborted) throw new ApiError('cancelled', 'Cancelled.', null);
      const entry = table[`${req.method} ${req.path}`];
      const list = Array.isArray(entry) ? entry : entry ? [entry] : [];
      const next = list.length > 1 ? list.shift() : list[0];
      const a = typeof next === 'function' ? next(req) : (next ?? { status: 404, data: { detail: 'Not Found' } });
      if (a.status >= 300) throw errorFromResponse(req, a.status, a.data, 'secret-key');
      return a;
    },
  };
  return self;
}

const run = (status: string, results: unknown[], total = results.length): { status: number; data: unknown } => ({
  status: 200,
  data: {
    simulation_run: { id: '345', simulation_id: '12', status, total_tests: total, tests_passed: 0 },
    simulation_results: results,
    status: '200',
  },
});
const result = (id: number, status: string, goal?: boolean): Record<string, unknown> => ({
  id,
  digital_human_id: 318,
  status,
  duration: 61000,
  transcript_url: 'http://127.0.0.2/t.json',
  evaluations:
    goal === undefined
      ? []
      : [
          {
            goal_success: goal,
            goal_reasoning: goal ? 'Refund confirmed.' : 'No reference number given.',
            call_summary: 'The caller asked for a refund.',
            custom_metrics: [{ name: 'politeness', response_value: '4', reasoning: 'calm' }],
          },
        ],
});
const Q: QueuedRun = { simulationId: '12', simulationName: 'Billing', runId: '345', resultIds: ['9001', '9002'] };

void describe('statuses and outcomes', () => {
  void test('finished needs the run and every result terminal; unknown statuses wait for the run', () => {
    assert.equal(isFinished('RUNNING', ['COMPLETED']), false);
    assert.equal(isFinished('COMPLETED', ['COMPLETED', 'CONVERSATION_ENDED']), false);
    assert.equal(isFinished('COMPLETED', ['COMPLETED', 'NO_CONNECTION']), true);
    assert.equal(isFinished('COMPLETED', ['EVALUATION_PENDING_SOMETHING_NEW']), true);
    assert.equal(isFinished('RUNNING', ['SOMETHING_NEW']), false);
    assert.equal(isFinished(null, []), false);
  });
  void test('passed, failed, error, running', () => {
    assert.equal(outcomeOf('COMPLETED', true, true), 'passed');
    assert.equal(outcomeOf('COMPLETED', false, true), 'failed');
    // No verdict (goal_success null: not evaluated) is no "goal not met": an error, never a failure.
    assert.equal(outcomeOf('COMPLETED', null, true), 'error');
    for (const s of ['NO_CONNECTION', 'NO_ANSWER', 'CALL_DROPPED', 'INSUFFICIENT_FUNDS', 'SYSTEM_ERROR', 'CANCELLED'])
      assert.equal(outcomeOf(s, true, false), 'error');
    assert.equal(outcomeOf('RUNNING', null, true), 'running');
    assert.equal(outcomeOf('NEW_VALUE', null, false), 'running');
    assert.equal(outcomeOf('NEW_VALUE', null, true), 'error');
  });
});

const DH = (extra: string): string => `kind: digital-human\nname: Caller\n${extra}`;
const remote = (fields: Record<string, unknown>): Answer => ({
  status: 200,
  data: { digital_human: { id: 318, name: 'Caller', ...fields }, simulation_ids: fields['simulation_ids'] ?? [] },
});

void describe('which simulation a file runs in', () => {
  void test('in step: its simulation_ids, as strings; --simulation picks one of them', async () => {
    const s = scripted({ 'GET /v1/digital-human/318': remote({ simulation_ids: [57, 61] }) });
    const t = await runTarget(DH('id: 318\nsimulation_ids: [57, 61]\n'), 'a.digital-human.yaml', s);
    assert.equal(t.action, 'run');
    assert.deepEqual(t.simulationIds, ['57', '61']);
    const one = await runTarget(DH('id: 318\nsimulation_ids: [57, 61]\n'), 'a.digital-human.yaml', s, {
      simulation: '61',
    });
    assert.deepEqual(one.simulationIds, ['61']);
  });
  void test('refusals: not pushed, out of step, in no simulation, not in the one named', async () => {
    const s = scripted({ 'GET /v1/digital-human/318': remote({ simulation_ids: [57] }) });
    const code = async (text: string, simulation?: string): Promise<string[]> => {
      const t = await runTarget(text, 'a.digital-human.yaml', s, simulation === undefined ? {} : { simulation });
      assert.equal(t.action, 'invalid');
      return t.problems.map((p) => p.code);
    };
    assert.ok((await code(DH('simulation_ids: [57]\n'))).includes('run-not-pushed'));
    assert.deepEqual(await code(DH('id: 318\nintent: something new\nsimulation_ids: [57]\n')), ['run-out-of-step']);
    assert.deepEqual(await code(DH('id: 318\nsimulation_ids: [57]\n'), '99'), ['run-no-simulation']);
    const none = scripted({ 'GET /v1/digital-human/318': remote({}) });
    const t = await runTarget(DH('id: 318\n'), 'a.digital-human.yaml', none);
    assert.deepEqual(
      t.problems.map((p) => p.code),
      ['run-no-simulation'],
    );
  });
  void test('a file without simulation_ids runs where Bluejay links it; a persona is skipped', async () => {
    const s = scripted({ 'GET /v1/digital-human/318': remote({ simulation_ids: [57] }) });
    assert.deepEqual((await runTarget(DH('id: 318\n'), 'a.digital-human.yaml', s)).simulationIds, ['57']);
    const p = scripted({
      'GET /v1/customer-persona/7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d': {
        status: 200,
        data: { id: '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d', name: 'P' },
      },
    });
    assert.equal(
      (
        await runTarget(
          'kind: customer-persona\nid: 7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d\nname: P\n',
          'p.persona.yaml',
          p,
        )
      ).action,
      'skipped',
    );
  });
  void test('grouping: one group per simulation, each digital human once', () => {
    const t = (id: number, sims: string[]) => ({
      target: { kind: 'digital-human' as const, id, action: 'run' as const, simulationIds: sims, problems: [] },
      ref: `f${id}`,
    });
    const groups = groupBySimulation([t(1, ['57', '61']), t(2, ['57']), t(1, ['57'])]);
    assert.deepEqual(
      [...groups.entries()].map(([k, v]) => [k, v.map((m) => m.digitalHumanId)]),
      [
        ['57', ['1', '2']],
        ['61', ['1']],
      ],
    );
  });
});

void describe('queueing a run', () => {
  void test('ids go as strings; the SMS endpoint for an SMS agent', async () => {
    const s = scripted({
      'GET /v1/simulation/61': { status: 200, data: { id: 61, agent_id: 2001, name: 'SMS' } },
      'GET /v1/agents/2001': { status: 200, data: { id: 2001, connection_type: 'SMS' } },
      'POST /v1/queue-sms-simulation-run': {
        status: 200,
        data: { simulation_run_id: '345', simulation_result_ids: ['9001'], agent_id: '2001' },
      },
    });
    const q = await queueRun(s, '61', ['318']);
    assert.equal('runId' in q && q.runId, '345');
    assert.deepEqual(s.sent.at(-1)?.body, { simulation_id: '61', digital_human_ids: ['318'] });
  });
  void test('a queue answered 502 is reported, and says it may have been queued', async () => {
    const s = scripted({
      'GET /v1/simulation/57': { status: 200, data: { id: 57, agent_id: 1042, name: 'Voice' } },
      'GET /v1/agents/1042': { status: 200, data: { id: 1042, connection_type: 'PHONE' } },
      'POST /v1/queue-simulation-run': { status: 502, data: { detail: 'Bad Gateway' } },
    });
    const q = await queueRun(s, '57', ['318']);
    assert.ok(!('resultIds' in q) && q.state === 'failed');
    assert.match(q.error ?? '', /may have been queued/);
    assert.equal(s.sent.filter((r) => r.method === 'POST').length, 1);
  });
});

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
