/**
 * The form's Add on a large file: an item appended to a top-level list is made on a slice of the
 * text (append.ts) and must give byte for byte the text the whole-document editor gives, on the
 * layouts below, on every list of examples/ and on the bench's 1 MB documents. Where the slice
 * cannot be sure (flow lists, anchors, values whose layout depends on the file), the general way runs.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { makeDocuments } from '../../bench/documents';
import { appendInPlace } from '../../src/core/edit/append';
import { applyEdits } from '../../src/core/edit/apply';
import { editsFor } from '../../src/core/edit/engine';
import type { EditOp } from '../../src/core/edit/types';
import { parseText } from '../../src/core/parse/memo';

type Format = 'yaml' | 'json';
const DIR = join(__dirname, '..', '..', '..', 'examples');
const ITEMS: readonly unknown[] = [
  { match_type: 'exact', match_phrase: '', response_type: 'phrase' },
  'Bye now',
  "it's #1: done",
  'two\nlines',
  42,
  null,
  { name: 'x', value: [], extra: {} },
  [1, 'a'],
];

function lists(text: string, format: Format): [string, number][] {
  const p = parseText(text, format);
  if (!p.ok || p.value === null || typeof p.value !== 'object') return [];
  return Object.entries(p.value).flatMap(([k, v]): [string, number][] =>
    Array.isArray(v) && v.length ? [[k, v.length]] : [],
  );
}

function isFlow(text: string, key: string): boolean {
  const p = parseText(text, 'yaml');
  const at = p.ok ? p.locator.valueSpan([key])?.span[0] : undefined;
  return at !== undefined && text[at] === '[';
}

/** The text after appending `value` to `key`: the fast way (which must be taken) and the general way agree. */
function appended(text: string, key: string, value: unknown, format: Format = 'yaml', fastOnly = true): string {
  const n = lists(text, format).find(([k]) => k === key)?.[1] ?? 0;
  const op: EditOp = { op: 'insert', path: [key], index: n, value };
  const slow = editsFor(text, format, op, { wholeText: true });
  assert.ok(slow.ok, slow.ok ? '' : slow.reason);
  const expected = applyEdits(text, slow.edits);
  const fast = appendInPlace(
    text.endsWith('\n') ? text : text + (text.includes('\r\n') ? '\r\n' : '\n'),
    format,
    op,
    'pretty',
  );
  if (fastOnly) assert.ok(fast !== undefined, `the fast way is taken for ${key} += ${JSON.stringify(value)}`);
  const r = editsFor(text, format, op);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.equal(applyEdits(text, r.edits), expected, `${key} += ${JSON.stringify(value)}`);
  return expected;
}

/** Where the fast way must step aside: the general way's text, the same as before. */
function generalOnly(text: string, key: string, index: number, value: unknown, format: Format = 'yaml'): void {
  const op: EditOp = { op: 'insert', path: [key], index, value };
  assert.equal(appendInPlace(text, format, op, 'pretty'), undefined);
  const a = editsFor(text, format, op);
  const b = editsFor(text, format, op, { wholeText: true });
  assert.deepEqual(a, b);
}

void describe('form edits: an item appended on a slice of the text', () => {
  void test('block lists at indents 0, 2 and 4, items that are maps, the list last or not', () => {
    const item = { match_type: 'exact', response_type: 'silence' };
    assert.equal(appended('a: 1\nl:\n- x\n- y\nb: 2\n', 'l', 'z'), 'a: 1\nl:\n- x\n- y\n- z\nb: 2\n');
    assert.equal(appended('l:\n  - x\n  - y\n', 'l', 'z'), 'l:\n  - x\n  - y\n  - z\n');
    assert.equal(
      appended('l:\n    - a: 1\n      b: 2\nc: 3\n', 'l', item),
      'l:\n    - a: 1\n      b: 2\n    - match_type: exact\n      response_type: silence\nc: 3\n',
    );
    assert.equal(
      appended('l:\n  -\n    # first\n    a: 1\n', 'l', item),
      'l:\n  -\n    # first\n    a: 1\n  - match_type: exact\n    response_type: silence\n',
    );
    assert.equal(appended('l:\n  - - 1\n    - 2\n', 'l', [3, 4]), 'l:\n  - - 1\n    - 2\n  - - 3\n    - 4\n');
  });

  void test('comments after the last item stay after it; a quoted neighbour gives its quotes', () => {
    const text =
      '# Head.\nl:  # the list\n  - "one"  # first\n  - "two"  # last\n  # after the list\n\n# Next.\nname: x\n';
    assert.equal(appended(text, 'l', 'three'), text.replace('# last\n', '# last\n  - "three"\n'));
    assert.equal(
      appended('l:\n  - |\n    a\n    b\n\n# c\nz: 1\n', 'l', 'x'),
      'l:\n  - |\n    a\n    b\n  - x\n\n# c\nz: 1\n',
    );
  });

  void test('CRLF, no final line break, `---`, and the examples in CRLF', () => {
    assert.equal(
      appended('a: 1\r\nl:\r\n  - x\r\n', 'l', { k: 'v', w: 1 }),
      'a: 1\r\nl:\r\n  - x\r\n  - k: v\r\n    w: 1\r\n',
    );
    assert.equal(appended('l:\n  - x', 'l', 'more'), 'l:\n  - x\n  - more');
    assert.equal(appended('---\nl:\n  - x\n', 'l', 'more'), '---\nl:\n  - x\n  - more\n');
    for (const name of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(join(DIR, name), 'utf8').replace(/\r?\n/g, '\r\n');
      for (const [key] of lists(text, 'yaml'))
        for (const v of ITEMS.slice(0, 5)) appended(text, key, v, 'yaml', !isFlow(text, key));
    }
  });

  void test('JSON arrays: one item a line, on one line, CRLF, tabs', () => {
    assert.equal(
      appended('{\n  "l": [\n    1,\n    2\n  ],\n  "b": 1\n}\n', 'l', { a: [1] }, 'json'),
      '{\n  "l": [\n    1,\n    2,\n    {\n      "a": [\n        1\n      ]\n    }\n  ],\n  "b": 1\n}\n',
    );
    assert.equal(appended('{"l": [1, 2], "b": 1}', 'l', { a: 'x' }, 'json'), '{"l": [1, 2, {"a": "x"}], "b": 1}');
    assert.equal(
      appended('{\r\n\t"l": [\r\n\t\t"a", "b"\r\n\t]\r\n}\r\n', 'l', 'c', 'json'),
      '{\r\n\t"l": [\r\n\t\t"a", "b",\r\n\t\t"c"\r\n\t]\r\n}\r\n',
    );
  });

  void test('the general way runs for flow lists, anchors, aliases, a middle index and layout-dependent values', () => {
    generalOnly('l: [1, 2]\n', 'l', 2, 3);
    generalOnly('l: &a\n  - 1\nm: *a\n', 'l', 1, 2);
    generalOnly('x: &v 1\nl:\n  - *v\n', 'l', 1, 2);
    generalOnly('l:\n  - 1\n  - 2\n', 'l', 1, 3);
    generalOnly('s:\n    a: 1\nl:\n  - 1\n', 'l', 1, { a: { b: 1 } });
    generalOnly('l:\n  - 1\n', 'l', 1, { a: 'two\nlines' });
    generalOnly('l: []\n', 'l', 0, 1);
    generalOnly('&r\nl:\n  - 1\n', 'l', 1, 2);
  });

  void test('every list of examples/ and each example, byte for byte as the whole-document editor', () => {
    for (const name of readdirSync(DIR)) {
      const format: Format = name.endsWith('.json') ? 'json' : 'yaml';
      const text = readFileSync(join(DIR, name), 'utf8');
      const keys = lists(text, format);
      // A flow list (`simulation_ids: [57, 61]`) takes the general way; both ways give the same text.
      for (const [key] of keys)
        for (const v of ITEMS) appended(text, key, v, format, format === 'json' || !isFlow(text, key));
    }
  });

  void test("the bench's 1 MB documents, YAML and JSON", () => {
    for (const format of ['yaml', 'json'] as const) {
      const [doc] = makeDocuments('1 MB', 1_000_000, format, 11);
      for (const [key] of lists(doc.text, format).filter(([, n]) => n > 100))
        appended(doc.text, key, ITEMS[0], format, format === 'json' || !isFlow(doc.text, key));
    }
  });
});
