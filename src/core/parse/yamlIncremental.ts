/**
 * Reading one list item again instead of the whole file. A keystroke in a 1 MB digital human changes
 * one item of one list, and js-yaml takes about 60 ms to read all of the text. When the only change
 * lies inside one item of a block sequence (after its dash, before the line of the next item), the
 * item's lines are read alone, at their own columns, and replace the old item; the frames after it
 * move by the change in length, and the values on the way down are copied, not changed (earlier
 * results share them). Anything less plain (an alias, a duplicate key, a byte order mark, a change
 * that reaches a dash or the last item, lines that no longer read as exactly one item) is read in
 * full, as before. The frames are handed on, not copied: the earlier locator reads its own text
 * again if it is asked anything afterwards (YamlLocator.frames).
 */
import { record } from './yaml';
import { unwrap, YamlLocator, type Frame } from './yamlLocator';
import type { ParseOutcome } from './types';

/** The parse of `text`, from `before` (the parse of `prev`) when one item changed; undefined to read `text` in full. */
export function reparseYaml(prev: string, before: ParseOutcome, text: string): ParseOutcome | undefined {
  if (!before.ok || !(before.locator instanceof YamlLocator) || before.locator.text !== prev) return undefined;
  const tree = before.locator.frames();
  if (!tree || text.charCodeAt(0) === 0xfeff) return undefined;
  const edit = changed(prev, text);
  // The deepest block sequence whose item holds the change is read first; failing that, the next one up.
  const path: Frame[] = [];
  const items: [number, number][] = [];
  for (let f: Frame | undefined = tree.root; f;) {
    path.push(f);
    const kids: readonly Frame[] | undefined = f.children;
    if (!kids) break;
    const k = lastAtOrBefore(kids, edit.start);
    if (k < 0) break;
    if (f.kind === 'sequence' && f === unwrap(f) && k + 1 < kids.length && f.length === kids.length)
      items.push([path.length - 1, k]);
    f = kids[k];
  }
  for (let c = items.length - 1; c >= 0; c--) {
    const [depth, k] = items[c]!;
    const value = replaceItem(prev, text, edit, path.slice(0, depth + 1), k);
    if (value === undefined) continue;
    return { ok: true, value: value.root, locator: new YamlLocator(text, tree, 0, true, value.reread), issues: [] };
  }
  return undefined;
}

interface Edit {
  /** First offset that differs. */
  readonly start: number;
  /** End of the changed part in the earlier text. */
  readonly oldEnd: number;
  /** Length of the new text less the earlier one's. */
  readonly delta: number;
}

/** Compared a block at a time first: V8 compares two slices far faster than a loop compares characters. */
const BLOCK = 2048;

function changed(a: string, b: string): Edit {
  const n = Math.min(a.length, b.length);
  let start = 0;
  while (start + BLOCK <= n && a.slice(start, start + BLOCK) === b.slice(start, start + BLOCK)) start += BLOCK;
  while (start < n && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let same = 0;
  while (
    same + BLOCK <= n - start &&
    a.slice(a.length - same - BLOCK, a.length - same) === b.slice(b.length - same - BLOCK, b.length - same)
  )
    same += BLOCK;
  while (same < n - start && a.charCodeAt(a.length - 1 - same) === b.charCodeAt(b.length - 1 - same)) same++;
  return { start, oldEnd: a.length - same, delta: b.length - a.length };
}

/** Index of the last frame opened at or before `pos` (frames are in text order). */
function lastAtOrBefore(frames: readonly Frame[], pos: number): number {
  let lo = 0;
  let hi = frames.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (frames[mid]!.open <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Where the dash of the item whose frame opens at `open` is, when it begins its line after spaces only. */
function dashOf(text: string, open: number): { dash: number; line: number } | undefined {
  let i = open - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i--;
  if (text.charCodeAt(i) !== 45) return undefined; // -
  let line = i;
  while (line > 0 && text.charCodeAt(line - 1) === 32) line--;
  if (line > 0 && text.charCodeAt(line - 1) !== 10) return undefined;
  return { dash: i, line };
}

/** A document marker at the start of a line ends the document: never inside a re-read item. */
const MARKER = /(?:^|\n)(?:---|\.\.\.)/;

/**
 * Reads item `k` of the sequence at the end of `path` again from `text`; on success the frames are
 * updated in place and the new root value (copied on the way down) returned.
 */
function replaceItem(
  prev: string,
  text: string,
  edit: Edit,
  path: readonly Frame[],
  k: number,
): { root: unknown; reread: () => Frame } | undefined {
  const seq = path[path.length - 1]!;
  const kids = seq.children!;
  const item = dashOf(prev, kids[k]!.open);
  const next = dashOf(prev, kids[k + 1]!.open);
  // The change must leave this item's dash and everything from the line break before the next one alone.
  if (!item || !next || edit.start <= item.dash || edit.oldEnd >= next.line) return undefined;
  const sub = text.slice(item.line, next.dash + edit.delta);
  if (MARKER.test(sub)) return undefined;
  let rec;
  try {
    rec = record(sub, false);
  } catch {
    return undefined;
  }
  const top = rec.root && unwrap(rec.root);
  if (rec.sawAlias || !top || top.kind !== 'sequence' || top.children?.length !== 1) return undefined;
  if (!Array.isArray(rec.value) || rec.value.length !== 1) return undefined;

  const root = copyDown(path, k, rec.value[0]);
  if (root === undefined) return undefined;
  if (edit.delta) move(path[0]!, next.line, edit.delta);
  const fresh = top.children[0]!;
  move(fresh, 0, item.line, sub.length);
  kids[k] = fresh;
  return {
    root: root.value,
    reread: () => record(text, false).root ?? fresh,
  };
}

/**
 * The values from the root down to the sequence, each copied with its changed child put in; the
 * frames that held the old objects then hold the copies. Undefined when a child cannot be found in
 * its parent's value (a merge key shares it), before anything is changed.
 */
function copyDown(path: readonly Frame[], k: number, itemValue: unknown): { value: unknown } | undefined {
  const levels = path.filter((f) => f === unwrap(f));
  const olds = levels.map((f) => f.value);
  const copies: unknown[] = new Array(levels.length);
  let child: unknown = itemValue;
  for (let j = levels.length - 1; j >= 0; j--) {
    const old = olds[j];
    let copy: unknown;
    if (Array.isArray(old)) {
      const at = j === levels.length - 1 ? k : old.indexOf(olds[j + 1]);
      if (at < 0) return undefined;
      const arr = old.slice();
      arr[at] = child;
      copy = arr;
    } else if (old !== null && typeof old === 'object') {
      const rec = old as Record<string, unknown>;
      const key = j === levels.length - 1 ? undefined : ownKeyOf(rec, olds[j + 1]);
      if (key === undefined) return undefined;
      copy = { ...rec, [key]: child };
    } else return undefined;
    copies[j] = copy;
    child = copy;
  }
  for (const f of path) {
    const j = olds.indexOf(f.value);
    if (j >= 0) f.value = copies[j];
  }
  return { value: copies[0] };
}

function ownKeyOf(rec: Record<string, unknown>, value: unknown): string | undefined {
  for (const key of Object.keys(rec)) if (rec[key] === value) return key;
  return undefined;
}

/**
 * Moves by `delta` every offset at or after `from` in the frames under `top` (subtrees that end
 * before are skipped), first cutting offsets down to `clamp`: js-yaml adds a line break to a text
 * that does not end in one, and a node of a re-read item that ran to its end ran past it; in the
 * whole text it ends at the next item's dash, where the item's lines end.
 */
function move(top: Frame, from: number, delta: number, clamp = Infinity): void {
  const todo: Frame[] = [top];
  for (let f = todo.pop(); f; f = todo.pop()) {
    if (f.end < from) continue;
    f.end = Math.min(f.end, clamp) + delta;
    if (f.open >= from) f.open = Math.min(f.open, clamp) + delta;
    if (f.children) for (const c of f.children) todo.push(c);
  }
}
