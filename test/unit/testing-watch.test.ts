/** The Testing view's watch of several runs at once (watch.ts, no VS Code needed): one run's failure never stops or orphans the others. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestItem, Uri } from 'vscode';
import { ApiError } from '../../src/core/api/errors';
import type { ApiRequest } from '../../src/core/api/request';
import type { ResultReport } from '../../src/core/run/runner';
import type { Sender } from '../../src/core/sync/push';
import type { ItemState } from '../../src/extension/api/testing/report';
import { watchAll, type WatchOut } from '../../src/extension/api/testing/watch';

const item = (id: string): TestItem => ({ id }) as unknown as TestItem;
const uri = (p: string): Uri => ({ path: p }) as unknown as Uri;
const result = (id: number, dh: number, status: string, goal?: boolean): Record<string, unknown> => ({
  id,
  digital_human_id: dh,
  status,
  evaluations: goal === undefined ? [] : [{ goal_success: goal }],
});
const runAnswer = (status: string, results: unknown[]): unknown => ({
  simulation_run: { id: 'x', status, total_tests: results.length },
  simulation_results: results,
});

/** Run 345 (simulation 57) and run 346 (simulation 61), each finishing on its second read. */
function sender(): Sender & { reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    send: (req: ApiRequest) => {
      const n = (reads.get(req.path) ?? 0) + 1;
      reads.set(req.path, n);
      const one = (id: number, dh: number, goal: boolean): unknown =>
        n < 2
          ? runAnswer('RUNNING', [result(id, dh, 'RUNNING')])
          : runAnswer('COMPLETED', [result(id, dh, 'COMPLETED', goal)]);
      if (req.path === '/v1/retrieve-simulation-results/345')
        return Promise.resolve({ status: 200, data: one(9001, 318, true) });
      if (req.path === '/v1/retrieve-simulation-results/346')
        return Promise.resolve({ status: 200, data: one(9002, 319, true) });
      return Promise.reject(new ApiError('not-found', 'no', 404));
    },
  };
}

const clock = { now: (): number => 0, sleep: (): Promise<void> => new Promise<void>((r) => setImmediate(r)) };

void describe('Testing view: watching runs', () => {
  void test('one run whose report fails leaves the other run watched and reported, and the failing one errored (found in review)', async () => {
    const events: string[] = [];
    const out: WatchOut = {
      result: (it: TestItem, _u: Uri, r: ResultReport): Promise<ItemState> => {
        if (it.id === 'a') return Promise.reject(new Error('the file is gone'));
        events.push(`result ${it.id} ${r.outcome}`);
        return Promise.resolve('passed');
      },
      errored: (it, text) => events.push(`errored ${it.id}: ${text}`),
      skipped: (it) => events.push(`skipped ${it.id}`),
      summary: (it, states) => events.push(`summary ${it.id} ${states.join(',')}`),
    };
    const s = sender();
    const groups = [
      {
        q: { simulationId: '57', simulationName: null, runId: '345', resultIds: ['9001'] },
        members: [{ digitalHumanId: '318', ref: { item: item('a'), uri: uri('/a') } }],
      },
      {
        q: { simulationId: '61', simulationName: null, runId: '346', resultIds: ['9002'] },
        members: [{ digitalHumanId: '319', ref: { item: item('b'), uri: uri('/b') } }],
      },
    ];
    await watchAll(out, s, groups, { clock, signal: new AbortController().signal, say: () => undefined });
    assert.ok(events.includes('result b passed'), events.join('\n'));
    assert.ok(events.includes('summary b passed'), 'the other run was watched to its end before the watch ended');
    const a = events.filter((e) => e.startsWith('errored a') || e.startsWith('summary a'));
    assert.equal(a.length, 1, events.join('\n'));
    assert.match(a[0] ?? '', /^errored a: .*the file is gone/);
  });

  void test('Cancel reports the conversations that ended before it, before the run ends (found in review)', async () => {
    const events: string[] = [];
    const controller = new AbortController();
    const out: WatchOut = {
      // Reporting a failure opens the file first: it takes a few turns of the event loop.
      result: async (it: TestItem, _u: Uri, r: ResultReport): Promise<ItemState> => {
        for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
        events.push(`result ${it.id} ${r.outcome}`);
        return 'failed';
      },
      errored: (it, text) => events.push(`errored ${it.id}: ${text}`),
      skipped: (it) => events.push(`skipped ${it.id}`),
      summary: (it, states) => events.push(`summary ${it.id} ${states.join(',')}`),
    };
    const s: Sender = {
      send: (req: ApiRequest) =>
        req.path === '/v1/retrieve-simulation-results/345'
          ? Promise.resolve({
              status: 200,
              data: runAnswer('RUNNING', [result(9001, 318, 'COMPLETED', false), result(9002, 318, 'RUNNING')]),
            })
          : Promise.resolve({ status: 200, data: { ended_count: 1 } }),
    };
    const groups = [
      {
        q: { simulationId: '57', simulationName: null, runId: '345', resultIds: ['9001', '9002'] },
        members: [{ digitalHumanId: '318', ref: { item: item('a'), uri: uri('/a') } }],
      },
    ];
    // The person presses Cancel as soon as the first answer is in; the wait before the next read ends on it.
    const cancellable = {
      now: (): number => 0,
      sleep: (_ms: number, signal?: AbortSignal): Promise<void> =>
        signal?.aborted ? Promise.reject(new Error('cancelled')) : new Promise<void>((r) => setImmediate(r)),
    };
    await watchAll(out, s, groups, { clock: cancellable, signal: controller.signal, say: () => controller.abort() });
    assert.deepEqual(events, ['result a failed', 'skipped a'], events.join('\n'));
  });
});
