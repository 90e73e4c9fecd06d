/**
 * Lists: one entry per item, kept by index (a state with one item more appends an entry, one
 * less drops the last, and every entry shows the item now at its index), so nothing is rebuilt
 * under the keyboard. Move up/down and Remove send one edit each; the keyboard then follows the
 * item (or lands on the nearest button) once the new state arrives.
 *
 * Long lists are cheap: only the first PAGE items get an entry, then a "Show more" button adds
 * the next PAGE in place (asking the host for them when it cut the list on the wire). An item
 * added at the end of a long list gets its own entry after the button: nothing else is drawn.
 */
import type { FieldSpec } from '../../core/form/model';
import { heldAfter, PAGE, type ListChange } from '../../core/form/paging';
import { firstFocusable, h, icon, iconButton } from '../dom';
import { listWindow, type ListWindow } from '../window';
import type { Control, Target } from './types';
import type { Ctx } from './types';
import type { Path } from '../../core/edit/types';

export { PAGE };

/** One item's entry: a card (objects) or a row (scalars). */
export interface Entry {
  readonly element: HTMLElement;
  readonly target: Target;
  readonly up: HTMLButtonElement;
  readonly down: HTMLButtonElement;
  readonly remove: HTMLButtonElement;
  update(value: unknown, index: number, count: number): void;
}

/** What an entry is built from: its buttons are made (and wired) by the list. */
export type EntryFactory = (
  index: number,
  path: Path,
  buttons: { up: HTMLButtonElement; down: HTMLButtonElement; remove: HTMLButtonElement },
) => Entry;

export interface ListParts {
  readonly make: EntryFactory;
  /** The add area; it calls `add` with the item to append. */
  readonly addArea: (add: (item: unknown, focusNew: boolean) => void) => HTMLElement;
  readonly className: string;
}

type Focus =
  | { readonly index: number; readonly which: 'up' | 'down' | 'remove' | 'first' }
  | { readonly index: -1; readonly which: 'add' };

export function listControl(spec: FieldSpec, path: Path, ctx: Ctx, parts: ListParts): Control {
  /** The entries by their item's index (the shown ones only). */
  const entries = new Map<number, Entry>();
  let items: readonly unknown[] = [];
  let win: ListWindow = { shown: [], remote: false };
  let isList = false;
  let pending: Focus | undefined;
  /** How many items may have an entry; grows by PAGE with each "Show more", never shrinks. */
  let limit = PAGE;
  /** Items from here on are shown too: those added at the end past the page (a whole list only). */
  let tail = Infinity;
  const body = h('div', { class: parts.className });
  const tailBody = h('div', { class: parts.className });
  const empty = h('p', { class: 'empty-list' });

  const itemPath = (i: number): Path => [...path, String(i)];
  /** The items shown follow a change (an item added past the page stays shown through later removes and moves). */
  const follow = (change: ListChange): void => {
    const held = heldAfter({ head: limit, ...(tail !== Infinity && { tail }) }, items.length, change);
    limit = held.head;
    tail = held.tail ?? Infinity;
  };
  const move = (from: number, to: number, focus: Focus): void => {
    if (to < 0 || to >= items.length) return;
    pending = focus;
    follow({ kind: 'move', from, to });
    ctx.send({ op: 'move', path, from, to });
  };
  const add = (item: unknown, focusNew: boolean): void => {
    if (focusNew) pending = { index: items.length, which: 'first' };
    if (isList) {
      follow({ kind: 'insert', index: items.length });
      ctx.send({ op: 'insert', path, index: items.length, value: item });
    } else ctx.send({ op: 'set', path, value: [item] });
  };
  const addArea = parts.addArea(add);

  const makeEntry = (i: number): Entry => {
    const label = (what: string): string => `${what} ${spec.title} item ${i + 1}`;
    const up = iconButton('arrow-up', label('Move up'), () =>
      move(i, i - 1, { index: i - 1, which: i - 1 === 0 ? 'down' : 'up' }),
    );
    const down = iconButton('arrow-down', label('Move down'), () =>
      move(i, i + 1, { index: i + 1, which: i + 1 === items.length - 1 ? 'up' : 'down' }),
    );
    const remove = iconButton('trash', label('Remove'), () => {
      pending =
        items.length > 1 ? { index: Math.min(i, items.length - 2), which: 'remove' } : { index: -1, which: 'add' };
      follow({ kind: 'remove', index: i });
      ctx.send({ op: 'unset', path: itemPath(i) });
    });
    return parts.make(i, itemPath(i), { up, down, remove });
  };

  const moreText = h('span', {});
  const more = h(
    'button',
    { type: 'button', class: 'text-button secondary list-more-button' },
    icon('chevron-down'),
    moreText,
  );
  more.addEventListener('click', () => showMore());
  const moreArea = h('div', { class: 'list-more', hidden: true }, more);

  /** An entry for each item shown (and no more), every shown entry updated, the button's count. */
  const render = (): void => {
    win = listWindow(items, limit, tail);
    const want = new Set(win.shown);
    for (const [i, e] of entries) {
      if (want.has(i)) continue;
      e.element.remove();
      entries.delete(i);
    }
    const headEnd = win.next ?? Infinity;
    const tailEntries: HTMLElement[] = [];
    let tailChanged = false;
    for (const i of win.shown) {
      let e = entries.get(i);
      if (!e) entries.set(i, (e = makeEntry(i)));
      const into = i < headEnd ? body : tailBody;
      if (into === tailBody) tailEntries.push(e.element);
      // The head is a prefix, so a new entry (or one the page grew to meet) goes last in it.
      if (e.element.parentElement !== into) {
        if (into === body) body.append(e.element);
        else tailChanged = true;
      }
      e.update(items[i], i, items.length);
    }
    if (tailChanged) tailBody.append(...tailEntries);
    const left = items.length - win.shown.length;
    const next = Math.min(PAGE, left);
    moreArea.hidden = left <= 0;
    moreText.textContent = left > 0 ? `Show ${next} more (${left} left)` : '';
    if (left > 0)
      more.setAttribute('aria-label', `Show ${next} more ${spec.title} items (${left} left of ${items.length})`);
  };

  function showMore(): void {
    const first = win.next;
    if (first === undefined) return;
    if (win.remote) {
      // The host sends the next page; the keyboard goes on to its first item when it arrives.
      pending = { index: first, which: 'first' };
      ctx.more(path, first);
      return;
    }
    limit = first + PAGE;
    render();
    // The keyboard goes on to the first of the items just shown (the button may be gone now).
    const e = entries.get(first);
    if (e) firstFocusable(e.element)?.focus();
  }

  const applyFocus = (): void => {
    const f = pending;
    pending = undefined;
    if (!f) return;
    if (f.which === 'add') {
      firstFocusable(addArea)?.focus();
      return;
    }
    const e = entries.get(f.index);
    if (!e) return;
    const el = f.which === 'first' ? firstFocusable(e.element) : e[f.which];
    (el && !(el instanceof HTMLButtonElement && el.disabled) ? el : firstFocusable(e.element))?.focus();
  };

  return {
    element: h('div', { class: 'list' }, body, moreArea, tailBody, empty, addArea),
    block: true,
    update(value, present) {
      isList = Array.isArray(value);
      items = Array.isArray(value) ? (value as unknown[]) : [];
      // An item the keyboard is to land on (added, or moved down past the last shown) gets shown:
      // on its own after the page when it is the last (an add), else the page grows to it.
      if (pending && pending.index >= limit && pending.index < items.length) {
        if (pending.index === items.length - 1) tail = Math.min(tail, pending.index);
        else limit = pending.index + 1;
      }
      render();
      empty.hidden = items.length > 0;
      empty.textContent = !present
        ? 'Not set: no items.'
        : value === null
          ? 'Null: no items.'
          : isList
            ? 'No items.'
            : 'Not a list; adding an item replaces it.';
      applyFocus();
    },
    children: () => [...entries.values()].map((e) => e.target),
  };
}
