/**
 * Watching a queued run: polling it (one request in flight per run, at least 2 s apart, until the
 * run and every conversation are over or the timeout), reading the results Bluejay did not list one
 * by one, and which conversations a Cancel is to end. Time comes from an injectable Clock; progress
 * is reported through `onProgress`.
 */
import { ApiError } from '../api/errors';
import type { Sender } from '../sync/push';
import { readRun, readSingleResult, resultRequest, resultsRequest, type ResultData } from './api';
import { realClock, type Clock } from '../api/pacing';
import { isFinished, isResultTerminal, isRunTerminal, outcomeOf } from './status';
import { queuedReport, why, type QueuedRun, type RunReport } from './report';

export const MIN_POLL_MS = 2_000;
export const DEFAULT_POLL_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 25 * 60_000;

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
