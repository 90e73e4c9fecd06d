/** Helpers of the form-edit tests: apply an op's edits, and the lines an edit changed. */
import assert from 'node:assert/strict';
import { editsFor } from '../../../src/core/edit/engine';
import type { EditOp } from '../../../src/core/edit/types';
import { applyEdits } from '../../../src/core/edit/apply';

/** The text after `op`; fails the test when the op is refused. */
export function edit(text: string, op: EditOp, format: 'yaml' | 'json' = 'yaml'): string {
  const r = editsFor(text, format, op);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.ok(r.edits.length <= 1, 'one edit at most');
  return applyEdits(text, r.edits);
}

/** Why `op` is refused; fails the test when it is not. */
export function refused(text: string, op: EditOp, format: 'yaml' | 'json' = 'yaml'): string {
  const r = editsFor(text, format, op);
  assert.ok(!r.ok, 'the op should be refused');
  return r.reason;
}

/** The lines that differ between `a` and `b` once their common first and last lines are set aside. */
export function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let q = 0;
  while (q < x.length - p && q < y.length - p && x[x.length - 1 - q] === y[y.length - 1 - q]) q++;
  return { removed: x.slice(p, x.length - q), added: y.slice(p, y.length - q) };
}

export const set = (path: string, value: unknown): EditOp => ({ op: 'set', path: split(path), value });
export const unset = (path: string): EditOp => ({ op: 'unset', path: split(path) });
export const insert = (path: string, index: number, value: unknown): EditOp => ({
  op: 'insert',
  path: split(path),
  index,
  value,
});
export const move = (path: string, from: number, to: number): EditOp => ({ op: 'move', path: split(path), from, to });

function split(path: string): string[] {
  return path === '' ? [] : path.split('/');
}
