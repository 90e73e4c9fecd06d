/** The local Bluejay-compatible server (test/server): what it refuses of digital humans (422, 400). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverPerFile, NEW_DH, call, obj, dhOf, locs, type Json } from './support/serverCalls';

serverPerFile();

void describe('digital humans: refused', () => {
  void test('422: top level (several), nested with index, create via digital_human, coercion', async () => {
    const r = await call('PUT', '/v1/update-digital-human/318', {
      silence_timeout: 5,
      creativity: 3,
      background_noise_volume: -1,
      num_runs: 0,
      accent: 'klingon',
      traits: [
        { trait_name: 'a', trait_data_type: 'STRING', value: 1 },
        { trait_name: 'b', trait_data_type: 'STRING' },
      ],
    });
    assert.equal(r.status, 422);
    assert.deepEqual(locs(r), [
      ['body', 'accent'],
      ['body', 'background_noise_volume'],
      ['body', 'creativity'],
      ['body', 'silence_timeout'],
      ['body', 'traits', 1, 'value'],
      ['body', 'num_runs'],
    ]);
    const first = (obj(r.body)['detail'] as Json[])[3];
    assert.deepEqual(first, {
      type: 'greater_than_equal',
      loc: ['body', 'silence_timeout'],
      msg: 'Input should be greater than or equal to 15',
      input: 5,
      ctx: { ge: 15 },
    });
    const sr = await call('PUT', '/v1/update-digital-human/318', {
      scripted_responses: [
        {
          match_type: 'exact',
          match_phrase: 'x',
          response_type: 'phrase',
          occurrence_mode: 'first_n',
          occurrence_n: 0,
        },
      ],
    });
    assert.deepEqual(locs(sr), [['body', 'scripted_responses', 0, 'occurrence_n']]);
    const c = await call('POST', '/v1/create-digital-human', {
      digital_human: { voice_speed: 'warp', formatted_transcript: [{ role: 'USER', utterance: 3 }] },
    });
    assert.deepEqual(locs(c), [
      ['body', 'digital_human', 'voice_speed'],
      ['body', 'digital_human', 'phone_number'],
      ['body', 'digital_human', 'formatted_transcript', 0, 'utterance'],
    ]);
    assert.deepEqual(locs(await call('POST', '/v1/create-digital-human', { simulation_ids: [1] })), [
      ['body', 'digital_human'],
    ]);
    const coerced = await call('PUT', '/v1/update-digital-human/318', {
      silence_timeout: '20',
      allow_end_call_tool: 'no',
    });
    assert.deepEqual([dhOf(coerced)['silence_timeout'], dhOf(coerced)['allow_end_call_tool']], [20, false]);
  });

  void test('422: bad JSON, missing body, non-object body, path id, page_size, cross-field rules', async () => {
    const bad = await call('PUT', '/v1/update-digital-human/318', undefined, 'test-key', '{"name": ');
    assert.equal(bad.status, 422);
    assert.deepEqual(locs(bad), [['body']]);
    assert.equal((obj(bad.body)['detail'] as Json[])[0]?.['type'], 'json_invalid');
    assert.deepEqual(locs(await call('PUT', '/v1/update-digital-human/318')), [['body']]);
    assert.deepEqual(locs(await call('PUT', '/v1/update-digital-human/318', [1])), [['body']]);
    assert.deepEqual(locs(await call('GET', '/v1/digital-human/abc')), [['path', 'digital_human_id']]);
    assert.deepEqual(locs(await call('PUT', '/v1/update-digital-human/abc', { num_runs: 0 })), [
      ['path', 'digital_human_id'],
      ['body', 'num_runs'],
    ]);
    for (const q of ['page_size=0', 'page_size=101', 'page_size=x'])
      assert.deepEqual(locs(await call('GET', `/v1/digital-humans?${q}`)), [['query', 'page_size']]);
    assert.equal(obj((await call('GET', '/v1/digital-humans?page_size=100')).body)['page_size'], 100);
    const sf = await call('PUT', '/v1/update-digital-human/318', {
      speaks_first_config: { speaks_first: true, mode: 'custom', message: '' },
    });
    assert.deepEqual(
      (obj(sf.body)['detail'] as Json[]).map((d) => [d['loc'], d['type']]),
      [[['body', 'speaks_first_config'], 'value_error']],
    );
    const kw = await call('PUT', '/v1/update-digital-human/318', {
      interruptions: { type: 'keywords', keyword_responses: [{ keyword: 'a', response: 'b', probability: 2 }] },
    });
    assert.ok(
      locs(kw).some(
        (l) =>
          JSON.stringify(l) ===
          JSON.stringify(['body', 'interruptions', 'Keywords', 'keyword_responses', 0, 'probability']),
      ),
    );
  });

  void test('400: phone numbers not in E.164', async () => {
    const c = await call('POST', '/v1/create-digital-human', {
      digital_human: { ...NEW_DH, phone_number: '415-555-0100' },
    });
    assert.equal(c.status, 400);
    assert.match(String(obj(c.body)['detail']), /^Invalid phone number: 415-555-0100/);
    const u = await call('PUT', '/v1/update-digital-human/318', { outbound_text_number: '12345' });
    assert.match(String(obj(u.body)['detail']), /^Invalid outbound text number/);
    assert.equal((await call('PUT', '/v1/update-digital-human/318', { phone_number: '+442079460999' })).status, 200);
  });

  void test('400: workflow tags lock fields; resending stored values and enriched_playback are fine', async () => {
    const stored = dhOf(await call('GET', '/v1/digital-human/1204'));
    const one = await call('PUT', '/v1/update-digital-human/1204', { intent: 'Something else' });
    assert.deepEqual(
      [one.status, one.body],
      [400, { detail: 'Workflow-tagged digital human: field changes not allowed: intent' }],
    );
    const two = await call('PUT', '/v1/update-digital-human/1204', { role_description: 'x', formatted_transcript: [] });
    assert.match(String(obj(two.body)['detail']), /role_description, formatted_transcript$/);
    const locked = ['intent', 'success_criteria', 'role_description', 'original_transcript', 'formatted_transcript'];
    const same = Object.fromEntries(locked.map((k) => [k, stored[k]]));
    const ok = await call('PUT', '/v1/update-digital-human/1204', {
      ...same,
      name: 'Renamed',
      enriched_playback: [{ turn: 1, audio: 'a.wav' }],
    });
    assert.equal(ok.status, 200);
    assert.deepEqual({ ...dhOf(ok), name: stored['name'], enriched_playback: null }, stored);
    assert.equal(
      (await call('PUT', '/v1/update-digital-human/1204', { tag: 'checkout', intent: 'Free now' })).status,
      200,
    );
    const tagged = await call('PUT', '/v1/update-digital-human/318', {
      tag: 'Billing-WORKFLOW',
      success_criteria: 'changed',
    });
    assert.match(String(obj(tagged.body)['detail']), /success_criteria/);
  });
});
