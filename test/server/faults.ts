/**
 * Injected faults for /v1 requests, set with POST /__admin/faults (each POST replaces the previous
 * settings): a delay on every response, a body trickled a byte at a time, connection resets,
 * truncated bodies, canned statuses (redirects and HTML pages too), and Bluejay's burst of 401s
 * after a number of successful calls.
 */

export interface FaultSettings {
  /** Milliseconds to wait before every /v1 response (also before a reset). */
  delayMs: number;
  /** Destroy the socket, without a response, for this many of the next /v1 requests. */
  resetNext: number;
  /** Answer this many of the next /v1 requests (after the resets) with `code`. */
  /** `detail`: the body's detail instead of the status text (a string, or 422-style entries). */
  /** `location`: a Location header (redirects); `html`: an HTML page instead of JSON (a proxy, a captive portal). */
  status: {
    code: number;
    count: number;
    retryAfter?: string;
    detail?: unknown;
    location?: string;
    html?: boolean;
  } | null;
  /** After this many more 2xx /v1 responses, answer the following `unauthorizedCount` requests 401. */
  unauthorizedAfter: number | null;
  unauthorizedCount: number;
  /** Every /v1 response: headers at once, then `bytes` spaces one per `everyMs`, then the body (set only when asked). */
  trickle?: { everyMs: number; bytes: number };
  /** Send the headers and half the body of this many of the next /v1 responses, then destroy the socket (set only when asked). */
  truncateNext?: number;
}

export type Fault =
  | { kind: 'reset' }
  | { kind: 'truncate' }
  | { kind: 'status'; code: number; retryAfter?: string; detail?: unknown; location?: string; html?: boolean }
  | { kind: 'unauthorized' };

export const noFaults = (): FaultSettings => ({
  delayMs: 0,
  resetNext: 0,
  status: null,
  unauthorizedAfter: null,
  unauthorizedCount: 0,
});

const count = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`${name} must be an integer >= 0`);
  return v;
};

/** Parses a POST /__admin/faults body (every field optional); throws with a message for a 400. */
export function parseFaults(body: unknown): FaultSettings {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new Error('the body must be a JSON object');
  const b = body as Record<string, unknown>;
  const known = new Set([
    'delayMs',
    'resetNext',
    'status',
    'unauthorizedAfter',
    'unauthorizedCount',
    'trickle',
    'truncateNext',
  ]);
  const unknown = Object.keys(b).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`unknown setting(s): ${unknown.join(', ')}; expected ${[...known].join(', ')}`);
  const s = noFaults();
  if (b['delayMs'] !== undefined) s.delayMs = count(b['delayMs'], 'delayMs');
  if (b['resetNext'] !== undefined) s.resetNext = count(b['resetNext'], 'resetNext');
  const st = b['status'];
  if (st !== undefined && st !== null) {
    if (typeof st !== 'object' || Array.isArray(st))
      throw new Error('status must be an object {code, count, retryAfter?, detail?, location?, html?}');
    const o = st as Record<string, unknown>;
    const code = count(o['code'], 'status.code');
    if (code < 200 || code > 599) throw new Error('status.code must be 200..599');
    const n = o['count'] === undefined ? 1 : count(o['count'], 'status.count');
    const ra = o['retryAfter'];
    if (ra !== undefined && typeof ra !== 'string' && typeof ra !== 'number')
      throw new Error('status.retryAfter must be a string or a number');
    const location = o['location'];
    if (location !== undefined && typeof location !== 'string') throw new Error('status.location must be a string');
    if (o['html'] !== undefined && typeof o['html'] !== 'boolean') throw new Error('status.html must be a boolean');
    s.status = {
      code,
      count: n,
      ...(ra !== undefined && { retryAfter: String(ra) }),
      ...(o['detail'] !== undefined && { detail: o['detail'] }),
      ...(location !== undefined && { location }),
      ...(o['html'] === true && { html: true }),
    };
  }
  const tr = b['trickle'];
  if (tr !== undefined && tr !== null) {
    if (typeof tr !== 'object' || Array.isArray(tr)) throw new Error('trickle must be an object {everyMs, bytes}');
    const o = tr as Record<string, unknown>;
    s.trickle = { everyMs: count(o['everyMs'], 'trickle.everyMs'), bytes: count(o['bytes'], 'trickle.bytes') };
    if (s.trickle.everyMs < 1) throw new Error('trickle.everyMs must be at least 1');
  }
  if (b['truncateNext'] !== undefined) s.truncateNext = count(b['truncateNext'], 'truncateNext');
  if (b['unauthorizedAfter'] !== undefined && b['unauthorizedAfter'] !== null)
    s.unauthorizedAfter = count(b['unauthorizedAfter'], 'unauthorizedAfter');
  if (b['unauthorizedCount'] !== undefined) s.unauthorizedCount = count(b['unauthorizedCount'], 'unauthorizedCount');
  if (s.unauthorizedAfter !== null && b['unauthorizedCount'] === undefined) s.unauthorizedCount = 1;
  if (s.unauthorizedAfter === null && s.unauthorizedCount > 0) s.unauthorizedAfter = 0;
  return s;
}

/** The live fault state: counters go down as requests use them. */
export class Faults {
  settings = noFaults();

  set(settings: FaultSettings): void {
    this.settings = settings;
  }

  get delayMs(): number {
    return this.settings.delayMs;
  }

  get trickle(): { everyMs: number; bytes: number } | undefined {
    return this.settings.trickle;
  }

  /** The fault for the next /v1 request, if any, using it up. Resets first, then truncations, statuses, the 401 burst. */
  take(): Fault | undefined {
    const s = this.settings;
    if (s.resetNext > 0) {
      s.resetNext--;
      return { kind: 'reset' };
    }
    if (s.truncateNext !== undefined && s.truncateNext > 0) {
      s.truncateNext--;
      return { kind: 'truncate' };
    }
    if (s.status && s.status.count > 0) {
      s.status.count--;
      const { code, retryAfter, detail, location, html } = s.status;
      return {
        kind: 'status',
        code,
        ...(retryAfter !== undefined && { retryAfter }),
        ...(detail !== undefined && { detail }),
        ...(location !== undefined && { location }),
        ...(html && { html }),
      };
    }
    if (s.unauthorizedAfter === 0 && s.unauthorizedCount > 0) {
      s.unauthorizedCount--;
      return { kind: 'unauthorized' };
    }
    return undefined;
  }

  /** A /v1 request was answered 2xx: one step closer to the 401 burst. */
  succeeded(): void {
    const s = this.settings;
    if (s.unauthorizedAfter !== null && s.unauthorizedAfter > 0) s.unauthorizedAfter--;
  }
}
