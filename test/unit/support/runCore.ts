/** Test support for the run core's tests (run-core*.test.ts): a fake clock, a scripted sender, runs and results. */
import { ApiError, errorFromResponse } from '../../../src/core/api/errors';
import type { ApiRequest } from '../../../src/core/api/request';
import type { Clock } from '../../../src/core/api/pacing';
import type { QueuedRun } from '../../../src/core/run/runner';
import type { Sender } from '../../../src/core/sync/push';

/** A clock whose sleep returns at once, moving time on; it records every sleep. */
export function fakeClock(): Clock & { slept: number[] } {
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

export type Answer = { status: number; data: unknown } | ((req: ApiRequest) => { status: number; data: unknown });

/** A sender that answers by "METHOD path" from a table, counting requests in flight. */
export function scripted(
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

export const run = (status: string, results: unknown[], total = results.length): { status: number; data: unknown } => ({
  status: 200,
  data: {
    simulation_run: { id: '345', simulation_id: '12', status, total_tests: total, tests_passed: 0 },
    simulation_results: results,
    status: '200',
  },
});
export const result = (id: number, status: string, goal?: boolean): Record<string, unknown> => ({
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
export const Q: QueuedRun = {
  simulationId: '12',
  simulationName: 'Billing',
  runId: '345',
  resultIds: ['9001', '9002'],
};
