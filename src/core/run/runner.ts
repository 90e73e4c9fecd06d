/**
 * Running simulations: one queue request per simulation (never repeated once it may have reached
 * Bluejay: it starts paid calls), and ending conversations (those of a run cancelled while it was
 * queued, and those still going on when a watch is cancelled). Watching a queued run is watch.ts;
 * the report both make is report.ts. Both are re-exported here, so a run is started from one place.
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
  readSimulation,
  simulationRequest,
} from './api';
import { APP_URL, queuedReport, why, type QueuedRun, type RunReport } from './report';

export {
  APP_URL,
  queuedReport,
  runUrl,
  type QueuedRun,
  type ResultReport,
  type RunReport,
  type RunState,
} from './report';
export { DEFAULT_POLL_MS, DEFAULT_TIMEOUT_MS, MIN_POLL_MS, unfinishedIds, watchRun, type RunOptions } from './watch';

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
