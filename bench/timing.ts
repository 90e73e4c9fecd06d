/** Timing helpers: fresh text per run, warm-up, median, and a run count that keeps within a time budget. */
import { performance } from 'node:perf_hooks';
import type { Format } from './documents';

let serial = 0;

/**
 * A new, flat copy of `text` that differs from every earlier one (a trailing comment in YAML,
 * trailing white space in JSON), so no cache keyed on the text or the document can help. Built
 * outside the timed part; decoding from bytes gives a flat string, as reading a file does.
 */
/**
 * Empties our parse memo (core/parse/memo.ts): it would read a text that differs from the last one
 * in one entry (the suffix below) by that entry alone, as on a keystroke. The figures here are of a
 * whole validation, as when a file is opened; the keystroke bench measures the other.
 */
export function forgetParses(): void {
  (globalThis as Record<symbol, Map<unknown, unknown> | undefined>)[
    Symbol.for('bluejay-definitions.parseMemo')
  ]?.clear();
}

export function fresh(text: string, format: Format): string {
  forgetParses();
  const n = ++serial;
  const suffix = format === 'yaml' ? `# edit ${n}\n` : n.toString(2).replace(/0/g, ' ').replace(/1/g, '\t') + '\n';
  return Buffer.from(text + suffix, 'utf8').toString('utf8');
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  if (s.length === 0) return NaN;
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export interface Plan {
  readonly warmup: number;
  readonly runs: number;
  /** At most this many milliseconds of timed runs; fewer runs (but at least `minRuns`) when one run is slow. */
  readonly budgetMs: number;
  readonly minRuns: number;
}

export interface Sample {
  readonly medianMs: number;
  readonly runs: number;
}

/** Runs `fn` on a fresh copy of `text` `warmup` times, then times it and returns the median. */
export async function sample(text: string, format: Format, plan: Plan, fn: (text: string) => unknown): Promise<Sample> {
  const warm: number[] = [];
  for (let i = 0; i < plan.warmup; i++) warm.push(await timeOnce(fresh(text, format), fn));
  const estimate = Math.max(median(warm), 0.001);
  const runs = Math.max(plan.minRuns, Math.min(plan.runs, Math.floor(plan.budgetMs / estimate)));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(fresh(text, format), fn));
  return { medianMs: median(times), runs };
}

async function timeOnce(copy: string, fn: (text: string) => unknown): Promise<number> {
  const start = performance.now();
  const result = fn(copy);
  if (result instanceof Promise) await result;
  return performance.now() - start;
}
