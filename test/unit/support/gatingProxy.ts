/**
 * A loopback proxy in front of the local server, for tests that need a say in the traffic: hold a
 * request until the test lets it go (an event, never a delay), or change what Bluejay answers.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  readonly method: string;
  readonly path: string;
}

export interface ProxyHooks {
  /** Awaited before the request is forwarded (hold it by returning a promise). */
  hold?: (req: Seen) => Promise<void> | void;
  /** The JSON body to answer with instead of the server's (called for 2xx JSON answers). */
  answer?: (req: Seen, body: unknown) => unknown;
}

export interface Proxy {
  readonly url: string;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startProxy(target: string, hooks: ProxyHooks): Promise<Proxy> {
  const server = createServer((req, res) => {
    void (async () => {
      const seen: Seen = { method: req.method ?? 'GET', path: req.url ?? '/' };
      const body = await bodyOf(req);
      await hooks.hold?.(seen);
      const headers: Record<string, string> = {};
      for (const h of ['x-api-key', 'content-type', 'accept']) {
        const v = req.headers[h];
        if (typeof v === 'string') headers[h] = v;
      }
      const r = await fetch(`${target}${seen.path}`, { method: seen.method, headers, ...(body.length && { body }) });
      let text = await r.text();
      if (hooks.answer && r.ok && (r.headers.get('content-type') ?? '').includes('json'))
        text = JSON.stringify(hooks.answer(seen, JSON.parse(text)));
      res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
      res.end(text);
    })().catch((e: unknown) => {
      res.writeHead(502);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A gate for requests: each held until `open()` is called or `count` requests are waiting; then
 * they, and all later ones, pass.
 */
export function gate(count: number): {
  hold: (req: Seen) => Promise<void>;
  open: () => void;
  readonly waiting: number;
} {
  let release: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (release = resolve));
  let isOpen = false;
  let waiting = 0;
  const open = (): void => {
    isOpen = true;
    release();
  };
  return {
    hold: (): Promise<void> => {
      if (isOpen) return Promise.resolve();
      waiting++;
      if (waiting >= count) open();
      return opened;
    },
    open,
    get waiting() {
      return waiting;
    },
  };
}
