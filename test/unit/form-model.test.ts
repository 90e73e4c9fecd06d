/** The form is generated from the schema: every field appears, with the control its type calls for. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formModel, type FieldSpec } from '../../src/core/form/model';
import { isWebviewMessage } from '../../src/core/form/protocol';
import { SCHEMAS } from '../../src/core/schema/schemas';

void test('every top-level API field of both kinds is in the form, once', () => {
  for (const kind of ['customer-persona', 'digital-human'] as const) {
    const keys = formModel(kind)
      .groups.flatMap((g) => g.fields.map((f) => f.key))
      .sort();
    const expected = Object.keys(SCHEMAS[kind].properties ?? {})
      .filter((k) => !['kind', 'id', '$schema', 'environment'].includes(k))
      .sort();
    assert.deepEqual(keys, expected, kind);
  }
});

void test('controls follow the schema: enums, ranges, lists of objects, variants, free-form JSON', () => {
  const fields = new Map<string, FieldSpec>(
    formModel('digital-human').groups.flatMap((g) => g.fields.map((f) => [f.key, f] as [string, FieldSpec])),
  );
  assert.deepEqual(
    [fields.get('voice_speed')?.control, fields.get('voice_speed')?.options, fields.get('voice_speed')?.nullable],
    ['enum', ['slowest', 'slow', 'normal', 'fast', 'fastest'], true],
  );
  assert.deepEqual(
    [fields.get('creativity')?.control, fields.get('creativity')?.minimum, fields.get('creativity')?.maximum],
    ['number', 0, 2],
  );
  assert.deepEqual(
    fields
      .get('scripted_responses')
      ?.fields?.map((f) => [f.key, f.required])
      .slice(0, 2),
    [
      ['match_type', true],
      ['match_phrase', true],
    ],
  );
  assert.equal(fields.get('hangup_phrases')?.item?.control, 'text');
  const interruptions = fields.get('interruptions');
  assert.equal(interruptions?.control, 'variant');
  assert.deepEqual(
    interruptions?.variants?.map((v) => v.title),
    ['Level', 'Keywords', 'Contextual'],
  );
  assert.equal(fields.get('livekit_metadata')?.control, 'json');
});

void test('the host checks every message from the webview', () => {
  assert.equal(
    isWebviewMessage({ type: 'edit', version: 3, edit: { op: 'set', path: ['voice_speed'], value: 'fast' } }),
    true,
  );
  for (const command of ['push', 'diff', 'pull', 'run', 'showSource'])
    assert.equal(isWebviewMessage({ type: 'command', command }), true, command);
  for (const bad of [
    null,
    'x',
    { type: 'edit', version: 3, edit: { op: 'drop', path: [] } },
    { type: 'edit', version: 3, edit: { op: 'move', path: ['a'], from: -1, to: 0 } },
    { type: 'command', command: 'rm -rf' },
    { type: 'edit', edit: { op: 'unset', path: [1] } },
  ]) {
    assert.equal(isWebviewMessage(bad), false, JSON.stringify(bad));
  }
});
