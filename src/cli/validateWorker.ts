/**
 * A second thread for `bluejay validate` on many files: it reads and validates the batches of files
 * it is sent and answers with what the command prints of each. The same script runs it (dist/cli.js,
 * or this module when the CLI runs from its compiled sources), told apart by its workerData.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { definitionOf, readRegular } from './discover';
import { problemJson } from './output';
import type { Problem } from '../core/problem';

const TAG = 'bluejay-validate';

/** What validate prints of one file: what went to stderr while reading it, and its result when it could be read. */
export interface FileOutcome {
  readonly err: string;
  readonly result?: { readonly kind: string | null; readonly problems: Problem[] };
}

/** Reads and validates one file, as the command prints it (problems in their JSON form: no fix hints). */
export function outcomeOf(path: string): FileOutcome {
  let err = '';
  const result = definitionOf(path, readRegular(path), { err: (t) => (err += t) });
  return result ? { err, result: { kind: result.kind ?? null, problems: result.problems.map(problemJson) } } : { err };
}

/** A worker running this script. */
export function validateWorker(): Worker {
  return new Worker(__filename, { workerData: { tag: TAG } });
}

/** True when this script runs as that worker (the CLI's entry then does not run the command line). */
export const IS_VALIDATE_WORKER = !isMainThread && (workerData as { tag?: unknown } | null)?.tag === TAG;

if (IS_VALIDATE_WORKER) {
  parentPort?.on('message', (batch: { id: number; paths: string[] }) => {
    parentPort?.postMessage({ id: batch.id, outcomes: batch.paths.map(outcomeOf) });
  });
}
