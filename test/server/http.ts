/** HTTP plumbing shared by the API and admin handlers: bodies in, JSON out, FastAPI-style 422s. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from './store';
import type { ValidationIssue, Validator } from './validate';

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
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

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => (headers ? { status, body, headers } : { status, body });
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

export function send(res: ServerResponse, reply: Reply): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...reply.headers });
  res.end(text);
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
    issues.push({ type: 'int_parsing', loc, msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw });
    return raw;
  }
  if (type === 'uuid') {
    if (UUID.test(raw)) {
      const hex = raw.replace(/[^0-9a-f]/gi, '').slice(-32).toLowerCase();
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    issues.push({ type: 'uuid_parsing', loc, msg: `Input should be a valid UUID, unable to parse string as a UUID`, input: raw, ctx: { error: 'invalid UUID' } });
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
    issues.push({ type: 'json_invalid', loc: ['body'], msg: 'JSON decode error', input: {}, ctx: { error: raw.error } });
    return {};
  }
  const out = v(raw.value, ['body'], issues);
  return out !== null && typeof out === 'object' && !Array.isArray(out) ? (out as Record<string, unknown>) : {};
}
