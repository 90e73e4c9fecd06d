/**
 * What a run of a simulation is reported as, shared by queueing it (runner.ts) and watching it
 * (watch.ts): the report's shape, the queued run that polling needs, the report of a run before any
 * read, its URL in Bluejay's app, and a failed request in words.
 */
import { ApiError } from '../api/errors';
import type { ResultData } from './api';
import type { Outcome } from './status';

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

/** A run that was queued: what polling needs. */
export interface QueuedRun {
  readonly simulationId: string;
  readonly simulationName: string | null;
  readonly runId: string;
  readonly resultIds: string[];
}

/** Words for a failed request, with a better subject than "digital human" for a missing simulation. */
export function why(e: unknown, what: string): string {
  if (e instanceof ApiError)
    return e.kind === 'not-found' ? `Bluejay has no ${what} (404) in your organization.` : e.message;
  return e instanceof Error ? e.message : String(e);
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
