/** `bluejay push [--format text|json] [--base-url URL] [--dry-run] [--force] [--allow-secrets] [--env NAME] <path>...` */
import { readFile } from 'node:fs/promises';
import { Pacer } from '../core/api/pacing';
import type { Problem } from '../core/problem';
import { acquireLock, fileLockPath, writeFileAtomic, type Lock } from '../core/sync/files';
import { pushText, type PushOutcome, type Sender } from '../core/sync/push';
import { decodeUtf8 } from '../core/text';
import { apiKeyOf, baseUrlOf, clientFor } from './connect';
import { discover, readDefinition, reason } from './discover';
import { EXIT, UsageError, type Io } from './io';
import { plural, problemJson, problemLine, type OutputFormat } from './output';
import { recordPush, refusal, type GuardOptions } from './pushGuard';
import { StateFiles } from './state';

type Decoded = NonNullable<Awaited<ReturnType<typeof readDefinition>>>;

export interface PushOptions {
  readonly format: OutputFormat;
  readonly baseUrl: string | undefined;
  readonly dryRun: boolean;
  /** Push even when Bluejay's copy changed since the last push or pull. */
  readonly force?: boolean;
  /** The environment being pushed to (--env); BLUEJAY_ENV when not given. */
  readonly env?: string | undefined;
  /** Send files whose values look like secrets (possible-secret) all the same. */
  readonly allowSecrets?: boolean;
}

export async function pushCommand(paths: readonly string[], options: PushOptions, io: Io): Promise<number> {
  const base = baseUrlOf(options.baseUrl, io);
  const key = apiKeyOf(io);
  if (!options.dryRun && !key) throw new UsageError('set BLUEJAY_API_KEY to your Bluejay API key (or use --dry-run)');
  const env = options.env ?? (io.env['BLUEJAY_ENV']?.trim() || undefined);
  const found = await discover(paths);
  for (const u of found.unreadable) io.err(`bluejay: cannot read ${u.path}: ${u.reason}\n`);

  const sender = !options.dryRun && key ? await clientFor(base.url, key) : undefined;
  // --dry-run writes nothing, the state file included.
  const state = options.dryRun ? undefined : new StateFiles(base.origin, io);
  const guard: GuardOptions = {
    sender,
    state,
    env,
    force: options.force === true,
    allowSecrets: options.allowSecrets === true,
    apiKey: key,
    ...(io.signal && { signal: io.signal }),
  };
  // Files are read and sent a few at a time (the client paces the requests themselves).
  const files = new Pacer(8, 0);
  let unreadable = found.unreadable.length;
  const settled = await Promise.all(
    found.files.map((path) => files.run(() => pushOne(path, sender, options, guard, io))),
  );
  const results = settled.filter((r): r is { path: string; outcome: PushOutcome } => r !== undefined);
  unreadable += settled.length - results.length;
  await state?.save();

  const rows = results.map(({ path, outcome }) => ({
    path,
    kind: outcome.kind,
    id: outcome.id,
    action: outcome.action,
    status: outcome.status,
    problems: outcome.problems.map(problemJson),
    ...(options.dryRun &&
      outcome.request && {
        request: {
          method: outcome.request.method,
          url: `${base.url}${outcome.request.path}`,
          body: outcome.request.body ?? null,
        },
      }),
  }));
  if (options.format === 'json') io.out(JSON.stringify({ results: rows }) + '\n');
  else {
    for (const { path, outcome } of results) {
      io.out(`${path}: ${describe(outcome, base.url)}\n`);
      for (const p of outcome.problems) io.out(problemLine(path, p) + '\n');
    }
    const count = (a: string): number => results.filter((r) => r.outcome.action === a).length;
    io.err(
      `${plural(results.length, 'file')}: ${count('created')} created, ${count('updated')} updated, ${count('failed')} failed${options.dryRun ? ` (dry run: nothing sent to ${base.origin})` : ''}.\n`,
    );
  }
  if (unreadable) return EXIT.usage;
  return results.some((r) => r.outcome.action === 'failed' || r.outcome.problems.some((p) => p.severity === 'error'))
    ? EXIT.problems
    : EXIT.ok;
}

/**
 * One file: read its bytes (a file that is not UTF-8 is never sent), check, push, write a created id
 * back, record the baseline. Undefined when unreadable. A file without an id is pushed holding its
 * lock (core/sync/files.ts) until its id is written back, and read again once the lock is held: a
 * second push of it (another `bluejay push`, the editor) waits, then finds the id and updates.
 */
async function pushOne(
  path: string,
  sender: Sender | undefined,
  options: PushOptions,
  guard: GuardOptions,
  io: Io,
): Promise<{ path: string; outcome: PushOutcome } | undefined> {
  const decoded = await readDefinition(path, io);
  if (!decoded) return undefined;
  if (!sender || options.dryRun || !decoded.kind || !decoded.value || hasId(decoded.value))
    return pushRead(path, decoded, sender, options, guard, io);
  let lock: Lock;
  try {
    lock = await acquireLock(await fileLockPath(path), { ...(io.signal && { signal: io.signal }) });
  } catch (e) {
    return {
      path,
      outcome: {
        kind: decoded.kind,
        id: null,
        action: 'failed',
        status: null,
        problems: [...decoded.problems, lockProblem(e)],
      },
    };
  }
  try {
    const again = await readDefinition(path, io);
    return again && (await pushRead(path, again, sender, options, guard, io));
  } finally {
    await lock.release();
  }
}

const hasId = (value: Readonly<Record<string, unknown>>): boolean => value['id'] !== undefined && value['id'] !== null;
const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function lockProblem(e: unknown): Problem {
  if ((e as { name?: unknown }).name === 'AbortError')
    return {
      severity: 'information',
      code: 'push-cancelled',
      pointer: '',
      message: 'Cancelled while another push of this file was creating it; nothing was sent.',
      range: FIRST_LINE,
    };
  return {
    severity: 'error',
    code: 'file-not-writable',
    pointer: '',
    message: `The file's folder cannot be written (${reason(e)}), so the id Bluejay assigns could not be written back: it was not sent.`,
    range: FIRST_LINE,
  };
}

async function pushRead(
  path: string,
  decoded: Decoded,
  sender: Sender | undefined,
  options: PushOptions,
  guard: GuardOptions,
  io: Io,
): Promise<{ path: string; outcome: PushOutcome }> {
  if (decoded.text === undefined)
    return {
      path,
      outcome: { kind: decoded.kind ?? null, id: null, action: 'failed', status: null, problems: decoded.problems },
    };
  const text = decoded.text;
  // The validation of the decoded text (a byte-order mark, already dropped, is no problem of the push).
  const validated = { ...decoded, problems: decoded.problems.filter((p) => p.code !== 'byte-order-mark') };
  const refused = await refusal(path, text, validated, guard);
  if (refused) return { path, outcome: refused };
  const outcome = await pushText(text, path, sender, {
    dryRun: options.dryRun,
    validated,
    ...(io.signal && { signal: io.signal }),
  });
  if (guard.state && validated.kind && validated.value)
    await recordPush(path, validated.kind, validated.value, outcome, guard.state);
  if (outcome.newText === undefined) return { path, outcome };
  const why = await writeBack(path, text, outcome.newText);
  if (why === undefined) return { path, outcome };
  const problem: Problem = {
    severity: 'error',
    code: 'id-not-written',
    pointer: '/id',
    message: `Bluejay created it with id ${String(outcome.id)}, but it could not be written into the file (${why}): add "id: ${String(outcome.id)}" by hand, or the next push creates another.`,
    range: FIRST_LINE,
  };
  return { path, outcome: { ...outcome, problems: [...outcome.problems, problem] } };
}

/**
 * Writes the new id back (atomically, a byte-order mark kept) unless the file changed while the
 * request was out, compared as the text that was pushed; why not, when it was not written.
 */
async function writeBack(path: string, pushed: string, newText: string): Promise<string | undefined> {
  try {
    const now = decodeUtf8(await readFile(path));
    if (!now.ok || now.text !== pushed) return 'the file changed while the request was out';
    await writeFileAtomic(path, now.hadBom ? `\uFEFF${newText}` : newText);
    return undefined;
  } catch (e) {
    return reason(e);
  }
}

function describe(o: PushOutcome, base: string): string {
  const status = o.status === null ? '' : ` (${o.status})`;
  switch (o.action) {
    case 'created':
      return `created, id ${String(o.id)}${status}`;
    case 'updated':
      return `updated ${String(o.id)}${status}`;
    case 'skipped':
      return o.request
        ? `would ${o.request.method} ${base}${o.request.path} ${JSON.stringify(o.request.body ?? {})}`
        : 'skipped';
    case 'unchanged':
      return 'unchanged';
    case 'failed':
      return `failed${status}`;
  }
}
