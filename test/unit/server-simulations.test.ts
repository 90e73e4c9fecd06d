/** The local server's simulations: queue (voice and SMS), runs moving one step per read, faults, end-conversations, generate, media origin. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withServer } from './support/server';

type Json = Record<string, unknown>;
const call = async (
  url: string,
  method: string,
  path: string,
  body?: unknown,
  key: string | null = 'test-key',
): Promise<{ status: number; body: Json }> => {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(key !== null && { 'X-API-Key': key }),
  };
  const r = await fetch(url + path, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { status: r.status, body: (await r.json()) as Json };
};

void describe('local server: simulations', () => {
  void test('a voice run moves through its statuses, one step per read, to a pass and a failure', () =>
    withServer(async (s) => {
      const q = await call(s.url, 'POST', '/v1/queue-simulation-run', {
        simulation_id: '57',
        digital_human_ids: ['318'],
      });
      assert.equal(q.status, 200);
      const runId = q.body['simulation_run_id'] as string;
      assert.deepEqual(q.body['simulation_result_ids'], ['9001', '9002']);
      const statuses: string[] = [];
      let last: Json = {};
      for (let i = 0; i < 3; i++) {
        last = (await call(s.url, 'GET', `/v1/retrieve-simulation-results/${runId}`)).body;
        statuses.push(
          `${String((last['simulation_run'] as Json)['status'])}:${(last['simulation_results'] as Json[]).map((r) => String(r['status'])).join(',')}`,
        );
      }
      assert.deepEqual(statuses, [
        'RUNNING:RUNNING,RUNNING',
        'RUNNING:EVALUATING,EVALUATING',
        'COMPLETED:COMPLETED,COMPLETED',
      ]);
      const goals = (last['simulation_results'] as Json[]).map(
        (r) => ((r['evaluations'] as Json[])[0] as Json)['goal_success'],
      );
      assert.deepEqual(goals, [true, false]);
      const transcript = (last['simulation_results'] as Json[])[0]?.['transcript_url'] as string;
      assert.notEqual(new URL(transcript).origin, s.url);
      assert.equal((await fetch(transcript)).status, 200);
    }));
  void test('ids must be strings; the SMS simulation needs the SMS endpoint; unlinked ids are refused', () =>
    withServer(async (s) => {
      assert.equal(
        (await call(s.url, 'POST', '/v1/queue-simulation-run', { simulation_id: '57', digital_human_ids: [318] }))
          .status,
        422,
      );
      assert.equal(
        (await call(s.url, 'POST', '/v1/queue-simulation-run', { simulation_id: '61', digital_human_ids: ['318'] }))
          .status,
        400,
      );
      assert.equal(
        (await call(s.url, 'POST', '/v1/queue-sms-simulation-run', { simulation_id: '61', digital_human_ids: ['318'] }))
          .status,
        200,
      );
      assert.equal(
        (await call(s.url, 'POST', '/v1/queue-simulation-run', { simulation_id: '57', digital_human_ids: ['1204'] }))
          .status,
        400,
      );
    }));
  void test('faults: a queue answered 502 still creates the run; a run that never finishes can be ended', () =>
    withServer(async (s) => {
      await call(s.url, 'POST', '/__admin/simulations', { queueStatus: 502, neverFinish: true }, null);
      assert.equal(
        (await call(s.url, 'POST', '/v1/queue-simulation-run', { simulation_id: '57', digital_human_ids: ['205'] }))
          .status,
        502,
      );
      const admin = (await call(s.url, 'GET', '/__admin/simulations', undefined, null)).body;
      assert.equal((admin['runs'] as unknown[]).length, 1);
      await call(s.url, 'GET', '/v1/retrieve-simulation-results/345');
      const end = await call(s.url, 'POST', '/v1/end-conversations', { test_result_ids: [9001] });
      assert.deepEqual(end.body['test_result_ids'], [9001]);
      const after = (await call(s.url, 'GET', '/v1/retrieve-simulation-result/9001')).body;
      assert.equal((after['simulation_result'] as Json)['status'], 'CANCELLED');
    }));
  void test('generate-digital-humans creates digital humans linked to the simulation', () =>
    withServer(async (s) => {
      const g = await call(s.url, 'POST', '/v1/generate-digital-humans', {
        agent_id: '1042',
        simulation_id: '57',
        goal_adherence: [{ goal: 'cancel a subscription', num_calls: 2 }],
      });
      assert.equal(g.status, 200);
      assert.equal((g.body['digital_humans'] as unknown[]).length, 2);
      assert.equal((await call(s.url, 'POST', '/v1/generate-digital-humans', { agent_id: '1042' })).status, 400);
    }));
});
