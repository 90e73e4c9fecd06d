/** planText: what a push would do, read from Bluejay (a stand-in, and the local server). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BluejayClient } from '../../src/core/api/client';
import { planText } from '../../src/core/sync/plan';
import { validateText } from '../../src/core/validate';
import { withServer } from './support/server';
import { textOf } from './support/text';
import { fake } from './support/sender';

const ROOT = join(__dirname, '..', '..', '..');
const PERSONA_ID = '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d';

const PERSONA = `# who\nkind: customer-persona\nid: ${PERSONA_ID}\nname: Refund seeker\ndescription: d\ngoal: g\n`;

void describe('planText with a stand-in reader', () => {
  void test('a file with errors is invalid, nothing read', async () => {
    const s = fake(200, {});
    const o = await planText('kind: digital-human\nid: 3\nvoice_speed: fastt\n', 'x.digital-human.yaml', s);
    assert.deepEqual(
      [o.kind, o.id, o.action, o.changes, o.problems.map((p) => p.code)],
      ['digital-human', 3, 'invalid', [], ['invalid-enum']],
    );
    assert.equal(s.sent.length, 0);
    assert.equal(o.remote, undefined);
  });

  void test('no id: a create of every field the file sets, nothing read', async () => {
    const s = fake(200, {});
    const o = await planText(
      'kind: customer-persona\nname: n\ndescription: d\ngoal: g\nagent_id: 4\n',
      'x.persona.yaml',
      s,
    );
    assert.deepEqual([o.action, o.id], ['create', null]);
    assert.deepEqual(o.changes, [
      { pointer: '/name', from: null, to: 'n' },
      { pointer: '/description', from: null, to: 'd' },
      { pointer: '/goal', from: null, to: 'g' },
      { pointer: '/agent_id', from: null, to: 4 },
    ]);
    assert.equal(s.sent.length, 0);
  });

  void test('an id: the GET, then the fields Bluejay holds otherwise', async () => {
    const s = fake(200, {
      id: PERSONA_ID,
      name: 'Refund seeker',
      description: 'old',
      goal: 'g',
      created_at: 't',
      org_id: 'o',
    });
    const o = await planText(PERSONA, 'x.persona.yaml', s);
    assert.deepEqual(s.sent, [
      { method: 'GET', path: `/v1/customer-persona/${PERSONA_ID}`, kind: 'customer-persona', op: 'get' },
    ]);
    assert.equal(o.action, 'update');
    assert.deepEqual(o.changes, [{ pointer: '/description', from: 'old', to: 'd' }]);
    assert.deepEqual(o.remote, {
      kind: 'customer-persona',
      id: PERSONA_ID,
      name: 'Refund seeker',
      description: 'old',
      goal: 'g',
    });
  });

  void test('unchanged when Bluejay holds what the file says', async () => {
    const o = await planText(
      PERSONA,
      'x.persona.yaml',
      fake(200, { id: PERSONA_ID, name: 'Refund seeker', description: 'd', goal: 'g' }),
    );
    assert.deepEqual([o.action, o.changes, o.problems], ['unchanged', [], []]);
  });

  void test('a 404 is invalid with server-not-found on the id; a 401 on the first line', async () => {
    const nf = await planText(PERSONA, 'x.persona.yaml', fake(404, { detail: 'Customer persona not found' }));
    assert.deepEqual([nf.action, nf.changes, nf.remote], ['invalid', [], undefined]);
    assert.deepEqual(
      nf.problems.map((p) => [p.code, p.pointer, textOf(PERSONA, p.range)]),
      [['server-not-found', '/id', PERSONA_ID]],
    );
    const auth = await planText(PERSONA, 'x.persona.yaml', fake(401, { detail: 'Invalid API key' }));
    assert.deepEqual(
      auth.problems.map((p) => [p.code, p.range.start.line]),
      [['server-auth', 1]],
    );
  });

  void test('an answer without a definition is invalid', async () => {
    const o = await planText(
      'kind: digital-human\nid: 3\nname: x\n',
      'x.digital-human.yaml',
      fake(200, { nothing: true }),
    );
    assert.deepEqual([o.action, o.problems.map((p) => p.code)], ['invalid', ['server-unavailable']]);
  });

  void test('no reader: an update listing every field, from null; warnings kept; the given validation reused', async () => {
    const text = 'kind: digital-human\nid: 3\nphone_number: "555"\n';
    const validated = validateText(text, 'x.digital-human.yaml');
    const o = await planText(text, 'ignored.json', undefined, { validated });
    assert.deepEqual(
      [o.action, o.changes, o.problems.map((p) => p.code)],
      ['update', [{ pointer: '/phone_number', from: null, to: '555' }], ['phone-number-format']],
    );
  });
});

void describe('planText against the local server', () => {
  const client = (url: string): BluejayClient =>
    new BluejayClient({ baseUrl: url, apiKey: 'test-key', userAgent: 'test' });

  void test('the examples Bluejay already holds are unchanged; an edited one is an update', () =>
    withServer(async (s) => {
      for (const f of [
        'angry-billing-customer.digital-human.yaml',
        'refund-seeker.persona.yaml',
        'workflow-replay.digital-human.yaml',
      ]) {
        const o = await planText(readFileSync(join(ROOT, 'examples', f), 'utf8'), f, client(s.url));
        assert.deepEqual([f, o.action, o.changes], [f, 'unchanged', []]);
      }
      const text = readFileSync(join(ROOT, 'examples', 'angry-billing-customer.digital-human.yaml'), 'utf8')
        .replace('voice_speed: fast', 'voice_speed: slow')
        .replace('tag: billing', 'tag: billing-2');
      const o = await planText(text, 'a.digital-human.yaml', client(s.url));
      assert.equal(o.action, 'update');
      assert.deepEqual(o.changes, [
        { pointer: '/tag', from: 'billing', to: 'billing-2' },
        { pointer: '/voice_speed', from: 'fast', to: 'slow' },
      ]);
      assert.equal(o.remote?.['id'], 318);
      assert.deepEqual(
        (await s.requests()).map((r) => [r.method, r.path]),
        [
          ['GET', '/v1/digital-human/318'],
          ['GET', `/v1/customer-persona/${PERSONA_ID}`],
          ['GET', '/v1/digital-human/1204'],
          ['GET', '/v1/digital-human/318'],
        ],
      );
    }));

  void test('an id Bluejay does not know is invalid with server-not-found', () =>
    withServer(async (s) => {
      const o = await planText('kind: digital-human\nid: 99999\nname: x\n', 'x.digital-human.yaml', client(s.url));
      assert.deepEqual(
        [o.action, o.problems.map((p) => [p.code, p.pointer])],
        ['invalid', [['server-not-found', '/id']]],
      );
    }));
});
