/** Running simulations, the core: statuses, outcomes, which files run where, queueing once (watching: run-core-watch.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { queueRun } from '../../src/core/run/runner';
import { isFinished, outcomeOf } from '../../src/core/run/status';
import { groupBySimulation, runTarget } from '../../src/core/run/target';
import { scripted, type Answer } from './support/runCore';

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
