/**
 * A lean YAML parse for validation: js-yaml builds the value while its (undocumented, hence pinned)
 * `listener` hook records where every node starts and ends. Pairing keys with values and resolving
 * pointers to ranges happens afterwards, and only as far as a problem needs it.
 */
import { load, CORE_SCHEMA, types, YAMLException } from 'js-yaml';
import { isIndex } from '../finding';
import { yamlIssue } from './yamlErrors';
import { duplicateKey, type ParseOutcome, type Span, type SyntaxIssue, type Locator } from './types';

/** Expanded nodes beyond the written ones that aliases may add before the file is refused. */
export const ALIAS_EXPANSION_LIMIT = 100_000;

interface Frame {
  /** Offset where js-yaml began the node (before separating white space and comments). */
  open: number;
  /** Offset where js-yaml finished it (possibly after trailing white space). */
  end: number;
  kind: string | null;
  /** The node's value: a key's text, or the very object of a collection (to spot wrapper frames). */
  value: unknown;
  /** Nested frames, created on the first child (most nodes are scalars and have none). */
  children?: Frame[];
  /** For a sequence, how many items it has (an empty `-` item leaves no frame, so frames can fall short). */
  length?: number;
  pairs?: Map<string, { key: Frame; value: Frame | undefined }>;
}

/** The parts of js-yaml's internal state the listener reads (its typings declare `kind` non-null). */
interface ListenerState {
  position: number;
  kind: string | null;
  result: unknown;
}

/** YAML 1.2 core types plus `<<` merge keys, which many YAML users (and yaml-language-server) accept. */
const SCHEMA = CORE_SCHEMA.extend({ implicit: [types.merge] });

interface Recorded {
  value: unknown;
  root: Frame | undefined;
  frames: number;
  sawAlias: boolean;
}

/** Loads `text`, recording a frame per node. `json: true` lets duplicate keys through (the later wins). */
function record(text: string, json: boolean): Recorded {
  const stack: Frame[] = [];
  const out: Recorded = { value: undefined, root: undefined, frames: 0, sawAlias: false };
  const listener = (event: 'open' | 'close', state: ListenerState): void => {
    if (event === 'open') {
      stack.push({ open: state.position, end: state.position, kind: null, value: undefined });
      return;
    }
    const f = stack.pop();
    if (!f) return;
    out.frames++;
    f.end = state.position;
    f.kind = state.kind;
    const r = state.result;
    f.value = r;
    if (Array.isArray(r)) f.length = r.length;
    // An alias leaves kind unset and hands over the anchored collection itself.
    if (f.kind === null && r !== null && typeof r === 'object') out.sawAlias = true;
    const parent = stack[stack.length - 1];
    if (parent) (parent.children ??= []).push(f);
    else out.root = f;
  };
  out.value = load(text, { schema: SCHEMA, json, listener });
  return out;
}

export function parseYaml(original: string): ParseOutcome {
  const base = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = base ? original.slice(1) : original;
  let rec: Recorded;
  let duplicates = false;
  try {
    // Strict first: js-yaml refuses duplicate keys at no cost, and most files have none.
    rec = record(text, false);
  } catch (e) {
    if (!(e instanceof YAMLException && /duplicated mapping key/.test(e.reason)))
      return { ok: false, issues: [yamlIssue(e, text, base)] };
    try {
      rec = record(text, true);
      duplicates = true;
    } catch (again) {
      return { ok: false, issues: [yamlIssue(again, text, base)] };
    }
  }
  const { value, root } = rec;
  if (value === undefined || root === undefined)
    return { ok: true, value: undefined, locator: emptyLocator(), issues: [] };

  const issues: SyntaxIssue[] = [];
  const expanded = rec.sawAlias ? expandedWeight(root) - rec.frames : 0;
  if (expanded > ALIAS_EXPANSION_LIMIT) {
    return {
      ok: false,
      issues: [
        {
          code: 'alias-limit',
          message: `Aliases expand this file by ${expanded} nodes (more than ${ALIAS_EXPANSION_LIMIT}); it looks like an alias bomb and is not validated.`,
          span: [base, base],
        },
      ],
    };
  }
  const locator = new YamlLocator(text, root, base);
  if (duplicates) locator.findDuplicates(issues);
  return { ok: true, value, locator, issues };
}

/** How many nodes the document stands for once aliases are expanded (post-order, anchors before aliases). */
function expandedWeight(root: Frame): number {
  const weights = new Map<object, number>();
  const weight = new Map<Frame, number>();
  const todo: [Frame, boolean][] = [[root, false]];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [f, done] = next;
    if (!done) {
      todo.push([f, true]);
      for (let i = (f.children?.length ?? 0) - 1; i >= 0; i--) todo.push([f.children![i]!, false]);
      continue;
    }
    let w = 1;
    for (const c of f.children ?? []) w += weight.get(c) ?? 1;
    const r = f.value;
    if (r !== null && typeof r === 'object') {
      if (f.kind === null) w += weights.get(r) ?? 0;
      else weights.set(r, w);
    }
    weight.set(f, w);
  }
  return weight.get(root) ?? 1;
}

function emptyLocator(): Locator {
  return { valueSpan: () => undefined, keySpan: () => undefined, rootSpan: () => undefined };
}

const SPACE = new Set([32, 9, 10, 13]);

/** Child frames (keys and values) up to which a mapping is scanned for a key rather than paired into a map. */
const SMALL_MAPPING = 16;

/**
 * js-yaml reads a collection in a block context by first trying it as a mapping key, so the frame of
 * `- {a: 1}` wraps a frame of the very same object; the inner one holds the entries.
 */
function unwrap(f: Frame): Frame {
  let x = f;
  while (
    x.children?.length === 1 &&
    x.value !== null &&
    typeof x.value === 'object' &&
    x.children[0]?.value === x.value
  )
    x = x.children[0];
  return x;
}

class YamlLocator implements Locator {
  constructor(
    private readonly text: string,
    private readonly root: Frame,
    private readonly base: number,
  ) {}

  rootSpan(): Span {
    return this.span(this.root);
  }

  valueSpan(path: readonly string[]): { span: Span; exact: boolean } {
    const { frame, depth } = this.walk(path);
    const exact = depth === path.length;
    if (exact && frame.kind === null && frame.value === null && !frame.children) {
      // An empty value (`key:`): point at its key instead of at nothing.
      const key = this.keySpan(path);
      if (key) return { span: key, exact };
    }
    return { span: this.span(frame), exact };
  }

  keySpan(path: readonly string[]): Span | undefined {
    if (path.length === 0) return undefined;
    const { frame, depth } = this.walk(path.slice(0, -1));
    if (depth !== path.length - 1 || unwrap(frame).kind !== 'mapping') return undefined;
    const pair = this.pair(frame, path[path.length - 1] ?? '');
    return pair ? this.span(pair.key) : undefined;
  }

  /** Reports every key that appears twice in one mapping (the later one wins, as in JSON). */
  findDuplicates(out: SyntaxIssue[]): void {
    const todo: [Frame, string[]][] = [[this.root, []]];
    for (let next = todo.pop(); next; next = todo.pop()) {
      const [f, path] = next;
      const inner = unwrap(f);
      if (inner.kind === 'mapping') {
        for (const [key, pair] of this.pairs(inner, out, path)) if (pair.value) todo.push([pair.value, [...path, key]]);
      } else if (inner.kind === 'sequence') {
        (inner.children ?? []).forEach((c, i) => todo.push([c, [...path, String(i)]]));
      }
    }
  }

  /**
   * The last path walked, as far as it led, and the frame after each of its segments: problems come
   * in order and neighbours share most of their path, so a walk starts after what they share.
   */
  private readonly walkedSegments: string[] = [];
  private readonly walkedFrames: Frame[] = [];
  private walkedDepth = 0;

  private walk(path: readonly string[]): { frame: Frame; depth: number } {
    const segs = this.walkedSegments;
    const frames = this.walkedFrames;
    let frame = this.root;
    let depth = 0;
    while (depth < path.length && depth < this.walkedDepth && path[depth] === segs[depth]) frame = frames[depth++]!;
    for (; depth < path.length; depth++) {
      const seg = path[depth]!;
      const next = this.child(frame, seg);
      if (!next) break;
      frame = next;
      segs[depth] = seg;
      frames[depth] = next;
    }
    this.walkedDepth = depth;
    return { frame, depth };
  }

  private child(outer: Frame, seg: string): Frame | undefined {
    const f = unwrap(outer);
    if (f.kind === 'mapping') return this.pair(f, seg)?.value;
    if (f.kind === 'sequence' && f.length === (f.children?.length ?? 0) && isIndex(seg))
      return f.children?.[Number(seg)];
    return undefined;
  }

  /**
   * The key and value of `name` in a mapping. A small mapping is scanned where it stands: thousands
   * of problems each in another list item would otherwise build a map of pairs per item, once.
   */
  private pair(outer: Frame, name: string): { key: Frame; value: Frame | undefined } | undefined {
    const f = unwrap(outer);
    const kids = f.children ?? [];
    if (f.pairs || kids.length > SMALL_MAPPING) return this.pairs(f).get(name);
    let key: Frame | undefined;
    let value: Frame | undefined;
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (!k || k.kind === null) continue;
      const v = kids[i + 1];
      const hasValue = v !== undefined && !this.isKey(v);
      // The later of two equal keys wins, as in pairs().
      if (String(k.value) === name) {
        key = k;
        value = hasValue ? v : undefined;
      }
      if (hasValue) i++;
    }
    return key ? { key, value } : undefined;
  }

  /** Pairs a mapping's child frames into key/value, in order; a key is followed by `:`. */
  private pairs(
    outer: Frame,
    duplicates?: SyntaxIssue[],
    path?: readonly string[],
  ): Map<string, { key: Frame; value: Frame | undefined }> {
    const f = unwrap(outer);
    if (f.pairs && !duplicates) return f.pairs;
    const pairs = new Map<string, { key: Frame; value: Frame | undefined }>();
    const kids = f.children ?? [];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (!k || k.kind === null) continue;
      const v = kids[i + 1];
      const hasValue = v !== undefined && !this.isKey(v);
      const name = String(k.value);
      if (duplicates && pairs.has(name) && name !== '<<') {
        duplicates.push(duplicateKey(name, this.span(k), [...(path ?? []), name]));
      }
      pairs.set(name, { key: k, value: hasValue ? v : undefined });
      if (hasValue) i++;
    }
    f.pairs = pairs;
    return pairs;
  }

  private isKey(f: Frame): boolean {
    if (f.kind !== 'scalar') return false;
    let i = f.end;
    while (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9) i++;
    return this.text.charCodeAt(i) === 58;
  }

  private span(f: Frame): Span {
    const start = this.skipProperties(this.contentStart(f.open));
    let last = unwrap(f);
    // A block collection ends where its last entry ends, not after the comments that follow it.
    while ((last.kind === 'mapping' || last.kind === 'sequence') && last.children?.length && !this.isFlow(last)) {
      last = unwrap(last.children[last.children.length - 1] as Frame);
    }
    const end = Math.max(start, this.trimBack(last.end));
    return [start + this.base, end + this.base];
  }

  /** Past an anchor (`&a`) or a tag (`!!str`) before a node's content: a fix replaces the value, not them. */
  private skipProperties(pos: number): number {
    let i = pos;
    for (;;) {
      const c = this.text.charCodeAt(i);
      if (c !== 38 && c !== 33) return i; // & or !
      let j = i;
      while (j < this.text.length && !SPACE.has(this.text.charCodeAt(j))) j++;
      if (j >= this.text.length) return pos;
      i = this.contentStart(j);
    }
  }

  private isFlow(f: Frame): boolean {
    const c = this.text.charCodeAt(this.contentStart(f.open));
    return c === 0x5b || c === 0x7b;
  }

  private contentStart(pos: number): number {
    const t = this.text;
    let i = pos;
    for (;;) {
      const c = t.charCodeAt(i);
      if (SPACE.has(c)) i++;
      else if (c === 35) while (i < t.length && t.charCodeAt(i) !== 10 && t.charCodeAt(i) !== 13) i++;
      else return i;
    }
  }

  private trimBack(pos: number): number {
    let i = Math.min(pos, this.text.length);
    while (i > 0 && SPACE.has(this.text.charCodeAt(i - 1))) i--;
    return i;
  }
}
