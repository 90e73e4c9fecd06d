/** refreshEdits: a file brought in step with Bluejay's copy as one minimal edit, comments and layout kept. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { refreshEdits } from '../../src/core/sync/refresh';
import { fromRemote } from '../../src/core/sync/remote';
import type { Format } from '../../src/core/kinds';
import { applyEdits } from '../../src/core/edit/apply';

const ROOT = join(__dirname, '..', '..', '..');

function refreshed(
  text: string,
  format: Format,
  remote: Record<string, unknown>,
): { text: string; changed: string[]; edits: number } {
  const r = refreshEdits(text, format, remote);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return { text: applyEdits(text, r.edits), changed: r.changed, edits: r.edits.length };
}

const DH = `# Digital human
kind: digital-human

# who
name: Old name   # keep this comment
tag: 'billing'
silence_timeout: 30 # seconds
num_runs: 2
traits:
  # the account
  - trait_name: account
    trait_data_type: STRING
    value: ACC-1
intent: >-
  folded
  text
`;

void describe('refreshEdits', () => {
  void test('YAML: the id after kind, changed values in place, a value Bluejay holds none of removed, new non-default fields added; comments and quoting kept', () => {
    const remote = {
      kind: 'digital-human',
      id: 318,
      name: 'New name',
      tag: 'billing',
      intent: 'folded text',
      language: 'fr',
      audio_quality: 'high',
      interruptions: { type: 'none' },
      traits: [{ trait_name: 'account', trait_data_type: 'STRING', value: 'ACC-1', is_sip_header: false }],
      hangup_phrases: ['bye'],
    };
    const r = refreshed(DH, 'yaml', remote);
    assert.equal(r.edits, 1);
    assert.deepEqual(r.changed, ['/id', '/name', '/silence_timeout', '/language', '/hangup_phrases']);
    assert.equal(
      r.text,
      `# Digital human
kind: digital-human
id: 318

# who
name: New name   # keep this comment
tag: 'billing'
num_runs: 2
traits:
  # the account
  - trait_name: account
    trait_data_type: STRING
    value: ACC-1
intent: >-
  folded
  text
language: fr
hangup_phrases:
  - bye
`,
    );
  });

  void test('JSON: the id after kind, a changed value, a field Bluejay holds none of removed; indentation kept', () => {
    const text = '{\n  "kind": "customer-persona",\n  "name": "Old",\n  "description": "d",\n  "goal": "g"\n}\n';
    const r = refreshed(text, 'json', {
      kind: 'customer-persona',
      id: 'c2d4f6a8-1b3c-4d5e-9f70-8a9b0c1d2e3f',
      name: 'New',
      goal: 'g',
    });
    assert.deepEqual(r.changed, ['/id', '/name', '/description']);
    assert.equal(
      r.text,
      '{\n  "kind": "customer-persona",\n  "id": "c2d4f6a8-1b3c-4d5e-9f70-8a9b0c1d2e3f",\n  "name": "New",\n  "goal": "g"\n}\n',
    );
  });

  void test('CRLF line ends stay', () => {
    const r = refreshed('kind: customer-persona\r\nid: p\r\nname: a\r\n', 'yaml', {
      kind: 'customer-persona',
      id: 'p',
      name: 'b',
      goal: 'g',
    });
    assert.equal(r.text, 'kind: customer-persona\r\nid: p\r\nname: b\r\ngoal: g\r\n');
  });

  void test('no edit when the file already says what Bluejay holds (the examples against their sources)', () => {
    const example = readFileSync(join(ROOT, 'examples', 'refund-seeker.persona.yaml'), 'utf8');
    const remote = fromRemote('customer-persona', {
      id: '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d',
      created_at: 'x',
      org_id: 'o',
      name: 'Refund seeker',
      description:
        'Maria, 42, ordered a standing desk three weeks ago. It arrived a week late with a cracked leg. She is polite but firm, has her order number ready and little patience for scripted apologies.',
      goal: 'Get a full refund to her original payment method without having to ship the heavy desk back herself.',
    });
    assert.deepEqual(refreshEdits(example, 'yaml', remote), { ok: true, edits: [], changed: [] });
    assert.deepEqual(
      refreshEdits('kind: digital-human\nid: 3\nnum_runs: 4\nlanguage: en\n', 'yaml', {
        kind: 'digital-human',
        id: 3,
        language: 'en',
        voice_speed: 'normal',
      }),
      { ok: true, edits: [], changed: [] },
    );
  });

  void test('refused: another kind, another id, an unreadable file, a remote without kind', () => {
    const remote = { kind: 'customer-persona', id: 'p', name: 'n' };
    assert.deepEqual(refreshEdits('kind: digital-human\nname: n\n', 'yaml', remote), {
      ok: false,
      reason: 'The file defines "digital-human", not customer-persona.',
    });
    assert.deepEqual(refreshEdits('kind: customer-persona\nid: q\n', 'yaml', remote), {
      ok: false,
      reason: 'The file is for id "q", not "p".',
    });
    const broken = refreshEdits('name: [\n', 'yaml', remote);
    assert.equal(broken.ok, false);
    assert.match(broken.ok ? '' : broken.reason, /^The file cannot be read: /);
    assert.deepEqual(refreshEdits('- a\n', 'yaml', remote), {
      ok: false,
      reason: 'The file does not hold a mapping of fields.',
    });
    assert.deepEqual(refreshEdits('name: n\n', 'yaml', { name: 'n' }), {
      ok: false,
      reason: 'The remote definition has no kind.',
    });
  });
});
