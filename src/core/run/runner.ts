/**
 * Running simulations: one queue request per simulation (never repeated once it may have reached
 * Bluejay: it starts paid calls), then polling each run (one request in flight per run, at least
 * 2 s apart, until finished or the timeout), and ending the conversations still going on cancel.
 * Time comes from an injectable Clock; progress is reported through `onProgress`.
 */
import { ApiError } from '../api/errors';
import type { Sender } from '../sync/push';
import { asRecord } from '../record';
import {
  agentRequest,
  endConversationsRequest,
  idString,
  isSmsAgent,
  queueRequest,
  readQueued,
  readRun,
  readSimulation,
  readSingleResult,
  resultRequest,
  resultsRequest,
  simulationRequest,
  type ResultData,
} from './api';
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
  /** What went wrong, in words (never the key), when state is `failed` or a read failed; what a cancel during the queue request did. */
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
  if (e instanceof ApiError)
    return e.kind === 'not-found' ? `Bluejay has no ${what} (404) in your organization.` : e.message;
  return e instanceof Error ? e.message : String(e);
}

/**
 * Queues one run of `simulationId` for `digitalHumanIds`: reads the simulation and its agent (the SMS
 * endpoint for an SMS agent), then sends the queue request once. A failure is a `failed` report.
 */
export async function queueRun(
  sender: Sender,
  simulationId: string,
  digitalHumanIds: readonly string[],
  signal?: AbortSignal,
  appUrl = APP_URL,
): Promise<QueuedRun | RunReport> {
  const failed = (error: string, name: string | null = null): RunReport => ({
    simulationId,
    simulationName: name,
    runId: null,
    status: null,
    url: null,
    total: 0,
    passed: 0,
    results: [],
    state: 'failed',
    error,
  });
  const cancelled = (name: string | null): RunReport => ({
    ...failed('Cancelled before the run was queued: nothing was queued.', name),
    state: 'cancelled',
  });
  let info: ReturnType<typeof readSimulation> | undefined;
  let sms;
  try {
    info = readSimulation((await sender.send(simulationRequest(simulationId), signal)).data);
    sms = info.agentId !== null && isSmsAgent((await sender.send(agentRequest(info.agentId), signal)).data);
  } catch (e) {
    // A cancel during these reads is a cancel (the files skipped), not a simulation that could not be read.
    if (e instanceof ApiError && e.kind === 'cancelled') return cancelled(info?.name ?? null);
    return failed(
      `Simulation ${simulationId} could not be read, so nothing was queued: ${why(e, `simulation ${simulationId}`)}`,
    );
  }
  if (signal?.aborted) return cancelled(info.name);
  let data: unknown;
  try {
    // Not cancellable once sent: a cancel must not lose the answer of a run that starts paid calls (it is ended below).
    data = (await sender.send(queueRequest(simulationId, digitalHumanIds, sms))).data;
  } catch (e) {
    const maybe =
      e instanceof ApiError &&
      (e.kind === 'server' ||
        e.kind === 'network' ||
        e.kind === 'timeout' ||
        e.kind === 'cancelled' ||
        e.kind === 'unexpected');
    const note = maybe
      ? ` It may have been queued anyway, so it was not sent again: look in Bluejay's app (${appUrl}/simulations/${simulationId}) before running it again.`
      : '';
    return failed(
      `Bluejay did not queue simulation ${simulationId}: ${why(e, `simulation ${simulationId}`)}${note}`,
      info.name,
    );
  }
  const queued = readQueued(data);
  if (!queued)
    return failed(
      `Bluejay answered the queue request of simulation ${simulationId} without a run id; look in Bluejay's app before running it again.`,
      info.name,
    );
  const q: QueuedRun = { simulationId, simulationName: info.name, ...queued };
  if (!signal?.aborted) return q;
  // Cancelled while the request was on its way: the run exists, so its conversations are ended and it is reported.
  const ended = await endConversations(sender, q.resultIds);
  const what =
    'error' in ended
      ? `its conversations could not be ended: ${ended.error}`
      : `ended ${ended.ended.length} conversation(s) of it`;
  return {
    ...queuedReport(q, appUrl),
    state: 'cancelled',
    error: `Cancelled while Bluejay queued run ${q.runId}: ${what}.`,
  };
}

/** The report of a queued run before any read. */
export function queuedReport(q: QueuedRun, appUrl = APP_URL): RunReport {
  return {
    simulationId: q.simulationId,
    simulationName: q.simulationName,
    runId: q.runId,
    status: null,
    url: runUrl(q, appUrl),
    total: q.resultIds.length,
    passed: 0,
    results: [],
    state: 'queued',
  };
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
  // Reads of a terminal run that still left some of its results unread.
  let missingReads = 0;
  for (;;) {
    try {
      const run = readRun((await sender.send(resultsRequest(q.runId), options.signal)).data);
      if (!run)
        throw new ApiError('unexpected', `Bluejay answered the read of run ${q.runId} without a run in it.`, null);
      for (const r of run.results) known.set(r.resultId, r);
      const terminal = isRunTerminal(run.status);
      const total = Math.max(run.total ?? 0, q.resultIds.length, known.size);
      if (run.results.length < total) await readMissing(sender, q, known, terminal, options.signal);
      // A result Bluejay does not return yet is still in progress; once the run is over, it is read once more, then reported as not over.
      const missing = q.resultIds.filter((id) => !known.has(id));
      if (terminal && missing.length) missingReads++;
      const givenUp = missing.length > 0 && missingReads >= MISSING_READS;
      const results = [...known.values(), ...(givenUp ? missing.map((id) => unread(id, q.runId, run.status)) : [])];
      const rows = results.map((r) => ({ ...r, outcome: outcomeOf(r.status, r.goalSuccess, terminal) }));
      // Finished = the run and every result terminal (results Bluejay never names, beyond total_tests' ids, cannot be waited for).
      const finished =
        isFinished(
          run.status,
          [...known.values()].map((r) => r.status),
        ) &&
        (missing.length === 0 || givenUp);
      // A good read clears the error of an earlier one.
      report = {
        ...queuedReport(q, options.appUrl),
        status: run.status,
        total,
        passed: rows.filter((r) => r.outcome === 'passed').length,
        results: rows,
        state: finished ? 'finished' : 'queued',
      };
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'cancelled') return update({ state: 'cancelled' });
      update({ error: why(e, `run ${q.runId}`) });
      if (!(e instanceof ApiError && PASSING.has(e.kind))) return update({ state: 'failed' });
    }
    options.onProgress?.(report);
    if (report.state === 'finished') return report;
    // Never two reads less than MIN_POLL_MS apart: with less than that left, the wait ends now.
    const left = deadline - clock.now();
    if (left < MIN_POLL_MS) return update({ state: 'timeout' });
    try {
      await clock.sleep(Math.min(pollMs, left), options.signal);
    } catch {
      return update({ state: 'cancelled' });
    }
  }
}

/** How many reads of a terminal run a result it does not return is waited for. */
const MISSING_READS = 2;

/** A result Bluejay did not return though its run is over: no status (so `running`), and why. */
function unread(resultId: string, runId: string, runStatus: string | null): ResultData {
  const reasoning = `Bluejay did not return conversation ${resultId}, though run ${runId} is ${runStatus ?? 'over'}: look in Bluejay's app.`;
  return {
    resultId,
    digitalHumanId: null,
    status: null,
    goalSuccess: null,
    reasoning,
    summary: null,
    durationMs: null,
    startTime: null,
    transcriptUrl: null,
    audioUrl: null,
    metrics: [],
    toolCalls: [],
  };
}

/** Reads the results not listed (or not over) one by one; one that cannot be read now (404, a passing failure) stays missing. */
async function readMissing(
  sender: Sender,
  q: QueuedRun,
  known: Map<string, ResultData>,
  runTerminal: boolean,
  signal?: AbortSignal,
): Promise<void> {
  for (const id of q.resultIds) {
    const had = known.get(id);
    if (had && isResultTerminal(had.status, runTerminal)) continue;
    try {
      const r = readSingleResult((await sender.send(resultRequest(id), signal)).data);
      if (r) known.set(r.resultId, r);
    } catch (e) {
      if (!(e instanceof ApiError && (e.kind === 'not-found' || PASSING.has(e.kind)))) throw e;
    }
  }
}

/** The ids of a run's conversations that are not over (what Cancel ends). */
export function unfinishedIds(report: RunReport, q: QueuedRun): string[] {
  const byId = new Map(report.results.map((r) => [r.resultId, r]));
  const ids = new Set([...q.resultIds, ...byId.keys()]);
  return [...ids].filter((id) => !isResultTerminal(byId.get(id)?.status, false));
}

/**
 * Ends the given conversations (end-conversations); the ids it ended, or an error message. Only ids
 * it asked to end count, less those Bluejay says it did not end (failed_ids, or fewer than asked in
 * ended_count). Not cancellable: it runs after a cancel.
 */
export async function endConversations(
  sender: Sender,
  resultIds: readonly string[],
): Promise<{ ended: string[] } | { error: string }> {
  const req = endConversationsRequest(resultIds);
  const asked = (req.body?.['test_result_ids'] as number[]).map(String);
  if (asked.length === 0) return { ended: [] };
  try {
    const data = asRecord((await sender.send(req)).data);
    const ids = (v: unknown): Set<string> | undefined =>
      Array.isArray(v) ? new Set(v.map(idString).filter((x): x is string => x !== null)) : undefined;
    const said = ids(data?.['test_result_ids']);
    const failed = ids(data?.['failed_ids']) ?? new Set<string>();
    let ended = asked.filter((id) => !failed.has(id) && (!said || said.has(id)));
    const count = data?.['ended_count'];
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0 && count < ended.length)
      ended = ended.slice(0, count);
    return { ended };
  } catch (e) {
    return { error: why(e, 'conversation') };
  }
}
