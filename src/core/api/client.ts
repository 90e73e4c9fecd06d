/**
 * The Bluejay API client (axios). Retries only where it is safe, paces bulk work, honours
 * Retry-After, aborts on cancellation, and never lets the key reach an error or a log.
 * axios is heavy to load: the editor requires this module lazily (dist/api.js), the CLI only for push.
 */
import axios, { type AxiosInstance } from 'axios';
import { ApiError, errorFromResponse, redact } from './errors';
import { Pacer, backoffDelay, retryAfterMs, sleep } from './pacing';
import type { ApiRequest } from './request';

export interface ClientOptions {
  /** Origin of the API, e.g. https://api.getbluejay.ai (paths start /v1/). */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Names the product and version, e.g. `bluejay-definitions/0.1.0 (vscode)`. */
  readonly userAgent: string;
  readonly timeoutMs?: number;
  /** Attempts after the first for requests that may be retried. */
  readonly retries?: number;
  /** Base of the exponential backoff (a 401 after successes waits 4 bases, doubling, up to 30 s). */
  readonly backoffMs?: number;
  /** Requests in flight at once, and the least time between two starts (Bluejay answers bursts with 401). */
  readonly concurrency?: number;
  readonly minIntervalMs?: number;
}

export interface ApiResponse {
  readonly status: number;
  readonly data: unknown;
}

const BURST_WINDOW_MS = 60_000;
const MAX_RETRY_AFTER_MS = 60_000;
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT = new Set([...NOT_SENT, 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_NETWORK', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

export class BluejayClient {
  private readonly http: AxiosInstance;
  private readonly pacer: Pacer;
  /** When a request last succeeded: a 401 soon after one is Bluejay's burst limit, not a bad key. */
  private lastSuccess = 0;

  constructor(private readonly options: ClientOptions) {
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      timeout: options.timeoutMs ?? 30_000,
      headers: { 'X-API-Key': options.apiKey, 'User-Agent': options.userAgent, Accept: 'application/json' },
      validateStatus: () => true,
      maxRedirects: 0, // a redirect could carry the key to another origin
      transitional: { clarifyTimeoutError: true },
    });
    this.pacer = new Pacer(options.concurrency ?? 4, options.minIntervalMs ?? 100);
  }

  /** Sends a request; resolves with a 2xx response or rejects with an ApiError. */
  async send(req: ApiRequest, signal?: AbortSignal): Promise<ApiResponse> {
    const retries = this.options.retries ?? 3;
    const base = this.options.backoffMs ?? 500;
    let authWaits = 0;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.pacer.run(() => this.once(req, signal), signal);
      if (outcome.ok) {
        this.lastSuccess = Date.now();
        return outcome.response;
      }
      const { error, retryAfter } = outcome;
      // Bluejay answers bursts with 401: after successes in this run, back off before calling the key bad.
      if (error.kind === 'unauthorized' && Date.now() - this.lastSuccess < BURST_WINDOW_MS && authWaits < 3) {
        await sleep(Math.min(30_000, base * 4 * 2 ** authWaits++), signal);
        continue;
      }
      if (attempt >= retries || !this.retryable(req, error, outcome.sent)) throw error;
      // A server that asks for more than a minute is not retried early: report it instead.
      if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) throw new ApiError(error.kind, `${error.message} Bluejay asks to wait ${Math.round(retryAfter / 1000)} s.`, error.status, error.problems);
      await sleep(retryAfter ?? backoffDelay(attempt, base), signal);
    }
  }

  private retryable(req: ApiRequest, error: ApiError, sent: boolean): boolean {
    if (error.kind === 'rate-limited') return true; // refused before any work was done
    if (req.method === 'POST') return !sent; // a create that may have reached the server is never repeated
    return error.kind === 'server' || error.kind === 'network' || error.kind === 'timeout';
  }

  private async once(req: ApiRequest, signal?: AbortSignal): Promise<{ ok: true; response: ApiResponse } | { ok: false; error: ApiError; retryAfter: number | undefined; sent: boolean }> {
    try {
      const res = await this.http.request({ method: req.method, url: req.path, ...(req.body && { data: req.body }), ...(signal && { signal }) });
      if (res.status >= 200 && res.status < 300) return { ok: true, response: { status: res.status, data: res.data as unknown } };
      const header = res.headers['retry-after'] as unknown;
      return { ok: false, error: errorFromResponse(req, res.status, res.data, this.options.apiKey), retryAfter: retryAfterMs(header), sent: true };
    } catch (e) {
      return { ok: false, error: this.transportError(e, signal), retryAfter: undefined, sent: !NOT_SENT.has(codeOf(e)) };
    }
  }

  /** A failure without a response, in words; never the axios error itself (it carries the request headers). */
  private transportError(e: unknown, signal?: AbortSignal): ApiError {
    const origin = this.options.baseUrl;
    if (signal?.aborted || axios.isCancel(e)) return new ApiError('cancelled', 'Cancelled.', null);
    const code = codeOf(e);
    if (code === 'ETIMEDOUT' || code === 'ECONNABORTED') return new ApiError('timeout', `Bluejay at ${origin} did not answer in time (${code}).`, null);
    if (TRANSIENT.has(code)) return new ApiError('network', `Could not reach Bluejay at ${origin} (${code}).`, null);
    // Not a passing network fault (a certificate error, an invalid header): retrying will not help.
    const message = e instanceof Error ? e.message : String(e);
    return new ApiError('unexpected', redact(`The request to Bluejay at ${origin} failed: ${message}${code ? ` (${code})` : ''}`, this.options.apiKey), null);
  }
}

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}
