/**
 * What went wrong with a request, as a person can act on it: Bluejay's 422 `detail[].loc` turned
 * into JSON pointers of the file, 400s mapped to the field they name, 404 to the id, 401/403 to the
 * key, redirects to where they pointed, pages that are not Bluejay's JSON summarised (never pasted),
 * and creates that may have happened said so. No message ever carries the API key.
 */
import { keyRedactor, REDACTED } from '../redact';
import { foreign403, proxyAnswer } from './network';
import type { ApiRequest } from './request';
import { describe, fieldsNamed, validationProblem, validationSaid } from './serverWords';

export type ApiErrorKind =
  | 'validation'
  | 'rejected'
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'cancelled'
  | 'unexpected';

/** A problem the server reported, at a JSON pointer of the definition ('' for the file as a whole). */
export interface ServerProblem {
  readonly pointer: string;
  readonly message: string;
}

/** What an error says besides its English message, as data (the editor words it in the display language). */
export interface ApiErrorFacts {
  /** Bluejay's own words (its answer's detail, redacted and cut): data, shown as it is. */
  readonly said?: string;
  /** A create that failed after it may have reached Bluejay (mayExist). */
  readonly mayExist?: boolean;
}

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null,
    readonly problems: readonly ServerProblem[] = [{ pointer: '', message }],
    readonly facts: ApiErrorFacts = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Why an aborted signal stopped a request: its reason when that is an ApiError (a command's time limit), else a cancellation. */
export function abortError(signal: AbortSignal | undefined): ApiError {
  const reason: unknown = signal?.reason;
  return reason instanceof ApiError ? reason : new ApiError('cancelled', 'Cancelled.', null);
}

/**
 * Error text meant for people without the key (4 characters or more, in every form `keyRedactor`
 * knows), the value of any `X-API-Key` header, or the credentials of any URL (a proxy's `user:password@`).
 */
export function redact(text: string, key: string | undefined): string {
  const out = text
    .replace(/(x-api-key["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, `$1${REDACTED}`)
    .replace(/\b([a-z][a-z\d+.-]*:\/\/)[^\s/?#@]+@/gi, `$1${REDACTED}@`);
  return keyRedactor(key, 4)?.(out) ?? out;
}

const WHAT: Readonly<Record<string, string>> = {
  'customer-persona': 'customer persona',
  'digital-human': 'digital human',
};

/** What came with an answer besides its body: its Content-Type, its Location, the base URL the request went to, and what says a proxy answered. */
export interface AnswerMeta {
  readonly contentType?: string | undefined;
  readonly location?: string | undefined;
  readonly baseUrl?: string | undefined;
  /** The origin of the proxy the request went through, when known (HTTPS_PROXY; VS Code's http.proxy is not seen). */
  readonly proxy?: string | undefined;
  /** The answer came on the proxy's own connection, not through a TLS tunnel to Bluejay: the proxy refused the tunnel. */
  readonly fromProxy?: boolean | undefined;
  /** The answer carried Proxy-Authenticate. */
  readonly proxyAuthenticate?: boolean | undefined;
}

/**
 * The error for an answer that is not a usable 2xx: any status, or a 2xx whose body is not Bluejay's JSON.
 * `data` is the parsed JSON body, or the raw text when it was not JSON.
 */
export function errorFromResponse(
  req: ApiRequest,
  status: number,
  data: unknown,
  key: string | undefined,
  meta: AnswerMeta = {},
): ApiError {
  const what = WHAT[req.kind] ?? req.kind;
  const text = (s: string): string => redact(s, key);
  const foreign = notJson(data, meta.contentType);
  // Bluejay never asks for proxy credentials, and an answer on the proxy's own connection is the proxy's.
  if (meta.fromProxy || meta.proxyAuthenticate || status === 407) {
    const p = proxyAnswer(status, meta.proxy, meta.baseUrl);
    return new ApiError(
      p.kind,
      text(foreign === undefined ? p.message : `${p.message} Its answer was ${foreign}`),
      status,
    );
  }
  // Bluejay's 403 is JSON; an empty or non-JSON one came from something on the way (a proxy, a firewall).
  if (status === 403 && (typeof data === 'string' || data === null || data === undefined))
    return new ApiError('unexpected', text(foreign403(meta.proxy).message), status);
  if (status >= 300 && status < 400) return new ApiError('unexpected', text(redirected(status, meta)), status);
  if (foreign !== undefined) {
    const message = text(
      `${status >= 200 && status < 300 ? `The answer (${status}) was` : `The request to Bluejay failed (${status}) with`} ${foreign}`,
    );
    return new ApiError(status >= 500 ? 'server' : status === 429 ? 'rate-limited' : 'unexpected', message, status);
  }
  const detail =
    (data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)['detail']
      : undefined) ?? data;
  if (status === 422) {
    const problems = Array.isArray(detail)
      ? detail.map((d) => validationProblem(req, d, text))
      : [{ pointer: '', message: text(`Bluejay rejected the ${what} (422): ${describe(detail, text)}`) }];
    const said = Array.isArray(detail)
      ? describe(detail.map((d) => validationSaid(d, text)).join('; '), text)
      : describe(detail, text);
    return new ApiError('validation', problems.map((p) => p.message).join('; '), status, problems, { said });
  }
  if (status === 400) {
    const message = text(`Bluejay rejected the ${what} (400): ${describe(detail, text)}`);
    return new ApiError(
      'rejected',
      message,
      status,
      fieldsNamed(req, describe(detail, text)).map((pointer) => ({ pointer, message })),
      { said: describe(detail, text) },
    );
  }
  if (status === 404 && req.op === 'create') {
    // There is no id yet: the endpoint itself is missing, which points at the base URL.
    const message = text(
      `Bluejay has no ${req.method} ${req.path} (404): check the base URL${meta.baseUrl ? ` (${meta.baseUrl})` : ''}; it should be Bluejay's API, such as https://api.getbluejay.ai.`,
    );
    return new ApiError('not-found', message, status, [{ pointer: '', message }]);
  }
  if (status === 404) {
    const message = `Bluejay has no ${what} with this id in your organization (404): check the id, or remove it to create the ${what} anew.`;
    return new ApiError('not-found', message, status, [{ pointer: '/id', message }]);
  }
  if (status === 401)
    return new ApiError(
      'unauthorized',
      'Bluejay rejected the API key (401): set or check it with "Bluejay: Set API Key" (the CLI reads BLUEJAY_API_KEY).',
      status,
    );
  if (status === 403)
    return new ApiError(
      'forbidden',
      'The API key is valid but has no organization (403): use a key of the organization that owns these definitions.',
      status,
    );
  if (status === 429)
    return new ApiError('rate-limited', 'Bluejay is rate limiting requests (429); try again in a moment.', status);
  // A create is not "tried again later" blindly: the client adds that it may exist (mayExist).
  if (status >= 500)
    return new ApiError(
      'server',
      text(
        `Bluejay answered ${status} (a server error)${req.op === 'create' ? '' : '; try again later'}. ${describe(detail, text)}`.trim(),
      ),
      status,
      undefined,
      detail === undefined || detail === null || detail === '' ? {} : { said: describe(detail, text) },
    );
  return new ApiError('unexpected', text(`Bluejay answered ${status}: ${describe(detail, text)}`), status, undefined, {
    said: describe(detail, text),
  });
}

/** A redirect in words: where it pointed (the origin only, never the path or query), and that it was not followed. */
function redirected(status: number, meta: AnswerMeta): string {
  let target: string | undefined;
  try {
    target = meta.location ? new URL(meta.location, meta.baseUrl).origin : undefined;
  } catch {
    target = undefined;
  }
  const where =
    target && target !== 'null'
      ? ` to ${target}`
      : meta.location
        ? ' to an unreadable address'
        : ' without saying where';
  return `Bluejay redirected the request (${status})${where}; it was not followed, so that the API key goes nowhere else. Check the base URL${meta.baseUrl ? ` (${meta.baseUrl})` : ''}: it should be Bluejay's API itself, such as https://api.getbluejay.ai.`;
}

/** What a body that is not Bluejay's JSON was, in a few words (it is never pasted); undefined for JSON. */
export function notJson(data: unknown, contentType: string | undefined): string | undefined {
  // A body that parsed is JSON, whatever its Content-Type said.
  if (typeof data !== 'string') return undefined;
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (data.trim() === '' && (type === '' || type.includes('json'))) return undefined;
  if (type.includes('json')) return 'a body that is not valid JSON (cut short?).';
  if (type.includes('html') || data.trimStart().startsWith('<'))
    return "an HTML page, not Bluejay's JSON: a proxy, a captive portal or a wrong base URL?";
  return `a ${type ? safeType(type) : 'non-JSON'} body, not Bluejay's JSON: a proxy or a wrong base URL?`;
}

function safeType(type: string): string {
  return type.replace(/[^\w.+/-]/g, '').slice(0, 60) || 'non-JSON';
}

/**
 * A create that failed after it may have reached Bluejay (a 5xx, a reset, a cut-off answer, a deadline):
 * Bluejay may hold it already, so say how to check instead of inviting a second create.
 */
export function mayExist(req: ApiRequest, error: ApiError): ApiError {
  const what = WHAT[req.kind] ?? req.kind;
  const message = `${error.message} The ${what} may have been created on Bluejay all the same: before pushing again, look for it in the Bluejay Remote view (or Bluejay's app); if it is there, add its id to this file (bluejay pull ${req.kind} <id> --out <file> brings the file in step), or the next push creates a second one.`;
  return new ApiError(error.kind, message, error.status, undefined, { ...error.facts, mayExist: true });
}
