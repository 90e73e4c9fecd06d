/**
 * A conversation's transcript (no `vscode`): fetched from `transcript_url`, another origin than the
 * API's, with a plain request that carries no API key (never through BluejayClient, which adds it),
 * following redirects only to https, within a size limit and a deadline; then rendered turn by turn with times.
 */
import { isLoopback } from '../../../core/api/endpoint';
import * as l10n from '@vscode/l10n';

export const MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;
export const TRANSCRIPT_TIMEOUT_MS = 20_000;

export interface FetchOptions {
  readonly signal?: AbortSignal;
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
}

/** Whether a transcript URL may be fetched: https, or http to loopback (the local server). */
export function fetchableUrl(raw: string): URL | undefined {
  try {
    const u = new URL(raw);
    return u.protocol === 'https:' || (u.protocol === 'http:' && isLoopback(u.hostname)) ? u : undefined;
  } catch {
    return undefined;
  }
}

/** The transcript's text; throws an Error with a message for a person (never a key: none is sent). */
export async function fetchTranscript(raw: string, options: FetchOptions = {}): Promise<string> {
  const url = fetchableUrl(raw);
  if (!url) throw new Error(l10n.t('the transcript URL is not https (or http on this machine), so it was not fetched'));
  const max = options.maxBytes ?? MAX_TRANSCRIPT_BYTES;
  const deadline = AbortSignal.timeout(options.timeoutMs ?? TRANSCRIPT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let res: Response;
  try {
    res = await follow(url, signal);
  } catch (e) {
    if (e instanceof RefusedRedirect) throw e;
    throw new Error(
      deadline.aborted
        ? l10n.t(
            'the transcript did not arrive within {0} s',
            Math.round((options.timeoutMs ?? TRANSCRIPT_TIMEOUT_MS) / 1000),
          )
        : l10n.t('the transcript could not be fetched ({0})', e instanceof Error ? e.message : String(e)),
    );
  }
  if (!res.ok) throw new Error(l10n.t("the transcript's server answered {0}", res.status));
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) throw new Error(l10n.t('the transcript is larger than {0} MB', Math.round(max / 1024 / 1024)));
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = (await reader?.read()) as
        { done: true; value?: undefined } | { done: false; value: Uint8Array } | undefined;
      if (!next || next.done) break;
      const value = next.value;
      size += value.byteLength;
      if (size > max) {
        await reader?.cancel();
        throw new Error(l10n.t('the transcript is larger than {0} MB', Math.round(max / 1024 / 1024)));
      }
      chunks.push(value);
    }
  } catch (e) {
    if (deadline.aborted) throw new Error(l10n.t('the transcript did not arrive in time'));
    throw e;
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const MAX_REDIRECTS = 5;

class RefusedRedirect extends Error {}

/**
 * GET with redirects followed by hand, each only to https: a redirect to plain http (even on this
 * machine) or anything else is refused, never followed. Only an Accept header, no credentials, no key.
 */
async function follow(first: URL, signal: AbortSignal): Promise<Response> {
  let url = first;
  for (let hops = 0; ; hops++) {
    const res = await fetch(url, {
      signal,
      headers: { accept: 'application/json, text/plain' },
      credentials: 'omit',
      redirect: 'manual',
    });
    if (res.status < 300 || res.status >= 400 || res.status === 304) return res;
    await res.body?.cancel();
    const location = res.headers.get('location');
    let next: URL | undefined;
    try {
      next = location ? new URL(location, url) : undefined;
    } catch {
      next = undefined;
    }
    if (!next)
      throw new RefusedRedirect(
        l10n.t("the transcript's server redirected ({0}) without a usable address", res.status),
      );
    if (next.protocol !== 'https:')
      throw new RefusedRedirect(
        l10n.t(
          "the transcript's server redirected ({0}) to {1}, not https: it was not followed",
          res.status,
          next.protocol.replace(':', ''),
        ),
      );
    if (hops >= MAX_REDIRECTS)
      throw new RefusedRedirect(l10n.t("the transcript's server redirected more than {0} times", MAX_REDIRECTS));
    url = next;
  }
}

const clock = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

type Turn = Record<string, unknown>;
const text = (t: Turn, ...keys: string[]): string | undefined =>
  keys.map((k) => t[k]).find((v): v is string => typeof v === 'string' && v !== '');
const offset = (t: Turn): number | undefined =>
  [t['start_offset_ms'], t['start_ms'], t['offset_ms']].find(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  ) ?? (typeof t['start_time'] === 'number' ? t['start_time'] * 1000 : undefined);

/** The turns of a transcript in whatever shape it came: a list, or an object holding one. */
function turnsOf(data: unknown): Turn[] | undefined {
  const list = Array.isArray(data)
    ? data
    : data !== null && typeof data === 'object'
      ? ['transcript', 'turns', 'messages'].map((k) => (data as Turn)[k]).find(Array.isArray)
      : undefined;
  return list?.filter((t): t is Turn => t !== null && typeof t === 'object' && !Array.isArray(t));
}

/** A document: a header, then one line per turn, `[mm:ss] Speaker: text`; text that is no JSON list of turns as it is. */
export function renderTranscript(body: string, header: string): string {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return `${header}\n\n${body}`;
  }
  const turns = turnsOf(data);
  if (!turns) return `${header}\n\n${body}`;
  const lines = turns.map((t) => {
    const who = text(t, 'speaker', 'role', 'name') ?? l10n.t('unknown');
    const at = offset(t);
    const said = (text(t, 'text', 'utterance', 'content', 'message') ?? '').replace(/\s*\n\s*/g, ' ');
    return `${at === undefined ? '' : `[${clock(at)}] `}${who.charAt(0).toUpperCase()}${who.slice(1).toLowerCase()}: ${said}`;
  });
  return `${header}\n\n${lines.join('\n')}\n`;
}
