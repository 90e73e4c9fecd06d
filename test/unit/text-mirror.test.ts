/** The typed-in document's text kept by applying each change (src/extension/textMirror.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextMirror, type TextChange } from '../../src/extension/textMirror';

/** A change of `text` replacing `length` characters at `offset`, and the text it makes. */
function edit(text: string, offset: number, length: number, inserted: string): [TextChange, string] {
  return [
    { rangeOffset: offset, rangeLength: length, text: inserted },
    text.slice(0, offset) + inserted + text.slice(offset + length),
  ];
}

const yes = (): boolean => true;

void describe('TextMirror', () => {
  void test('follows single changes, version by version, to the very text; checks each against the document', () => {
    const m = new TextMirror();
    let doc = 'kind: digital-human\r\nname: a\r\n';
    m.set('a', 1, doc);
    const seen: [string, number, number][] = [];
    const steps: [number, number, string][] = [
      [doc.length - 2, 0, 'b'], // typed at the end of a line
      [6, 13, 'persona'], // a word replaced
      [0, 0, '# top\r\n'], // a line inserted
      [3, 4, ''], // a deletion
    ];
    steps.forEach(([offset, length, inserted], i) => {
      const [change, next] = edit(doc, offset, length, inserted);
      m.change('a', i + 2, [change], (text, start, end) => (seen.push([text, start, end]), true));
      doc = next;
      assert.equal(m.textOf('a', i + 2), doc, `step ${i}`);
      assert.deepEqual(seen[i], [doc, offset, offset + inserted.length]);
    });
    assert.equal(m.textOf('a', 4), undefined, 'an older version is not answered');
  });

  void test('drops the copy on several changes at once, a skipped version, a disagreement, another document or forget', () => {
    const doc = 'name: a\n';
    const cases: [string, (m: TextMirror) => void][] = [
      ['two changes', (m) => m.change('a', 2, [edit(doc, 0, 0, 'x')[0], edit(doc, 3, 0, 'y')[0]], yes)],
      ['a skipped version', (m) => m.change('a', 3, [edit(doc, 0, 0, 'x')[0]], yes)],
      ['a disagreement', (m) => m.change('a', 2, [edit(doc, 0, 0, 'x')[0]], () => false)],
      ['forget', (m) => m.forget('a')],
    ];
    for (const [what, act] of cases) {
      const m = new TextMirror();
      m.set('a', 1, doc);
      act(m);
      assert.equal(m.textOf('a', 1), undefined, what);
      assert.equal(m.textOf('a', 2), undefined, what);
      assert.equal(m.textOf('a', 3), undefined, what);
    }
    const m = new TextMirror();
    m.set('a', 1, doc);
    m.change('b', 2, [edit(doc, 0, 0, 'x')[0]], yes);
    m.forget('b');
    assert.equal(m.textOf('a', 1), doc, "another document's change leaves it");
    m.change('a', 1, [], yes);
    assert.equal(m.textOf('a', 1), doc, 'an event with no change (a save) leaves it');
  });
});
