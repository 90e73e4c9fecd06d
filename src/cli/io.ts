import { keyRedactor } from '../core/redact';

/** What a CLI command may touch of the outside world; tests pass their own. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborts in-flight requests (Ctrl+C). */
  readonly signal?: AbortSignal;
}

/**
 * The CLI's replacement of the API key (BLUEJAY_API_KEY, 8 characters or more; a shorter key
 * cannot be told from ordinary text) by `[redacted]`: core/redact.ts `keyRedactor`, its escaped
 * forms (JSON, XML, GitHub annotations) and its start where a value was cut (`abcd1234...`).
 */
export function keyHider(env: Io['env']): ((text: string) => string) | undefined {
  return keyRedactor(env['BLUEJAY_API_KEY']?.trim(), 8);
}

/**
 * `io` printing nothing of the API key (BLUEJAY_API_KEY, see `keyHider`): a definition holding the
 * key, shown by `plan` or `push --dry-run`, or Bluejay quoting it back, prints `[redacted]` there.
 */
export function withoutKey(io: Io): Io {
  const hide = keyHider(io.env);
  return hide ? { ...io, out: (t) => io.out(hide(t)), err: (t) => io.err(hide(t)) } : io;
}

/** Exit codes (a contract): 0 all good, 1 problems or failures, 2 usage or unreadable paths. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** Thrown for a wrong command line; the message is printed with the usage hint, exit 2. */
export class UsageError extends Error {
  /** Read by isUsageError: the commands that talk to Bluejay are another bundle, with a class of their own. */
  readonly usage = true;
}

/**
 * Thrown when the CLI itself is incomplete (dist/cli-remote.js missing beside dist/cli.js): its
 * message is printed alone, no stack, exit 2.
 */
export class InstallError extends Error {}

/** Whether `e` is a UsageError of this bundle or of dist/cli-remote.js (src/cli/remote.ts). */
export function isUsageError(e: unknown): e is UsageError {
  return e instanceof Error && (e as { usage?: unknown }).usage === true;
}
