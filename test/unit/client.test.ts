/** The axios client against the local server over real sockets: retries counted, pacing, cancellation, redaction. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BluejayClient, type ClientOptions } from '../../src/core/api/client';
import type { ApiError } from '../../src/core/api/errors';
import { getRequest, pushRequest } from '../../src/core/api/request';
import { freePort } from '../host/codeServer';
import { withServer } from './support/server';
import { failure } from './support/failure';

const KEY = 'test-key';
const FAST = { userAgent: 'bluejay-definitions/test', backoffMs: 5, minIntervalMs: 0 } as const;

function client(url: string, extra: Partial<ClientOptions> = {}): BluejayClient {
  return new BluejayClient({ baseUrl: url, apiKey: KEY, ...FAST, ...extra });
}

const update = pushRequest('digital-human', { kind: 'digital-human', id: 318, name: 'Angry billing customer' });
const create = pushRequest('digital-human', { kind: 'digital-human', name: 'New', phone_number: '+14155550100' });

void describe('BluejayClient', () => {
  void test('sends the key and a User-Agent, and reads the answer', () =>
    withServer(async (s) => {
      const res = await client(s.url).send(update);
      assert.equal(res.status, 200);
      const [logged] = await s.requests();
      assert.deepEqual([logged?.method, logged?.path, logged?.apiKey], ['PUT', '/v1/update-digital-human/318', true]);
    }));

  void test('PUT is retried on 5xx and on a reset connection, then succeeds', () =>
    withServer(async (s) => {
      await s.faults({ status: { code: 503, count: 2 } });
      assert.equal((await client(s.url).send(update)).status, 200);
      await s.faults({ resetNext: 1 });
      assert.equal((await client(s.url).send(update)).status, 200);
      assert.deepEqual(
        (await s.requests()).map((r) => r.status),
        [503, 503, 200, null, 200],
      );
    }));

  void test('a create is never repeated once it may have reached the server (5xx, reset)', () =>
    withServer(async (s) => {
      await s.faults({ status: { code: 502, count: 1 } });
      assert.equal((await failure(client(s.url).send(create))).kind, 'server');
      await s.faults({ resetNext: 1 });
      assert.equal((await failure(client(s.url).send(create))).kind, 'network');
      assert.equal((await s.requests()).length, 2);
    }));

  void test('429 is retried for creates too, after Retry-After', () =>
    withServer(async (s) => {
      await s.faults({ status: { code: 429, count: 1, retryAfter: '0' } });
      assert.equal((await client(s.url).send(create)).status, 200);
      assert.deepEqual(
        (await s.requests()).map((r) => r.status),
        [429, 200],
      );
    }));

  void test('gives up after the allowed retries', () =>
    withServer(async (s) => {
      await s.faults({ status: { code: 500, count: 10 } });
      const e = await failure(client(s.url, { retries: 2 }).send(update));
      assert.deepEqual([e.kind, e.status], ['server', 500]);
      assert.equal((await s.requests()).length, 3);
    }));

  void test("a 401 after earlier successes backs off before calling the key bad (Bluejay's burst limit)", () =>
    withServer(async (s) => {
      const c = client(s.url);
      await s.faults({ unauthorizedAfter: 1, unauthorizedCount: 2 });
      await c.send(update);
      assert.equal((await c.send(update)).status, 200);
      assert.deepEqual(
        (await s.requests()).map((r) => r.status),
        [200, 401, 401, 200],
      );
    }));

  void test('a 401 on the first request is reported at once, with what to do', () =>
    withServer(async (s) => {
      const e = await failure(new BluejayClient({ baseUrl: s.url, apiKey: 'wrong-key', ...FAST }).send(update));
      assert.equal(e.kind, 'unauthorized');
      assert.match(e.message, /Set API Key/);
      assert.equal((await s.requests()).length, 1);
    }));

  void test('cancellation aborts a request in flight', () =>
    withServer(async (s) => {
      await s.faults({ delayMs: 5000 });
      const abort = new AbortController();
      const started = Date.now();
      const pending = client(s.url).send(getRequest('digital-human', 318), abort.signal);
      for (let i = 0; i < 200 && (await s.requests()).length === 0; i++) await new Promise((r) => setImmediate(r));
      abort.abort();
      assert.equal((await failure(pending)).kind, 'cancelled');
      assert.ok(Date.now() - started < 4000);
    }));

  void test('timeouts and refused connections are clear errors', async () => {
    await withServer(async (s) => {
      await s.faults({ delayMs: 1000 });
      const e = await failure(client(s.url, { timeoutMs: 100, retries: 0 }).send(getRequest('digital-human', 318)));
      assert.equal(e.kind, 'timeout');
    });
    const closed = `http://127.0.0.1:${await freePort()}`;
    const e = await failure(client(closed, { retries: 1 }).send(update));
    assert.equal(e.kind, 'network');
    assert.match(e.message, /ECONNREFUSED/);
  });

  void test('the key appears in no error or stack, even when the server echoes it', () =>
    withServer(async (s) => {
      const secret = 'sk-live-0123456789abcdef';
      const c = new BluejayClient({ baseUrl: s.url, apiKey: secret, ...FAST, retries: 0 });
      const errors: ApiError[] = [];
      errors.push(await failure(c.send(update))); // 401
      for (const f of [
        { resetNext: 1 },
        { status: { code: 500 } },
        { delayMs: 300 },
        { status: { code: 422, detail: [{ loc: ['body', 'name'], msg: `bad ${secret}`, type: 'x' }] } },
        { status: { code: 400, detail: `X-API-Key: ${secret}` } },
      ]) {
        await s.faults(f);
        errors.push(
          await failure(
            new BluejayClient({ baseUrl: s.url, apiKey: secret, ...FAST, retries: 0, timeoutMs: 100 }).send(update),
          ),
        );
      }
      assert.deepEqual(
        errors.map((e) => e.kind),
        ['unauthorized', 'network', 'server', 'timeout', 'validation', 'rejected'],
      );
      const everything =
        JSON.stringify(errors) +
        errors.map((e) => `${e.message}${e.stack ?? ''}`).join('') +
        JSON.stringify(await s.requests());
      assert.ok(!everything.includes(secret));
    }));

  void test('400, 403 and 422 from the server map to their fields', () =>
    withServer(async (s) => {
      const bad = pushRequest('digital-human', {
        kind: 'digital-human',
        id: 318,
        phone_number: '555-0123',
        silence_timeout: 20,
      });
      const rejected = await failure(client(s.url).send(bad));
      assert.deepEqual([rejected.kind, rejected.problems.map((p) => p.pointer)], ['rejected', ['/phone_number']]);
      const invalid = await failure(
        client(s.url).send(pushRequest('digital-human', { kind: 'digital-human', id: 318, silence_timeout: 5 })),
      );
      assert.deepEqual([invalid.kind, invalid.problems.map((p) => p.pointer)], ['validation', ['/silence_timeout']]);
      const forbidden = await failure(
        new BluejayClient({ baseUrl: s.url, apiKey: 'no-org-key', ...FAST }).send(update),
      );
      assert.equal(forbidden.kind, 'forbidden');
    }));
});
