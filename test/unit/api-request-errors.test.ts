/** Request shapes, error mapping, redaction and base URLs: the client's pure parts. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkBaseUrl } from '../../src/core/api/endpoint';
import { errorFromResponse, notJson, redact } from '../../src/core/api/errors';
import { describe as describeDetail } from '../../src/core/api/serverWords';
import { retryAfterMs, backoffDelay } from '../../src/core/api/pacing';
import { pushRequest, resourceOf } from '../../src/core/api/request';

const DH = { kind: 'digital-human', $schema: 'x', name: 'A', simulation_ids: [1], phone_number: '+14155550123' };

void describe('requests', () => {
  void test('never send kind, id or $schema; create a digital human wrapped, simulation_ids beside it', () => {
    assert.deepEqual(pushRequest('digital-human', DH), {
      method: 'POST',
      path: '/v1/create-digital-human',
      body: { digital_human: { name: 'A', phone_number: '+14155550123' }, simulation_ids: [1] },
      kind: 'digital-human',
      op: 'create',
    });
    assert.deepEqual(pushRequest('digital-human', { ...DH, id: 7 }), {
      method: 'PUT',
      path: '/v1/update-digital-human/7',
      body: { name: 'A', simulation_ids: [1], phone_number: '+14155550123' },
      kind: 'digital-human',
      op: 'update',
    });
  });

  void test('personas: agent_id only when creating', () => {
    const p = { kind: 'customer-persona', name: 'n', description: 'd', goal: 'g', agent_id: 4 };
    assert.deepEqual(pushRequest('customer-persona', p).body, { name: 'n', description: 'd', goal: 'g', agent_id: 4 });
    const u = pushRequest('customer-persona', { ...p, id: '3c90c3cc-0d44-4b50-8888-8dd25736052a' });
    assert.equal(u.path, '/v1/update-customer-persona/3c90c3cc-0d44-4b50-8888-8dd25736052a');
    assert.deepEqual(u.body, { name: 'n', description: 'd', goal: 'g' });
  });

  void test('responses: personas bare, digital humans unwrapped with their simulation ids', () => {
    assert.deepEqual(resourceOf('digital-human', { digital_human: { id: 3, name: 'x' }, simulation_ids: [1] }), {
      id: 3,
      name: 'x',
      simulation_ids: [1],
    });
    assert.equal(resourceOf('digital-human', 'nope'), undefined);
  });
});

void describe('errors', () => {
  const update = pushRequest('digital-human', { ...DH, id: 7 });
  const create = pushRequest('digital-human', DH);

  void test('422 loc to pointers: top level, nested with index, through digital_human on create, path ids', () => {
    const e = errorFromResponse(
      update,
      422,
      {
        detail: [
          { loc: ['body', 'silence_timeout'], msg: 'must be >= 15', type: 'x' },
          { loc: ['body', 'traits', 0, 'value'], msg: 'bad', type: 'x' },
        ],
      },
      'k',
    );
    assert.equal(e.kind, 'validation');
    assert.deepEqual(
      e.problems.map((p) => p.pointer),
      ['/silence_timeout', '/traits/0/value'],
    );
    assert.match(e.problems[0]?.message ?? '', /must be >= 15/);
    const c = errorFromResponse(
      create,
      422,
      {
        detail: [
          { loc: ['body', 'digital_human', 'voice_speed'], msg: 'bad enum', type: 'x' },
          { loc: ['path', 'digital_human_id'], msg: 'int', type: 'x' },
        ],
      },
      'k',
    );
    assert.deepEqual(
      c.problems.map((p) => p.pointer),
      ['/voice_speed', '/id'],
    );
  });

  void test('400 goes to the fields it names, else to the file', () => {
    const locked = errorFromResponse(
      update,
      400,
      { detail: 'Workflow-tagged digital human: field changes not allowed: intent, role_description' },
      'k',
    );
    assert.equal(locked.kind, 'rejected');
    assert.deepEqual(
      locked.problems.map((p) => p.pointer),
      [''],
    );
    const withIntent = pushRequest('digital-human', { ...DH, id: 7, intent: 'x', role_description: 'y' });
    assert.deepEqual(
      errorFromResponse(
        withIntent,
        400,
        { detail: 'Workflow-tagged digital human: field changes not allowed: intent, role_description' },
        'k',
      ).problems.map((p) => p.pointer),
      ['/intent', '/role_description'],
    );
    assert.deepEqual(
      errorFromResponse(update, 400, { detail: 'Invalid phone number: 555' }, 'k').problems.map((p) => p.pointer),
      ['/phone_number'],
    );
  });

  void test('404 to the id, 401 and 403 to the key, with what to do', () => {
    assert.deepEqual(
      errorFromResponse(update, 404, { detail: 'Digital human not found' }, 'k').problems.map((p) => p.pointer),
      ['/id'],
    );
    assert.match(errorFromResponse(update, 401, {}, 'k').message, /Set API Key/);
    assert.match(errorFromResponse(update, 403, {}, 'k').message, /no organization/);
  });

  void test('a 404 on a create is about the endpoint and the base URL (there is no id yet)', () => {
    const e = errorFromResponse(create, 404, { detail: 'Not Found' }, 'k', { baseUrl: 'https://bluejay.example/api' });
    assert.equal(e.kind, 'not-found');
    assert.deepEqual(
      e.problems.map((p) => p.pointer),
      [''],
    );
    assert.match(e.message, /POST \/v1\/create-digital-human \(404\).*base URL \(https:\/\/bluejay\.example\/api\)/);
    assert.doesNotMatch(e.message, /\bid\b/);
  });

  void test('a redirect says where it pointed (the origin only, relative Locations too), never following it', () => {
    const away = errorFromResponse(update, 301, '', 'sk-SECRET', {
      location: 'https://u:sk-SECRET@evil.example:8443/steal?k=sk-SECRET',
      baseUrl: 'https://api.getbluejay.ai',
    });
    assert.deepEqual([away.kind, away.status], ['unexpected', 301]);
    assert.match(away.message, /redirected the request \(301\) to https:\/\/evil\.example:8443;/);
    assert.doesNotMatch(away.message, /SECRET|steal/);
    assert.match(
      errorFromResponse(update, 308, null, 'k', { location: '/v2/x', baseUrl: 'http://127.0.0.1:9' }).message,
      /to http:\/\/127\.0\.0\.1:9;/,
    );
    assert.match(errorFromResponse(update, 302, null, 'k', {}).message, /without saying where/);
  });

  void test('HTML and other bodies that are not JSON are summarised, never pasted', () => {
    const page = '<!doctype html><html><body><form action="/login">Sign in to the Wi-Fi</form></body></html>';
    for (const [status, kind] of [
      [200, 'unexpected'],
      [404, 'unexpected'],
      [407, 'unexpected'],
      [502, 'server'],
    ] as const) {
      const e = errorFromResponse(update, status, page, 'k', { contentType: 'text/html; charset=utf-8' });
      assert.equal(e.kind, kind);
      assert.match(e.message, /an HTML page, not Bluejay's JSON: a proxy, a captive portal or a wrong base URL\?/);
      assert.doesNotMatch(e.message, /<|Wi-Fi/);
    }
    assert.match(
      errorFromResponse(update, 503, 'upstream connect error', 'k', { contentType: 'text/plain' }).message,
      /a text\/plain body, not Bluejay's JSON/,
    );
    assert.doesNotMatch(
      errorFromResponse(update, 503, 'upstream connect error', 'k', { contentType: 'text/plain' }).message,
      /upstream/,
    );
    assert.equal(notJson({ detail: 'x' }, 'text/plain'), undefined);
    assert.equal(notJson('', 'application/json'), undefined);
  });

  void test('details of every shape, and bodies that are not JSON', () => {
    for (const data of [
      { detail: 'text' },
      { detail: ['a', 'b'] },
      { detail: { why: 'x' } },
      '<html>502 Bad Gateway</html>',
      null,
      { other: 1 },
    ]) {
      const e = errorFromResponse(update, 502, data, 'k');
      assert.equal(e.kind, 'server');
      assert.ok(e.message.length < 400);
    }
    assert.equal(errorFromResponse(update, 422, 'not json', 'k').problems[0]?.pointer, '');
    assert.equal(describeDetail('x'.repeat(1000)).length, 300);
  });

  void test('the key never survives in a message', () => {
    const key = 'sk-live-SECRET123';
    const e = errorFromResponse(update, 400, { detail: `bad key sk-live-SECRET123 in X-API-Key: ${key}` }, key);
    assert.ok(!e.message.includes(key));
    assert.equal(redact(`x-api-key: ${key} and "X-API-Key":"${key}"`, key).includes(key), false);
  });
});

void describe('pacing and endpoints', () => {
  void test('Retry-After in seconds or as a date', () => {
    assert.equal(retryAfterMs('2'), 2000);
    assert.equal(retryAfterMs('3600'), 3_600_000);
    assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 5_000), 5000);
    assert.equal(retryAfterMs('soon'), undefined);
    assert.equal(retryAfterMs(undefined), undefined);
  });

  void test('exponential backoff with jitter, capped at 30 s', () => {
    for (let a = 0; a < 12; a++) {
      const d = backoffDelay(a, 500);
      assert.ok(d >= Math.min(30_000, 500 * 2 ** a) && d <= 30_000, `${a}: ${d}`);
    }
  });

  void test('https anywhere, plain http only to loopback; /v1 and slashes dropped', () => {
    assert.deepEqual(checkBaseUrl('https://api.getbluejay.ai/v1/'), {
      ok: true,
      url: 'https://api.getbluejay.ai',
      origin: 'https://api.getbluejay.ai',
    });
    assert.equal(checkBaseUrl('http://127.0.0.1:8124').ok, true);
    assert.equal(checkBaseUrl('http://localhost:1').ok, true);
    assert.equal(checkBaseUrl('http://[::1]:1').ok, true);
    for (const bad of ['http://api.getbluejay.ai', 'http://10.0.0.5', 'ftp://x', 'https://u:p@x.ai', 'nonsense'])
      assert.equal(checkBaseUrl(bad).ok, false, bad);
  });
});

/** A read of digital human 318, the request the errors below answer. */
const GET_318 = {
  method: 'GET' as const,
  path: '/v1/digital-human/318',
  kind: 'digital-human' as const,
  op: 'get' as const,
};

void describe('errors: redact before cutting (found in review)', () => {
  const KEY = 'sk-live-0123456789abcdefghij';
  void test('a key that straddles the 300-character cut is redacted, not half left in the message', () => {
    for (const at of [280, 285, 290, 295]) {
      const detail = `${'x'.repeat(at)} ${KEY} tail`;
      for (const status of [400, 500, 418]) {
        const e = errorFromResponse(GET_318, status, { detail }, KEY);
        assert.doesNotMatch(e.message, /sk-live-0123/, `status ${status}, key at ${at}`);
        assert.doesNotMatch(e.message, /sk-live/, `status ${status}, key at ${at}: no part of it`);
      }
      const v = errorFromResponse(GET_318, 422, { detail: [{ loc: ['body'], msg: { long: detail } }] }, KEY);
      assert.doesNotMatch(v.message, /sk-live/);
    }
  });
});

void describe('errors: the key in the forms a detail quotes it in', () => {
  void test('a detail that is an object quotes the key JSON-escaped; that form goes too (it survived before core/redact.ts)', () => {
    const key = 'k3y"with\\escapes';
    const e = errorFromResponse(GET_318, 400, { detail: { echoed: key } }, key);
    assert.doesNotMatch(e.message, /k3y/, e.message);
    assert.match(e.message, /\[redacted\]/);
  });
});
