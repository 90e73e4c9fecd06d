/**
 * Long top-level lists travel to the form cut: the first page of items (more on request, a
 * `more` message) and the items added at the end since it opened, with the list's real length.
 * On a 1 MB file this is what keeps the open and every change of a 1,000-item list small: a
 * change no longer carries (and redraws) the whole list. Indexes stay real: the webview rebuilds
 * the list as a sparse array of the real length, the items it was not given left out.
 */
import type { EditOp } from '../edit/types';

/** How many items a list shows at first, and how many more each "Show more" adds. */
export const PAGE = 50;

/** What the webview holds of a list: the first `head` items, and every item from `tail` on. */
export interface Held {
  readonly head: number;
  readonly tail?: number;
}

/** A change of a list's items, as the form makes it: one inserted, removed or moved. */
export type ListChange =
  | { readonly kind: 'insert'; readonly index: number }
  | { readonly kind: 'remove'; readonly index: number }
  | { readonly kind: 'move'; readonly from: number; readonly to: number };

/** The change an edit makes to a top-level list (the key and the change), if it is one. */
export function listChangeOf(op: EditOp): { readonly key: string; readonly change: ListChange } | undefined {
  const key = op.path[0];
  if (key === undefined) return undefined;
  if (op.op === 'insert' && op.path.length === 1) return { key, change: { kind: 'insert', index: op.index } };
  if (op.op === 'move' && op.path.length === 1) return { key, change: { kind: 'move', from: op.from, to: op.to } };
  const item = op.path[1];
  if (op.op === 'unset' && op.path.length === 2 && item !== undefined && /^(0|[1-9]\d{0,8})$/.test(item))
    return { key, change: { kind: 'remove', index: Number(item) } };
  return undefined;
}

/** Where the item at index `i` is after `change`; undefined for the one removed. */
function indexAfter(i: number, change: ListChange): number | undefined {
  switch (change.kind) {
    case 'insert':
      return i < change.index ? i : i + 1;
    case 'remove':
      return i === change.index ? undefined : i < change.index ? i : i - 1;
    case 'move': {
      const { from, to } = change;
      if (i === from) return to;
      if (from < i && i <= to) return i - 1;
      if (to <= i && i < from) return i + 1;
      return i;
    }
  }
}

/** How many items a list had before `change`, from how many it has after. */
export function lengthBefore(after: number, change: ListChange): number {
  return change.kind === 'insert' ? after - 1 : change.kind === 'remove' ? after + 1 : after;
}

/**
 * What the webview holds of a list of `length` items after `change`: the items it held, wherever
 * they went (a remove, a move or an insert before an item added past the page moves it, and it
 * must not hide behind "Show more"), and an item inserted past the head, with every item after
 * it. The head never shrinks: it grows to an item of it moved or pushed just past it.
 */
export function heldAfter(held: Held, length: number, change: ListChange): Held {
  let tail: number | undefined;
  if (held.tail !== undefined)
    for (let i = Math.max(0, held.tail); i < length; i++) {
      const at = indexAfter(i, change);
      if (at !== undefined && (tail === undefined || at < tail)) tail = at;
    }
  if (change.kind === 'insert' && change.index >= held.head) tail = Math.min(tail ?? change.index, change.index);
  let head = Math.max(0, held.head);
  for (let i = 0, end = Math.min(held.head, length); i < end; i++) {
    const at = indexAfter(i, change);
    if (at !== undefined && at >= head && (tail === undefined || at < tail)) head = at + 1;
  }
  return tail === undefined ? { head } : { head, tail };
}

/** A list cut on the wire: the array holds its first `head` items, then (when `tail` is given) those from `tail` to the end. */
export interface Cut {
  readonly length: number;
  readonly head: number;
  readonly tail?: number;
}

/** The list as sent, and how it was cut (none when nothing was left out). */
export function cutList(
  list: readonly unknown[],
  held: Held,
): { readonly items: readonly unknown[]; readonly cut?: Cut } {
  const head = Math.max(0, held.head);
  const tail = Math.min(list.length, Math.max(head, held.tail ?? list.length));
  if (tail <= head) return { items: list };
  return {
    items: [...list.slice(0, head), ...list.slice(tail)],
    cut: { length: list.length, head, ...(tail < list.length && { tail }) },
  };
}

/**
 * The top-level lists of `value` named in `lists`, cut to what the webview holds (`held`, a page
 * for a list it has not asked more of); the other fields as they are.
 */
export function cutFields(
  value: Readonly<Record<string, unknown>>,
  lists: ReadonlySet<string>,
  held: (key: string) => Held,
): { value: Record<string, unknown>; cuts: Record<string, Cut> } {
  const out: Record<string, unknown> = { ...value };
  const cuts: Record<string, Cut> = {};
  for (const key of Object.keys(value)) {
    const list = value[key];
    if (!lists.has(key) || !Array.isArray(list)) continue;
    const { items, cut } = cutList(list, held(key));
    if (!cut) continue;
    out[key] = items;
    cuts[key] = cut;
  }
  return { value: out, cuts };
}

/** The list a cut one stands for: a sparse array of the real length, holding the items sent at their real indexes. */
export function expandList(items: readonly unknown[], cut: Cut): unknown[] {
  const out: unknown[] = [];
  out.length = cut.length;
  const head = Math.min(cut.head, items.length, cut.length);
  for (let i = 0; i < head; i++) out[i] = items[i];
  if (cut.tail !== undefined)
    for (let i = head, at = cut.tail; i < items.length && at < cut.length; i++, at++) out[at] = items[i];
  return out;
}

/** Whether the cut is well formed (the webview's check of what arrived). */
export function isCut(v: unknown): v is Cut {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const c = v as Record<string, unknown>;
  const count = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 10_000_000;
  return count(c['length']) && count(c['head']) && (c['tail'] === undefined || count(c['tail']));
}
