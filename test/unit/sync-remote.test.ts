/** Bluejay's copy in the file's terms: keeps, the schema's fields, fromRemote, changes, and the pulled text. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { BluejayClient } from '../../src/core/api/client';
import { getRequest, resourceOf } from '../../src/core/api/request';
import { KINDS } from '../../src/core/kinds';
import {
  changesBetween,
  definitionFields,
  fromRemote,
  keeps,
  pullText,
  renderDefinition,
} from '../../src/core/sync/remote';
import { validateText } from '../../src/core/validate';
import { withServer } from './support/server';

void describe('keeps', () => {
  void test('null and absent are the same; scalars equal', () => {
    assert.equal(keeps(null, undefined), true);
    assert.equal(keeps(undefined, null), true);
    assert.equal(keeps(null, 0), false);
    assert.equal(keeps('a', 'a'), true);
    assert.equal(keeps(1, '1'), false);
  });

  void test('objects keep every key sent; extra keys filled by the server are no change', () => {
    assert.equal(keeps({ a: 1 }, { a: 1, b: false }), true);
    assert.equal(keeps({ a: 1, b: null }, { a: 1 }), true);
    assert.equal(keeps({ a: 1, b: 2 }, { a: 1 }), false);
    assert.equal(keeps({ a: 1 }, [1]), false);
  });

  void test('lists: same length, item by item', () => {
    assert.equal(keeps([{ t: 'x' }], [{ t: 'x', is_sip_header: false }]), true);
    assert.equal(keeps([1, 2], [1, 2, 3]), false);
    assert.equal(keeps([1, 2], [2, 1]), false);
    assert.equal(keeps([], {}), false);
  });
});

void describe('definitionFields', () => {
  void test("the schema's top-level fields but the meta keys, in schema order", () => {
    assert.deepEqual(definitionFields('customer-persona'), ['name', 'description', 'goal', 'agent_id']);
    const dh = definitionFields('digital-human');
    assert.deepEqual(dh.slice(0, 4), ['intent', 'success_criteria', 'name', 'tag']);
    assert.deepEqual(dh.slice(-4), ['livekit_metadata', 'always_on_mode', 'always_on_active', 'override_conflict']);
    assert.equal(dh.length, 38);
    for (const meta of ['kind', 'id', '$schema', 'environment']) assert.ok(!dh.includes(meta));
  });
});

void describe('fromRemote', () => {
  void test("kind, id, then the schema's fields in schema order; server fields and nulls dropped", () => {
    const resource = {
      goal: 'g',
      id: 'c2d4f6a8-1b3c-4d5e-9f70-8a9b0c1d2e3f',
      created_at: '2025-01-01T00:00:00Z',
      org_id: 'o',
      name: 'n',
      description: null,
    };
    assert.deepEqual(Object.entries(fromRemote('customer-persona', resource)), [
      ['kind', 'customer-persona'],
      ['id', 'c2d4f6a8-1b3c-4d5e-9f70-8a9b0c1d2e3f'],
      ['name', 'n'],
      ['goal', 'g'],
    ]);
  });

  void test('a digital human keeps its simulation_ids and loses websocket_url, workflow ids and simulation_id', () => {
    const resource = resourceOf('digital-human', {
      digital_human: { id: 7, name: 'x', websocket_url: 'ws://h', workflow_v2_id: null, tag: null, traits: [] },
      simulation_ids: [1],
      simulation_id: 1,
    });
    assert.ok(resource);
    assert.deepEqual(fromRemote('digital-human', resource), {
      kind: 'digital-human',
      id: 7,
      name: 'x',
      simulation_ids: [1],
      traits: [],
    });
  });
});

void describe('changesBetween', () => {
  const local = {
    kind: 'digital-human',
    id: 7,
    name: 'New',
    tag: 'billing',
    num_runs: 2,
    silence_timeout: null,
    traits: [{ trait_name: 'a', trait_data_type: 'STRING', value: 'v' }],
  };

  void test('no remote (a create): every field the file sets, from null, in file order', () => {
    assert.deepEqual(changesBetween(local, undefined), [
      { pointer: '/name', from: null, to: 'New' },
      { pointer: '/tag', from: null, to: 'billing' },
      { pointer: '/num_runs', from: null, to: 2 },
      { pointer: '/silence_timeout', from: null, to: null },
      { pointer: '/traits', from: null, to: [{ trait_name: 'a', trait_data_type: 'STRING', value: 'v' }] },
    ]);
  });

  void test('a remote: only fields Bluejay holds otherwise; a field it leaves out (null in fromRemote) is null; num_runs is never read back', () => {
    const remote = {
      kind: 'digital-human',
      id: 7,
      name: 'Old',
      traits: [{ trait_name: 'a', trait_data_type: 'STRING', value: 'v', is_sip_header: false }],
    };
    assert.deepEqual(changesBetween(local, remote), [
      { pointer: '/name', from: 'Old', to: 'New' },
      { pointer: '/tag', from: null, to: 'billing' },
    ]);
  });

  void test('a remote that carries num_runs is compared on it', () => {
    assert.deepEqual(changesBetween({ num_runs: 2 }, { num_runs: 1 }), [{ pointer: '/num_runs', from: 1, to: 2 }]);
    assert.deepEqual(changesBetween({ kind: 'customer-persona', id: 'x', name: 'n', agent_id: 5 }, { name: 'n' }), []);
  });
});

void describe('renderDefinition', () => {
  const def = {
    name: 'Caller',
    id: 5,
    kind: 'digital-human',
    phone_number: '+14155550123',
    tag: 'yes',
    intent: `${'word '.repeat(30)}end`,
    original_transcript: 'Agent: hi\nCustomer: hello\n',
    traits: [{ trait_name: 'd', trait_data_type: 'DATE', value: '2024-03-15' }],
    hangup_phrases: [],
    interruptions: { type: 'none' },
  };

  void test('YAML: kind, id, then the fields; block style; long lines kept; strings other readers misread quoted', () => {
    assert.equal(
      renderDefinition(def, 'yaml'),
      [
        'kind: digital-human',
        'id: 5',
        'name: Caller',
        'phone_number: "+14155550123"',
        'tag: "yes"',
        `intent: ${'word '.repeat(30)}end`,
        'original_transcript: |',
        '  Agent: hi',
        '  Customer: hello',
        'traits:',
        '  - trait_name: d',
        '    trait_data_type: DATE',
        '    value: "2024-03-15"',
        'hangup_phrases: []',
        'interruptions:',
        '  type: none',
        '',
      ].join('\n'),
    );
  });

  void test('JSON: 2-space indent, kind and id first, final newline', () => {
    assert.equal(
      renderDefinition({ name: 'n', kind: 'customer-persona' }, 'json'),
      '{\n  "kind": "customer-persona",\n  "name": "n"\n}\n',
    );
  });

  void test('every seed resource of the local server pulls to text that validates and reads back as fromRemote', () =>
    withServer(async (s) => {
      const client = new BluejayClient({ baseUrl: s.url, apiKey: 'test-key', userAgent: 'test' });
      const ids: Record<(typeof KINDS)[number], (string | number)[]> = {
        'customer-persona': [
          '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d',
          'c2d4f6a8-1b3c-4d5e-9f70-8a9b0c1d2e3f',
          '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b',
        ],
        'digital-human': [205, 318, 1204],
      };
      for (const kind of KINDS) {
        for (const id of ids[kind]) {
          const resource = resourceOf(kind, (await client.send(getRequest(kind, id))).data);
          assert.ok(resource);
          for (const format of ['yaml', 'json'] as const) {
            const text = pullText(kind, resource, format);
            const result = validateText(text, `pulled.${format}`);
            assert.deepEqual(
              result.problems.filter((p) => p.severity !== 'information'),
              [],
              `${kind} ${id} ${format}`,
            );
            assert.deepEqual(format === 'json' ? JSON.parse(text) : parse(text), fromRemote(kind, resource));
            assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
          }
        }
      }
    }));
});
