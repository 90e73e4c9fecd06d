/** What the form holds of a long list follows its items through removes, moves and inserts. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EditOp } from '../../src/core/edit/types';
import { PAGE, cutList, heldAfter, listChangeOf, type Held, type ListChange } from '../../src/core/form/paging';

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);

/** The list after the change (the engine's meaning of each op). */
function changed<T>(list: readonly T[], change: ListChange, added: T): T[] {
  const out = [...list];
  if (change.kind === 'insert') out.splice(change.index, 0, added);
  else if (change.kind === 'remove') out.splice(change.index, 1);
  else {
    const [moved] = out.splice(change.from, 1);
    out.splice(change.to, 0, moved as T);
  }
  return out;
}

/** The items the webview is sent of `list` under `held`. */
const sent = <T>(list: readonly T[], held: Held): Set<T> => new Set(cutList(list, held).items as T[]);

/** Applies an edit as the host does: the list changes and what is held follows. */
function edit(list: number[], held: Held, op: EditOp, added = -1): { list: number[]; held: Held } {
  const c = listChangeOf(op);
  assert.ok(c, `a list change: ${JSON.stringify(op)}`);
  return { list: changed(list, c.change, added), held: heldAfter(held, list.length, c.change) };
}

void describe('a long list: the item added past the page stays shown', () => {
  const start = (): { list: number[]; held: Held } =>
    edit(range(0, 120), { head: PAGE }, { op: 'insert', path: ['k'], index: 120, value: 999 }, 999);

  void test('after an earlier item is removed', () => {
    const s = edit(start().list, start().held, { op: 'unset', path: ['k', '3'] });
    assert.equal(s.list.at(-1), 999);
    assert.ok(sent(s.list, s.held).has(999), JSON.stringify(s.held));
    assert.equal(sent(s.list, s.held).size, PAGE + 1);
  });

  void test('after an earlier item is moved, in the page or past it', () => {
    for (const [from, to] of [
      [0, 1],
      [10, 60],
      [60, 10],
      [49, 50],
    ] as const) {
      const s = edit(start().list, start().held, { op: 'move', path: ['k'], from, to });
      assert.ok(sent(s.list, s.held).has(999), `${from} -> ${to}: ${JSON.stringify(s.held)}`);
    }
  });

  void test('after an item is inserted before it', () => {
    const s = edit(start().list, start().held, { op: 'insert', path: ['k'], index: 0, value: 500 }, 500);
    assert.ok(sent(s.list, s.held).has(999), JSON.stringify(s.held));
    assert.ok(sent(s.list, s.held).has(500));
  });

  void test('moved up itself, it is still shown; removed, nothing past the page is held', () => {
    const up = edit(start().list, start().held, { op: 'move', path: ['k'], from: 120, to: 119 });
    assert.ok(sent(up.list, up.held).has(999));
    const gone = edit(start().list, start().held, { op: 'unset', path: ['k', '120'] });
    assert.equal(cutList(gone.list, gone.held).cut?.tail, undefined);
    assert.equal(sent(gone.list, gone.held).size, PAGE);
  });

  void test('every item held before a change is held after it (all small cases)', () => {
    const changes = (n: number): ListChange[] => [
      ...range(0, n + 1).map((index): ListChange => ({ kind: 'insert', index })),
      ...range(0, n).map((index): ListChange => ({ kind: 'remove', index })),
      ...range(0, n).flatMap((from) => range(0, n).map((to): ListChange => ({ kind: 'move', from, to }))),
    ];
    for (let n = 0; n <= 7; n++)
      for (let head = 0; head <= n; head++)
        for (const tail of [undefined, ...range(head, n + 1)])
          for (const change of changes(n)) {
            const held: Held = tail === undefined ? { head } : { head, tail };
            const list = range(0, n);
            const after = heldAfter(held, n, change);
            const next = changed(list, change, -1);
            const before = sent(list, held);
            const now = sent(next, after);
            const what = `${n} items, ${JSON.stringify(held)}, ${JSON.stringify(change)} -> ${JSON.stringify(after)}`;
            for (const item of before) if (next.includes(item)) assert.ok(now.has(item), `${item}: ${what}`);
            assert.ok(after.head >= head, `the head never shrinks: ${what}`);
            if (change.kind === 'insert' && change.index >= head) assert.ok(now.has(-1), `the added item: ${what}`);
          }
  });
});

void describe('which edits are list changes', () => {
  void test('an insert, a move, an item unset on a top-level list; nothing else', () => {
    assert.deepEqual(listChangeOf({ op: 'insert', path: ['k'], index: 2, value: 1 }), {
      key: 'k',
      change: { kind: 'insert', index: 2 },
    });
    assert.deepEqual(listChangeOf({ op: 'unset', path: ['k', '7'] }), {
      key: 'k',
      change: { kind: 'remove', index: 7 },
    });
    assert.deepEqual(listChangeOf({ op: 'move', path: ['k'], from: 1, to: 0 }), {
      key: 'k',
      change: { kind: 'move', from: 1, to: 0 },
    });
    for (const op of [
      { op: 'unset', path: ['k'] },
      { op: 'unset', path: ['k', 'x'] },
      { op: 'unset', path: ['k', '01'] },
      { op: 'unset', path: ['k', '1', 'name'] },
      { op: 'set', path: ['k', '1'], value: 2 },
      { op: 'insert', path: ['k', '1', 'tags'], index: 0, value: 'a' },
      { op: 'move', path: ['k', '1', 'tags'], from: 0, to: 1 },
    ] satisfies EditOp[])
      assert.equal(listChangeOf(op), undefined, JSON.stringify(op));
  });
});
