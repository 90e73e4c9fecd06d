/**
 * Reading one entry again instead of the whole file. A keystroke in a 1 MB digital human changes one
 * field or one item of one list, and js-yaml takes about 60 ms to read all of the text. When the
 * only change lies inside one item of a block sequence (after its dash) or inside the value of one
 * entry of a block mapping (after its colon), and before the line of the next item or key, those
 * lines are read alone, at their own columns, and replace the old ones; the frames after them move
 * by the change in length, and the values on the way down are copied, not changed (earlier results
 * share them). The last entry counts only at the top, where it runs to the end of the text. Anything
 * less plain (an anchor, a duplicate key, a byte order mark, directives, a flow collection, an empty
 * item in the lines read, a change that reaches a dash, a key or the next line, lines that no longer
 * read as exactly that one entry) is read in full, as before.
 * The frames are handed on, not copied: the earlier locator reads its own text again if it is
 * asked anything afterwards (YamlLocator.frames).
 */
import { record } from './yaml';
import { everyItemFramed, forgetPairs, unwrap, YamlLocator, type Frame } from './yamlLocator';
import type { ParseOutcome } from './types';

/** The parse of `text`, from `before` (the parse of `prev`) when one entry changed; undefined to read `text` in full. */
export function reparseYaml(prev: string, before: ParseOutcome, text: string): ParseOutcome | undefined {
  if (!before.ok || !(before.locator instanceof YamlLocator) || before.locator.text !== prev) return undefined;
  const tree = before.locator.frames();
  if (!tree || text.charCodeAt(0) === 0xfeff || directives(prev)) return undefined;
  const edit = changed(prev, text);
  // The deepest entry that holds the change is read first; failing that, the next one up.
  const path: Frame[] = [];
  const entries: [number, number][] = [];
  for (let f: Frame | undefined = tree.root; f;) {
    path.push(f);
    const kids: readonly Frame[] | undefined = f.children;
    if (!kids) break;
    const k = lastAtOrBefore(kids, edit.start);
    if (k < 0) break;
    if (f === unwrap(f)) entries.push([path.length - 1, k]);
    f = kids[k];
  }
  for (let c = entries.length - 1; c >= 0; c--) {
    const [depth, k] = entries[c]!;
    const value = replaceEntry(prev, text, edit, path.slice(0, depth + 1), k, tree.root);
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

/** The start of the line `at` is on, when only spaces stand before `at` on it. */
function lineOf(text: string, at: number): number | undefined {
  let line = at;
  while (line > 0 && text.charCodeAt(line - 1) === 32) line--;
  return line > 0 && text.charCodeAt(line - 1) !== 10 ? undefined : line;
}

/**
 * Where the entry whose frames are `kids[k]` (an item) or `kids[k - 1]` and `kids[k]` (a key and its
 * value) begins its line, the offset the change must come after (the dash or the colon), and where
 * the entry's lines end (the next item's dash or the next key, after the indentation).
 */
function bounds(
  text: string,
  kids: readonly Frame[],
  k: number,
  mapping: boolean,
): { line: number; after: number; end: number } | undefined {
  const first = kids[mapping ? k - 1 : k];
  const next = kids[k + 1];
  if (!first) return undefined;
  let after = mapping ? first.end : first.open - 1;
  if (mapping) {
    // The key, then `:` (only spaces between); the change must come after the colon.
    while (text.charCodeAt(after) === 32) after++;
    if (text.charCodeAt(after) !== 58 || first.kind !== 'scalar') return undefined;
  } else {
    // The item's dash, before its content (spaces and line breaks between).
    while (after >= 0 && [32, 10, 13].includes(text.charCodeAt(after))) after--;
    if (text.charCodeAt(after) !== 45) return undefined;
  }
  const line = lineOf(text, mapping ? first.open : after);
  if (line === undefined) return undefined;
  if (!next) return { line, after, end: text.length };
  let end = next.open;
  if (!mapping) {
    end--;
    while (end >= 0 && [32, 10, 13].includes(text.charCodeAt(end))) end--;
    if (text.charCodeAt(end) !== 45) return undefined;
  }
  return lineOf(text, end) === undefined ? undefined : { line, after, end };
}

/** A document marker at the start of a line ends the document: never inside a re-read entry (a lone CR breaks lines too). */
const MARKER = /(?:^|[\r\n])(?:---|\.\.\.)/;

/**
 * Whether the text may hold directives (`%TAG` changes what a tag means in every entry). They stand
 * before a `---`, which a text with directives must have: any `%` before the first `---` counts.
 */
function directives(text: string): boolean {
  const start = text.indexOf('---');
  return start > 0 && text.lastIndexOf('%', start) >= 0;
}

/** Whether the collection whose frame opens at `open` is a flow one (`[...]`, `{...}`), maybe after a tag. */
function flow(text: string, open: number): boolean {
  let i = open;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    else if (c === 33) while (i < text.length && ![32, 9, 10, 13].includes(text.charCodeAt(i))) i++;
    else return c === 91 || c === 123;
  }
}

/**
 * Reads entry `k` of the collection at the end of `path` again from `text`; on success the frames are
 * updated in place and the new root value (copied on the way down) returned.
 */
function replaceEntry(
  prev: string,
  text: string,
  edit: Edit,
  path: readonly Frame[],
  k: number,
  root: Frame,
): { root: unknown; reread: () => Frame } | undefined {
  const parent = path[path.length - 1]!;
  const kids = parent.children!;
  const mapping = parent.kind === 'mapping';
  if (!mapping && (parent.kind !== 'sequence' || !everyItemFramed(parent))) return undefined;
  // A mapping's frames are key, value, key, value...: the change must be in a value.
  if (mapping && (kids.length % 2 === 1 || k % 2 === 0)) return undefined;
  // Only the top collection's last entry: it runs to the end of the text, a nested one to where its parent ends.
  const last = k + 1 === kids.length;
  if ((last && unwrap(root) !== parent) || flow(prev, parent.open)) return undefined;
  const at = bounds(prev, kids, k, mapping);
  // The change must come after the dash or colon, and leave the line break before the next entry's line alone.
  const next = last ? prev.length : lineOf(prev, at?.end ?? 0)!;
  if (!at || edit.start <= at.after || (!last && edit.oldEnd >= next)) return undefined;
  // The entry's lines, up to the next entry's line (its indentation read alone would be one more line to a `|+`).
  const sub = text.slice(at.line, next + edit.delta);
  if (MARKER.test(sub)) return undefined;
  let rec;
  try {
    rec = record(sub, false);
  } catch {
    return undefined;
  }
  const top = rec.root && unwrap(rec.root);
  const fresh = top?.children;
  if (rec.anchors || !fresh || top.kind !== parent.kind || fresh.length !== (mapping ? 2 : 1)) return undefined;
  // After an empty item js-yaml reads on without minding indentation, into what follows the entry.
  if (fresh.some(emptyItem)) return undefined;
  const one = rec.value as Record<string, unknown>;
  const key = mapping ? String(kids[k - 1]!.value) : k;
  if (mapping ? Object.keys(one).join() !== key || key === '<<' : (one as unknown as unknown[]).length !== 1)
    return undefined;

  const value = copyDown(path, key, mapping ? one[key] : (one as unknown as unknown[])[0]);
  if (value === undefined) return undefined;
  if (edit.delta) move(root, next, edit.delta);
  // A node that ran to the end of the lines ends, in the whole text, at the next entry's dash or key.
  const pad = last ? 0 : at.end - next;
  for (const f of fresh) place(f, sub.length, pad, at.line);
  kids.splice(mapping ? k - 1 : k, fresh.length, ...fresh);
  forgetPairs(parent);
  return { root: value.value, reread: () => record(text, false).root ?? root };
}

/**
 * The values from the root down to the changed entry's collection, each copied with its changed
 * child put in (`slot`: the entry's index or key); the frames that held the old objects then hold
 * the copies. Undefined when a child cannot be found in its parent's value (a merge key shares
 * it), before anything is changed.
 */
function copyDown(path: readonly Frame[], slot: string | number, itemValue: unknown): { value: unknown } | undefined {
  const levels = path.filter((f) => f === unwrap(f));
  const olds = levels.map((f) => f.value);
  const copies: unknown[] = new Array(levels.length);
  let child: unknown = itemValue;
  for (let j = levels.length - 1; j >= 0; j--) {
    const old = olds[j];
    let copy: unknown;
    if (Array.isArray(old)) {
      const at = j === levels.length - 1 ? (slot as number) : old.indexOf(olds[j + 1]);
      if (at < 0) return undefined;
      const arr = old.slice();
      arr[at] = child;
      copy = arr;
    } else if (old !== null && typeof old === 'object') {
      const rec = old as Record<string, unknown>;
      const key = j === levels.length - 1 ? (slot as string) : ownKeyOf(rec, olds[j + 1]);
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

/** Moves by `delta` every offset at or after `from` in the frames under `top` (subtrees that end before are skipped). */
function move(top: Frame, from: number, delta: number): void {
  const todo: Frame[] = [top];
  for (let f = todo.pop(); f; f = todo.pop()) {
    if (f.end < from) continue;
    f.end += delta;
    if (f.open >= from) f.open += delta;
    if (f.children) for (const c of f.children) todo.push(c);
  }
}

/** Puts the frames of lines read alone (`length` long) at `at` in the whole text; their end moves on by `pad`. */
function place(top: Frame, length: number, pad: number, at: number): void {
  const todo: Frame[] = [top];
  for (let f = todo.pop(); f; f = todo.pop()) {
    f.open += (f.open >= length ? pad : 0) + at;
    f.end += (f.end >= length ? pad : 0) + at;
    if (f.children) for (const c of f.children) todo.push(c);
  }
}

/** Whether a sequence under `top` has an empty item (`-` with nothing after it leaves no frame). */
function emptyItem(top: Frame): boolean {
  const todo: Frame[] = [top];
  for (let f = todo.pop(); f; f = todo.pop()) {
    if (f.kind === 'sequence' && f === unwrap(f) && !everyItemFramed(f)) return true;
    if (f.children) for (const c of f.children) todo.push(c);
  }
  return false;
}
