/** Pacing for bulk work (bounded concurrency, a least gap between starts), backoff and Retry-After. */
import { abortError } from './errors';

/** Waits `ms`, or rejects as soon as `signal` aborts (with abortError: a cancellation, or the ApiError the signal was aborted with). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Exponential backoff with full jitter: base * 2^attempt, plus up to as much again, at most 30 s. */
export function backoffDelay(attempt: number, base: number): number {
  const exp = Math.min(30_000, base * 2 ** attempt);
  return Math.min(30_000, exp + Math.random() * exp);
}

/** Retry-After in milliseconds (delta-seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' && typeof header !== 'number') return undefined;
  const text = String(header).trim();
  const ms = /^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** Time as pacing and polling see it: injectable, so tests run on a fake clock instead of waiting. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects (abortError) as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep };

/** Runs tasks with at most `concurrency` in flight and at least `minIntervalMs` between two starts. */
export class Pacer {
  private running = 0;
  private nextStart = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly minIntervalMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      const now = this.clock.now();
      const at = Math.max(now, this.nextStart);
      this.nextStart = at + this.minIntervalMs;
      if (at > now) await this.clock.sleep(at - now, signal);
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
