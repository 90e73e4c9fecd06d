/** Which list items the form draws: a page, the items added at the end, and lists the host cut. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listWindow } from '../../src/webview/window';
import { PAGE, cutFields, cutList, expandList, isCut } from '../../src/core/form/paging';

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);

void describe('the items a list draws', () => {
  void test('a whole list of 1,649 items after an add past the page draws the page and the new item, not 1,649 entries', () => {
    const items = range(0, 1649);
    const w = listWindow(items, PAGE, 1648);
    assert.deepEqual(w.shown, [...range(0, PAGE), 1648]);
    assert.equal(w.next, PAGE);
    assert.equal(w.remote, false);
  });

  void test('a short list draws all; a page grows until it meets the tail', () => {
    assert.deepEqual(listWindow(range(0, 3), PAGE, Infinity), { shown: [0, 1, 2], remote: false });
    assert.deepEqual(listWindow(range(0, 120), 100, 110).next, 100);
    assert.equal(listWindow(range(0, 120), 110, 110).next, undefined);
  });

  void test('a list cut by the host draws what it holds, at the real indexes, and asks at its first hole', () => {
    const list = range(0, 1649);
    const { items, cut } = cutList(list, { head: PAGE, tail: 1648 });
    assert.ok(cut);
    const sparse = expandList(items, cut);
    assert.equal(sparse.length, 1649);
    assert.equal(sparse[1648], 1648);
    assert.ok(!(PAGE in sparse));
    const w = listWindow(sparse, PAGE, Infinity);
    assert.deepEqual(w.shown, [...range(0, PAGE), 1648]);
    assert.equal(w.next, PAGE);
    assert.equal(w.remote, true);
  });
});

void describe('lists cut on the wire', () => {
  void test('only long lists named as lists are cut; the rest go whole', () => {
    const value = { a: range(0, 1000), b: range(0, 10), json: range(0, 1000), name: 'x' };
    const { value: sent, cuts } = cutFields(value, new Set(['a', 'b']), () => ({ head: PAGE }));
    assert.deepEqual(sent['a'], range(0, PAGE));
    assert.deepEqual(cuts, { a: { length: 1000, head: PAGE } });
    assert.equal(sent['b'], value.b);
    assert.equal(sent['json'], value.json);
    assert.ok(JSON.stringify(sent['a']).length < JSON.stringify(value.a).length / 10);
  });

  void test('the head and the tail round-trip to the real items at their real indexes', () => {
    const list = range(0, 200).map((i) => ({ i }));
    for (const held of [{ head: 50 }, { head: 100, tail: 198 }, { head: 50, tail: 20 }, { head: 300 }]) {
      const { items, cut } = cutList(list, held);
      const back = cut ? expandList(items, cut) : [...items];
      back.forEach((v, i) => assert.deepEqual(v, list[i]));
      assert.equal(back.length, 200);
    }
    assert.equal(cutList(list, { head: 50, tail: 20 }).cut, undefined);
    assert.deepEqual(cutList(list, { head: 100, tail: 198 }).cut, { length: 200, head: 100, tail: 198 });
  });

  void test('a malformed cut is refused', () => {
    assert.equal(isCut({ length: 3, head: 1 }), true);
    for (const bad of [null, [], { length: -1, head: 0 }, { length: 2, head: 1.5 }, { length: 2, head: 1, tail: 'x' }])
      assert.equal(isCut(bad), false);
  });
});
