/** driftOf and resolveDrift: who changed what since the baseline, and taking Bluejay's side. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editsFor } from '../../src/core/edit/engine';
import { driftOf, resolveDrift, type FieldDrift } from '../../src/core/sync/drift';
import { applyEdits } from '../../src/core/edit/apply';

const row = (
  pointer: string,
  base: unknown,
  local: unknown,
  remote: unknown,
  localChanged: boolean,
  remoteChanged: boolean,
  conflict: boolean,
): FieldDrift => ({ pointer, base, local, remote, localChanged, remoteChanged, conflict });

void describe('driftOf', () => {
  const base = { name: 'A', tag: 'billing', silence_timeout: 30, num_runs: 2 };

  void test('in sync: nothing moved (server-filled extras and fields the remote does not carry are no change)', () => {
    const b = { ...base, traits: [{ trait_name: 't', trait_data_type: 'STRING', value: 'v' }] };
    const remote = {
      name: 'A',
      tag: 'billing',
      silence_timeout: 30,
      traits: [{ trait_name: 't', trait_data_type: 'STRING', value: 'v', is_sip_header: false }],
    };
    const d = driftOf(b, b, remote);
    assert.equal(d.status, 'in-sync');
    assert.deepEqual(
      d.fields.map((f) => [f.pointer, f.localChanged, f.remoteChanged, f.conflict]),
      [
        ['/name', false, false, false],
        ['/tag', false, false, false],
        ['/silence_timeout', false, false, false],
        ['/num_runs', false, false, false],
        ['/traits', false, false, false],
      ],
    );
    assert.equal(d.fields[3]?.remote, undefined);
  });

  void test('local-changed and remote-changed', () => {
    assert.equal(driftOf(base, { ...base, name: 'B' }, base).status, 'local-changed');
    const r = driftOf(base, base, { ...base, silence_timeout: 45 });
    assert.equal(r.status, 'remote-changed');
    assert.deepEqual(r.fields[2], row('/silence_timeout', 30, 30, 45, false, true, false));
  });

  void test('a field the remote now lacks (null there) changed remotely; one the file removed changed locally', () => {
    const d = driftOf(base, { name: 'A', silence_timeout: 30, num_runs: 2 }, { name: 'A', silence_timeout: 30 });
    assert.equal(d.status, 'both-changed');
    assert.deepEqual(
      d.fields.find((f) => f.pointer === '/tag'),
      row('/tag', 'billing', null, null, true, true, false),
    );
  });

  void test('both changed: a conflict only where the two differ', () => {
    const d = driftOf(
      base,
      { ...base, name: 'Local', tag: 'same' },
      { ...base, name: 'Remote', tag: 'same', silence_timeout: 45 },
    );
    assert.equal(d.status, 'both-changed');
    assert.deepEqual(d.fields.slice(0, 3), [
      row('/name', 'A', 'Local', 'Remote', true, true, true),
      row('/tag', 'billing', 'same', 'same', true, true, false),
      row('/silence_timeout', 30, 30, 45, false, true, false),
    ]);
  });

  void test('fields the file adds, and fields the baseline does not know, are not remote changes', () => {
    const d = driftOf(
      { name: 'A' },
      { name: 'A', tag: 'new' },
      { name: 'A', language: 'en', tag: 'old', created_at: 'x' },
    );
    assert.equal(d.status, 'local-changed');
    assert.deepEqual(d.fields, [
      row('/name', 'A', 'A', 'A', false, false, false),
      row('/tag', undefined, 'new', 'old', true, false, false),
      row('/language', undefined, null, 'en', false, false, false),
    ]);
  });

  void test('no remote read: nothing changed remotely', () => {
    assert.equal(driftOf(base, base, undefined).status, 'in-sync');
    assert.equal(driftOf(base, { ...base, tag: 'x' }, undefined).fields[1]?.remote, undefined);
  });

  void test('no baseline: every difference is a conflict to choose on', () => {
    const d = driftOf(undefined, { name: 'A', num_runs: 3 }, { name: 'B' });
    assert.equal(d.status, 'no-baseline');
    assert.deepEqual(d.fields, [
      row('/name', undefined, 'A', 'B', true, true, true),
      row('/num_runs', undefined, 3, undefined, false, false, false),
    ]);
  });
});

void describe('resolveDrift', () => {
  const fields = [
    row('/name', 'A', 'Local', 'Remote', true, true, true),
    row('/tag', 'billing', 'mine', null, true, true, true),
    row('/traits', null, null, [{ trait_name: 't', trait_data_type: 'STRING', value: 'v' }], false, true, false),
    row('/num_runs', 2, 3, undefined, true, false, false),
    row('/language', 'en', 'en', 'en', false, false, false),
  ];

  void test('sets or unsets where the remote is chosen; nothing where the local is, the remote unknown, or already equal', () => {
    const choice = {
      '/name': 'remote',
      '/tag': 'remote',
      '/traits': 'remote',
      '/num_runs': 'remote',
      '/language': 'remote',
    } as const;
    assert.deepEqual(resolveDrift(fields, choice), [
      { op: 'set', path: ['name'], value: 'Remote' },
      { op: 'unset', path: ['tag'] },
      { op: 'set', path: ['traits'], value: [{ trait_name: 't', trait_data_type: 'STRING', value: 'v' }] },
    ]);
    assert.deepEqual(resolveDrift(fields, { '/name': 'local' }), []);
  });

  void test('the ops applied with editsFor give the remote values, comments kept', () => {
    let text = '# c\nkind: digital-human\nid: 3\nname: Local  # who\ntag: mine\n';
    for (const op of resolveDrift(fields, { '/name': 'remote', '/tag': 'remote', '/traits': 'remote' })) {
      const r = editsFor(text, 'yaml', op);
      assert.ok(r.ok);
      text = applyEdits(text, r.edits);
    }
    assert.equal(
      text,
      '# c\nkind: digital-human\nid: 3\nname: Remote  # who\ntraits:\n  - trait_name: t\n    trait_data_type: STRING\n    value: v\n',
    );
  });
});
