/** The base URL and key every command that talks to Bluejay uses, the client it talks through, and its time limit. */
import { setMaxListeners } from 'node:events';
import { checkBaseUrl, DEFAULT_BASE_URL } from '../core/api/endpoint';
import { ApiError } from '../core/api/errors';
import type { Sender } from '../core/sync/push';
import { UsageError, type Io } from './io';

declare const BLUEJAY_VERSION: string | undefined;

/** --base-url, else BLUEJAY_BASE_URL, else Bluejay's own API; a URL that would carry the key in clear text is a usage error. */
export function baseUrlOf(option: string | undefined, io: Io): { url: string; origin: string } {
  const base = checkBaseUrl(option ?? io.env['BLUEJAY_BASE_URL'] ?? DEFAULT_BASE_URL);
  if (!base.ok) throw new UsageError(base.message);
  return { url: base.url, origin: base.origin };
}

/** BLUEJAY_API_KEY, trimmed; undefined when unset or blank. */
export function apiKeyOf(io: Io): string | undefined {
  return io.env['BLUEJAY_API_KEY']?.trim() || undefined;
}

/** The axios client, loaded only here (`bluejay validate` never pays for it). */
export async function clientFor(baseUrl: string, apiKey: string): Promise<Sender> {
  const { BluejayClient } = await import('../core/api/client.js');
  const version = typeof BLUEJAY_VERSION === 'string' ? BLUEJAY_VERSION : 'dev';
  return new BluejayClient({ baseUrl, apiKey, userAgent: `bluejay-definitions/${version} (cli)` });
}

export const TIME_LIMIT_ENV = 'BLUEJAY_COMMAND_TIMEOUT';
const DEFAULT_TIME_LIMIT_S = 600;
/** setTimeout's longest delay (about 24 days); a longer limit is that one. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The command's `io` with a signal that also aborts once the command has run for its time limit
 * (BLUEJAY_COMMAND_TIMEOUT seconds, else 600): every request still out or still to come then fails
 * with that reason, a timeout that says so. `done` clears the timer; Ctrl+C (io.signal) still cancels.
 */
export function timeLimited(io: Io): { io: Io; done: () => void } {
  const raw = io.env[TIME_LIMIT_ENV]?.trim();
  const seconds = raw ? Number(raw) : DEFAULT_TIME_LIMIT_S;
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`${TIME_LIMIT_ENV} must be a number of seconds above 0 (got '${raw ?? ''}')`);
  const limit = new AbortController();
  // Every request and wait in flight listens to it (files are pushed several at a time): no leak warning for that.
  setMaxListeners(100, limit.signal);
  const outer = io.signal;
  const onOuter = (): void => limit.abort(outer?.reason);
  if (outer?.aborted) onOuter();
  else outer?.addEventListener('abort', onOuter, { once: true });
  const message = `The command stopped waiting for Bluejay: it reached its time limit of ${seconds} s (${TIME_LIMIT_ENV}, in seconds, allows more).`;
  const timer = setTimeout(
    () => limit.abort(new ApiError('timeout', message, null)),
    Math.min(seconds * 1000, MAX_TIMER_MS),
  );
  return {
    io: { ...io, signal: limit.signal },
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuter);
    },
  };
}
