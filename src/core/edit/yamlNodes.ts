/**
 * Where things lie in a YAML text for its editor (yamlEdits.ts): the entries walked to a path, each
 * node's range, where a value's text ends, where an entry starts (its key or dash) and ends, the
 * comment lines that belong to a list item, and the file's own layout (indentation step, list offset,
 * line break). Positions come from the `yaml` package's parse and CST.
 */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
  type Document,
  type Pair,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { YamlSource } from './yamlSource';
import type { Layout, Mode } from './yamlWrite';

export type Coll = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;
export interface Step {
  readonly coll: Coll;
  readonly index: number;
}
/** The entries walked to a path (`steps`, one per segment found) and the node reached. */
export interface Found {
  readonly steps: readonly Step[];
  readonly node: unknown;
}

const keyOf = (p: Pair<unknown, unknown>): string | undefined => (isScalar(p.key) ? String(p.key.value) : undefined);

/** The file's own layout: its line break, its mappings' indentation step and its lists' offset under their key. */
export function layoutOf(text: string, doc: Document, src: YamlSource, mode: Mode): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let step: number | undefined;
  let seqOffset: number | undefined;
  visit(doc, {
    Pair: (_, pair) => {
      const k = pair.key;
      const v = pair.value;
      if (
        !isScalar(k) ||
        !k.range ||
        (!isMap(v) && !isSeq(v)) ||
        v.flow ||
        !v.range ||
        v.range[0] <= src.lineEnd(k.range[0])
      )
        return;
      const first = isMap(v) ? (v.items[0]?.key as Scalar | undefined)?.range?.[0] : v.range[0];
      if (first === undefined) return;
      const d = src.col(first) - src.col(k.range[0]);
      if (isMap(v) && d > 0) step ??= d;
      if (isSeq(v) && d >= 0) seqOffset ??= d;
    },
  });
  return { eol, step: step ?? (seqOffset || 2), seqOffset: seqOffset ?? step ?? 2, mode };
}

/** The positions of a parsed text's nodes. */
export class YamlNodes {
  constructor(
    private readonly text: string,
    private readonly doc: Document,
    private readonly src: YamlSource,
  ) {}

  find(path: readonly string[]): Found {
    const steps: Step[] = [];
    let node: unknown = this.doc.contents;
    for (const seg of path) {
      let index = -1;
      if (isMap(node)) index = node.items.findIndex((p) => keyOf(p) === seg);
      else if (isSeq(node) && /^\d+$/.test(seg) && Number(seg) < node.items.length) index = Number(seg);
      if (index < 0 || (!isMap(node) && !isSeq(node))) break;
      steps.push({ coll: node, index });
      const item: unknown = node.items[index];
      node = isPair(item) ? item.value : item;
    }
    return { steps, node };
  }

  range(node: unknown): readonly [number, number] {
    const r = (node as Scalar | undefined)?.range;
    if (!r) throw new Error('a node without a position');
    return [r[0], r[1]];
  }

  isEmpty(node: unknown): boolean {
    if (node === null || node === undefined) return true;
    const [s, e] = this.range(node);
    return isScalar(node) && s === e;
  }

  /** Where a value's text ends: a block collection at its last entry's end, before the comments after it. */
  contentEnd(node: unknown): number {
    const [s, e] = this.range(node);
    if (isScalar(node)) return /^BLOCK/.test(node.type ?? '') ? Math.max(s, this.src.trimBack(e)) : e;
    if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length) return this.end(node, node.items.length - 1);
    return e;
  }

  /** After the `:` of a pair, or the `-` of a block list item. */
  sepEnd(step: Step): number {
    const { coll, index } = step;
    if (isSeq(coll)) return this.start(coll, index) + 1;
    const pair = coll.items[index];
    const at = this.text.indexOf(':', pair ? this.range(pair.key)[1] : 0);
    if (!pair || at < 0 || this.text.slice(this.range(pair.key)[1], at).trim())
      throw new Error('a pair without a colon');
    return at + 1;
  }

  /** Where an entry starts: its key, or its dash (its value in a flow list). */
  start(coll: Coll, i: number): number {
    const item: unknown = coll.items[i];
    if (isPair(item)) return this.range(item.key)[0];
    if (coll.flow) return this.range(item)[0];
    const token = coll.srcToken;
    const dash =
      token?.type === 'block-seq' ? token.items[i]?.start.find((t) => t.type === 'seq-item-ind')?.offset : undefined;
    if (dash === undefined) throw new Error('a list item without a dash');
    return dash;
  }

  end(coll: Coll, i: number): number {
    const item: unknown = coll.items[i];
    if (isPair(item)) return this.isEmpty(item.value) ? this.sepEnd({ coll, index: i }) : this.contentEnd(item.value);
    return this.isEmpty(item) ? (coll.flow ? this.range(item)[0] : this.start(coll, i) + 1) : this.contentEnd(item);
  }

  /** A block list item's first line: its dash's, or the first of the comment lines right above it at the dash's column. */
  chunkStart(seq: YAMLSeq<unknown>, i: number): number {
    const dash = this.start(seq, i);
    const limit = i > 0 ? this.end(seq, i - 1) : 0;
    const comment = new RegExp(`^ {${this.src.col(dash)}}#`);
    let s = this.src.lineStart(dash);
    for (
      let p = this.src.prevLineStart(s);
      p !== undefined && p >= limit && comment.test(this.src.line(p));
      p = this.src.prevLineStart(p)
    )
      s = p;
    return s;
  }
}
