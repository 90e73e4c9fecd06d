/** `bluejay validate [--format text|json|sarif|github] <path>...` */
import { availableParallelism, loadavg } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { discover } from './discover';
import { EXIT, type Io } from './io';
import { plural, printable, problemLine, tally } from './output';
import type { OutputFormat } from './output';
import { githubAnnotations, sarifLog } from './sarif';
import { outcomeOf, validateWorker, type FileOutcome } from './validateWorker';

/** validate also speaks SARIF (code scanning) and GitHub Actions annotations. */
export type ValidateFormat = OutputFormat | 'sarif' | 'github';

export interface ValidateOptions {
  /** From this many files on, a second thread validates about half of them, when a second core is free (tests set it). */
  readonly workersFrom?: number;
}

/**
 * Measured on 2 cores: the thread costs ~0.1 s to start and a third more CPU in all (its own JIT
 * warm-up, outcomes copied between threads), so it pays only on thousands of files and only when
 * the other core is not busy with other work (the load average says).
 */
const WORKERS_FROM = 2000;
/** Files per batch: a thread reads and validates a batch at a time. */
const BATCH = 64;

export async function validateCommand(
  paths: readonly string[],
  format: ValidateFormat,
  io: Io,
  version = 'dev',
  options: ValidateOptions = {},
): Promise<number> {
  const found = await discover(paths);
  const files: { path: string; kind: string | null; problems: NonNullable<FileOutcome['result']>['problems'] }[] = [];
  let unreadable = found.unreadable.length;
  for (const u of found.unreadable) io.err(`bluejay: cannot read ${printable(u.path)}: ${printable(u.reason)}\n`);
  const totals = tally([]);
  // Printed in the order of the files, as each is ready (a second thread may finish later files first).
  const print = (path: string, o: FileOutcome): void => {
    if (o.err) io.err(o.err);
    if (!o.result) {
      unreadable++;
      return;
    }
    tally(o.result.problems, totals);
    files.push({ path, ...o.result });
    if (format === 'text') for (const p of o.result.problems) io.out(problemLine(path, p) + '\n');
  };
  const cores = availableParallelism();
  const parallel =
    options.workersFrom !== undefined
      ? found.files.length >= options.workersFrom
      : found.files.length >= WORKERS_FROM && cores > 1 && (loadavg()[0] ?? 0) < cores - 0.5;
  await (parallel ? inTwoThreads(found.files, print) : inOneThread(found.files, print));
  if (format === 'json') io.out(JSON.stringify({ files }) + '\n');
  else if (format === 'sarif') io.out(JSON.stringify(sarifLog(files, version, process.cwd()), null, 2) + '\n');
  else if (format === 'github') io.out(githubAnnotations(files, process.cwd()));
  if (format !== 'json' && format !== 'sarif') {
    const none =
      found.files.length === 0 && unreadable === 0 ? ' (no *.persona.* or *.digital-human.* files found)' : '';
    io.err(
      `${plural(files.length, 'file')} checked${none}: ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${totals.information} information.\n`,
    );
  }
  if (unreadable > 0) return EXIT.usage;
  return totals.error > 0 ? EXIT.problems : EXIT.ok;
}

type Print = (path: string, outcome: FileOutcome) => void;

function turn(): Promise<void> {
  return new Promise((next) => setImmediate(next));
}

async function inOneThread(paths: readonly string[], print: Print): Promise<void> {
  for (const [i, path] of paths.entries()) {
    // Reads are synchronous (the cheapest on many small files): let output flow and signals in now and then.
    if (i % BATCH === BATCH - 1) await turn();
    print(path, outcomeOf(path));
  }
}

/**
 * This thread and a worker take batches of files in turn (the worker is kept two batches ahead);
 * outcomes are printed in file order as soon as all before them are in. Should the worker fail,
 * this thread does its batches too.
 */
async function inTwoThreads(paths: readonly string[], print: Print): Promise<void> {
  const batches = Math.ceil(paths.length / BATCH);
  const done: (FileOutcome[] | undefined)[] = new Array<FileOutcome[] | undefined>(batches);
  const sent = new Set<number>();
  let next = 0;
  let printed = 0;
  let worker: Worker | undefined = validateWorker();
  const slice = (id: number): string[] => paths.slice(id * BATCH, (id + 1) * BATCH);
  const flush = (): void => {
    for (; printed < batches && done[printed]; printed++)
      (done[printed] ?? []).forEach((o, i) => print(paths[printed * BATCH + i] ?? '', o));
  };
  const feed = (): void => {
    while (worker && sent.size < 2 && next < batches) {
      sent.add(next);
      worker.postMessage({ id: next, paths: slice(next++) });
    }
  };
  let wake: (() => void) | undefined;
  worker.on('message', (m: { id: number; outcomes: FileOutcome[] }) => {
    sent.delete(m.id);
    done[m.id] = m.outcomes;
    feed();
    wake?.();
  });
  worker.on('error', () => {
    // The worker is gone: its batches are done here.
    worker = undefined;
    wake?.();
  });
  try {
    feed();
    while (printed < batches) {
      if (next < batches) {
        const id = next++;
        done[id] = slice(id).map(outcomeOf);
      } else if (!worker && sent.size) {
        for (const id of sent) done[id] = slice(id).map(outcomeOf);
        sent.clear();
      } else if (!done[printed]) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      flush();
      await turn();
    }
  } finally {
    await worker?.terminate();
  }
}
