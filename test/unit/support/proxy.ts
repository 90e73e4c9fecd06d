/** Test support: a tiny HTTP proxy on 127.0.0.1 that records what reaches it and forwards nothing. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  /** GET, PUT, ... for a proxied request (its URL absolute), CONNECT for a tunnel (the URL host:port). */
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

export interface RecordingProxy {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly seen: Seen[];
  close(): Promise<void>;
}

/** Answers every request 502 and refuses every tunnel: whatever reaches it went through the proxy, and no further. */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    req.resume();
    res.writeHead(502, { 'content-type': 'text/plain' }).end('recording proxy: not forwarded');
  });
  server.on('connect', (req: IncomingMessage, socket) => {
    seen.push({ method: req.method ?? 'CONNECT', url: req.url ?? '', headers: req.headers });
    socket.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const PROXY_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'] as const;

/** Runs `body` with HTTP(S)_PROXY and http(s)_proxy set to `proxy` (NO_PROXY unset), then restores the environment. */
export async function withProxyEnv<T>(proxy: string, body: () => Promise<T>): Promise<T> {
  const saved = PROXY_VARS.map((k) => [k, process.env[k]] as const);
  for (const k of PROXY_VARS) delete process.env[k];
  for (const k of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy']) process.env[k] = proxy;
  try {
    return await body();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
