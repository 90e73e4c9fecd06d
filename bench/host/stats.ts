/** Percentiles and an optional CPU profile of the extension host for the in-host benchmarks. */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/** The p-th percentile (nearest rank) of `xs`; NaN when empty. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank] ?? NaN;
}

/** "p50 x ms, p90 y ms, p99 z ms". */
export function percentiles(xs: readonly number[]): string {
  return [50, 90, 99].map((p) => `p${p} ${percentile(xs, p).toFixed(1)} ms`).join(', ');
}

/**
 * A stretch the host was held: its length (ms), the CPU time its thread used in it (ms; NaN where
 * Node cannot tell), and its end (µs on the clock of the CPU profile's timestamps).
 */
export interface Gap {
  readonly ms: number;
  readonly cpuMs: number;
  readonly endUs: number;
}

/**
 * When BLUEJAY_BENCH_PROFILE names a folder, writes the 20 longest gaps there as `<name>.gaps.json`
 * (and the 20 with the most CPU time as `<name>.cpu-gaps.json`),
 * to look up what the profile's samples show in each (`process.hrtime` is the profiler's clock).
 */
export function writeGaps(name: string, gaps: readonly Gap[]): void {
  const dir = process.env['BLUEJAY_BENCH_PROFILE'];
  if (!dir) return;
  const longest = [...gaps].sort((a, b) => b.ms - a.ms).slice(0, 20);
  writeFileSync(join(dir, `${name}.gaps.json`), JSON.stringify(longest));
  const busiest = [...gaps].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 20);
  writeFileSync(join(dir, `${name}.cpu-gaps.json`), JSON.stringify(busiest));
}

/**
 * Runs `fn` under the inspector's CPU profiler when BLUEJAY_BENCH_PROFILE names a folder, writing
 * `<name>.cpuprofile` there (open it in Chrome's DevTools); else just runs it.
 */
export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env['BLUEJAY_BENCH_PROFILE'];
  if (!dir) return fn();
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
