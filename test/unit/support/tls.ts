/**
 * Test support: TLS in front of a local port, with the test certificate of `bluejay.test` (signed by a
 * test CA, test/fixtures/tls): reached through a tunnelling proxy, it stands in for Bluejay's https
 * endpoint, or for a TLS-inspecting proxy when its CA is not trusted.
 */
import { readFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer, type TLSSocket } from 'node:tls';
import { ROOT } from './cli';

const DIR = join(ROOT, 'test', 'fixtures', 'tls');
/** The test CA's certificate (PEM): trust it to trust the front's certificate. */
export const TEST_CA_FILE = join(DIR, 'ca.crt');
export const TEST_CA = readFileSync(TEST_CA_FILE, 'utf8');
/** The host name the front's certificate is for. */
export const TLS_HOST = 'bluejay.test';

export interface TlsFront {
  readonly port: number;
  close(): Promise<void>;
}

/** Terminates TLS on 127.0.0.1 and passes the clear bytes on to 127.0.0.1:`targetPort` (the local Bluejay server). */
export async function startTlsFront(targetPort: number): Promise<TlsFront> {
  const open = new Set<{ destroy(): unknown }>();
  const track = <S extends { destroy(): unknown; on(e: 'close', f: () => void): unknown }>(s: S): S => {
    open.add(s);
    s.on('close', () => open.delete(s));
    return s;
  };
  const server = createServer(
    { key: readFileSync(join(DIR, 'server.key')), cert: readFileSync(join(DIR, 'server.crt'), 'utf8') + TEST_CA },
    (clear: TLSSocket) => {
      track(clear);
      const upstream = track(connect(targetPort, '127.0.0.1'));
      clear.pipe(upstream).pipe(clear);
      clear.on('error', () => upstream.destroy());
      upstream.on('error', () => clear.destroy());
    },
  );
  server.on('tlsClientError', () => undefined); // a client that refuses the certificate: the test looks at the client's side
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of open) s.destroy();
      }),
  };
}
