/**
 * The loop of Validate All Definitions in Workspace, without `vscode` (validateWorkspace.ts gives
 * it the workspace's files, the open documents, the diagnostics and a clock), so the unit tests
 * can drive it with fakes.
 */
import type { Problem } from '../core/problem';
import { validateBytes, type ValidationResult } from '../core/validate';

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

export async function validateFiles<U>(uris: readonly U[], io: FileIo<U>): Promise<Totals> {
  const totals: Totals = { files: 0, errors: 0, warnings: 0 };
  for (const uri of uris) {
    if (io.cancelled()) break;
    let problems = io.openProblems(uri);
    if (!problems) {
      const result = validateBytes(await io.readFile(uri), io.path(uri));
      io.publish([{ uri, problems: result.problems, kind: result.kind }]);
      problems = result.problems;
    }
    totals.files++;
    totals.errors += problems.filter((p) => p.severity === 'error').length;
    totals.warnings += problems.filter((p) => p.severity === 'warning').length;
    io.progress(totals.files, uris.length, uri);
  }
  return totals;
}
