/**
 * Test support: a tiny HTTP proxy on 127.0.0.1 that records what reaches it. By default it forwards
 * nothing (502 to requests and tunnels); it can instead answer tunnels with a status of its own (403,
 * 407 with Proxy-Authenticate, ...) or open them to a local port, recording the bytes it carried.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

export interface Seen {
  /** GET, PUT, ... for a proxied request (its URL absolute), CONNECT for a tunnel (the URL host:port). */
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

/** How the proxy answers a CONNECT: a refusal (status, headers, body), or a tunnel to 127.0.0.1:port whatever host was asked for. */
export type ConnectAnswer =
  | { readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string }
  | { readonly tunnelTo: number };

export interface RecordingProxy {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly seen: Seen[];
  /** Every byte clients sent through its tunnels (for a TLS tunnel, ciphertext only). */
  tunnelled(): Buffer;
  close(): Promise<void>;
}

const REFUSE: ConnectAnswer = { status: 502 };

/** Answers every request 502 and every tunnel as `answer` says (502 unless told): whatever reaches it went through the proxy. */
export async function startRecordingProxy(answer: ConnectAnswer = REFUSE): Promise<RecordingProxy> {
  const seen: Seen[] = [];
  const carried: Buffer[] = [];
  // Tunnels leave the HTTP server's books (closeAllConnections does not see them): close ends them itself.
  const tunnels = new Set<{ destroy(): unknown }>();
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    res.writeHead(502, { 'content-type': 'text/plain' }).end('recording proxy: not forwarded');
  });
  server.on('connect', (req: IncomingMessage, socket, head: Buffer) => {
    seen.push({ method: req.method ?? 'CONNECT', url: req.url ?? '', headers: req.headers });
    socket.on('error', () => socket.destroy());
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    if ('tunnelTo' in answer) {
      const upstream = connect(answer.tunnelTo, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length) upstream.write(head);
        socket.on('data', (b: Buffer) => carried.push(b));
        socket.pipe(upstream).pipe(socket);
      });
      tunnels.add(upstream);
      upstream.on('close', () => tunnels.delete(upstream));
      upstream.on('error', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
      return;
    }
    const body = answer.body ?? '';
    const headers = Object.entries({ ...answer.headers, 'content-length': String(Buffer.byteLength(body)) }).map(
      ([k, v]) => `${k}: ${v}\r\n`,
    );
    socket.end(`HTTP/1.1 ${answer.status} Proxy Says No\r\n${headers.join('')}\r\n${body}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    tunnelled: () => Buffer.concat(carried),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const t of tunnels) t.destroy();
      }),
  };
}

const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'] as const;

/** Runs `body` with HTTP(S)_PROXY and http(s)_proxy set to `proxy` (NO_PROXY unset, or `noProxy`), then restores the environment. */
export async function withProxyEnv<T>(proxy: string, body: () => Promise<T>, noProxy?: string): Promise<T> {
  const saved = PROXY_VARS.map((k) => [k, process.env[k]] as const);
  for (const k of PROXY_VARS) delete process.env[k];
  if (proxy) for (const k of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy']) process.env[k] = proxy;
  if (noProxy !== undefined) process.env['NO_PROXY'] = process.env['no_proxy'] = noProxy;
  try {
    return await body();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Runs `body` with no proxy variable set (whatever this machine's environment says), then restores the environment. */
export function withoutProxyEnv<T>(body: () => Promise<T>): Promise<T> {
  return withProxyEnv('', body);
}
