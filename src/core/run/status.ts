/**
 * Simulation statuses and what they mean for a run: which are terminal, when a run is finished, and
 * a conversation's outcome. Bluejay types a conversation's status as a plain string, so a value not
 * listed here is possible: it counts as in progress until the run itself is terminal, then as an error.
 */

/**
 * A run's terminal statuses (INITIALIZING and RUNNING are not): the enum's three, and FAILED and
 * CANCELLED, which an older page of Bluejay's docs names (SIMULATIONS.md, uncertain 1) and after
 * which nothing more happens: a wait for them would only run into the timeout.
 */
const RUN_TERMINAL: ReadonlySet<string> = new Set([
  'COMPLETED',
  'INCOMPLETED',
  'INSUFFICIENT_FUNDS',
  'FAILED',
  'CANCELLED',
]);

/** A conversation's known statuses that are still in progress (CONVERSATION_ENDED: evaluation still to come). */
const RESULT_IN_PROGRESS: ReadonlySet<string> = new Set([
  'INITIALIZING',
  'QUEUED',
  'READY',
  'DISPATCHED',
  'RUNNING',
  'CONVERSATION_ENDED',
  'EVALUATING',
]);

/** A conversation's known terminal statuses: COMPLETED (scored; pass or fail is separate) and the failures. */
const RESULT_TERMINAL: ReadonlySet<string> = new Set([
  'COMPLETED',
  'INCOMPLETED',
  'REJECTED',
  'INSUFFICIENT_FUNDS',
  'NO_CONNECTION',
  'NO_ANSWER',
  'CALL_DROPPED',
  'SYSTEM_ERROR',
  'CANCELLED',
]);

/** `passed` (COMPLETED, goal met), `failed` (COMPLETED, goal not met), `error` (any other end), `running` (not over when the wait ended). */
export type Outcome = 'passed' | 'failed' | 'error' | 'running';

export function isRunTerminal(status: string | null | undefined): boolean {
  return typeof status === 'string' && RUN_TERMINAL.has(status);
}

/**
 * Whether a conversation is over: a known terminal status; an unknown one only once the run is
 * terminal (a known in-progress status, or none, never is).
 */
export function isResultTerminal(status: string | null | undefined, runTerminal: boolean): boolean {
  if (typeof status !== 'string' || status === '') return false;
  if (RESULT_TERMINAL.has(status)) return true;
  if (RESULT_IN_PROGRESS.has(status)) return false;
  return runTerminal;
}

/** Finished = the run's status and every conversation's status are terminal. */
export function isFinished(
  runStatus: string | null | undefined,
  resultStatuses: readonly (string | null | undefined)[],
): boolean {
  const run = isRunTerminal(runStatus);
  return run && resultStatuses.every((s) => isResultTerminal(s, run));
}

/**
 * A conversation's outcome from its status and the judge's goal_success. The brief: `passed` is
 * COMPLETED with goal_success true, `failed` is COMPLETED with the goal not met (goal_success
 * false), `error` any other end. A COMPLETED conversation without a verdict (goal_success null or
 * absent: not evaluated) did not show that the goal was missed, so it is no failure of the agent:
 * it is an `error` (something kept it from being judged), never counted as passed.
 */
export function outcomeOf(
  status: string | null | undefined,
  goalSuccess: boolean | null | undefined,
  runTerminal: boolean,
): Outcome {
  if (!isResultTerminal(status, runTerminal)) return 'running';
  if (status === 'COMPLETED' && goalSuccess === true) return 'passed';
  if (status === 'COMPLETED' && goalSuccess === false) return 'failed';
  return 'error';
}
