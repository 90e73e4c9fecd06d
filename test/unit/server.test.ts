/** The local Bluejay-compatible server (test/server), over real sockets with fetch: personas and digital humans. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverPerFile, call, obj, dhOf, locs, admin, UUID, NEW_DH, type Json } from './support/serverCalls';

serverPerFile();

void describe('customer personas', () => {
  void test('create, get, by agent, patch update, delete', async () => {
    const created = await call('POST', '/v1/create-customer-persona', {
      name: 'Night owl',
      description: 'Calls at 2am.',
      goal: 'Cancel the plan.',
      agent_id: 77,
    });
    assert.equal(created.status, 200);
    const p = obj(created.body);
    assert.deepEqual(Object.keys(p), ['id', 'created_at', 'name', 'description', 'goal', 'org_id']);
    assert.match(String(p['id']), UUID);
    assert.match(String(p['org_id']), UUID);
    assert.deepEqual((await call('GET', `/v1/customer-persona/${String(p['id'])}`)).body, p);
    assert.deepEqual((await call('GET', '/v1/customer-personas-by-agent/77')).body, [p]);
    const upd = await call('PUT', `/v1/update-customer-persona/${String(p['id'])}`, {
      goal: 'Downgrade instead.',
      description: null,
      colour: 'red',
    });
    assert.deepEqual(upd.body, { ...p, goal: 'Downgrade instead.', description: null });
    assert.equal((await call('DELETE', `/v1/customer-persona/${String(p['id'])}`)).status, 200);
    assert.deepEqual((await call('GET', `/v1/customer-persona/${String(p['id'])}`)).body, {
      detail: 'Customer persona not found',
    });
  });

  void test('sample personas, 422s and 404s', async () => {
    assert.equal((await call('GET', '/v1/customer-persona/7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d')).status, 200);
    assert.equal((await call('GET', '/v1/customer-personas-by-agent/1042')).body instanceof Array, true);
    const r = await call('POST', '/v1/create-customer-persona', { name: 5, goal: null });
    assert.equal(r.status, 422);
    assert.deepEqual(locs(r), [
      ['body', 'name'],
      ['body', 'description'],
      ['body', 'goal'],
    ]);
    assert.deepEqual(
      (obj(r.body)['detail'] as Json[]).map((d) => d['type']),
      ['string_type', 'missing', 'string_type'],
    );
    assert.deepEqual(locs(await call('GET', '/v1/customer-persona/not-a-uuid')), [['path', 'persona_id']]);
    assert.deepEqual(locs(await call('GET', '/v1/customer-personas-by-agent/x')), [['path', 'agent_id']]);
    assert.equal(
      (await call('PUT', '/v1/update-customer-persona/00000000-0000-4000-8000-000000000000', { name: 'x' })).status,
      404,
    );
    assert.deepEqual((await call('GET', '/v1/no-such-endpoint')).body, { detail: 'Not Found' });
    assert.equal((await call('PATCH', '/v1/customer-persona/7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d', {})).status, 405);
  });
});

void describe('digital humans', () => {
  void test('create (wrapped, defaults, unknown fields dropped), get, list newest first, delete', async () => {
    const r = await call('POST', '/v1/create-digital-human', {
      digital_human: {
        ...NEW_DH,
        colour: 'red',
        traits: [{ trait_name: 'vip', trait_data_type: 'BOOLEAN', value: true, extra: 1 }],
      },
      simulation_ids: [4, 9],
      junk: true,
    });
    assert.equal(r.status, 200);
    const dh = dhOf(r);
    assert.equal(typeof dh['id'], 'number');
    assert.deepEqual([obj(r.body)['simulation_ids'], obj(r.body)['simulation_id']], [[4, 9], 4]);
    assert.deepEqual(
      [dh['language'], dh['voice_speed'], dh['creativity'], dh['silence_tool_instructions'], dh['allow_silence_tool']],
      ['en', 'normal', 0.7, 'default', false],
    );
    assert.equal('colour' in dh, false);
    assert.deepEqual(dh['traits'], [
      { trait_name: 'vip', trait_data_type: 'BOOLEAN', value: true, is_sip_header: false },
    ]);
    assert.equal(typeof dh['websocket_url'], 'string');
    assert.deepEqual((await call('GET', `/v1/digital-human/${String(dh['id'])}`)).body, r.body);
    const list = obj((await call('GET', '/v1/digital-humans?page=1&page_size=2')).body);
    assert.deepEqual([list['total_count'], list['page'], list['page_size'], list['total_pages']], [4, 1, 2, 2]);
    assert.deepEqual(
      (list['digital_humans'] as Json[]).map((d) => d['id']),
      [dh['id'], 1204],
    );
    const del = await call('DELETE', `/v1/digital-human/${String(dh['id'])}`);
    assert.equal(obj(del.body)['id'], dh['id']);
    assert.deepEqual((await call('GET', `/v1/digital-human/${String(dh['id'])}`)).body, {
      detail: 'Digital human not found',
    });
    assert.equal((await call('DELETE', `/v1/digital-human/${String(dh['id'])}`)).status, 404);
  });

  void test('update is patch-style; lists and objects replace wholesale; unknown fields ignored', async () => {
    const before = dhOf(await call('GET', '/v1/digital-human/318'));
    const r = await call('PUT', '/v1/update-digital-human/318', {
      name: 'Calmer customer',
      traits: [{ trait_name: 'tier', trait_data_type: 'STRING', value: 'gold' }],
      simulation_ids: [99],
      speaks_first_config: { speaks_first: false },
      livekit_metadata: { room: 'a' },
      bogus: 1,
    });
    assert.equal(r.status, 200);
    const after = dhOf(r);
    assert.deepEqual(
      {
        ...after,
        name: before['name'],
        traits: before['traits'],
        speaks_first_config: before['speaks_first_config'],
        livekit_metadata: null,
      },
      before,
    );
    assert.deepEqual(after['traits'], [
      { trait_name: 'tier', trait_data_type: 'STRING', value: 'gold', is_sip_header: false },
    ]);
    assert.deepEqual(after['speaks_first_config'], { speaks_first: false, mode: null, message: null });
    assert.deepEqual(obj(r.body)['simulation_ids'], [99]);
    const again = dhOf(await call('PUT', '/v1/update-digital-human/318', { livekit_metadata: { other: 1 } }));
    assert.deepEqual(again['livekit_metadata'], { other: 1 });
    const stored = obj((await admin('GET', '/__admin/store')).body)['digital_humans'] as Json[];
    assert.equal('bogus' in (stored.find((d) => d['id'] === 318) ?? {}), false);
  });

  void test('transcripts: original only is formatted, formatted only nulls original, both stored as-is', async () => {
    const o = dhOf(
      await call('PUT', '/v1/update-digital-human/318', {
        original_transcript: 'Agent: Hello.\nCustomer: I was charged twice.\nplease fix it\nUSER: Thanks.',
      }),
    );
    assert.deepEqual(o['formatted_transcript'], [
      { role: 'AGENT', utterance: 'Hello.' },
      { role: 'USER', utterance: 'I was charged twice. please fix it' },
      { role: 'USER', utterance: 'Thanks.' },
    ]);
    assert.match(String(o['intent']), /I was charged twice/);
    const turns = [{ role: 'USER', utterance: 'Hi' }];
    const f = dhOf(await call('PUT', '/v1/update-digital-human/318', { formatted_transcript: turns }));
    assert.deepEqual([f['original_transcript'], f['formatted_transcript']], [null, turns]);
    const both = dhOf(
      await call('PUT', '/v1/update-digital-human/318', {
        original_transcript: 'whatever',
        formatted_transcript: turns,
        intent: 'Kept',
      }),
    );
    assert.deepEqual(
      [both['original_transcript'], both['formatted_transcript'], both['intent']],
      ['whatever', turns, 'Kept'],
    );
  });

  void test('always-on: a second active digital human on the same number needs override_conflict', async () => {
    const id = dhOf(
      await call('POST', '/v1/create-digital-human', { digital_human: { ...NEW_DH, phone_number: '+14155550123' } }),
    )['id'];
    const r = await call('PUT', `/v1/update-digital-human/${String(id)}`, {
      always_on_mode: true,
      always_on_active: true,
    });
    assert.equal(r.status, 400);
    assert.match(String(obj(r.body)['detail']), /already used by always-on active digital human 318/);
    assert.equal(
      (
        await call('PUT', `/v1/update-digital-human/${String(id)}`, {
          always_on_mode: true,
          always_on_active: true,
          override_conflict: true,
        })
      ).status,
      200,
    );
    const store = obj((await admin('GET', '/__admin/store')).body)['digital_humans'] as Json[];
    assert.equal(store.find((d) => d['id'] === 318)?.['always_on_active'], false);
  });
});
