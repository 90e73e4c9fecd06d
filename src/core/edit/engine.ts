/**
 * A form change (`EditOp`) as one minimal text edit of the document: the entry concerned is
 * rewritten, every other character (comments, key order, quoting, unrelated lines) stays.
 *
 * A `set` of a mapping over a mapping (or a list over a list) is done entry by entry, so what did
 * not change keeps its text and comments. Each primitive change is made on the text and the text
 * parsed again; at the end the result is read back with the validator's own parser and must equal
 * the old value with the change applied. If it does not (an anchor, a tag, an odd layout), the change
 * is made again with every new string double-quoted, and refused if that does not read back either.
 * The edit returned is the one span where the old and new texts differ.
 */
import { parseText } from '../parse/memo';
import { toPointer } from '../problem';
import { appendInPlace } from './append';
import { JsonEditor } from './jsonEdits';
import type { EditOp, Path } from './types';
import { YamlEditor } from './yamlEdits';
import { doubleQuoted, plainSafe, type Mode } from './yamlWrite';
import { at, isJsonValue, nest, sameValue, valueAfter } from './values';
import { type Result, type TextEdit, fail } from './types';
import { applyEdits, spanEdits } from './apply';
import { isRecord } from '../record';

/** On success, the edit and the value the edited text reads as (checked, or safe by construction). */
export type EditsResult =
  | { readonly ok: true; readonly edits: TextEdit[]; readonly value: unknown }
  | { readonly ok: false; readonly reason: string };
type Format = 'yaml' | 'json';

interface Editor {
  set(path: Path, value: unknown): Result<string>;
  unset(path: Path): Result<string>;
  insert(path: Path, index: number, value: unknown): Result<string>;
  move(path: Path, from: number, to: number): Result<string>;
}

/** `wholeText` (tests) skips the fast ways that edit a slice, to compare their texts with the general way's. */
export function editsFor(
  text: string,
  format: Format,
  op: EditOp,
  options: { readonly wholeText?: boolean } = {},
): EditsResult {
  try {
    return compute(text, format, op, options.wholeText === true);
  } catch (e) {
    return fail(`The change could not be made: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function compute(original: string, format: Format, op: EditOp, wholeText: boolean): EditsResult {
  const bom = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = original.slice(bom);
  const before = read(text, format);
  if (!before.ok) return before;
  if ((op.op === 'set' || op.op === 'insert') && !isJsonValue(op.value))
    return fail('The value is not plain JSON data');
  const expected = valueAfter(before.value, op);
  if (!expected.ok) return expected;
  const fast = wholeText ? undefined : scalarInPlace(text, format, op, expected.value);
  if (fast !== undefined) return { ok: true, edits: spanEdits(text, fast, bom), value: expected.value };
  // YAML is edited with a line break after the last line, so that line too can be moved or removed whole.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pad = format === 'yaml' && text !== '' && !/[\r\n]$/.test(text) ? eol : '';
  const unpad = (t: string): string => (pad && t.endsWith(pad) ? t.slice(0, -pad.length) : t);
  for (const mode of format === 'yaml' ? (['pretty', 'safe'] as const) : (['pretty'] as const)) {
    // An item added at the end of a top-level list: made and read back on a slice (append.ts).
    const appended = wholeText ? undefined : appendInPlace(text + pad, format, op, mode);
    if (appended !== undefined)
      return { ok: true, edits: spanEdits(text, unpad(appended), bom), value: expected.value };
    const session = new Session(format, mode);
    const out = run(session, text + pad, op);
    if (!out.ok) return out;
    const result = unpad(out.value);
    const after = session.read(result);
    if (after.ok && sameValue(after.value, expected.value))
      return { ok: true, edits: spanEdits(text, result, bom), value: expected.value };
  }
  return fail(
    'The change cannot be written here without changing other values (an anchor, a tag or an unusual layout); edit the text instead.',
  );
}

/** One attempt at a change; texts already parsed are not parsed again (most steps of a `set` leave the text as it is). */
class Session {
  private readonly values = new Map<string, Result<unknown>>();
  private readonly editors = new Map<string, Result<Editor>>();

  constructor(
    readonly format: Format,
    private readonly mode: Mode,
  ) {}

  read(text: string): Result<unknown> {
    let r = this.values.get(text);
    if (!r) this.values.set(text, (r = read(text, this.format)));
    return r;
  }

  editor(text: string): Result<Editor> {
    let e = this.editors.get(text);
    if (!e)
      this.editors.set(text, (e = this.format === 'json' ? JsonEditor.open(text) : YamlEditor.open(text, this.mode)));
    return e;
  }

  /** Runs one primitive change on `text`. */
  with(text: string, change: (e: Editor) => Result<string>): Result<string> {
    const e = this.editor(text);
    return e.ok ? change(e.value) : e;
  }
}

function run(s: Session, text: string, op: EditOp): Result<string> {
  switch (op.op) {
    case 'set':
      return setDeep(s, text, op.path, op.value);
    case 'unset':
      return s.with(text, (e) => e.unset(op.path));
    case 'insert': {
      const cur = valueAt(s, text, op.path);
      if (!cur.ok) return cur;
      if (cur.value === undefined || cur.value === null) return place(s, text, op.path, [op.value]);
      return s.with(text, (e) => e.insert(op.path, op.index, op.value));
    }
    case 'move':
      return s.with(text, (e) => e.move(op.path, op.from, op.to));
  }
}

function valueAt(s: Session, text: string, path: Path): Result<unknown> {
  const r = s.read(text);
  return r.ok ? { ok: true, value: at(r.value, path).value } : r;
}

/** `value` at `path`, entry by entry where a mapping meets a mapping or a list a list. */
function setDeep(s: Session, text: string, path: Path, value: unknown): Result<string> {
  const r = s.read(text);
  if (!r.ok) return r;
  const cur = at(r.value, path);
  const old = cur.value;
  if (cur.exists && sameValue(old, value)) return { ok: true, value: text };
  let t = text;
  const step = (next: Result<string>): boolean => {
    if (next.ok) t = next.value;
    return next.ok;
  };
  let done: Result<string> | undefined;
  if (cur.exists && isRecord(old) && isRecord(value) && Object.keys(old).length) {
    // New and changed keys first, so the mapping is never left empty (and so turned into `{}`) on the way.
    for (const [k, v] of Object.entries(value)) if (!step((done = setDeep(s, t, [...path, k], v)))) return done;
    for (const k of Object.keys(old))
      if (!(k in value) && !step((done = s.with(t, (e) => e.unset([...path, k]))))) return done;
    return { ok: true, value: t };
  }
  if (cur.exists && Array.isArray(old) && Array.isArray(value) && old.length) {
    for (let i = 0; i < Math.min(old.length, value.length); i++)
      if (!step((done = setDeep(s, t, [...path, String(i)], value[i])))) return done;
    for (let i = old.length; i < value.length; i++)
      if (!step((done = s.with(t, (e) => e.insert(path, i, value[i]))))) return done;
    for (let i = old.length - 1; i >= value.length; i--)
      if (!step((done = s.with(t, (e) => e.unset([...path, String(i)]))))) return done;
    return { ok: true, value: t };
  }
  return place(s, text, path, value);
}

/** One primitive `set`: replace what is there, or add to the deepest parent that exists (a null one is replaced). */
function place(s: Session, text: string, path: Path, value: unknown): Result<string> {
  const r = s.read(text);
  if (!r.ok) return r;
  let d = 0;
  let parent = r.value;
  while (d < path.length && at(parent, [path[d] ?? '']).exists) parent = at(parent, [path[d++] ?? '']).value;
  if (d === path.length) return s.with(text, (e) => e.set(path, value));
  const prefix = path.slice(0, d);
  const rest = path.slice(d);
  if (Array.isArray(parent)) {
    const inner = nest(rest.slice(1), value);
    if (rest[0] !== String(parent.length) || !inner.ok)
      return fail(`${[...prefix, rest[0]].join('/')} is not an item of the list`);
    return s.with(text, (e) => e.insert(prefix, parent.length, inner.value));
  }
  // A null value becomes the mapping (an empty document gets its first key).
  const nullParent = parent === null && d > 0;
  const inner = nest(nullParent ? rest : rest.slice(1), value);
  if (!inner.ok) return inner;
  if (nullParent) return s.with(text, (e) => e.set(prefix, inner.value));
  if (isRecord(parent) || parent === undefined || parent === null)
    return s.with(text, (e) => e.set([...prefix, rest[0] ?? ''], inner.value));
  return fail(`${prefix.join('/') || 'The document'} is not a mapping`);
}

/**
 * The common case, fast on large files: one scalar replaced by another in place (same quoting style),
 * using the validator's quick parse for the span and for the read-back check. Anything else (block
 * scalars, anchors, tags, new keys, collections) takes the general way.
 */
function scalarInPlace(text: string, format: Format, op: EditOp, expected: unknown): string | undefined {
  if (
    op.op !== 'set' ||
    (op.value !== null && typeof op.value === 'object') ||
    (typeof op.value === 'string' && /[\r\n]/.test(op.value))
  )
    return undefined;
  const parsed = parseText(text, format);
  if (!parsed.ok || parsed.issues.length) return undefined;
  const old = at(parsed.value, op.path);
  if (!old.exists || (old.value !== null && typeof old.value === 'object')) return undefined;
  const span = parsed.locator.valueSpan(op.path);
  if (!span?.exact) return undefined;
  const current = text.slice(span.span[0], span.span[1]);
  if (
    /^[|>&!*]/.test(current) ||
    /[\r\n]/.test(current) ||
    (format === 'yaml' && (current === '' || /^[\w$-]+\s*:$/.test(current)))
  )
    return undefined;
  let written: string | undefined;
  const v = op.value;
  if (format === 'json') written = JSON.stringify(v);
  else if (typeof v === 'number' || typeof v === 'boolean') written = String(v);
  else if (typeof v !== 'string') written = 'null';
  else if (current.startsWith('"')) written = doubleQuoted(v);
  else if (current.startsWith("'")) written = /['\r\n]/.test(v) ? undefined : `'${v}'`;
  else written = plainSafe(v, false) ? v : doubleQuoted(v);
  if (written === undefined) return undefined;
  const result = text.slice(0, span.span[0]) + written + text.slice(span.span[1]);
  // A scalar that reads the same in any context (JSON, a quoted string, a plain number, true,
  // false, null, a plain string safe even in a flow collection) needs no read-back of a large text.
  // (Not under an anchor, which aliases elsewhere share, nor a tag, which changes what it reads as.)
  const decorated =
    format === 'yaml' && /[&!][^\s,[\]{}]*\s+$/.test(text.slice(Math.max(0, span.span[0] - 256), span.span[0]));
  if (format === 'json' || (!decorated && readsAlike(v, written))) return result;
  const after = read(result, format);
  return after.ok && sameValue(after.value, expected) ? result : undefined;
}

function readsAlike(v: unknown, written: string): boolean {
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v === 'number') return /^-?(0|[1-9]\d{0,14})(\.\d{1,15})?$/.test(written) && Number(written) === v;
  if (typeof v !== 'string') return false;
  if (written.startsWith('"')) return true;
  if (written.startsWith("'")) return !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(v);
  return plainSafe(v, true);
}

function read(text: string, format: Format): Result<unknown> {
  const parsed = parseText(text, format);
  if (parsed.ok && !parsed.issues.length) return { ok: true, value: parsed.value };
  return fail(
    `The ${format === 'json' ? 'JSON' : 'YAML'} cannot be read: ${parsed.issues[0]?.message ?? 'unknown problem'}`,
  );
}

/**
 * Several changes made one after the other, each on the text the one before left; the text at
 * the end, or why a change could not be made (named by its pointer).
 */
export function applyOps(
  text: string,
  format: Format,
  ops: readonly EditOp[],
): { ok: true; text: string } | { ok: false; reason: string } {
  let out = text;
  for (const op of ops) {
    const r = editsFor(out, format, op);
    if (!r.ok) return { ok: false, reason: `${toPointer(op.path)}: ${r.reason}` };
    out = applyEdits(out, r.edits);
  }
  return { ok: true, text: out };
}
