/**
 * Benchmark: `bluejay validate` (dist/cli.js) on 1,000 and 10,000 small definitions (and on 10, a
 * CI job's change, with no goal: there each program's start is most of it) against ajv-cli
 * on the same files with the same schema, both as child processes of the same node. The files are
 * ~2 KB digital humans, half YAML and half JSON, 1 in 100 broken; they are written to a temporary
 * folder (removed at the end). The 10,000 files are measured once more with a busy core beside (a
 * `node -e 'for(;;){}'` child): `bluejay validate` starts its worker thread only when a core is free.
 * Prints figures; exits 0 even when a goal is missed (not a test).
 * Run with `npm run bench:cli` (after a production build).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { breakItems, buildDigitalHuman } from './generate';
import { render, type Format } from './documents';
import { median } from './timing';

const ROOT = resolve(__dirname, '..', '..');
const OURS = join(ROOT, 'dist', 'cli.js');
const AJV = join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const SCHEMA = join(ROOT, 'schemas', 'digital-human.schema.json');

/** How many times faster than ajv-cli we mean to be. */
const GOAL = 2;

const COUNTS = [1_000, 10_000] as const;

/** Files in a typical CI job's change: no goal, but there the start of each program is most of its time. */
const FEW = 10;

interface Run {
  readonly ms: number;
  readonly code: number | null;
  readonly out: number;
  readonly err: string;
}

/** Runs `args` with this node and times it to its exit; stdout is counted (in bytes), stderr kept. */
function timed(args: readonly string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = 0;
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.length));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ ms: performance.now() - start, code, out, err }));
  });
}

/** Writes `n` definitions into a new folder: ~2 KB each, YAML and JSON in turn, every 100th broken. */
function writeFiles(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), `bluejay-bench-${n}-`));
  for (let i = 0; i < n; i++) {
    const format: Format = i % 2 ? 'json' : 'yaml';
    const value = buildDigitalHuman(0.2, 1000 + i, true);
    if (i % 100 === 99) breakItems(value, i);
    writeFileSync(join(dir, `dh-${String(i).padStart(5, '0')}.digital-human.${format}`), render(value, format));
  }
  return dir;
}

interface Row {
  readonly files: number;
  readonly busy: boolean;
  readonly ours: number;
  readonly theirs: number;
  readonly runs: number;
  readonly notes: string[];
}

/** Threads running or ready to run now (Linux's /proc/loadavg), as `bluejay validate` reads it to decide on a worker. */
function running(): string {
  try {
    return /(\d+)\//.exec(readFileSync('/proc/loadavg', 'latin1'))?.[1] ?? '?';
  } catch {
    return '?';
  }
}

async function measure(n: number, runs: number, busy = false): Promise<Row> {
  const dir = writeFiles(n);
  // A core kept busy for the whole measurement (ended below, by its own handle).
  const spinner = busy ? spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }) : undefined;
  try {
    const ours = ['--max-old-space-size=4096', OURS, 'validate', dir];
    const theirs = [
      AJV,
      'validate',
      '-s',
      SCHEMA,
      '-d',
      join(dir, '*.digital-human.{yaml,json}'),
      '--strict=false',
      '--all-errors',
      '--errors=line',
    ];
    const notes: string[] = [];
    const a: number[] = [];
    const b: number[] = [];
    // Warm the file cache and both programs once, then alternate.
    for (let i = 0; i <= runs; i++) {
      const first = i % 2 === 0;
      const x = await timed(first ? ours : theirs);
      const y = await timed(first ? theirs : ours);
      const [o, t] = first ? [x, y] : [y, x];
      if (i === 0) {
        // Every 100th file is broken: fewer files are all valid.
        const code = n >= 100 ? 1 : 0;
        if (o.code !== code || !o.err.includes(`${n} files checked`))
          notes.push(`ours: exit ${o.code}, ${o.err.trim().split('\n').pop() ?? ''}`);
        if (t.code !== code) notes.push(`ajv-cli: exit ${t.code}: ${t.err.slice(0, 200)}`);
        continue;
      }
      a.push(o.ms);
      b.push(t.ms);
    }
    return { files: n, busy, ours: median(a), theirs: median(b), runs, notes };
  } finally {
    spinner?.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

function s(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

function table(rows: readonly Row[]): string {
  const head = ['files', 'ours', 'competitor', 'theirs', 'ratio', 'goal', 'runs'];
  const body = rows.map((r) => [
    `${r.busy ? 'a busy core, ' : ''}${r.files}`,
    s(r.ours),
    'ajv-cli',
    s(r.theirs),
    `${(r.theirs / r.ours).toFixed(1)}x`,
    r.busy || r.files < COUNTS[0] ? '(no goal)' : `>= ${GOAL}x ${r.theirs / r.ours >= GOAL ? 'met' : 'MISSED'}`,
    String(r.runs),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((x) => (x[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 2 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const cpu = cpus();
  console.log(
    `bluejay validate vs ajv-cli: node ${process.version}, ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    'Small digital humans (~2 KB, YAML and JSON in turn, 1 in 100 broken), the same files and schema for both; wall time of each process, median.\n',
  );
  console.log(
    `Threads running or ready to run at the start: ${running()} (a worker thread starts only when fewer than the cores).`,
  );
  const rows: Row[] = [];
  const cases = [[FEW, false] as const, ...COUNTS.map((c) => [c, false] as const), [10_000, true] as const];
  for (const [n, busy] of cases) {
    const row = await measure(n, n >= 10_000 ? 3 : n >= 1000 ? 5 : 11, busy);
    rows.push(row);
    console.log(`  done: ${n} files${busy ? ' with a busy core' : ''}, ours ${s(row.ours)}, ajv-cli ${s(row.theirs)}`);
  }
  console.log('\n' + table(rows) + '\n');
  console.log(
    'ours: `bluejay validate <folder>` (positions, rules, secrets); ajv-cli: `ajv validate -s <schema> -d <glob> --strict=false --all-errors` (schema only).',
  );
  const notes = rows.flatMap((r) => r.notes.map((n) => `${r.files} files: ${n}`));
  console.log(
    notes.length
      ? `Sanity notes:\n  ${notes.join('\n  ')}`
      : `Sanity: both exit 1 (the broken files; ${FEW} files are all valid, exit 0) and we count every file.`,
  );
}

main().catch((e: unknown) => {
  console.error('\nBenchmark aborted:', e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
