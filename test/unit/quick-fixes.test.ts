/** Quick fixes: each one's exact resulting text, comments and order kept. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { quickFixes, type QuickFix } from '../../src/core/fix/quickFixes';
import { validateText } from '../../src/core/validate';

function apply(text: string, fix: QuickFix): string {
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** The fixes offered for the first problem with `code` in `text`. */
function fixes(text: string, code: string, file = 'x.digital-human.yaml'): QuickFix[] {
  const r = validateText(text, file);
  const p = r.problems.find((x) => x.code === code);
  assert.ok(p, `no ${code} in ${JSON.stringify(r.problems.map((x) => x.code))}`);
  return quickFixes(text, r.format, r.kind, p);
}

const DH = 'kind: digital-human\nid: 3\n';

void describe('quick fixes in YAML', () => {
  void test('replace with the nearest allowed value (preferred), keeping quotes and the comment', () => {
    const text = `${DH}voice_speed: "fastt"  # keep me\n`;
    const [first, ...rest] = fixes(text, 'invalid-enum');
    assert.equal(first?.title, "Change to 'fast'");
    assert.equal(first?.preferred, true);
    assert.equal(apply(text, first), `${DH}voice_speed: "fast"  # keep me\n`);
    assert.equal(rest.length, 4);
  });

  void test('clamp to the documented range', () => {
    const text = `${DH}silence_timeout: 10\ncreativity: 2.5\n`;
    assert.equal(apply(text, fixes(text, 'out-of-range')[0]!), `${DH}silence_timeout: 15\ncreativity: 2.5\n`);
  });

  void test('rename an unknown key to the nearest known one', () => {
    const text = `${DH}voice_sped: fast\nname: x\n`;
    const [rename, remove] = fixes(text, 'unknown-key');
    assert.equal(rename?.title, "Rename 'voice_sped' to 'voice_speed'");
    assert.equal(apply(text, rename), `${DH}voice_speed: fast\nname: x\n`);
    assert.equal(apply(text, remove!), `${DH}name: x\n`);
  });

  void test('remove an unknown key with its nested block, comments around it stay', () => {
    const text = `${DH}# before\nbogus:\n  nested: 1\n  more: [1, 2]\n# after\nname: x\n`;
    const remove = fixes(text, 'unknown-key').find((f) => f.title.startsWith('Remove'));
    assert.equal(apply(text, remove!), `${DH}# before\n# after\nname: x\n`);
  });

  void test('remove the first key of a list item: the next key moves behind the dash', () => {
    const text = `${DH}traits:\n  - bogus: 1\n    trait_name: a\n    trait_data_type: STRING\n    value: v\n`;
    const remove = fixes(text, 'unknown-key').find((f) => f.title.startsWith('Remove'));
    assert.equal(apply(text, remove!), `${DH}traits:\n  - trait_name: a\n    trait_data_type: STRING\n    value: v\n`);
  });

  void test('remove a key from a flow mapping with its comma', () => {
    const text = `${DH}speaks_first_config: {speaks_first: true, bogus: 2, mode: ai_generated}\n`;
    const remove = fixes(text, 'unknown-key').find((f) => f.title.startsWith('Remove'));
    assert.equal(apply(text, remove!), `${DH}speaks_first_config: {speaks_first: true, mode: ai_generated}\n`);
  });

  void test("add a missing required property at the mapping's indentation", () => {
    const text = `${DH}speaks_first_config:\n  mode: ai_generated  # why\nname: x\n`;
    const [add] = fixes(text, 'missing-property');
    assert.equal(add?.title, "Add 'speaks_first'");
    assert.equal(
      apply(text, add),
      `${DH}speaks_first_config:\n  mode: ai_generated  # why\n  speaks_first: false\nname: x\n`,
    );
  });

  void test('add a missing property inside a list item and into a flow mapping', () => {
    const item = `${DH}scripted_responses:\n  - match_type: exact\n    response_type: silence\n    occurrence_mode: always\n`;
    assert.equal(
      apply(item, fixes(item, 'missing-property')[0]!),
      `${DH}scripted_responses:\n  - match_type: exact\n    response_type: silence\n    occurrence_mode: always\n    match_phrase: ""\n`,
    );
    const flow = `${DH}speaks_first_config: {mode: ai_generated}\n`;
    assert.equal(
      apply(flow, fixes(flow, 'missing-property')[0]!),
      `${DH}speaks_first_config: {mode: ai_generated, speaks_first: false}\n`,
    );
  });

  void test('a new digital human without phone_number gets it added at the top level', () => {
    const text = 'kind: digital-human\nname: x';
    assert.equal(
      apply(text, fixes(text, 'create-required')[0]!),
      'kind: digital-human\nname: x\nphone_number: "+14155550123"',
    );
  });

  void test('kind that disagrees with the file name', () => {
    const text = 'kind: customer-persona\nid: 3\n';
    assert.equal(apply(text, fixes(text, 'kind-mismatch')[0]!), 'kind: digital-human\nid: 3\n');
  });

  void test('CRLF files keep CRLF', () => {
    const text = `kind: digital-human\r\nid: 3\r\nspeaks_first_config:\r\n  mode: ai_generated\r\n`;
    assert.equal(
      apply(text, fixes(text, 'missing-property')[0]!),
      `kind: digital-human\r\nid: 3\r\nspeaks_first_config:\r\n  mode: ai_generated\r\n  speaks_first: false\r\n`,
    );
  });
});

void describe('quick fixes in JSON', () => {
  const F = 'x.digital-human.json';

  void test('replace, rename and remove keep the rest byte for byte', () => {
    const text = '{\n  "kind": "digital-human",\n  "id": 3,\n  "language": "enn",\n  "voice_sped": "fast"\n}\n';
    assert.equal(apply(text, fixes(text, 'invalid-enum', F)[0]!), text.replace('"enn"', '"en"'));
    const [rename, remove] = fixes(text, 'unknown-key', F);
    assert.equal(apply(text, rename!), text.replace('"voice_sped"', '"voice_speed"'));
    assert.equal(apply(text, remove!), '{\n  "kind": "digital-human",\n  "id": 3,\n  "language": "enn"\n}\n');
  });

  void test('remove keeps unrelated lines byte for byte: a one-line list before the key stays one line', () => {
    const text = '{\n  "kind": "digital-human",\n  "id": 3,\n  "simulation_ids": [1, 2],\n  "bogus": 1\n}\n';
    const remove = fixes(text, 'unknown-key', F).find((f) => f.title.startsWith('Remove'));
    assert.equal(apply(text, remove!), '{\n  "kind": "digital-human",\n  "id": 3,\n  "simulation_ids": [1, 2]\n}\n');
    assert.equal(remove?.edits.length, 1, 'one minimal edit');
  });

  void test('a rename writes the key in its place, quoted as it was', () => {
    const text = '{"kind": "digital-human", "id": 3, "name": "n", "voice_sped": "x"}';
    const [rename] = fixes(text, 'unknown-key', F);
    assert.equal(rename?.title, "Rename 'voice_sped' to 'voice_speed'");
    assert.equal(apply(text, rename), '{"kind": "digital-human", "id": 3, "name": "n", "voice_speed": "x"}');
  });

  void test('no rename onto a key that is already there', () => {
    const text = '{"kind": "digital-human", "id": 3, "voice_speed": "fast", "voice_sped": "x"}';
    assert.deepEqual(
      fixes(text, 'unknown-key', F).map((f) => f.title),
      ["Remove 'voice_sped'"],
    );
  });

  void test("add a missing property with the file's indentation", () => {
    const text =
      '{\n    "kind": "digital-human",\n    "id": 3,\n    "speaks_first_config": {\n        "mode": "ai_generated"\n    }\n}';
    assert.equal(
      apply(text, fixes(text, 'missing-property', F)[0]!),
      '{\n    "kind": "digital-human",\n    "id": 3,\n    "speaks_first_config": {\n        "mode": "ai_generated",\n        "speaks_first": false\n    }\n}',
    );
  });
});
