/**
 * The loop of Validate All Definitions in Workspace, without `vscode` (validateWorkspace.ts gives
 * it the workspace's files, the open documents, the diagnostics and a clock), so the unit tests
 * can drive it with fakes.
 */
import type { Problem } from '../../core/problem';
import { MAX_FILE_BYTES, tooLargeResult, validateBytes, type ValidationResult } from '../../core/validate';

/** The problems of one file that is not open, to show. */
export interface Published<U> {
  readonly uri: U;
  readonly problems: readonly Problem[];
  readonly kind: ValidationResult['kind'];
}

export interface FileIo<U> {
  /** The current problems of the file when it is open in the editor (its text may be unsaved). */
  openProblems(uri: U): readonly Problem[] | undefined;
  /** Whether it is a regular file, and its size; rejects when it is gone. */
  stat(uri: U): Promise<{ readonly file: boolean; readonly size: number }>;
  /** Its bytes; rejects when it is gone. */
  readFile(uri: U): Promise<Uint8Array>;
  /** Shows the problems of files that are not open. */
  publish(files: readonly Published<U>[]): void;
  path(uri: U): string;
  /** `done` files of `total` are done; `uri` is the last. */
  progress(done: number, total: number, uri: U): void;
  cancelled(): boolean;
  /** A file found but not validated: deleted since, unreadable, or no regular file. */
  skipped(uri: U, reason: string): void;
  /** Milliseconds, for the time the loop holds the host. */
  now(): number;
  /** Lets the host do other work (a macrotask, not a microtask). */
  yield(): Promise<void>;
}

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
}

/** How long the loop holds the host before it lets other work run (one file's validation may take longer). */
const SLICE_MS = 20;
/** How many files are read ahead of the one validated. */
const AHEAD = 16;

type Read = { readonly bytes: Uint8Array } | { readonly tooLarge: true } | { readonly skipped: string };

async function readDefinition<U>(uri: U, io: FileIo<U>): Promise<Read> {
  try {
    const s = await io.stat(uri);
    if (!s.file) return { skipped: 'not a regular file' };
    if (s.size > MAX_FILE_BYTES) return { tooLarge: true };
    const bytes = await io.readFile(uri);
    return bytes.length > MAX_FILE_BYTES ? { tooLarge: true } : { bytes }; // it grew since
  } catch (e) {
    // Deleted (or made unreadable) since the search found it: nothing to validate.
    return { skipped: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Validates the files (an open one as the editor holds it), reading a few ahead, and shows their
 * problems in batches. It lets the host do other work every SLICE_MS, so a workspace of ten
 * thousand files never holds the extension host for long; it stops when cancelled.
 */
export async function validateFiles<U>(uris: readonly U[], io: FileIo<U>): Promise<Totals> {
  const totals: Totals = { files: 0, errors: 0, warnings: 0 };
  const reads: Promise<Read>[] = [];
  let next = 0;
  let batch: Published<U>[] = [];
  let last: U | undefined;
  let sliceStart = io.now();
  const flush = (): void => {
    if (batch.length) io.publish(batch);
    batch = [];
    if (last !== undefined) io.progress(totals.files, uris.length, last);
  };
  for (let i = 0; i < uris.length; i++) {
    const uri = uris[i] as U;
    if (io.now() - sliceStart >= SLICE_MS) {
      flush();
      await io.yield();
      sliceStart = io.now();
    }
    if (io.cancelled()) break;
    while (next < uris.length && reads.length < AHEAD) reads.push(readDefinition(uris[next++] as U, io));
    const read = (await reads.shift()) as Read;
    let problems = io.openProblems(uri);
    if (!problems) {
      if ('skipped' in read) {
        io.skipped(uri, read.skipped);
        continue;
      }
      const result = 'bytes' in read ? validateBytes(read.bytes, io.path(uri)) : tooLargeResult(io.path(uri));
      batch.push({ uri, problems: result.problems, kind: result.kind });
      problems = result.problems;
    }
    totals.files++;
    for (const p of problems) {
      if (p.severity === 'error') totals.errors++;
      else if (p.severity === 'warning') totals.warnings++;
    }
    last = uri;
  }
  flush();
  return totals;
}
