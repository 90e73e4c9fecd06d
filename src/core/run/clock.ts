/** Time as a run sees it, injectable so tests never wait: the real clock, or one that jumps ahead when asked to sleep. */
import { sleep } from '../api/pacing';

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects (a cancelled ApiError) as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = { now: () => Date.now(), sleep };
