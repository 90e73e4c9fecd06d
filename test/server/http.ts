/** HTTP plumbing shared by the API and admin handlers: bodies in, JSON out, FastAPI-style 422s, faults' answers. */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Fault } from './faults';
import type { Store } from './store';
import type { ValidationIssue, Validator } from './validate';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** An HTML page sent instead of `body` as JSON (what a proxy or captive portal answers). */
  html?: string;
}

/** The request body: absent, not JSON, or parsed. */
export type RawBody = { kind: 'none' } | { kind: 'invalid'; error: string } | { kind: 'json'; value: unknown };

/** What a handler works with: the caller's organization and its validated inputs. */
export interface Call {
  store: Store;
  org: string;
  /** ws:// origin of this server, for websocket_url. */
  wsOrigin: string;
  params: Record<string, string | number>;
  query: Record<string, number>;
  body: Record<string, unknown>;
}

export type ParamType = 'int' | 'uuid' | 'str';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with `{name}` segments. */
  path: string;
  params?: Record<string, ParamType>;
  /** Query parameters (integers), with their defaults. */
  query?: Record<string, { v: Validator; default: number }>;
  body?: Validator;
  handle(call: Call): Reply;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply =>
  headers ? { status, body, headers } : { status, body };
export const detail = (status: number, text: string): Reply => json(status, { detail: text });
export const unprocessable = (issues: ValidationIssue[]): Reply => json(422, { detail: issues });

const MAX_BODY = 5 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<RawBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY) return { kind: 'invalid', error: 'Request body too large' };
    chunks.push(b);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch (e) {
    return { kind: 'invalid', error: e instanceof Error ? e.message : String(e) };
  }
}

/** How a reply goes out: whole (the default), trickled a space at a time before the body, or cut off halfway. */
export interface Shape {
  trickle?: { everyMs: number; bytes: number } | undefined;
  truncate?: boolean;
}

export function send(
  res: ServerResponse,
  reply: Reply,
  shape: Shape = {},
  later: (ms: number, fn: () => void) => void = (ms, fn) => setTimeout(fn, ms),
): void {
  const text = reply.html ?? JSON.stringify(reply.body);
  const type = reply.html === undefined ? 'application/json' : 'text/html; charset=utf-8';
  const trickle = shape.trickle;
  if (trickle) {
    // No content-length: the body is chunked, and each space keeps an idle timeout from firing.
    res.writeHead(reply.status, { 'content-type': type, ...reply.headers });
    let left = trickle.bytes;
    const step = (): void => {
      if (res.destroyed) return;
      if (left-- <= 0) return void res.end(text);
      res.write(' ');
      later(trickle.everyMs, step);
    };
    return step();
  }
  const bytes = Buffer.from(text);
  res.writeHead(reply.status, { 'content-type': type, 'content-length': bytes.length, ...reply.headers });
  if (shape.truncate) return void res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
  res.end(bytes);
}

/** The canned answer of a status or 401 fault; undefined for faults that answer no status of their own. */
export function faultReply(fault: Fault | undefined): Reply | undefined {
  if (fault?.kind === 'unauthorized') return detail(401, 'Invalid API key');
  if (fault?.kind !== 'status') return undefined;
  const text = STATUS_CODES[fault.code] ?? 'Error';
  const reply = fault.detail === undefined ? detail(fault.code, text) : json(fault.code, { detail: fault.detail });
  if (fault.html)
    reply.html = `<!DOCTYPE html>\n<html><head><title>${fault.code} ${text}</title></head>\n<body><h1>${text}</h1><p>nginx</p></body></html>\n`;
  const headers = {
    ...(fault.retryAfter !== undefined && { 'retry-after': fault.retryAfter }),
    ...(fault.location !== undefined && { location: fault.location }),
  };
  if (Object.keys(headers).length) reply.headers = headers;
  return reply;
}

/** Matches `pathname` against a route's path; the raw `{name}` segments, or undefined. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = pathname.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith('{') && w.endsWith('}')) {
      if (g === '') return undefined;
      params[w.slice(1, -1)] = safeDecode(g);
    } else if (w !== g) return undefined;
  }
  return params;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const UUID = /^(urn:uuid:)?\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?$/i;

/** A path parameter as FastAPI converts it, or an issue at ["path", name]. */
export function pathParam(name: string, type: ParamType, raw: string, issues: ValidationIssue[]): string | number {
  const loc = ['path', name];
  if (type === 'int') {
    if (/^\s*[+-]?\d+\s*$/.test(raw)) return Number(raw);
    issues.push({
      type: 'int_parsing',
      loc,
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      input: raw,
    });
    return raw;
  }
  if (type === 'uuid') {
    if (UUID.test(raw)) {
      const hex = raw
        .replace(/[^0-9a-f]/gi, '')
        .slice(-32)
        .toLowerCase();
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    issues.push({
      type: 'uuid_parsing',
      loc,
      msg: `Input should be a valid UUID, unable to parse string as a UUID`,
      input: raw,
      ctx: { error: 'invalid UUID' },
    });
    return raw;
  }
  return raw;
}

/** The body as a route's model sees it: a missing body or bad JSON are issues at ["body"]. */
export function bodyOf(raw: RawBody, v: Validator, issues: ValidationIssue[]): Record<string, unknown> {
  if (raw.kind === 'none') {
    issues.push({ type: 'missing', loc: ['body'], msg: 'Field required', input: null });
    return {};
  }
  if (raw.kind === 'invalid') {
    issues.push({
      type: 'json_invalid',
      loc: ['body'],
      msg: 'JSON decode error',
      input: {},
      ctx: { error: raw.error },
    });
    return {};
  }
  const out = v(raw.value, ['body'], issues);
  return out !== null && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : {};
}
