/**
 * The form's edits on YAML (unset, insert, move) and on the text's own conventions (CRLF, `---`,
 * no final line break, byte-order mark): each change's exact resulting text.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editsFor } from '../../src/core/edit/engine';
import { edit, insert, move, refused, set, unset } from './helpers/formEdits';

const SR = [
  '# Fixed reactions.',
  'scripted_responses:',
  '  - match_type: exact',
  '    match_phrase: Account number?  # asked first',
  '  # Waits when asked to hold.',
  '  - match_type: context',
  '    response_type: silence',
  '  - match_type: exact',
  '    response_value: "4821#"',
  '',
  '# After the list.',
  'name: x',
  '',
].join('\n');
const ITEM0 = '  - match_type: exact\n    match_phrase: Account number?  # asked first\n';
const ITEM1 = '  # Waits when asked to hold.\n  - match_type: context\n    response_type: silence\n';
const ITEM2 = '  - match_type: exact\n    response_value: "4821#"\n';
const list = (...items: string[]): string =>
  `# Fixed reactions.\nscripted_responses:\n${items.join('')}\n# After the list.\nname: x\n`;

void describe('form edits, YAML: unset', () => {
  void test('a top-level key goes with its block value; the comments around it stay', () => {
    const text =
      'kind: digital-human\n\n# Interruptions.\ninterruptions:  # the variant\n  type: keywords\n  # inside\n  keyword_responses:\n    - keyword: hold\n      response: No.\n# Next.\nname: x\n';
    assert.equal(edit(text, unset('interruptions')), 'kind: digital-human\n\n# Interruptions.\n# Next.\nname: x\n');
  });

  void test('list items: first, middle (with its comment), last', () => {
    assert.equal(edit(SR, unset('scripted_responses/0')), list(ITEM1, ITEM2));
    assert.equal(edit(SR, unset('scripted_responses/1')), list(ITEM0, ITEM2));
    assert.equal(edit(SR, unset('scripted_responses/2')), list(ITEM0, ITEM1));
  });

  void test('the only item leaves an empty list, the only key an empty mapping', () => {
    assert.equal(
      edit('hangup_phrases:\n  - Bye  # only\nname: x\n', unset('hangup_phrases/0')),
      'hangup_phrases: []\nname: x\n',
    );
    assert.equal(
      edit('speaks_first_config:\n  mode: custom\nname: x\n', unset('speaks_first_config/mode')),
      'speaks_first_config: {}\nname: x\n',
    );
    assert.equal(edit('traits:\n  - value: 1\n', unset('traits/0/value')), 'traits:\n  - {}\n');
    assert.equal(edit('ids: [57]\n', unset('ids/0')), 'ids: []\n');
    assert.equal(edit('name: x\n', unset('name')), '{}\n');
  });

  void test('a key of a list item: the first one lets the next move behind the dash', () => {
    assert.equal(
      edit(SR, unset('scripted_responses/0/match_type')),
      SR.replace('  - match_type: exact\n    match_phrase', '  - match_phrase'),
    );
    assert.equal(
      edit(SR, unset('scripted_responses/0/match_phrase')),
      SR.replace('\n    match_phrase: Account number?  # asked first', ''),
    );
  });

  void test('flow lists and mappings lose the entry and its comma', () => {
    assert.equal(edit('ids: [57, 61, 70]\n', unset('ids/0')), 'ids: [61, 70]\n');
    assert.equal(edit('ids: [57, 61, 70]\n', unset('ids/1')), 'ids: [57, 70]\n');
    assert.equal(edit('ids: [57, 61, 70]\n', unset('ids/2')), 'ids: [57, 61]\n');
    assert.equal(edit('s: {a: 1, b: 2}\n', unset('s/a')), 's: {b: 2}\n');
  });

  void test('a key that is not there: no edit', () => {
    const r = editsFor(SR, 'yaml', unset('nothing/here'));
    assert.ok(r.ok);
    assert.deepEqual(r.edits, []);
  });
});

void describe('form edits, YAML: insert', () => {
  const response = {
    match_type: 'exact',
    match_phrase: 'Goodbye?',
    response_type: 'phrase',
    response_value: 'Bye: for now',
  };
  const NEW =
    '  - match_type: exact\n    match_phrase: Goodbye?\n    response_type: phrase\n    response_value: "Bye: for now"\n';

  void test('a scripted response at the end and in the middle (before the comment of the item there)', () => {
    assert.equal(edit(SR, insert('scripted_responses', 3, response)), list(ITEM0, ITEM1, ITEM2, NEW));
    assert.equal(edit(SR, insert('scripted_responses', 1, response)), list(ITEM0, NEW, ITEM1, ITEM2));
    assert.equal(edit(SR, insert('scripted_responses', 0, response)), list(NEW, ITEM0, ITEM1, ITEM2));
  });

  void test('in a list written flush with its key', () => {
    const flush = 'scripted_responses:\n- match_type: exact\n  response_type: silence\nname: x\n';
    const item =
      '- match_type: exact\n  match_phrase: Goodbye?\n  response_type: phrase\n  response_value: "Bye: for now"\n';
    assert.equal(edit(flush, insert('scripted_responses', 1, response)), flush.replace('name: x', `${item}name: x`));
    assert.equal(
      edit(flush, insert('scripted_responses', 0, response)),
      flush.replace('- match_type: exact\n  response_type', `${item}- match_type: exact\n  response_type`),
    );
  });

  void test('a string into hangup_phrases, quoted like the quoted item next to it', () => {
    const text = 'hangup_phrases:\n  - "Goodbye."\n  - Thanks for calling\nname: x\n';
    assert.equal(
      edit(text, insert('hangup_phrases', 2, 'See you')),
      'hangup_phrases:\n  - "Goodbye."\n  - Thanks for calling\n  - See you\nname: x\n',
    );
    assert.equal(
      edit(text, insert('hangup_phrases', 0, 'Bye, then')),
      'hangup_phrases:\n  - "Bye, then"\n  - "Goodbye."\n  - Thanks for calling\nname: x\n',
    );
  });

  void test('into a list that is absent, null or empty: the list is created in block style', () => {
    for (const before of ['', 'hangup_phrases:\n', 'hangup_phrases: null\n', 'hangup_phrases: []\n']) {
      assert.equal(
        edit(`name: x\n${before}`, insert('hangup_phrases', 0, 'Bye')),
        'name: x\nhangup_phrases:\n  - Bye\n',
      );
    }
  });

  void test('into a flow list', () => {
    assert.equal(edit('ids: [57, 61]\n', insert('ids', 1, 58)), 'ids: [57, 58, 61]\n');
    assert.equal(edit('ids: [57, 61]\n', insert('ids', 2, 70)), 'ids: [57, 61, 70]\n');
  });

  void test('past the end, or into what is not a list: refused', () => {
    assert.match(refused(SR, insert('scripted_responses', 5, response)), /only 3 items/);
    assert.match(refused(SR, insert('name', 0, 'x')), /not a list/);
  });
});

void describe('form edits, YAML: move', () => {
  void test('an item moves down and up with the comment line above it, verbatim', () => {
    assert.equal(edit(SR, move('scripted_responses', 1, 2)), list(ITEM0, ITEM2, ITEM1));
    assert.equal(edit(SR, move('scripted_responses', 1, 0)), list(ITEM1, ITEM0, ITEM2));
    assert.equal(edit(SR, move('scripted_responses', 0, 2)), list(ITEM1, ITEM2, ITEM0));
    assert.equal(edit(SR, move('scripted_responses', 2, 0)), list(ITEM2, ITEM0, ITEM1));
  });

  void test('the last item of a file without a final line break', () => {
    assert.equal(edit('l:\n  - a\n  - b', move('l', 1, 0)), 'l:\n  - b\n  - a');
  });

  void test('in a flow list, and out of range', () => {
    assert.equal(edit('ids: [57, 61, {a: 1}]\n', move('ids', 2, 0)), 'ids: [{a: 1}, 57, 61]\n');
    assert.match(refused(SR, move('scripted_responses', 0, 3)), /only 3 items/);
  });
});

void describe("form edits, YAML: the text's conventions", () => {
  const CRLF = '# top\r\n---\r\n# about kind\r\nkind: persona\r\nlist:\r\n  - a\r\n  # b\r\n  - b\r\nname: x\r\n';

  void test('a CRLF file stays CRLF', () => {
    assert.equal(edit(CRLF, set('name', 'y\nz')), CRLF.replace('name: x', 'name: |-\r\n  y\r\n  z'));
    assert.equal(edit(CRLF, insert('list', 2, { k: [1] })), CRLF.replace('name: x', '  - k:\r\n      - 1\r\nname: x'));
    assert.equal(
      edit(CRLF, move('list', 1, 0)),
      CRLF.replace('  - a\r\n  # b\r\n  - b\r\n', '  # b\r\n  - b\r\n  - a\r\n'),
    );
    assert.equal(edit(CRLF, unset('list/1')), CRLF.replace('  # b\r\n  - b\r\n', ''));
    assert.equal(edit(CRLF, set('goal', 'g')), `${CRLF}goal: g\r\n`);
  });

  void test('a document start and comments at the top stay', () => {
    assert.equal(edit(CRLF, unset('kind')), CRLF.replace('kind: persona\r\n', ''));
    assert.equal(edit(CRLF, set('kind', 'digital-human')), CRLF.replace('kind: persona', 'kind: digital-human'));
  });

  void test('a file without a final line break keeps none', () => {
    assert.equal(edit('a: 1\nb: 2', set('c', 3)), 'a: 1\nb: 2\nc: 3');
    assert.equal(edit('a: 1\nb: 2', unset('b')), 'a: 1');
    assert.equal(edit('a: 1\nb: 2', set('b', [1])), 'a: 1\nb:\n  - 1');
  });

  void test('a byte-order mark stays, and the edit is placed after it', () => {
    assert.equal(edit('\ufeffa: 1\n', set('a', 2)), '\ufeffa: 2\n');
  });

  void test('unreadable YAML is not edited', () => {
    assert.match(refused('a: [1\n', set('a', 2)), /cannot be read/);
    assert.match(refused('a: 1\na: 2\n', set('a', 3)), /cannot be read/);
    assert.match(refused('a: 1\n---\nb: 2\n', set('a', 3)), /cannot be read/);
  });

  void test('what would not read back as the change (an anchor shared with an alias) is refused', () => {
    assert.match(refused('a: &x 1\nb: *x\n', set('a', 2)), /edit the text instead/);
    assert.equal(edit('a: &x 1\nb: *x\n', set('b', 2)), 'a: &x 1\nb: 2\n');
  });
});
