/** The local Bluejay-compatible server (test/server), over real sockets with fetch: keys, faults, admin and lifecycle. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, test } from 'node:test';
import { startBluejayServer } from '../server/index';
import { serverPerFile, call, obj, dhOf, admin, faults, type Json } from './support/serverCalls';

serverPerFile();

void describe('keys and organizations', () => {
  void test('401 without or with an unknown key, 403 without organization, other org sees 404', async () => {
    assert.deepEqual((await call('GET', '/v1/digital-human/318', undefined, null)).body, { detail: 'Invalid API key' });
    assert.equal((await call('GET', '/v1/digital-human/318', undefined, 'nope')).status, 401);
    const noOrg = await call('GET', '/v1/digital-human/318', undefined, 'no-org-key');
    assert.equal(noOrg.status, 403);
    assert.equal(typeof obj(noOrg.body)['detail'], 'string');
    assert.equal((await call('GET', '/v1/digital-human/318', undefined, 'other-org-key')).status, 404);
    assert.equal(
      (
        await call(
          'PUT',
          '/v1/update-customer-persona/7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d',
          { name: 'x' },
          'other-org-key',
        )
      ).status,
      404,
    );
    assert.equal(obj((await call('GET', '/v1/digital-humans', undefined, 'other-org-key')).body)['total_count'], 0);
    const mine = await call(
      'POST',
      '/v1/create-customer-persona',
      { name: 'a', description: 'b', goal: 'c' },
      'other-org-key',
    );
    assert.equal((await call('GET', `/v1/customer-persona/${String(obj(mine.body)['id'])}`)).status, 404);
  });
});

void describe('faults and admin', () => {
  void test('delay applies to every /v1 response', async () => {
    await faults({ delayMs: 40 });
    const t0 = performance.now();
    assert.equal((await call('GET', '/v1/digital-human/318')).status, 200);
    assert.ok(performance.now() - t0 >= 40);
  });

  void test('reset destroys the connection for the next N requests, then the API answers', async () => {
    await faults({ resetNext: 2 });
    await assert.rejects(call('GET', '/v1/digital-human/318'), TypeError);
    await assert.rejects(call('PUT', '/v1/update-digital-human/318', { name: 'x' }), TypeError);
    assert.equal((await call('GET', '/v1/digital-human/318')).status, 200);
    assert.equal(dhOf(await call('GET', '/v1/digital-human/318'))['name'], 'Angry billing customer');
    const log = (await admin('GET', '/__admin/requests')).body as Json[];
    assert.deepEqual(
      log.map((e) => e['status']),
      [null, null, 200, 200],
    );
  });

  void test('429 with Retry-After, and a count of 5xx', async () => {
    await faults({ status: { code: 429, count: 1, retryAfter: '2' } });
    const r = await call('GET', '/v1/digital-human/318');
    assert.deepEqual([r.status, r.headers.get('retry-after'), typeof obj(r.body)['detail']], [429, '2', 'string']);
    assert.equal((await call('GET', '/v1/digital-human/318')).status, 200);
    await faults({ status: { code: 503, count: 2 } });
    assert.deepEqual(
      [
        (await call('GET', '/v1/digital-humans')).status,
        (await call('GET', '/v1/digital-humans')).status,
        (await call('GET', '/v1/digital-humans')).status,
      ],
      [503, 503, 200],
    );
    const five = await call('GET', '/v1/digital-humans', undefined, 'test-key');
    assert.equal(five.headers.get('retry-after'), null);
  });

  void test('401 burst after N successful requests; admin routes are never faulted', async () => {
    await faults({ unauthorizedAfter: 2, unauthorizedCount: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call('GET', '/v1/digital-human/318')).status);
    assert.deepEqual(statuses, [200, 200, 401, 401, 200]);
    await faults({ status: { code: 500, count: 5 }, resetNext: 1 });
    assert.equal((await admin('GET', '/__admin/store')).status, 200);
    assert.equal((await admin('POST', '/__admin/faults', { delayMs: -1 })).status, 400);
    assert.equal((await admin('POST', '/__admin/faults', { nope: 1 })).status, 400);
  });

  void test('request log: method, path, status, apiKey flag, parsed body, time; never the key; cleared', async () => {
    const t0 = Date.now();
    await call('PUT', '/v1/update-digital-human/318', { name: 'Logged' });
    await call('GET', '/v1/digital-humans?page=1', undefined, null);
    await call('POST', '/v1/create-digital-human', undefined, 'test-key', 'not json');
    const log = (await admin('GET', '/__admin/requests')).body as Json[];
    assert.deepEqual(
      log.map((e) => [e['method'], e['path'], e['status'], e['apiKey'], e['body']]),
      [
        ['PUT', '/v1/update-digital-human/318', 200, true, { name: 'Logged' }],
        ['GET', '/v1/digital-humans?page=1', 401, false, null],
        ['POST', '/v1/create-digital-human', 422, true, null],
      ],
    );
    assert.ok(log.every((e) => typeof e['at'] === 'number' && e['at'] >= t0));
    assert.equal(JSON.stringify(log).includes('test-key'), false);
    await admin('DELETE', '/__admin/requests');
    assert.deepEqual((await admin('GET', '/__admin/requests')).body, []);
  });

  void test('reset restores the sample data; the store shows hidden fields and the owner', async () => {
    await call('DELETE', '/v1/digital-human/318');
    await faults({ delayMs: 5 });
    await admin('POST', '/__admin/reset');
    assert.deepEqual((await admin('GET', '/__admin/faults')).body, {
      delayMs: 0,
      resetNext: 0,
      status: null,
      unauthorizedAfter: null,
      unauthorizedCount: 0,
    });
    const dh = (obj((await admin('GET', '/__admin/store')).body)['digital_humans'] as Json[]).find(
      (d) => d['id'] === 318,
    );
    assert.deepEqual(
      [dh?.['org'], dh?.['num_runs'], dh?.['always_on_mode'], dh?.['simulation_ids']],
      ['org-1', 2, true, [57, 61]],
    );
  });
});

void describe('server lifecycle', () => {
  void test('options: keys, no seed; close() ends kept-alive connections', async () => {
    const s = await startBluejayServer({ keys: { k: { org: 'acme' } }, seed: false });
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${s.url}/v1/digital-humans`, { headers: { 'X-API-Key': 'k' } });
    assert.equal(obj(await r.json())['total_count'], 0);
    await s.close();
    await assert.rejects(fetch(`${s.url}/v1/digital-humans`, { headers: { 'X-API-Key': 'k' } }));
  });

  void test('main.js prints its URL, serves the demo key and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [join(__dirname, '..', 'server', 'main.js'), '--port', '0', '--key', 'demo-k'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const m = /^Bluejay-compatible API on (http:\/\/127\.0\.0\.1:\d+) \(API key: demo-k\)$/.exec(line);
    assert.ok(m?.[1], line);
    const r = await fetch(`${m[1]}/v1/digital-human/318`, { headers: { 'X-API-Key': 'demo-k' } });
    assert.equal(r.status, 200);
    await r.text();
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });
});
