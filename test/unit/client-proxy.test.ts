/**
 * Proxies and offline: a tunnel through a local CONNECT proxy to Bluejay behind TLS, a proxy's own
 * answers (403, 407, 502) told from Bluejay's, a TLS-inspecting proxy's certificate, and an offline
 * machine (lookups injected: nothing here depends on this machine's network) failing fast.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BluejayClient, type ClientOptions } from '../../src/core/api/client';
import { errorFromResponse, redact } from '../../src/core/api/errors';
import { getRequest, pushRequest } from '../../src/core/api/request';
import { freePort } from '../host/codeServer';
import { cli, ROOT } from './support/cli';
import {
  startRecordingProxy,
  withoutProxyEnv,
  withProxyEnv,
  type ConnectAnswer,
  type RecordingProxy,
} from './support/proxy';
import { withServer } from './support/server';
import { startTlsFront, TEST_CA, TEST_CA_FILE, TLS_HOST } from './support/tls';
import { failure } from './support/failure';

const KEY = 'test-key';
const BASE = `https://${TLS_HOST}`;
const FAST = { userAgent: 'bluejay-definitions/test', backoffMs: 1, minIntervalMs: 0 } as const;
const client = (url: string, extra: Partial<ClientOptions> = {}): BluejayClient =>
  new BluejayClient({ baseUrl: url, apiKey: KEY, ...FAST, ...extra });
const read = getRequest('digital-human', 318);
const create = pushRequest('digital-human', { kind: 'digital-human', name: 'New', phone_number: '+14155550100' });
const update = pushRequest('digital-human', { kind: 'digital-human', id: 318, name: 'Angry billing customer' });
const SETTINGS = [/http\.proxy\b/, /http\.proxySupport/, /HTTPS_PROXY/, /NO_PROXY/];

async function withProxy<T>(answer: ConnectAnswer, body: (proxy: RecordingProxy) => Promise<T>): Promise<T> {
  const proxy = await startRecordingProxy(answer);
  try {
    return await body(proxy);
  } finally {
    await proxy.close();
  }
}

/** The local Bluejay server behind TLS (bluejay.test) behind a tunnelling proxy. */
function withTunnel<T>(
  body: (proxy: RecordingProxy, s: Parameters<Parameters<typeof withServer>[0]>[0]) => Promise<T>,
): Promise<T> {
  return withServer(async (s) => {
    const front = await startTlsFront(Number(new URL(s.url).port));
    try {
      return await withProxy({ tunnelTo: front.port }, (proxy) => body(proxy, s));
    } finally {
      await front.close();
    }
  });
}

/** `bluejay pull` as its own process (NODE_EXTRA_CA_CERTS is read only when a process starts). */
function cliProcess(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

void describe('a tunnelling proxy', () => {
  void test('an https base URL reaches Bluejay through the tunnel; the proxy sees the CONNECT and ciphertext only', () =>
    withTunnel(async (proxy, s) => {
      const res = await withProxyEnv(proxy.url, () => client(BASE, { testCa: TEST_CA }).send(read));
      assert.equal(res.status, 200);
      assert.deepEqual(
        proxy.seen.map((r) => [r.method, r.url]),
        [['CONNECT', `${TLS_HOST}:443`]],
      );
      assert.ok(proxy.tunnelled().length > 0);
      assert.ok(!proxy.tunnelled().includes(KEY) && !JSON.stringify(proxy.seen).includes(KEY));
      assert.deepEqual(
        (await s.requests()).map((r) => r.apiKey),
        [true],
      );
    }));

  void test("Bluejay's own 403 through the tunnel is still about the key", () =>
    withTunnel(async (proxy, s) => {
      await s.faults({ status: { code: 403 } });
      const e = await withProxyEnv(proxy.url, () => failure(client(BASE, { testCa: TEST_CA }).send(read)));
      assert.equal(e.kind, 'forbidden');
      assert.match(e.message, /no organization/);
    }));

  void test('a certificate nobody trusts (a TLS-inspecting proxy) names NODE_EXTRA_CA_CERTS, is not retried, and checks stay on', () =>
    withTunnel(async (proxy) => {
      const e = await withProxyEnv(proxy.url, () => failure(client(BASE, { retries: 3 }).send(update)));
      assert.equal(e.kind, 'unexpected');
      assert.match(e.message, /not trusted \(SELF_SIGNED_CERT_IN_CHAIN\)/);
      assert.match(e.message, /inspects TLS/);
      assert.match(e.message, /NODE_EXTRA_CA_CERTS/);
      assert.equal(proxy.seen.length, 1);
    }));

  void test('the CLI: NODE_EXTRA_CA_CERTS trusts the inspecting CA; without it the message says to set it', () =>
    withTunnel(async (proxy) => {
      const env = { BLUEJAY_API_KEY: KEY, BLUEJAY_BASE_URL: BASE, HTTPS_PROXY: proxy.url };
      const trusted = await cliProcess({ ...env, NODE_EXTRA_CA_CERTS: TEST_CA_FILE }, 'pull', 'digital-human', '318');
      assert.equal(trusted.code, 0, trusted.err);
      assert.match(trusted.out, /Angry billing customer/);
      const untrusted = await cliProcess(env, 'pull', 'digital-human', '318');
      assert.equal(untrusted.code, 1);
      assert.match(untrusted.err, /NODE_EXTRA_CA_CERTS/);
      assert.doesNotMatch(untrusted.err + untrusted.out, new RegExp(KEY));
    }));
});

void describe("a proxy's own answers", () => {
  void test("a refused tunnel (403) is the proxy's, not a key without an organization, and names the settings", () =>
    withProxy({ status: 403 }, async (proxy) => {
      const e = await withProxyEnv(proxy.url, () =>
        failure(client('https://bluejay.invalid', { retries: 3 }).send(read)),
      );
      assert.notEqual(e.kind, 'forbidden');
      assert.match(e.message, /^The proxy at http:\/\/127\.0\.0\.1:\d+ answered 403 \(forbidden/);
      assert.doesNotMatch(e.message, /organization/);
      for (const s of SETTINGS) assert.match(e.message, s);
      assert.equal(proxy.seen.length, 1);
    }));

  void test('407: proxy authentication required, never with the proxy credentials or the key (client and CLI)', () =>
    withProxy({ status: 407, headers: { 'proxy-authenticate': 'Basic realm="corp"' } }, async (proxy) => {
      const withCreds = proxy.url.replace('//', '//alice:s3cret@');
      const e = await withProxyEnv(withCreds, () => failure(client('https://bluejay.invalid').send(read)));
      assert.match(e.message, /^The proxy at http:\/\/127\.0\.0\.1:\d+ answered 407 \(proxy authentication required\)/);
      assert.doesNotMatch(e.message, /s3cret|alice|test-key|no details given/);
      for (const s of SETTINGS) assert.match(e.message, s);
      assert.ok(proxy.seen[0]?.headers['proxy-authorization'], 'the credentials went to the proxy');
      // Not repeated, not even a create (nothing reached Bluejay; asking again changes nothing).
      const c = await withProxyEnv(withCreds, () =>
        failure(client('https://bluejay.invalid', { retries: 3 }).send(create)),
      );
      assert.doesNotMatch(c.message, /may have been created/);
      assert.equal(proxy.seen.length, 2);
      const r = await withProxyEnv(withCreds, () =>
        cli({ BLUEJAY_API_KEY: KEY, BLUEJAY_BASE_URL: 'https://bluejay.invalid' }, 'pull', 'digital-human', '318'),
      );
      assert.equal(r.code, 1);
      assert.match(r.err, /The proxy at http:\/\/127\.0\.0\.1:\d+ answered 407 \(proxy authentication required\)/);
      assert.doesNotMatch(r.err + r.out, /s3cret|alice|test-key/);
    }));

  void test('a 502 from the proxy says it could not reach Bluejay', () =>
    withProxy({ status: 502 }, async (proxy) => {
      const e = await withProxyEnv(proxy.url, () =>
        failure(client('https://bluejay.invalid', { retries: 0 }).send(read)),
      );
      assert.equal(e.kind, 'server');
      assert.match(
        e.message,
        /^The proxy at http:\/\/127\.0\.0\.1:\d+ answered 502 \(bad gateway: it could not reach Bluejay\)/,
      );
      // A create the proxy refused never reached Bluejay: it may be tried again, and is not said to exist.
      const c = await withProxyEnv(proxy.url, () =>
        failure(client('https://bluejay.invalid', { retries: 1 }).send(create)),
      );
      assert.doesNotMatch(c.message, /may have been created/);
      assert.equal(proxy.seen.length, 3);
    }));

  void test('a proxy that is not there is named as such', async () => {
    const port = await freePort();
    const e = await withProxyEnv(`http://bob:pw@127.0.0.1:${port}`, () =>
      failure(client('https://bluejay.invalid', { retries: 0 }).send(read)),
    );
    assert.equal(e.kind, 'network');
    assert.match(
      e.message,
      new RegExp(`Could not reach the proxy at http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`),
    );
    assert.doesNotMatch(e.message, /bob|pw@/);
  });

  void test('an empty 403 is never read as "no organization" (the proxy unknown: VS Code\'s http.proxy); a JSON one still is', () => {
    const e = errorFromResponse(read, 403, '', KEY, { baseUrl: BASE });
    assert.doesNotMatch(e.message, /organization/);
    assert.match(e.message, /proxy/);
    for (const s of SETTINGS) assert.match(e.message, s);
    assert.match(errorFromResponse(read, 403, { detail: 'Forbidden' }, KEY).message, /no organization/);
    assert.match(
      errorFromResponse(read, 407, '', KEY).message,
      /^A proxy .* answered 407 \(proxy authentication required\)/,
    );
  });
});

void test("a proxy URL's credentials never reach a message", () => {
  assert.equal(
    redact('tunnel through http://alice:s3cret@proxy.corp:3128 and https://bob@x.example/ failed', KEY),
    'tunnel through http://[redacted]@proxy.corp:3128 and https://[redacted]@x.example/ failed',
  );
  assert.equal(redact('see https://api.getbluejay.ai/v1/x?a=b@c', KEY), 'see https://api.getbluejay.ai/v1/x?a=b@c');
});

void describe('offline', () => {
  /** A lookup that fails with `code` and counts its calls. */
  const failing = (code: string): { calls: string[]; testLookup: NonNullable<ClientOptions['testLookup']> } => {
    const calls: string[] = [];
    const testLookup = (
      hostname: string,
      _options: object,
      callback: (err: Error | null, address: { address: string; family: 4 }) => void,
    ): void => {
      calls.push(hostname);
      callback(
        Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, hostname, syscall: 'getaddrinfo' }),
        { address: '', family: 4 },
      );
    };
    return { calls, testLookup };
  };

  void test('no DNS (ENOTFOUND) fails at once, saying offline, without retries', () =>
    withoutProxyEnv(async () => {
      const dns = failing('ENOTFOUND');
      const e = await failure(
        client('https://bluejay.invalid', { retries: 3, testLookup: dns.testLookup }).send(update),
      );
      assert.equal(e.kind, 'network');
      assert.match(e.message, /^Cannot resolve bluejay\.invalid \(ENOTFOUND\): offline/);
      assert.deepEqual(dns.calls, ['bluejay.invalid']);
    }));

  void test('a passing DNS failure (EAI_AGAIN) gets one quick retry, then says offline', () =>
    withoutProxyEnv(async () => {
      const dns = failing('EAI_AGAIN');
      const e = await failure(
        client('https://bluejay.invalid', { retries: 3, testLookup: dns.testLookup }).send(update),
      );
      assert.match(e.message, /^Cannot resolve bluejay\.invalid \(EAI_AGAIN\): offline/);
      assert.equal(dns.calls.length, 2);
    }));

  void test('no route (ENETUNREACH, EHOSTUNREACH) fails at once, saying offline', () =>
    withoutProxyEnv(async () => {
      for (const code of ['ENETUNREACH', 'EHOSTUNREACH']) {
        const net = failing(code);
        const e = await failure(
          client('https://bluejay.invalid', { retries: 3, testLookup: net.testLookup }).send(update),
        );
        assert.equal(e.kind, 'network');
        assert.match(e.message, new RegExp(`^No route to bluejay\\.invalid \\(${code}\\): offline`));
        assert.equal(net.calls.length, 1);
      }
    }));
});
