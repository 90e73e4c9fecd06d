/**
 * Injected faults for /v1 requests, set with POST /__admin/faults (each POST replaces the previous
 * settings): a delay on every response, connection resets, canned error statuses, and Bluejay's
 * burst of 401s after a number of successful calls.
 */

export interface FaultSettings {
  /** Milliseconds to wait before every /v1 response (also before a reset). */
  delayMs: number;
  /** Destroy the socket, without a response, for this many of the next /v1 requests. */
  resetNext: number;
  /** Answer this many of the next /v1 requests (after the resets) with `code`. */
  /** `detail`: the body's detail instead of the status text (a string, or 422-style entries). */
  status: { code: number; count: number; retryAfter?: string; detail?: unknown } | null;
  /** After this many more 2xx /v1 responses, answer the following `unauthorizedCount` requests 401. */
  unauthorizedAfter: number | null;
  unauthorizedCount: number;
}

export type Fault = { kind: 'reset' } | { kind: 'status'; code: number; retryAfter?: string; detail?: unknown } | { kind: 'unauthorized' };

export const noFaults = (): FaultSettings => ({ delayMs: 0, resetNext: 0, status: null, unauthorizedAfter: null, unauthorizedCount: 0 });

const count = (v: unknown, name: string): number => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`${name} must be an integer >= 0`);
  return v;
};

/** Parses a POST /__admin/faults body (every field optional); throws with a message for a 400. */
export function parseFaults(body: unknown): FaultSettings {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('the body must be a JSON object');
  const b = body as Record<string, unknown>;
  const known = new Set(['delayMs', 'resetNext', 'status', 'unauthorizedAfter', 'unauthorizedCount']);
  const unknown = Object.keys(b).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`unknown setting(s): ${unknown.join(', ')}; expected ${[...known].join(', ')}`);
  const s = noFaults();
  if (b['delayMs'] !== undefined) s.delayMs = count(b['delayMs'], 'delayMs');
  if (b['resetNext'] !== undefined) s.resetNext = count(b['resetNext'], 'resetNext');
  const st = b['status'];
  if (st !== undefined && st !== null) {
    if (typeof st !== 'object' || Array.isArray(st)) throw new Error('status must be an object {code, count, retryAfter?, detail?}');
    const o = st as Record<string, unknown>;
    const code = count(o['code'], 'status.code');
    if (code < 400 || code > 599) throw new Error('status.code must be 400..599');
    const n = o['count'] === undefined ? 1 : count(o['count'], 'status.count');
    const ra = o['retryAfter'];
    if (ra !== undefined && typeof ra !== 'string' && typeof ra !== 'number') throw new Error('status.retryAfter must be a string or a number');
    s.status = { code, count: n, ...(ra !== undefined && { retryAfter: String(ra) }), ...(o['detail'] !== undefined && { detail: o['detail'] }) };
  }
  if (b['unauthorizedAfter'] !== undefined && b['unauthorizedAfter'] !== null) s.unauthorizedAfter = count(b['unauthorizedAfter'], 'unauthorizedAfter');
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

  /** The fault for the next /v1 request, if any, using it up. Resets first, then statuses, then the 401 burst. */
  take(): Fault | undefined {
    const s = this.settings;
    if (s.resetNext > 0) {
      s.resetNext--;
      return { kind: 'reset' };
    }
    if (s.status && s.status.count > 0) {
      s.status.count--;
      const { code, retryAfter, detail } = s.status;
      return { kind: 'status', code, ...(retryAfter !== undefined && { retryAfter }), ...(detail !== undefined && { detail }) };
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
