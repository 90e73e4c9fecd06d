/**
 * The form's edits on YAML (set) of the document's structure: missing keys and parents, objects and
 * lists. Comments, key order, quoting and every unrelated line stay byte for byte; whole texts are compared.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { edit, refused, set } from './helpers/formEdits';
import { DH, dh } from './support/formDh';

void describe('form edits, YAML: missing keys and parents', () => {
  void test('a missing top-level key goes after the last entry, before the comments that end the file', () => {
    assert.equal(
      edit(DH, set('num_runs', 2)),
      dh('simulation_ids: [57, 61]\n', 'simulation_ids: [57, 61]\nnum_runs: 2\n'),
    );
  });

  void test('a nested key whose parent is missing creates the parent as a mapping', () => {
    const text = 'kind: digital-human\nname: x  # the name\n';
    assert.equal(
      edit(text, set('speaks_first_config/mode', 'custom')),
      'kind: digital-human\nname: x  # the name\nspeaks_first_config:\n  mode: custom\n',
    );
  });

  void test('a nested key whose parent is null, empty or {} replaces it with a block mapping', () => {
    for (const empty of [' null', '', ' ~', ' {}']) {
      const text = `speaks_first_config:${empty}\nname: x\n`;
      assert.equal(
        edit(text, set('speaks_first_config/mode', 'custom')),
        'speaks_first_config:\n  mode: custom\nname: x\n',
      );
    }
  });

  void test("a key set inside a list item: replaced in place, or added at the item keys' column", () => {
    assert.equal(edit(DH, set('scripted_responses/1/occurrence_n', 3)), dh('occurrence_n: 1', 'occurrence_n: 3'));
    assert.equal(
      edit(DH, set('scripted_responses/0/occurrence_mode', 'always')),
      dh('response_value: ACC-1\n', 'response_value: ACC-1\n    occurrence_mode: always\n'),
    );
  });

  void test('a flow mapping gets the key inside its braces, quoted as flow style needs', () => {
    assert.equal(edit(DH, set('speaks_first_config/mode', 'custom')), dh('mode: ai_generated}', 'mode: custom}'));
    assert.equal(
      edit(DH, set('speaks_first_config/message', 'Hello, I need help.')),
      dh('mode: ai_generated}', 'mode: ai_generated, message: "Hello, I need help."}'),
    );
    assert.equal(edit('c: {}\n', set('c/x', 1)), 'c:\n  x: 1\n');
    assert.equal(edit('a: [{}]\n', set('a/0/x', 1)), 'a: [{x: 1}]\n');
  });

  void test('a document holding only comments gets its first key', () => {
    assert.equal(edit('# nothing yet\n', set('kind', 'customer-persona')), '# nothing yet\nkind: customer-persona\n');
    assert.equal(edit('', set('kind', 'customer-persona')), 'kind: customer-persona\n');
  });

  void test('a path through a scalar or past the end of a list is refused', () => {
    assert.match(refused(DH, set('voice_speed/x', 1)), /not a mapping/);
    assert.match(refused(DH, set('hangup_phrases/5', 'x')), /no item 5/);
  });
});

void describe('form edits, YAML: objects and lists', () => {
  void test('the interruptions variant switch: low to keywords, entry by entry, in block style', () => {
    const keywords = {
      type: 'keywords',
      keyword_responses: [
        { keyword: 'hold', response: 'Do not put me on hold!' },
        { keyword: 'policy', response: 'I do not care.', probability: 0.8 },
      ],
    };
    const expected = dh(
      '  type: low\n',
      '  type: keywords\n  keyword_responses:\n    - keyword: hold\n      response: Do not put me on hold!\n    - keyword: policy\n      response: I do not care.\n      probability: 0.8\n',
    );
    assert.equal(edit(DH, set('interruptions', keywords)), expected);
    // And back: the keys the new variant lacks go, with their block.
    assert.equal(
      edit(expected, set('interruptions', { type: 'contextual', contextual_prompt: 'Interrupt politely.' })),
      dh('  type: low\n', '  type: contextual\n  contextual_prompt: Interrupt politely.\n'),
    );
  });

  void test('an object where a scalar was, and a scalar where an object was', () => {
    const text = 'interruptions: low  # old style\nname: x\n';
    assert.equal(
      edit(text, set('interruptions', { type: 'low' })),
      'interruptions:  # old style\n  type: low\nname: x\n',
    );
    assert.equal(edit('a:\n  b: 1\n  c: 2\nname: x\n', set('a', 'flat')), 'a: flat\nname: x\n');
  });

  void test("a list where there was none follows the file's list indentation", () => {
    const traits = [{ trait_name: 'tier', trait_data_type: 'STRING', value: 'premium' }];
    assert.equal(
      edit(DH, set('traits', traits)),
      dh(
        'simulation_ids: [57, 61]\n',
        'simulation_ids: [57, 61]\ntraits:\n  - trait_name: tier\n    trait_data_type: STRING\n    value: premium\n',
      ),
    );
    const flush = 'hangup_phrases:\n- Bye\nname: x\n';
    assert.equal(
      edit(flush, set('traits', traits)),
      `${flush}traits:\n- trait_name: tier\n  trait_data_type: STRING\n  value: premium\n`,
    );
    const four = 'a:\n    b: 1\n';
    assert.equal(edit(four, set('c', { d: [1, { e: 2 }] })), `${four}c:\n    d:\n        - 1\n        - e: 2\n`);
  });

  void test('a list set over a list changes only the items that differ', () => {
    assert.equal(edit(DH, set('simulation_ids', [57, 62, 70])), dh('[57, 61]', '[57, 62, 70]'));
    assert.equal(
      edit(DH, set('hangup_phrases', ['Goodbye!'])),
      dh('  - "Goodbye."\n  - Thanks for calling\n', '  - "Goodbye!"\n'),
    );
    assert.equal(
      edit(DH, set('hangup_phrases', [])),
      dh('hangup_phrases:\n  - "Goodbye."\n  - Thanks for calling\n', 'hangup_phrases: []\n'),
    );
  });
});
