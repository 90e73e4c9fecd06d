/**
 * A local, real-HTTP, Bluejay-compatible API for tests and the demo: the /v1 persona and
 * digital-human endpoints with Bluejay's validation (422), business rules (400), 404s and key
 * handling (401/403, data per organization), plus a /__admin control API (faults, request log,
 * reset, store) that needs no key. Listens on 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { digitalHumanRoutes } from './digitalHumans';
import { Faults, parseFaults } from './faults';
import {
  bodyOf,
  detail,
  faultReply,
  json,
  matchPath,
  pathParam,
  readBody,
  send,
  unprocessable,
  type Call,
  type RawBody,
  type Reply,
  type Route,
} from './http';
import { personaRoutes } from './personas';
import { seed } from './seed';
import { resetSimulations } from './simState';
import { simulationAdmin, simulationRoutes, startMedia } from './simulations';
import { Store } from './store';
import type { ValidationIssue } from './validate';

export interface BluejayServerOptions {
  /** 0 (the default) = any free port. */
  port?: number;
  /** API key -> organization (null: a key without organization, answered 403). Replaces DEFAULT_KEYS. */
  keys?: Record<string, { org: string | null }>;
  /** Load the sample data (default true). */
  seed?: boolean;
  /** Simulation runs: ms per status step (0, the default: one step per read of the run) and the clock. */
  runStepMs?: number;
  now?: () => number;
}

export interface BluejayServer {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** One /v1 request, as GET /__admin/requests shows it (never the key itself). */
export interface LoggedRequest {
  method: string;
  /** Path and query string, as sent. */
  path: string;
  /** null while pending, or when the connection was reset. */
  status: number | null;
  apiKey: boolean;
  body: unknown;
  at: number;
}

export const DEFAULT_KEYS: Readonly<Record<string, { org: string | null }>> = {
  'test-key': { org: 'org-1' },
  'other-org-key': { org: 'org-2' },
  'no-org-key': { org: null },
};
export const DEFAULT_ORG = 'org-1';
/** A demo run takes about ten seconds: three steps to its end. */
export const DEMO_RUN_STEP_MS = 3_300;

const ROUTES: Route[] = [...personaRoutes, ...digitalHumanRoutes, ...simulationRoutes];

export async function startBluejayServer(options: BluejayServerOptions = {}): Promise<BluejayServer> {
  const keys = new Map(Object.entries(options.keys ?? DEFAULT_KEYS));
  const orgs = [...keys.values()].map((k) => k.org).filter((o): o is string => o !== null);
  const seedOrg = orgs.includes(DEFAULT_ORG) ? DEFAULT_ORG : (orgs[0] ?? DEFAULT_ORG);
  const store = new Store();
  const faults = new Faults();
  let log: LoggedRequest[] = [];
  let wsOrigin = 'ws://127.0.0.1';
  const timers = new Set<NodeJS.Timeout>();
  const media = await startMedia(store);

  const resetAll = (): void => {
    store.clear();
    resetSimulations(store, {
      stepMs: options.runStepMs ?? 0,
      ...(options.now && { now: options.now }),
      mediaOrigin: media.origin,
    });
    if (options.seed !== false) seed(store, seedOrg, wsOrigin);
    faults.set(parseFaults({}));
    log = [];
  };

  const later = (ms: number, fn: () => void): void => {
    if (ms <= 0) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  function admin(req: IncomingMessage, pathname: string, raw: RawBody): Reply {
    const route = `${req.method ?? ''} ${pathname}`;
    switch (route) {
      case 'POST /__admin/faults':
        try {
          faults.set(parseFaults(raw.kind === 'json' ? raw.value : raw.kind === 'none' ? {} : null));
        } catch (e) {
          return detail(400, e instanceof Error ? e.message : String(e));
        }
        return json(200, faults.settings);
      case 'GET /__admin/faults':
        return json(200, faults.settings);
      case 'GET /__admin/requests':
        return json(200, log);
      case 'DELETE /__admin/requests':
        log = [];
        return json(200, { ok: true });
      case 'POST /__admin/reset':
        resetAll();
        return json(200, { ok: true });
      case 'GET /__admin/store':
        return json(200, store.snapshot());
      default:
        return simulationAdmin(store, req.method ?? '', pathname, raw) ?? detail(404, 'Not Found');
    }
  }

  /** A /v1 request without faults: routing (404/405), key (401/403), 422, then the handler. */
  function api(req: IncomingMessage, url: URL, raw: RawBody): Reply {
    const matches = ROUTES.map((r) => ({ r, params: matchPath(r.path, url.pathname) })).filter(
      (m) => m.params !== undefined,
    );
    if (matches.length === 0) return detail(404, 'Not Found');
    const hit = matches.find((m) => m.r.method === req.method);
    if (!hit?.params)
      return json(405, { detail: 'Method Not Allowed' }, { allow: matches.map((m) => m.r.method).join(', ') });
    const header = req.headers['x-api-key'];
    const key = keys.get(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
    if (!key) return detail(401, 'Invalid API key');
    if (key.org === null) return detail(403, 'API key is not associated with an organization');
    const { r, params } = hit;
    const issues: ValidationIssue[] = [];
    const call: Call = { store, org: key.org, wsOrigin, params: {}, query: {}, body: {} };
    for (const [name, type] of Object.entries(r.params ?? {}))
      call.params[name] = pathParam(name, type, params[name] ?? '', issues);
    for (const [name, spec] of Object.entries(r.query ?? {})) {
      const v = url.searchParams.get(name);
      call.query[name] = v === null ? spec.default : (spec.v(v, ['query', name], issues) as number);
    }
    if (r.body) call.body = bodyOf(raw, r.body, issues);
    return issues.length ? unprocessable(issues) : r.handle(call);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (!url.pathname.startsWith('/v1/'))
      return send(res, url.pathname.startsWith('/__admin/') ? admin(req, url.pathname, raw) : detail(404, 'Not Found'));
    const entry: LoggedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      status: null,
      apiKey: req.headers['x-api-key'] !== undefined,
      body: raw.kind === 'json' ? raw.value : null,
      at: Date.now(),
    };
    log.push(entry);
    const fault = faults.take();
    // A truncated answer is the API's own (a create happened), cut off halfway.
    const reply: Reply | undefined =
      faultReply(fault) ?? (fault === undefined || fault.kind === 'truncate' ? api(req, url, raw) : undefined);
    if (reply && reply.status >= 200 && reply.status < 300) faults.succeeded();
    later(faults.delayMs, () => {
      if (!reply) {
        req.socket.destroy();
        return;
      }
      entry.status = reply.status;
      send(res, reply, { trickle: faults.trickle, truncate: fault?.kind === 'truncate' }, later);
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        send(res, detail(500, `Internal Server Error: ${e instanceof Error ? e.message : String(e)}`));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  wsOrigin = `ws://127.0.0.1:${port}`;
  resetAll();
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => void media.close().then(resolve));
        server.closeAllConnections();
      })),
  };
}
