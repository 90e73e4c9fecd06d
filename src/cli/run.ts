/**
 * `bluejay run [--simulation ID] [--format text|json|junit] [--push] [--no-wait] [--poll SEC]
 * [--timeout SEC] [--min-pass-rate R] [--base-url URL] [--env NAME] <path>...`: runs digital humans
 * in their simulations on Bluejay and reports the results (progress on stderr).
 */
import { Pacer } from '../core/api/pacing';
import { realClock, type Clock } from '../core/api/pacing';
import {
  endConversations,
  MIN_POLL_MS,
  queuedReport,
  queueRun,
  unfinishedIds,
  watchRun,
  type QueuedRun,
  type RunReport,
} from '../core/run/runner';
import { groupBySimulation, runTarget, type RunTarget } from '../core/run/target';
import type { Sender } from '../core/sync/push';
import { apiKeyOf, baseUrlOf, clientFor } from './connect';
import { discover, readDefinition } from './discover';
import { EXIT, UsageError, type Io } from './io';
import { renderJunit } from './junit';
import { exitOf, fileRow, runRow, textOf, type FileRow } from './runOutput';

export interface RunCommandOptions {
  readonly simulation?: string | undefined;
  readonly format?: string | undefined;
  readonly push?: boolean;
  readonly noWait?: boolean;
  readonly poll?: string | undefined;
  readonly timeout?: string | undefined;
  readonly minPassRate?: string | undefined;
  readonly baseUrl?: string | undefined;
  readonly env?: string | undefined;
}

let clock: Clock = realClock;
/** Tests run against the local server on a clock that never waits. */
export function setRunClock(c: Clock | undefined): void {
  clock = c ?? realClock;
}

function numberOption(
  name: string,
  raw: string | undefined,
  ok: (n: number) => boolean,
  what: string,
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !ok(n))
    throw new UsageError(`${name} must be ${what} (got '${raw}')`);
  return n;
}

export async function runCommand(paths: readonly string[], options: RunCommandOptions, io: Io): Promise<number> {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'junit')
    throw new UsageError(`--format must be text, json or junit (got '${format}')`);
  const pollSec = numberOption(
    '--poll',
    options.poll,
    (n) => n >= MIN_POLL_MS / 1000,
    'a number of seconds, at least 2',
  );
  const timeoutSec = numberOption('--timeout', options.timeout, (n) => n > 0, 'a number of seconds above 0');
  const minPassRate = numberOption(
    '--min-pass-rate',
    options.minPassRate,
    (n) => n >= 0 && n <= 1,
    'a number from 0 to 1',
  );
  if (options.simulation !== undefined && !/^\d+$/.test(options.simulation))
    throw new UsageError(`--simulation must be a simulation id (digits), got '${options.simulation}'`);
  const base = baseUrlOf(options.baseUrl, io);
  const key = apiKeyOf(io);
  if (!key) throw new UsageError('set BLUEJAY_API_KEY to your Bluejay API key (run queues simulations on Bluejay)');

  if (options.push) {
    io.err('bluejay: pushing first (--push)\n');
    const { pushCommand } = await import('./push.js');
    // Its report goes to stderr: stdout carries only the run's output.
    await pushCommand(
      paths,
      { format: 'text', baseUrl: options.baseUrl, dryRun: false, env: options.env },
      { ...io, out: io.err },
    );
  }

  const found = await discover(paths);
  for (const u of found.unreadable) io.err(`bluejay: cannot read ${u.path}: ${u.reason}\n`);
  const sender = await clientFor(base.url, key);
  const files = new Pacer(8, 0);
  const checked = await Promise.all(
    found.files.map((path) => files.run(() => checkOne(path, sender, options.simulation, io))),
  );
  const targets = checked.filter((c): c is { path: string; target: RunTarget } => c !== undefined);
  const unreadable = found.unreadable.length + checked.length - targets.length;
  const rows: FileRow[] = targets.map(({ path, target: t }) => fileRow(path, t.kind, t.id, t.action, t.problems));
  const groups = groupBySimulation(targets.map(({ path, target }) => ({ target, ref: path })));
  const pathOf = (id: string | null): string | null =>
    targets.find((t) => t.target.action === 'run' && String(t.target.id) === id)?.path ?? null;

  // One queue request per simulation, one after the other; never repeated.
  const queued: QueuedRun[] = [];
  const reports = new Map<string, RunReport>();
  for (const [simulationId, members] of groups) {
    if (io.signal?.aborted) break;
    io.err(`bluejay: queueing simulation ${simulationId} for ${members.map((m) => m.ref).join(', ')}\n`);
    const q = await queueRun(
      sender,
      simulationId,
      members.map((m) => m.digitalHumanId),
      io.signal,
    );
    if ('resultIds' in q) {
      queued.push(q);
      reports.set(simulationId, queuedReport(q));
    } else reports.set(simulationId, q);
  }

  let code: number;
  if (options.noWait) {
    print(format, rows, [...reports.values()], pathOf, io);
    // A run not queued (failed, or cancelled before it was) is exit 1.
    const notQueued = (r: RunReport): boolean => r.state === 'failed' || (r.state === 'cancelled' && r.runId === null);
    code = [...reports.values()].some(notQueued) || rows.some((r) => r.action === 'invalid') ? EXIT.problems : EXIT.ok;
  } else {
    const last = new Map<string, string>();
    const onProgress = (r: RunReport): void => {
      const done = r.results.filter((x) => x.outcome !== 'running').length;
      const line = `bluejay: simulation ${r.simulationId} run ${String(r.runId)}: ${r.status ?? 'waiting'}, ${done}/${r.total} done, ${r.passed} passed${r.error ? ` (${r.error})` : ''}\n`;
      if (last.get(r.simulationId) !== line) io.err(line);
      last.set(r.simulationId, line);
    };
    const watchOptions = {
      clock,
      onProgress,
      ...(pollSec !== undefined && { pollMs: pollSec * 1000 }),
      ...(timeoutSec !== undefined && { timeoutMs: timeoutSec * 1000 }),
      ...(io.signal && { signal: io.signal }),
    };
    const watched = await Promise.all(queued.map((q) => watchRun(sender, q, watchOptions)));
    for (const r of watched) reports.set(r.simulationId, r);
    if (io.signal?.aborted) await endRunning(sender, queued, reports, io);
    print(format, rows, [...reports.values()], pathOf, io);
    code = io.signal?.aborted
      ? EXIT.problems
      : exitOf(
          rows,
          [...reports.values()].map((r) => runRow(r, pathOf)),
          minPassRate,
        );
  }
  return unreadable ? EXIT.usage : code;
}

async function checkOne(
  path: string,
  reader: Sender,
  simulation: string | undefined,
  io: Io,
): Promise<{ path: string; target: RunTarget } | undefined> {
  const decoded = await readDefinition(path, io);
  if (!decoded) return undefined;
  if (decoded.text === undefined)
    return {
      path,
      target: {
        kind: decoded.kind ?? null,
        id: null,
        action: 'invalid',
        simulationIds: [],
        problems: [...decoded.problems],
      },
    };
  const validated = { ...decoded, problems: decoded.problems.filter((p) => p.code !== 'byte-order-mark') };
  return {
    path,
    target: await runTarget(decoded.text, path, reader, {
      validated,
      ...(simulation !== undefined && { simulation }),
      ...(io.signal && { signal: io.signal }),
    }),
  };
}

/** After Ctrl+C: ends the conversations still going on in each run. */
async function endRunning(
  sender: Sender,
  queued: readonly QueuedRun[],
  reports: Map<string, RunReport>,
  io: Io,
): Promise<void> {
  for (const q of queued) {
    const report = reports.get(q.simulationId);
    if (!report || report.state === 'finished') continue;
    const ids = unfinishedIds(report, q);
    const ended = await endConversations(sender, ids);
    io.err(
      'error' in ended
        ? `bluejay: could not end the conversations of run ${q.runId}: ${ended.error}\n`
        : `bluejay: ended ${ended.ended.length} conversation(s) of run ${q.runId}\n`,
    );
  }
}

function print(
  format: string,
  rows: readonly FileRow[],
  reports: readonly RunReport[],
  pathOf: (id: string | null) => string | null,
  io: Io,
): void {
  const runs = reports.map((r) => runRow(r, pathOf));
  if (format === 'json') io.out(JSON.stringify({ files: rows, runs }) + '\n');
  else if (format === 'junit') io.out(renderJunit(rows, runs));
  else io.out(textOf(rows, runs));
}
