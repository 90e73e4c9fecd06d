/**
 * Where a path of a YAML document is: the frames js-yaml's listener recorded (yaml.ts) paired into
 * keys and values as far as a lookup needs, and turned into spans of the text.
 */
import { isIndex } from '../finding';
import { duplicateKey, type Locator, type Span, type SyntaxIssue } from './types';

/**
 * One node as the listener recorded it. A class, not an object literal: V8 moves the objects of a
 * literal that mostly survive (as all frames do) straight to the old generation, and every later
 * store of a new value into one then costs a write barrier; 10 ms of a 1 MB file's 50.
 */
export class Frame {
  /** Offset where js-yaml finished the node (possibly after trailing white space). */
  end: number;
  kind: string | null = null;
  /** The node's value: a key's text, or the very object of a collection (to spot wrapper frames). */
  value: unknown = undefined;
  /** Nested frames, in text order (most nodes are scalars and have none). */
  children: Frame[] | undefined = undefined;

  /** `open`: the offset where js-yaml began the node (before separating white space and comments). */
  constructor(public open: number) {
    this.end = open;
  }
}

type Pairs = Map<string, { key: Frame; value: Frame | undefined }>;

/** A mapping's keys and values once paired (a large one, or any when duplicate keys are looked for), kept beside the frames. */
const PAIRS = new WeakMap<Frame, Pairs>();

/** Forgets the pairs of a mapping whose frames changed (an incremental parse replaced an entry). */
export function forgetPairs(f: Frame): void {
  PAIRS.delete(f);
}

/**
 * Whether a sequence's frames stand for all its items: an empty `-` item leaves no frame, so frames
 * can fall short of the items of the value (the sequence's array, or a copy of the same length).
 */
export function everyItemFramed(f: Frame): boolean {
  return Array.isArray(f.value) && f.value.length === (f.children?.length ?? 0);
}

/** The frames of one parse, read by one locator at a time: an incremental parse (yamlIncremental.ts) hands them on. */
export interface FrameTree {
  readonly root: Frame;
  holder?: YamlLocator;
}

export function emptyLocator(): Locator {
  return { valueSpan: () => undefined, keySpan: () => undefined, rootSpan: () => undefined };
}

const SPACE = new Set([32, 9, 10, 13]);

/** Child frames (keys and values) up to which a mapping is scanned for a key rather than paired into a map. */
const SMALL_MAPPING = 16;

/**
 * js-yaml reads a collection in a block context by first trying it as a mapping key, so the frame of
 * `- {a: 1}` wraps a frame of the very same object; the inner one holds the entries.
 */
export function unwrap(f: Frame): Frame {
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

export class YamlLocator implements Locator {
  private tree: FrameTree;

  /**
   * `plain`: no anchor, no duplicate key and no byte order mark, so an incremental parse may take the
   * frames over; `reread` reads `text` again for a locator whose frames were taken.
   */
  constructor(
    readonly text: string,
    tree: FrameTree,
    readonly base: number,
    readonly plain: boolean,
    private readonly reread: () => Frame,
  ) {
    tree.holder = this;
    this.tree = tree;
  }

  /** The frames, to be moved on to the next text's locator; undefined when they are no longer this one's. */
  frames(): FrameTree | undefined {
    return this.plain && this.tree.holder === this ? this.tree : undefined;
  }

  /** This text's frames: read again, once, when an incremental parse has taken the first ones over. */
  private get root(): Frame {
    if (this.tree.holder !== this) {
      this.tree = { root: this.reread(), holder: this };
      this.walkedDepth = 0;
    }
    return this.tree.root;
  }

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
    if (f.kind === 'sequence' && everyItemFramed(f) && isIndex(seg)) return f.children?.[Number(seg)];
    return undefined;
  }

  /**
   * The key and value of `name` in a mapping. A small mapping is scanned where it stands: thousands
   * of problems each in another list item would otherwise build a map of pairs per item, once.
   */
  private pair(outer: Frame, name: string): { key: Frame; value: Frame | undefined } | undefined {
    const f = unwrap(outer);
    const kids = f.children ?? [];
    if (kids.length > SMALL_MAPPING || PAIRS.has(f)) return this.pairs(f).get(name);
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
  private pairs(outer: Frame, duplicates?: SyntaxIssue[], path?: readonly string[]): Pairs {
    const f = unwrap(outer);
    const known = duplicates ? undefined : PAIRS.get(f);
    if (known) return known;
    const pairs: Pairs = new Map();
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
    PAIRS.set(f, pairs);
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
