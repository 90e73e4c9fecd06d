/**
 * The loop of Validate All Definitions in Workspace, without `vscode` (validateWorkspace.ts gives
 * it the workspace's files, the open documents, the diagnostics and a clock), so the unit tests
 * can drive it with fakes.
 */
import { close, constants, fstat, open, read } from 'node:fs';
import { parseLean } from '../../core/parse/mapping';
import type { Problem } from '../../core/problem';
import { MAX_FILE_BYTES, tooLargeResult, validateBytes, type ValidationResult } from '../../core/validate';

/** The problems of one file that is not open, to show. */
export interface Published<U> {
  readonly uri: U;
  readonly problems: readonly Problem[];
  readonly kind: ValidationResult['kind'];
}

/** A file found, read: its bytes, too large to read, or skipped (why: deleted since, unreadable, not a regular file). */
export type Read = { readonly bytes: Uint8Array } | { readonly tooLarge: true } | { readonly skipped: string };

export interface FileIo<U> {
  /** The current problems of the file when it is open in the editor (its text may be unsaved). */
  openProblems(uri: U): readonly Problem[] | undefined;
  /** Reads it (never throws): `readLocal` for a file on this machine's disk, else `readThrough`. */
  read(uri: U): Promise<Read>;
  /** Shows the problems of files that are not open. */
  publish(files: readonly Published<U>[]): void;
  path(uri: U): string;
  /** `done` files of `total` were taken up (validated or skipped); `uri` is the last. */
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

/**
 * How long the loop holds the host before it lets other work run (one file's validation may take
 * longer). Well under the 50 ms goal: publishing the slice's files comes on top, and on a busy
 * machine the OS stretches a slice.
 */
const SLICE_MS = 10;
/** How many files are read ahead of the one validated. */
const AHEAD = 16;

/** Reads through a file system API that stats and reads whole files (VS Code's, for files not on this disk). */
export async function readThrough<U>(
  uri: U,
  fs: {
    /** Whether it is a regular file, and its size; rejects when it is gone. */
    stat(uri: U): PromiseLike<{ readonly file: boolean; readonly size: number }>;
    /** Its bytes; rejects when it is gone. */
    readFile(uri: U): PromiseLike<Uint8Array>;
  },
): Promise<Read> {
  try {
    const s = await fs.stat(uri);
    if (!s.file) return { skipped: 'not a regular file' };
    if (s.size > MAX_FILE_BYTES) return { tooLarge: true };
    const bytes = await fs.readFile(uri);
    return bytes.length > MAX_FILE_BYTES ? { tooLarge: true } : { bytes }; // it grew since
  } catch (e) {
    // Deleted (or made unreadable) since the search found it: nothing to validate.
    return { skipped: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Reads a file on this machine's disk with Node (open, fstat, read, close), as `bluejay validate`
 * does: VS Code's file system API asks the window before each stat and read of an extension's
 * file, two round trips a file. Opened non-blocking (a named pipe that took the file's place never
 * waits for a writer) and refused unless a regular file; never more than MAX_FILE_BYTES, a file that
 * grows while read included.
 */
export function readLocal(path: string, readBytes: typeof read = read): Promise<Read> {
  const why = (e: Error): Read => ({ skipped: e.message });
  return new Promise((resolve) => {
    open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0), (e, fd) => {
      if (e) return resolve(why(e));
      const end = (r: Read): void => close(fd, () => resolve(r)); // closing a file only read loses nothing
      fstat(fd, (e, s) => {
        if (e) return end(why(e));
        if (!s.isFile()) return end({ skipped: 'not a regular file' });
        if (s.size > MAX_FILE_BYTES) return end({ tooLarge: true });
        const chunks: Buffer[] = [];
        let total = 0;
        const more = (): void => {
          // The size fstat gave and a byte more in one read (a full read: it grew).
          const want = total === 0 && s.size > 0 ? s.size + 1 : Math.max(s.size + 1 - total, 65_536);
          const chunk = Buffer.allocUnsafe(Math.min(want, MAX_FILE_BYTES + 1 - total));
          readBytes(fd, chunk, 0, chunk.length, null, (e, n) => {
            if (e) return end(why(e));
            if (n > 0) chunks.push(chunk.subarray(0, n));
            total += n;
            if (total > MAX_FILE_BYTES) return end({ tooLarge: true });
            // The end: a read of 0 bytes, or a short one once the size fstat gave is in (no read more
            // for every file). A short read before it is a file system answering in pieces.
            if (n === 0 || (n < chunk.length && total >= s.size))
              return end({ bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks) });
            more();
          });
        };
        more();
      });
    });
  });
}

/** The loop's count of what a file's problems hold. */
function count(totals: Totals, problems: readonly Problem[], sign: 1 | -1): void {
  for (const p of problems) {
    if (p.severity === 'error') totals.errors += sign;
    else if (p.severity === 'warning') totals.warnings += sign;
  }
}

/**
 * Validates the files (an open one as the editor holds it), reading a few ahead, and shows their
 * problems in batches. It lets the host do other work every SLICE_MS, so a workspace of ten
 * thousand files never holds the extension host for long; it stops when cancelled. A file opened
 * in the editor while its problems wait to be shown keeps the live ones, of its editor text.
 */
export async function validateFiles<U>(uris: readonly U[], io: FileIo<U>): Promise<Totals> {
  const totals: Totals = { files: 0, errors: 0, warnings: 0 };
  const reads: Promise<Read>[] = [];
  let next = 0;
  let done = 0;
  let reported = 0;
  let batch: Published<U>[] = [];
  let last: U | undefined;
  let sliceStart = io.now();
  const flush = (): void => {
    const shown: Published<U>[] = [];
    for (const file of batch) {
      // Opened since it was read: the live diagnostics own it, and its text counts.
      const live = io.openProblems(file.uri);
      if (!live) shown.push(file);
      else {
        count(totals, file.problems, -1);
        count(totals, live, 1);
      }
    }
    batch = [];
    if (shown.length) io.publish(shown);
    if (last !== undefined && done > reported) io.progress((reported = done), uris.length, last);
  };
  for (let i = 0; i < uris.length; i++) {
    const uri = uris[i] as U;
    if (io.now() - sliceStart >= SLICE_MS) {
      flush();
      await io.yield();
      sliceStart = io.now();
    }
    if (io.cancelled()) break;
    while (next < uris.length && reads.length < AHEAD) reads.push(io.read(uris[next++] as U));
    const read = (await reads.shift()) as Read;
    done++;
    last = uri;
    let problems = io.openProblems(uri);
    if (!problems) {
      if ('skipped' in read) {
        io.skipped(uri, read.skipped);
        continue;
      }
      const result =
        'bytes' in read ? validateBytes(read.bytes, io.path(uri), { parse: parseLean }) : tooLargeResult(io.path(uri));
      batch.push({ uri, problems: result.problems, kind: result.kind });
      problems = result.problems;
    }
    totals.files++;
    count(totals, problems, 1);
  }
  flush();
  return totals;
}
