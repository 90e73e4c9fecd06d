/** The cursor's place in half-typed YAML, read from indentation (completion and hover stand on it). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { yamlContextAt, yamlKeyPathAt } from '../../src/core/assist/yamlContext';

/** The context at the `|` in `doc` (the bar is removed). */
function at(doc: string): ReturnType<typeof yamlContextAt> {
  const offset = doc.indexOf('|');
  return yamlContextAt(doc.slice(0, offset) + doc.slice(offset + 1), offset);
}

const DOC = `kind: digital-human
name: Caller
speaks_first_config:
  speaks_first: true
  |
scripted_responses:
  - match_type: exact
    match_phrase: hi
  - match_type: context
    |
traits:
- trait_name: a
  trait_data_type: STRING
- |
voice_speed: fa|
`;

void describe('yamlContextAt', () => {
  void test('a key at the top level, with the keys already there', () => {
    const c = at('kind: digital-human\nname: x\nvoi|\nid: 3\n');
    assert.deepEqual(c?.path, []);
    assert.equal(c?.at, 'key');
    assert.deepEqual([...(c?.existingKeys ?? [])].sort(), ['id', 'kind', 'name']);
    assert.deepEqual(c?.replace, [28, 31]);
  });

  void test('a key inside a nested mapping', () => {
    const nested = at(DOC.split('\n').slice(0, 5).join('\n'));
    assert.deepEqual(nested?.path, ['speaks_first_config']);
    assert.deepEqual(nested?.existingKeys, ['speaks_first']);
  });

  void test('a key of a list item, and the item index', () => {
    const lines = DOC.split('\n');
    const doc = [...lines.slice(0, 4), '', ...lines.slice(5, 10)].join('\n');
    const c = at(doc);
    assert.deepEqual(c?.path, ['scripted_responses', '1']);
    assert.deepEqual(c?.existingKeys, ['match_type']);
  });

  void test("a new list item in a sequence at its key's own column", () => {
    const doc = 'traits:\n- trait_name: a\n  trait_data_type: STRING\n- |';
    assert.deepEqual(at(doc)?.path, ['traits', '1']);
    assert.deepEqual(at(doc)?.existingKeys, []);
  });

  void test('a value after `key: `', () => {
    const c = at('kind: digital-human\nvoice_speed: fa|\n');
    assert.equal(c?.at, 'value');
    assert.equal(c?.key, 'voice_speed');
    assert.deepEqual(c?.path, []);
    assert.deepEqual(c?.replace, [33, 35]);
  });

  void test('a value inside a list item on its dash line', () => {
    const c = at('scripted_responses:\n  - match_type: |');
    assert.deepEqual([c?.path, c?.key], [['scripted_responses', '0'], 'match_type']);
  });

  void test('deeper nesting: keyword responses inside interruptions', () => {
    const doc =
      'interruptions:\n  type: keywords\n  keyword_responses:\n    - keyword: refund\n      response: now\n    - keyword: x\n      |';
    assert.deepEqual(at(doc)?.path, ['interruptions', 'keyword_responses', '1']);
  });

  void test('comments and blank lines do not count; CRLF works', () => {
    const doc = 'speaks_first_config:\r\n  # a comment\r\n\r\n  speaks_first: true\r\n  |';
    assert.deepEqual(at(doc)?.path, ['speaks_first_config']);
  });

  void test('inside a multi-line scalar there is no context', () => {
    assert.equal(at('intent: >\n  first line\n  sec|'), undefined);
  });
});

void describe('yamlKeyPathAt', () => {
  void test('the key under the cursor, nested and in lists', () => {
    const doc = 'kind: digital-human\nscripted_responses:\n  - match_type: exact\n    response_type: phrase\n';
    assert.deepEqual(yamlKeyPathAt(doc, doc.indexOf('kind') + 1), ['kind']);
    assert.deepEqual(yamlKeyPathAt(doc, doc.indexOf('match_type') + 3), ['scripted_responses', '0', 'match_type']);
    assert.deepEqual(yamlKeyPathAt(doc, doc.indexOf('response_type')), ['scripted_responses', '0', 'response_type']);
    assert.equal(yamlKeyPathAt(doc, doc.indexOf('exact') + 1), undefined);
  });
});
