/**
 * The Bluejay API client (axios). Retries only where it is safe, paces bulk work, honours
 * Retry-After, aborts on cancellation, bounds every attempt and every send in time (a trickling
 * answer cannot stretch them), never proxies a loopback base URL, and never lets the key reach an
 * error or a log. axios is heavy to load: the editor requires this module lazily (dist/api.js), the CLI only when it talks to Bluejay.
 */
import * as https from 'node:https';
import axios, { type AxiosInstance, type CreateAxiosDefaults } from 'axios';
import { directConfig } from './direct';
import { isLoopback } from './endpoint';
import { abortError, ApiError, errorFromResponse, mayExist, notJson, redact } from './errors';
import { envProxyFor, OFFLINE_CODES, retryCap, transportProblem } from './network';
import { Pacer, backoffDelay, retryAfterMs, sleep } from './pacing';
import type { ApiRequest } from './request';

export interface ClientOptions {
  /** Origin of the API, e.g. https://api.getbluejay.ai (paths start /v1/). */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Names the product and version, e.g. `bluejay-definitions/0.1.0 (vscode)`. */
  readonly userAgent: string;
  /** Idle timeout: the longest silence on the socket (any byte restarts it). */
  readonly timeoutMs?: number;
  /** Overall deadline of one attempt, from its start to the last byte of the answer, whatever trickles in. */
  readonly attemptDeadlineMs?: number;
  /** Bound on a whole send: every attempt, backoff and Retry-After wait included (counted from the first attempt). */
  readonly sendDeadlineMs?: number;
  /** Attempts after the first for requests that may be retried. */
  readonly retries?: number;
  /** Base of the exponential backoff (a 401 after successes waits 4 bases, doubling, up to 30 s). */
  readonly backoffMs?: number;
  /** Requests in flight at once, and the least time between two starts (Bluejay answers bursts with 401). */
  readonly concurrency?: number;
  readonly minIntervalMs?: number;
  /** Tests only: the certificate authority of a local https server, trusted instead of Node's (never set by the editor or the CLI). */
  readonly testCa?: string | Buffer;
  /** Tests only: the DNS lookup, to play an offline machine without depending on this one's network. */
  readonly testLookup?: CreateAxiosDefaults['lookup'];
}

export interface ApiResponse {
  readonly status: number;
  readonly data: unknown;
}

const BURST_WINDOW_MS = 60_000;
const MAX_RETRY_AFTER_MS = 60_000;
const ATTEMPT_DEADLINE_MS = 60_000;
const SEND_DEADLINE_MS = 90_000;
/** Bluejay's answers are small: a body past this is not one (and must not fill the memory). */
const MAX_ANSWER_BYTES = 20 * 1024 * 1024;
const NOT_SENT = new Set(['ECONNREFUSED', ...OFFLINE_CODES]);
const TRANSIENT = new Set([
  ...NOT_SENT,
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPIPE',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** A failed attempt; `cap` bounds the retries its kind of failure deserves (offline: none). */
type Outcome =
  | { ok: true; response: ApiResponse }
  | { ok: false; error: ApiError; retryAfter: number | undefined; sent: boolean; cap?: number | undefined };

export class BluejayClient {
  private readonly http: AxiosInstance;
  private readonly pacer: Pacer;
  /** A loopback base URL goes direct: no proxy to name. */
  private readonly direct: boolean;
  /** When a request last succeeded: a 401 soon after one is Bluejay's burst limit, not a bad key. */
  private lastSuccess = 0;

  constructor(private readonly options: ClientOptions) {
    const baseURL = options.baseUrl.replace(/\/+$/, '');
    this.direct = loopbackUrl(baseURL);
    this.http = axios.create({
      baseURL,
      timeout: options.timeoutMs ?? 30_000,
      headers: { 'X-API-Key': options.apiKey, 'User-Agent': options.userAgent, Accept: 'application/json' },
      validateStatus: () => true,
      maxRedirects: 0, // a redirect could carry the key to another origin
      maxContentLength: MAX_ANSWER_BYTES,
      transitional: { clarifyTimeoutError: true },
      // Loopback goes direct, never through a proxy (see direct.ts); https elsewhere honours proxies.
      ...(this.direct && directConfig()),
      ...(options.testCa !== undefined && { httpsAgent: new https.Agent({ keepAlive: true, ca: options.testCa }) }),
      ...(options.testLookup && { lookup: options.testLookup }),
    });
    this.pacer = new Pacer(options.concurrency ?? 4, options.minIntervalMs ?? 100);
  }

  /** Sends a request; resolves with a 2xx response or rejects with an ApiError, within the send's deadline. */
  async send(req: ApiRequest, signal?: AbortSignal): Promise<ApiResponse> {
    const retries = this.options.retries ?? 3;
    const base = this.options.backoffMs ?? 500;
    const budget = this.options.sendDeadlineMs ?? SEND_DEADLINE_MS;
    const perAttempt = this.options.attemptDeadlineMs ?? ATTEMPT_DEADLINE_MS;
    // The send's clock starts with its first attempt, not while it waits its turn behind others.
    let started: number | undefined;
    const left = (): number => (started === undefined ? budget : budget - (Date.now() - started));
    let authWaits = 0;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.pacer.run(() => {
        started ??= Date.now();
        return this.once(req, Math.max(1, Math.min(perAttempt, left())), signal);
      }, signal);
      if (outcome.ok) {
        this.lastSuccess = Date.now();
        return outcome.response;
      }
      const { error, retryAfter, sent, cap } = outcome;
      // A create that may have reached Bluejay says so (and is never repeated: see retryable).
      const fail = (e: ApiError): ApiError =>
        req.op === 'create' && sent && mayHaveHappened(e) ? mayExist(req, e) : e;
      let wait: number;
      // Bluejay answers bursts with 401: after successes in this run, back off before calling the key bad.
      if (error.kind === 'unauthorized' && Date.now() - this.lastSuccess < BURST_WINDOW_MS && authWaits < 3)
        wait = Math.min(30_000, base * 4 * 2 ** authWaits++);
      else {
        if (attempt >= Math.min(retries, cap ?? retries) || !this.retryable(req, error, sent)) throw fail(error);
        // A server that asks for more than a minute, or for more than this send has left, is not retried early: report it instead.
        if (retryAfter !== undefined && (retryAfter > MAX_RETRY_AFTER_MS || retryAfter >= left()))
          throw fail(
            new ApiError(
              error.kind,
              `${error.message} Bluejay asks to wait ${Math.round(retryAfter / 1000)} s.`,
              error.status,
              error.problems,
              error.facts,
            ),
          );
        wait = retryAfter ?? backoffDelay(attempt, base);
      }
      if (wait >= left())
        throw fail(
          new ApiError(
            error.kind,
            `${error.message} (gave up after ${seconds(budget)} s of retrying)`,
            error.status,
            error.problems,
            error.facts,
          ),
        );
      await sleep(wait, signal);
    }
  }

  private retryable(req: ApiRequest, error: ApiError, sent: boolean): boolean {
    if (error.kind === 'rate-limited') return true; // refused before any work was done
    if (req.method === 'POST') return !sent; // a create that may have reached the server is never repeated
    return error.kind === 'server' || error.kind === 'network' || error.kind === 'timeout';
  }

  /** One attempt, aborted by the caller's signal or when `deadlineMs` have passed (a timeout, not a cancellation). */
  private async once(req: ApiRequest, deadlineMs: number, signal?: AbortSignal): Promise<Outcome> {
    if (signal?.aborted) return { ok: false, error: abortError(signal), retryAfter: undefined, sent: false };
    const attempt = new AbortController();
    let expired = false;
    const onAbort = (): void => attempt.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      expired = true;
      attempt.abort();
    }, deadlineMs);
    try {
      const res = await this.http.request({
        method: req.method,
        url: req.path,
        ...(req.body && { data: req.body }),
        signal: attempt.signal,
      });
      const data = res.data as unknown;
      const contentType = headerText(res.headers['content-type']);
      if (res.status >= 200 && res.status < 300 && notJson(data, contentType) === undefined)
        return { ok: true, response: { status: res.status, data } };
      const fromProxy = this.fromProxy(res.request);
      const meta = {
        contentType,
        location: headerText(res.headers['location']),
        baseUrl: this.options.baseUrl,
        proxy: this.proxy(),
        fromProxy,
        proxyAuthenticate: res.headers['proxy-authenticate'] !== undefined,
      };
      // A refused tunnel: the request never left for Bluejay (a create may be tried again, and cannot exist); only a 5xx may pass.
      const error = errorFromResponse(req, res.status, data, this.options.apiKey, meta);
      return {
        ok: false,
        error,
        retryAfter: retryAfterMs(res.headers['retry-after'] as unknown),
        sent: !fromProxy,
        cap: fromProxy && res.status < 500 ? 0 : undefined,
      };
    } catch (e) {
      const code = codeOf(e);
      return {
        ok: false,
        error: this.transportError(e, signal, expired ? deadlineMs : undefined),
        retryAfter: undefined,
        sent: !NOT_SENT.has(code),
        cap: retryCap(code),
      };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The proxy HTTPS_PROXY/NO_PROXY choose for the base URL now (as axios reads them, per request), by its origin. */
  private proxy(): string | undefined {
    return this.direct ? undefined : envProxyFor(this.options.baseUrl);
  }

  /**
   * Whether an answer to an https request came on a connection without TLS: then it is not Bluejay's but
   * the proxy's, which refused the tunnel (the proxy agents hand its answer over as the response).
   */
  private fromProxy(request: unknown): boolean {
    if (!this.options.baseUrl.startsWith('https:')) return false;
    const socket = (request as { socket?: { encrypted?: unknown } | null } | undefined)?.socket;
    return socket !== undefined && socket !== null && socket.encrypted !== true;
  }

  /** A failure without a response, in words; never the axios error itself (it carries the request headers). */
  private transportError(e: unknown, signal: AbortSignal | undefined, expiredAfterMs: number | undefined): ApiError {
    const origin = this.options.baseUrl;
    if (signal?.aborted) return abortError(signal);
    if (expiredAfterMs !== undefined)
      return new ApiError('timeout', `Bluejay at ${origin} did not answer within ${seconds(expiredAfterMs)} s.`, null);
    if (axios.isCancel(e)) return new ApiError('cancelled', 'Cancelled.', null);
    const code = codeOf(e);
    const explained = transportProblem({ code, hostname: hostnameOf(e) }, origin, this.proxy());
    if (explained) return new ApiError(explained.kind, redact(explained.message, this.options.apiKey), null);
    if (code === 'ETIMEDOUT' || code === 'ECONNABORTED')
      return new ApiError('timeout', `Bluejay at ${origin} did not answer in time (${code}).`, null);
    if (NOT_SENT.has(code)) return new ApiError('network', `Could not reach Bluejay at ${origin} (${code}).`, null);
    if (TRANSIENT.has(code))
      return new ApiError(
        'network',
        `The connection to Bluejay at ${origin} broke before its answer came (${code}).`,
        null,
      );
    const message = e instanceof Error ? e.message : String(e);
    // The answer started but the connection closed before its end (axios: "stream has been aborted").
    if (code === 'ERR_BAD_RESPONSE' && /aborted/i.test(message))
      return new ApiError('network', `The answer from Bluejay at ${origin} was cut off before its end.`, null);
    // Not a passing network fault (a certificate error, an invalid header): retrying will not help.
    return new ApiError(
      'unexpected',
      redact(`The request to Bluejay at ${origin} failed: ${message}${code ? ` (${code})` : ''}`, this.options.apiKey),
      null,
    );
  }
}

/** The host name a lookup failed for: on the error, or on its cause (Node puts it on lookup failures; axios copies it). */
function hostnameOf(e: unknown): string | undefined {
  for (const x of [e, (e as { cause?: unknown } | null)?.cause]) {
    const v = (x as Record<string, unknown> | null | undefined)?.['hostname'];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** A failed request after which Bluejay may hold what it was sent: no answer, a 5xx, or a 2xx that could not be read. */
function mayHaveHappened(e: ApiError): boolean {
  return e.status === null || e.status >= 500 || (e.status >= 200 && e.status < 300);
}

function loopbackUrl(url: string): boolean {
  try {
    return isLoopback(new URL(url).hostname);
  } catch {
    return false;
  }
}

function headerText(v: unknown): string | undefined {
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}

/** Milliseconds as seconds for a message: 100 -> "0.1", 90000 -> "90". */
function seconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(2)));
}

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}
