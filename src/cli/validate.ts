/** `bluejay validate [--format text|json|sarif|github] <path>...` */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { discover } from './discover';
import { EXIT, type Io } from './io';
import { plural, printable, problemLine, tally } from './output';
import type { OutputFormat } from './output';
import { githubAnnotations, sarifLog } from './sarif';
import { validateInChunks, type FileOutcome, type Split, type WorkerTest } from './validateWorker';

/** validate also speaks SARIF (code scanning) and GitHub Actions annotations. */
export type ValidateFormat = OutputFormat | 'sarif' | 'github';

export interface ValidateOptions {
  /** From this many files on, a worker thread takes part (tests set it: 0 always, Infinity never). */
  readonly workersFrom?: number;
  /** Tests: how the worker behaves (see WorkerTest). */
  readonly workerTest?: WorkerTest;
  /** Tests: told how many chunks each thread did. */
  readonly onSplit?: (split: Split) => void;
}

/**
 * From this many files on, a worker thread helps when another core is free. It costs about 60 ms of
 * the other core to start and its own JIT warm-up (which dominates: on 10,000 files the two threads
 * use about 0.4 s more CPU than one), none of this thread's time: the two take chunks from one
 * counter, so a worker that gets little CPU simply takes fewer. On 1,000 files it lost even on a
 * quiet machine; on a busy one the extra CPU is lost, so it starts only when a core is free now
 * (fewer threads running than cores; the load average is a minute old).
 */
const WORKERS_FROM = 2000;

/** Threads running or ready to run on the machine right now, this one included (Linux; else undefined). */
function running(): number | undefined {
  try {
    const n = Number(/ (\d+)\//.exec(readFileSync('/proc/loadavg', 'latin1'))?.[1]);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

const runningAtStart = running();

/** True when a core is free: fewer threads want to run than there are cores, at start or now (without /proc, when there are 2 cores or more). */
function aCoreIsFree(atStart: number | undefined): boolean {
  const cores = availableParallelism();
  if (cores < 2) return false;
  const now = running();
  if (now === undefined || atStart === undefined) return true;
  return Math.min(now, atStart) < cores;
}
/** Files per chunk: small enough that the worker's last chunk, redone here, costs little. */
const CHUNK = 32;

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
  // Printed in the order of the files, a chunk at a time: one write per stream and chunk (a stream's
  // text goes out before the other's next text, so the two interleave as file by file).
  let out = '';
  let err = '';
  const say = (stream: 'out' | 'err', text: string): void => {
    if (stream === 'out') {
      if (err) io.err(err);
      err = '';
      out += text;
    } else {
      if (out) io.out(out);
      out = '';
      err += text;
    }
  };
  const deliver = (from: number, outcomes: readonly FileOutcome[]): void => {
    for (const [i, o] of outcomes.entries()) {
      const path = found.files[from + i] ?? '';
      if (o.err) say('err', o.err);
      if (!o.result) {
        unreadable++;
        continue;
      }
      tally(o.result.problems, totals);
      files.push({ path, ...o.result });
      if (format === 'text') for (const p of o.result.problems) say('out', problemLine(path, p) + '\n');
    }
    if (out) io.out(out);
    if (err) io.err(err);
    out = err = '';
  };
  const withWorker =
    options.workersFrom !== undefined
      ? found.files.length >= options.workersFrom
      : found.files.length >= WORKERS_FROM && aCoreIsFree(runningAtStart);
  const split = await validateInChunks(found.files, CHUNK, withWorker, deliver, options.workerTest);
  options.onSplit?.(split);
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
