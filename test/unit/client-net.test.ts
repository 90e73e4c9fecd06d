/** The client's network edges: loopback never proxied, deadlines that trickles cannot stretch, creates that may exist, answers that are not Bluejay's. */
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BluejayClient, type ClientOptions } from '../../src/core/api/client';
import { getRequest, pushRequest } from '../../src/core/api/request';
import { cli, ROOT, stateRootDir } from './support/cli';
import { startRecordingProxy, withProxyEnv } from './support/proxy';
import { withServer } from './support/server';
import { failure } from './support/failure';

const KEY = 'test-key';
const FAST = { userAgent: 'bluejay-definitions/test', backoffMs: 5, minIntervalMs: 0 } as const;
const client = (url: string, extra: Partial<ClientOptions> = {}): BluejayClient =>
  new BluejayClient({ baseUrl: url, apiKey: KEY, ...FAST, ...extra });
const read = getRequest('digital-human', 318);
const update = pushRequest('digital-human', { kind: 'digital-human', id: 318, name: 'Angry billing customer' });
const create = pushRequest('digital-human', { kind: 'digital-human', name: 'New', phone_number: '+14155550100' });
/** A trickle that ends (with the real answer) after about 4 s: long past every deadline these tests set. */
const TRICKLE = { trickle: { everyMs: 5, bytes: 800 } };

void describe('proxies', () => {
  void test('a loopback base URL is never proxied, whatever HTTP_PROXY says (the CLI)', async () => {
    const proxy = await startRecordingProxy();
    try {
      await withServer((s) =>
        withProxyEnv(proxy.url, async () => {
          const r = await cli({ BLUEJAY_API_KEY: KEY, BLUEJAY_BASE_URL: s.url }, 'pull', 'digital-human', '318');
          assert.equal(r.code, 0, r.err);
          assert.equal((await client(s.url).send(update)).status, 200);
          assert.equal((await s.requests()).length, 2);
        }),
      );
      assert.deepEqual(proxy.seen, []);
    } finally {
      await proxy.close();
    }
  });

  void test('an https base URL still goes through the proxy (a tunnel: the key never in clear)', async () => {
    const proxy = await startRecordingProxy();
    try {
      const e = await withProxyEnv(proxy.url, () =>
        failure(client('https://bluejay.invalid', { retries: 0 }).send(read)),
      );
      assert.notEqual(e.kind, 'cancelled');
      assert.deepEqual(
        proxy.seen.map((r) => [r.method, r.url]),
        [['CONNECT', 'bluejay.invalid:443']],
      );
      assert.ok(!JSON.stringify(proxy.seen).includes(KEY));
    } finally {
      await proxy.close();
    }
  });
});

void describe('deadlines', () => {
  void test('an answer trickling a byte at a time is cut off by the attempt deadline, as a timeout', () =>
    withServer(async (s) => {
      await s.faults(TRICKLE);
      const e = await failure(client(s.url, { timeoutMs: 60_000, attemptDeadlineMs: 100, retries: 0 }).send(read));
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /did not answer within 0\.1 s/);
    }));

  void test('a whole send is bounded, retries and backoff included', () =>
    withServer(async (s) => {
      await s.faults(TRICKLE);
      const e = await failure(
        client(s.url, { timeoutMs: 60_000, attemptDeadlineMs: 50, sendDeadlineMs: 200, retries: 50 }).send(update),
      );
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /gave up after 0\.2 s/);
      assert.ok((await s.requests()).length < 51);
    }));

  void test('a deadline never repeats a create, and says it may exist', () =>
    withServer(async (s) => {
      await s.faults(TRICKLE);
      const e = await failure(client(s.url, { timeoutMs: 60_000, attemptDeadlineMs: 100, retries: 3 }).send(create));
      assert.equal(e.kind, 'timeout');
      assert.match(e.message, /may have been created/);
      assert.equal((await s.requests()).length, 1);
    }));

  void test('a CLI command stops at its time limit (BLUEJAY_COMMAND_TIMEOUT), with a clear message', () =>
    withServer(async (s) => {
      // The answer trickles for 20 s; the limit (1 s) leaves the command's own work before the request
      // (reading, validating, the lock) room on a loaded machine, so it strikes while the request is out.
      await s.faults({ trickle: { everyMs: 5, bytes: 4000 } });
      const r = await cli(
        { BLUEJAY_API_KEY: KEY, BLUEJAY_BASE_URL: s.url, BLUEJAY_COMMAND_TIMEOUT: '1' },
        'pull',
        'digital-human',
        '318',
      );
      assert.equal(r.code, 1);
      assert.match(r.err, /time limit of 1 s.*BLUEJAY_COMMAND_TIMEOUT/);
      // A push: the create out when the limit struck may exist, and says so.
      const dir = stateRootDir('net-limit');
      cpSync(join(ROOT, 'examples', 'spanish-booking.digital-human.json'), join(dir, 'new.digital-human.json'));
      const push = await cli(
        { BLUEJAY_API_KEY: KEY, BLUEJAY_BASE_URL: s.url, BLUEJAY_COMMAND_TIMEOUT: '1' },
        'push',
        '--format',
        'json',
        dir,
      );
      assert.equal(push.code, 1);
      const [result] = (
        JSON.parse(push.out) as { results: { action: string; problems: { code: string; message: string }[] }[] }
      ).results;
      assert.equal(result?.action, 'failed');
      assert.deepEqual(
        result.problems.map((p) => p.code),
        ['server-unavailable'],
      );
      assert.match(result.problems[0]?.message ?? '', /time limit of 1 s.*may have been created/);
      const bad = await cli(
        { BLUEJAY_API_KEY: KEY, BLUEJAY_BASE_URL: s.url, BLUEJAY_COMMAND_TIMEOUT: 'soon' },
        'pull',
        'digital-human',
        '318',
      );
      assert.equal(bad.code, 2);
      assert.match(bad.err, /BLUEJAY_COMMAND_TIMEOUT/);
    }));
});

void describe('answers that are not what they seem', () => {
  void test('a create that may have reached Bluejay (5xx, reset, truncated answer) says it may exist and how to check', () =>
    withServer(async (s) => {
      for (const f of [{ status: { code: 503 } }, { resetNext: 1 }, { truncateNext: 1 }]) {
        await s.faults(f);
        const e = await failure(client(s.url).send(create));
        assert.match(e.message, /may have been created/, JSON.stringify(f));
        assert.match(e.message, /Remote view/);
        assert.match(e.message, /bluejay pull/);
        assert.doesNotMatch(e.message, /try again later/);
      }
      assert.equal((await s.requests()).length, 3);
      // And it did: the truncated answer was to a create that happened.
      const store = (await (await fetch(`${s.url}/__admin/store`)).json()) as { digital_humans: { name?: unknown }[] };
      assert.equal(store.digital_humans.filter((d) => d.name === 'New').length, 1);
    }));

  void test('an answer cut off halfway is a network fault: an update is retried', () =>
    withServer(async (s) => {
      await s.faults({ truncateNext: 1 });
      assert.equal((await client(s.url).send(update)).status, 200);
      assert.equal((await s.requests()).length, 2);
    }));

  void test('a redirect names where it pointed (its origin only) and is not followed', () =>
    withServer(async (s) => {
      await s.faults({ status: { code: 307, location: `https://elsewhere.example/v1/steal?key=${KEY}` } });
      const e = await failure(client(s.url).send(update));
      assert.equal(e.status, 307);
      assert.match(e.message, /redirected .*https:\/\/elsewhere\.example\b/);
      assert.doesNotMatch(e.message, /steal|key=/);
      assert.equal((await s.requests()).length, 1);
    }));

  void test('an HTML page (a proxy, a captive portal) is summarised, never pasted, on errors and on 200s', () =>
    withServer(async (s) => {
      await s.faults({ status: { code: 502, html: true } });
      const bad = await failure(client(s.url, { retries: 0 }).send(update));
      assert.match(bad.message, /an HTML page, not Bluejay's JSON/);
      assert.doesNotMatch(bad.message, /<|nginx/);
      await s.faults({ status: { code: 200, html: true } });
      const ok = await failure(client(s.url).send(read));
      assert.match(ok.message, /an HTML page, not Bluejay's JSON/);
      assert.doesNotMatch(ok.message, /<|nginx/);
    }));
});
