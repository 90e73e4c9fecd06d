/**
 * A second thread for `bluejay validate` on many files. The files are cut into chunks; this thread
 * and the worker each take the next chunk not yet taken (one shared counter, no message in between),
 * so a worker that starts late or runs on a busy core simply takes fewer. The worker answers each
 * chunk with what the command prints of its files. The same script runs it (dist/cli.js, or this
 * module when the CLI runs from its compiled sources), told apart by its workerData.
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

/** Reads and validates one file `discover` found, as the command prints it (problems in their JSON form: no fix hints). */
export function outcomeOf(path: string): FileOutcome {
  let err = '';
  // The bytes are decoded before the next read: no copy of them is needed.
  const result = definitionOf(path, readRegular(path, { known: true, borrow: true }), { err: (t) => (err += t) });
  return result ? { err, result: { kind: result.kind ?? null, problems: result.problems.map(problemJson) } } : { err };
}

/** For tests: `first`, this thread starts once the worker has answered a chunk; `stalls`, the worker takes a chunk and never answers. */
export type WorkerTest = 'first' | 'stalls';

interface Data {
  readonly tag: typeof TAG;
  readonly paths: readonly string[];
  /** Int32Array over a SharedArrayBuffer: [0] is the next chunk to take. */
  readonly next: Int32Array;
  readonly chunk: number;
  readonly test?: WorkerTest;
}

type Answer = { readonly id: number; readonly outcomes: FileOutcome[] } | { readonly stalled: number };

/** True when this script runs as that worker (the CLI's entry then does not run the command line). */
export const IS_VALIDATE_WORKER = !isMainThread && (workerData as { tag?: unknown } | null)?.tag === TAG;

/** Called with each chunk's outcomes in file order, as soon as all chunks before it are in. */
export type Deliver = (from: number, outcomes: readonly FileOutcome[]) => void;

export interface Split {
  /** Chunks each thread's outcomes were taken from (tests). */
  readonly here: number;
  readonly worker: number;
}

function turn(): Promise<void> {
  return new Promise((next) => setImmediate(next));
}

/**
 * Validates `paths` in chunks of `chunk` files, in this thread alone or with a worker (`withWorker`),
 * and delivers the outcomes in file order. This thread never waits for the worker: once no chunk is
 * left to take, what the worker has taken and not answered (at most the chunk it is on, or all of
 * them should it fail) is done here too, and the first answer for a chunk is the one kept.
 */
export async function validateInChunks(
  paths: readonly string[],
  chunk: number,
  withWorker: boolean,
  deliver: Deliver,
  test?: WorkerTest,
): Promise<Split> {
  const chunks = Math.ceil(paths.length / chunk);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const done = new Array<FileOutcome[] | undefined>(chunks);
  const split = { here: 0, worker: 0 };
  let delivered = 0;
  const take = (id: number): FileOutcome[] => paths.slice(id * chunk, (id + 1) * chunk).map(outcomeOf);
  const flush = (): void => {
    for (let d: FileOutcome[] | undefined; delivered < chunks && (d = done[delivered]); delivered++)
      deliver(delivered * chunk, d);
  };
  let worker: Worker | undefined;
  let heard: (() => void) | undefined;
  const answered = new Promise<void>((resolve) => (heard = resolve));
  if (withWorker && chunks > 1) {
    const data: Data = { tag: TAG, paths, next, chunk, ...(test && { test }) };
    worker = new Worker(__filename, { workerData: data });
    worker.on('message', (m: Answer) => {
      if ('id' in m && !done[m.id]) {
        done[m.id] = m.outcomes;
        split.worker++;
      }
      heard?.();
    });
    // A worker that fails or ends answers nothing more: what it took is done here.
    worker.on('error', () => heard?.());
    worker.on('exit', () => heard?.());
  }
  try {
    if (worker && test) await answered;
    for (let id = Atomics.add(next, 0, 1); id < chunks; id = Atomics.add(next, 0, 1)) {
      done[id] = take(id);
      split.here++;
      flush();
      // Lets the worker's answers in, and what was printed out.
      await turn();
    }
    if (worker) await turn();
    for (let id = delivered; id < chunks; id++) {
      if (!done[id]) {
        done[id] = take(id);
        split.here++;
      }
      flush();
    }
  } finally {
    await worker?.terminate();
  }
  return split;
}

if (IS_VALIDATE_WORKER) {
  const { paths, next, chunk, test } = workerData as Data;
  const chunks = Math.ceil(paths.length / chunk);
  const post = (a: Answer): void => parentPort?.postMessage(a);
  for (let id = Atomics.add(next, 0, 1); id < chunks; id = Atomics.add(next, 0, 1)) {
    if (test === 'stalls') {
      // Takes a chunk, says so, and stays alive without answering (until terminated).
      post({ stalled: id });
      parentPort?.on('message', () => undefined);
      break;
    }
    post({ id, outcomes: paths.slice(id * chunk, (id + 1) * chunk).map(outcomeOf) });
  }
}
