/**
 * Running simulations: one queue request per simulation (never repeated once it may have reached
 * Bluejay: it starts paid calls), then polling each run (one request in flight per run, at least
 * 2 s apart, until finished or the timeout), and ending the conversations still going on cancel.
 * Time comes from an injectable Clock; progress is reported through `onProgress`.
 */
import { ApiError } from '../api/errors';
import type { Sender } from '../sync/push';
import { agentRequest, endConversationsRequest, isSmsAgent, queueRequest, readQueued, readRun, readSimulation, readSingleResult, resultRequest, resultsRequest, simulationRequest, type ResultData } from './api';
import { realClock, type Clock } from '../api/pacing';
import { isFinished, isResultTerminal, isRunTerminal, outcomeOf, type Outcome } from './status';

export const MIN_POLL_MS = 2_000;
export const DEFAULT_POLL_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 25 * 60_000;
export const APP_URL = 'https://app.getbluejay.ai';

/** How a run's wait ended: `queued` (not waited for), `finished`, `timeout`, `cancelled`, or `failed` (not queued, or unreadable). */
export type RunState = 'queued' | 'finished' | 'timeout' | 'cancelled' | 'failed';

export interface ResultReport extends ResultData {
  readonly outcome: Outcome;
}

export interface RunReport {
  readonly simulationId: string;
  readonly simulationName: string | null;
  readonly runId: string | null;
  readonly status: string | null;
  /** The run in Bluejay's app. */
  readonly url: string | null;
  readonly total: number;
  readonly passed: number;
  readonly results: ResultReport[];
  readonly state: RunState;
  /** What went wrong, in words (never the key), when state is `failed` or a read failed. */
  readonly error?: string;
}

export interface RunOptions {
  readonly clock?: Clock;
  /** Between two reads of a run; at least MIN_POLL_MS (default 10 s). */
  readonly pollMs?: number;
  /** How long to wait for a run (default 25 min). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** After every read of a run. */
  readonly onProgress?: (report: RunReport) => void;
  readonly appUrl?: string;
}

/** A run that was queued: what polling needs. */
export interface QueuedRun {
  readonly simulationId: string;
  readonly simulationName: string | null;
  readonly runId: string;
  readonly resultIds: string[];
}

/** Words for a failed request, with a better subject than "digital human" for a missing simulation. */
function why(e: unknown, what: string): string {
  if (e instanceof ApiError) return e.kind === 'not-found' ? `Bluejay has no ${what} (404) in your organization.` : e.message;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Queues one run of `simulationId` for `digitalHumanIds`: reads the simulation and its agent (the SMS
 * endpoint for an SMS agent), then sends the queue request once. A failure is a `failed` report.
 */
export async function queueRun(sender: Sender, simulationId: string, digitalHumanIds: readonly string[], signal?: AbortSignal, appUrl = APP_URL): Promise<QueuedRun | RunReport> {
  const failed = (error: string, name: string | null = null): RunReport => ({ simulationId, simulationName: name, runId: null, status: null, url: null, total: 0, passed: 0, results: [], state: 'failed', error });
  let info;
  let sms;
  try {
    info = readSimulation((await sender.send(simulationRequest(simulationId), signal)).data);
    sms = info.agentId !== null && isSmsAgent((await sender.send(agentRequest(info.agentId), signal)).data);
  } catch (e) {
    return failed(`Simulation ${simulationId} could not be read, so nothing was queued: ${why(e, `simulation ${simulationId}`)}`);
  }
  let data: unknown;
  try {
    data = (await sender.send(queueRequest(simulationId, digitalHumanIds, sms), signal)).data;
  } catch (e) {
    const maybe = e instanceof ApiError && (e.kind === 'server' || e.kind === 'network' || e.kind === 'timeout' || e.kind === 'cancelled' || e.kind === 'unexpected');
    const note = maybe ? ` It may have been queued anyway, so it was not sent again: look in Bluejay's app (${appUrl}/simulations/${simulationId}) before running it again.` : '';
    return failed(`Bluejay did not queue simulation ${simulationId}: ${why(e, `simulation ${simulationId}`)}${note}`, info.name);
  }
  const queued = readQueued(data);
  if (!queued) return failed(`Bluejay answered the queue request of simulation ${simulationId} without a run id; look in Bluejay's app before running it again.`, info.name);
  return { simulationId, simulationName: info.name, ...queued };
}

/** The report of a queued run before any read. */
export function queuedReport(q: QueuedRun, appUrl = APP_URL): RunReport {
  return { simulationId: q.simulationId, simulationName: q.simulationName, runId: q.runId, status: null, url: runUrl(q, appUrl), total: q.resultIds.length, passed: 0, results: [], state: 'queued' };
}

export function runUrl(q: { simulationId: string; runId: string }, appUrl = APP_URL): string {
  return `${appUrl}/simulations/${encodeURIComponent(q.simulationId)}/runs/${encodeURIComponent(q.runId)}`;
}

/** Read failures after which polling goes on (the client already retried them); others end the wait. */
const PASSING = new Set(['server', 'network', 'timeout', 'rate-limited', 'unexpected']);

/**
 * Polls a queued run until it is finished (the run and every result terminal), the timeout passes,
 * or `signal` aborts. One read at a time; missing results (fewer listed than total_tests) are read
 * one by one with retrieve-simulation-result.
 */
export async function watchRun(sender: Sender, q: QueuedRun, options: RunOptions = {}): Promise<RunReport> {
  const clock = options.clock ?? realClock;
  const pollMs = Math.max(MIN_POLL_MS, options.pollMs ?? DEFAULT_POLL_MS);
  const deadline = clock.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const known = new Map<string, ResultData>();
  let report = queuedReport(q, options.appUrl);
  const update = (patch: Partial<RunReport>): RunReport => (report = { ...report, ...patch });
  for (;;) {
    try {
      const run = readRun((await sender.send(resultsRequest(q.runId), options.signal)).data);
      if (!run) throw new ApiError('unexpected', `Bluejay answered the read of run ${q.runId} without a run in it.`, null);
      for (const r of run.results) known.set(r.resultId, r);
      const total = Math.max(run.total ?? 0, q.resultIds.length, known.size);
      if (run.results.length < total) await readMissing(sender, q, known, options.signal);
      const results = [...known.values()];
      const terminal = isRunTerminal(run.status);
      const rows = results.map((r) => ({ ...r, outcome: outcomeOf(r.status, r.goalSuccess, terminal) }));
      const finished = isFinished(run.status, results.map((r) => r.status)) && known.size >= total;
      // A good read clears the error of an earlier one.
      report = { ...queuedReport(q, options.appUrl), status: run.status, total, passed: rows.filter((r) => r.outcome === 'passed').length, results: rows, state: finished ? 'finished' : 'queued' };
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'cancelled') return update({ state: 'cancelled' });
      update({ error: why(e, `run ${q.runId}`) });
      if (!(e instanceof ApiError && PASSING.has(e.kind))) return update({ state: 'failed' });
    }
    options.onProgress?.(report);
    if (report.state === 'finished') return report;
    const left = deadline - clock.now();
    if (left <= 0) return update({ state: 'timeout' });
    try {
      await clock.sleep(Math.min(pollMs, left), options.signal);
    } catch {
      return update({ state: 'cancelled' });
    }
  }
}

async function readMissing(sender: Sender, q: QueuedRun, known: Map<string, ResultData>, signal?: AbortSignal): Promise<void> {
  for (const id of q.resultIds) {
    const had = known.get(id);
    if (had && isResultTerminal(had.status, false)) continue;
    const r = readSingleResult((await sender.send(resultRequest(id), signal)).data);
    if (r) known.set(r.resultId, r);
  }
}

/** The ids of a run's conversations that are not over (what Cancel ends). */
export function unfinishedIds(report: RunReport, q: QueuedRun): string[] {
  const byId = new Map(report.results.map((r) => [r.resultId, r]));
  const ids = new Set([...q.resultIds, ...byId.keys()]);
  return [...ids].filter((id) => !isResultTerminal(byId.get(id)?.status, false));
}

/** Ends the given conversations (end-conversations); the ids ended, or an error message. Not cancellable: it runs after a cancel. */
export async function endConversations(sender: Sender, resultIds: readonly string[]): Promise<{ ended: string[] } | { error: string }> {
  if (resultIds.length === 0) return { ended: [] };
  try {
    const data = (await sender.send(endConversationsRequest(resultIds))).data as { test_result_ids?: unknown } | null;
    const ended = Array.isArray(data?.test_result_ids) ? data.test_result_ids.map(String) : [...resultIds];
    return { ended };
  } catch (e) {
    return { error: why(e, 'conversation') };
  }
}
