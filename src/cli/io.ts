/** What a CLI command may touch of the outside world; tests pass their own. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Aborts in-flight requests (Ctrl+C). */
  readonly signal?: AbortSignal;
}

/** What stands for the API key wherever a command would print it. */
const REDACTED = '[redacted]';

/** The shortest start of the key hidden where a value was cut (`...`) inside it. */
const MIN_PART = 4;

/**
 * Text with the API key (8 characters or more) replaced by `[redacted]`: as written, and as each
 * output format escapes it (JSON, XML, GitHub annotations), the longest form first; and its start
 * where a value was cut inside it (`abcd1234...`: plan's values, overlong names). A shorter key
 * cannot be told from ordinary text.
 */
export function keyHider(env: Io['env']): ((text: string) => string) | undefined {
  const key = env['BLUEJAY_API_KEY']?.trim();
  if (!key || key.length < 8) return undefined;
  const xml = key.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const data = key.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const forms = [
    ...new Set([
      key,
      JSON.stringify(key).slice(1, -1),
      xml,
      xml.replace(/'/g, '&apos;'),
      data,
      data.replace(/:/g, '%3A').replace(/,/g, '%2C'),
    ]),
  ].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    for (const form of forms) out = startCut(out, form);
    return out;
  };
}

/** `text` with the start of `form` (at least MIN_PART characters) that comes right before a `...` replaced. */
function startCut(text: string, form: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('...'); at !== -1; at = text.indexOf('...', at + 3))
    for (let n = Math.min(form.length - 1, at - from); n >= MIN_PART; n--)
      if (text.startsWith(form.slice(0, n), at - n)) {
        out += text.slice(from, at - n) + REDACTED;
        from = at;
        break;
      }
  return from === 0 ? text : out + text.slice(from);
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
