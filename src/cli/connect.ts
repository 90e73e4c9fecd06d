/** The base URL and key every command that talks to Bluejay uses, and the client it talks through. */
import { checkBaseUrl, DEFAULT_BASE_URL } from '../core/api/endpoint';
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
