/**
 * The fast ways of a form change on a large file: a scalar written in place without reading the
 * whole text back (only where it reads the same in any context), and states sent as patches.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { load } from 'js-yaml';
import { patched } from '../../src/core/form/protocol';
import { parseText } from '../../src/core/parse/memo';
import { patchBetween } from '../../src/core/edit/values';
import { edit, refused } from './helpers/formEdits';

const set = (path: string, value: unknown) => ({ op: 'set' as const, path: path.split('/'), value });

void describe('a scalar changed in place', () => {
  void test('plain, quoted, numbers, booleans and null are written in the same style', () => {
    assert.equal(edit('a: x # note\nb: 1\n', set('a', 'hello')), 'a: hello # note\nb: 1\n');
    assert.equal(edit('a: "x"\n', set('a', 'y"z')), 'a: "y\\"z"\n');
    assert.equal(edit("a: 'x'\n", set('a', 'y z')), "a: 'y z'\n");
    assert.equal(edit('a: 1\n', set('a', 2.5)), 'a: 2.5\n');
    assert.equal(edit('a: 1\n', set('a', null)), 'a: null\n');
    assert.equal(edit('a: x\n', set('a', '5')), 'a: "5"\n');
  });

  void test('a value that would read differently in its place still reads back as the change', () => {
    for (const [text, op, expected] of [
      ['a: [x, y]\n', set('a/0', 'p, q'), { a: ['p, q', 'y'] }],
      ['a: {k: x}\n', set('a/k', 'v: w'), { a: { k: 'v: w' } }],
      ["a: 'x'\n", set('a', 'bell\u0007'), { a: 'bell\u0007' }],
      ['a: 1\n', set('a', 1e21), { a: 1e21 }],
      ['a: &x 1\nb: 2\n', set('a', 3), { a: 3, b: 2 }],
    ] as const) {
      assert.deepEqual(load(edit(text, op)), expected, text);
    }
    assert.match(refused('a: !!str 5\nb: 1\n', set('a', 6)), /a tag/);
  });

  void test('JSON scalars are written as JSON', () => {
    assert.equal(edit('{"a": "x", "b": 1}', set('a', 'y\n'), 'json'), '{"a": "y\\n", "b": 1}');
    assert.equal(edit('{"a": "x", "b": 1}', set('b', false), 'json'), '{"a": "x", "b": false}');
  });
});

void describe('state patches', () => {
  void test('carry only the top-level fields that changed, and rebuild the value', () => {
    const list = [{ k: 1 }, { k: 2 }];
    const prev = { a: 1, list, gone: true };
    const next = { a: 2, list: [{ k: 1 }, { k: 2 }], added: 'x' };
    const patch = patchBetween(prev, next);
    assert.deepEqual(patch, { set: { a: 2, added: 'x' }, unset: ['gone'] });
    const value = patched(prev, patch);
    assert.deepEqual(value, { a: 2, list, added: 'x' });
    assert.equal(value['list'], list, 'an unchanged field keeps its identity, so the form skips it');
  });

  void test('a list changed inside is sent whole', () => {
    assert.deepEqual(patchBetween({ l: [1, 2] }, { l: [1, 3] }), { set: { l: [1, 3] }, unset: [] });
  });
});

void describe('the last parse, kept', () => {
  void test('the same text is parsed once per format; another text is parsed anew', () => {
    const a = parseText('a: 1\n', 'yaml');
    assert.equal(parseText('a: 1\n'.slice(0), 'yaml'), a);
    assert.notEqual(parseText('a: 2\n', 'yaml'), a);
    const j = parseText('{"a": 1}', 'json');
    assert.equal(parseText('{"a": 1}', 'json'), j);
    assert.notEqual(parseText('{"a": 1}', 'yaml'), j);
  });
});
