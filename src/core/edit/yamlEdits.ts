/**
 * The YAML side of the form's edits: each primitive change (replace a value, add a key, add, remove
 * or move a list item) as new text, from the positions the `yaml` package's parse and CST give.
 * Only the entry concerned is rewritten; every other character stays where it was.
 *
 * Removing the only entry of a mapping or list leaves it empty (`key: {}`, `- {}`, `key: []`), so
 * the value keeps its shape and every path the form knows stays valid.
 * Comment lines directly above a list item, at its dash's column, belong to the item: they move
 * and are removed with it. Comments above a key stay (they often head a group of keys).
 * Where each node's text lies is yamlNodes.ts's; how a value is written, yamlWrite.ts's.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Scalar, type YAMLMap } from 'yaml';
import { fail, type Result } from './types';
import { layoutOf, YamlNodes, type Found } from './yamlNodes';
import { YamlSource } from './yamlSource';
import {
  blockLines,
  flowText,
  folded,
  foldedBreaks,
  inlineText,
  keyText,
  render,
  styledString,
  type Layout,
  type Mode,
  type Rendered,
} from './yamlWrite';

export class YamlEditor {
  private readonly src: YamlSource;
  /** Where each node's text lies. */
  private readonly at: YamlNodes;
  private readonly layout: Layout;

  private constructor(
    private readonly text: string,
    doc: Document,
    mode: Mode,
    layout?: Layout,
  ) {
    this.src = new YamlSource(text);
    this.at = new YamlNodes(text, doc, this.src);
    this.layout = layout ?? layoutOf(text, doc, this.src, mode);
  }

  /** `layout` given, the file's own is not looked for (an editor on a slice of a larger text). */
  static open(text: string, mode: Mode, layout?: Layout): Result<YamlEditor> {
    const doc = parseDocument(text, { keepSourceTokens: true, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) return fail(`The YAML cannot be read: ${error.message.split('\n')[0] ?? ''}`);
    return { ok: true, value: new YamlEditor(text, doc, mode, layout) };
  }

  /** `value` at `path`: the key or item exists (replaced), or its parent is a mapping (added to). */
  set(path: readonly string[], value: unknown): Result<string> {
    const f = this.at.find(path);
    if (f.steps.length === path.length) return this.replace(f, value);
    const key = path[path.length - 1] ?? '';
    if (f.steps.length < path.length - 1) return fail(`${path.slice(0, -1).join('/')} does not exist`);
    if (isMap(f.node)) return this.addPair(f, f.node, key, value);
    if (path.length === 1 && this.at.isEmpty(f.node)) return this.appendRoot(key, value);
    return fail(`${path.slice(0, -1).join('/') || 'The document'} is not a mapping`);
  }

  unset(path: readonly string[]): Result<string> {
    const f = this.at.find(path);
    const step = f.steps[f.steps.length - 1];
    if (f.steps.length < path.length) return { ok: true, value: this.text };
    if (!step) return fail('The whole document cannot be removed');
    const { coll, index: i } = step;
    if (coll.items.length === 1)
      return this.replace({ steps: f.steps.slice(0, -1), node: coll }, isMap(coll) ? {} : []);
    if (coll.flow)
      return i > 0
        ? this.splice(this.at.end(coll, i - 1), this.at.end(coll, i), '')
        : this.splice(this.at.start(coll, 0), this.at.start(coll, 1), '');
    const s = this.at.start(coll, i);
    if (this.src.onlyIndentBefore(s))
      return this.splice(
        isSeq(coll) ? this.at.chunkStart(coll, i) : this.src.lineStart(s),
        this.src.nextLine(this.at.end(coll, i)),
        '',
      );
    return i === 0 ? this.splice(s, this.at.start(coll, 1), '') : fail('The entry shares its line with another one');
  }

  insert(path: readonly string[], index: number, value: unknown): Result<string> {
    const f = this.at.find(path);
    const seq = f.node;
    if (f.steps.length < path.length || !isSeq(seq)) return fail(`${path.join('/')} is not a list`);
    const n = seq.items.length;
    if (index > n) return fail(`${path.join('/')} has only ${n} items`);
    const flowCtx = f.steps.some((s) => s.coll.flow);
    // A string is quoted like the quoted string next to it.
    const near: unknown = seq.items[index] ?? seq.items[index - 1];
    const like =
      typeof value === 'string' && isScalar(near) && typeof near.value === 'string' && /^QUOTE/.test(near.type ?? '')
        ? near
        : undefined;
    if (seq.flow) {
      const [open] = this.at.range(seq);
      const text =
        like && typeof value === 'string'
          ? styledString(value, like, true, this.layout, 0).head
          : flowText(value, this.layout.mode);
      if (n === 0 && !flowCtx && f.steps.length && this.layout.mode === 'pretty') return this.replace(f, [value]);
      if (n === 0) return this.splice(open + 1, open + 1, text);
      if (index < n) return this.splice(this.at.start(seq, index), this.at.start(seq, index), `${text}, `);
      return this.splice(this.at.end(seq, n - 1), this.at.end(seq, n - 1), `, ${text}`);
    }
    const col = this.src.col(this.at.start(seq, 0));
    const r =
      like && typeof value === 'string'
        ? styledString(value, like, false, this.layout, col + 2)
        : render(value, col + 2, true, this.layout);
    if (!r) return fail('The value cannot be written as YAML');
    const lines = [`${' '.repeat(col)}- ${r.head}`, ...r.body].join(this.layout.eol) + this.layout.eol;
    if (index === n)
      return this.splice(this.src.nextLine(this.at.contentEnd(seq)), this.src.nextLine(this.at.contentEnd(seq)), lines);
    if (!this.src.onlyIndentBefore(this.at.start(seq, index))) return fail('The item shares its line with another one');
    const at = this.at.chunkStart(seq, index);
    return this.splice(at, at, lines);
  }

  move(path: readonly string[], from: number, to: number): Result<string> {
    const f = this.at.find(path);
    const seq = f.node;
    if (f.steps.length < path.length || !isSeq(seq)) return fail(`${path.join('/')} is not a list`);
    const n = seq.items.length;
    if (from >= n || to >= n) return fail(`${path.join('/')} has only ${n} items`);
    if (from === to) return { ok: true, value: this.text };
    if (!seq.flow && seq.items.some((_, i) => !this.src.onlyIndentBefore(this.at.start(seq, i))))
      return fail('An item shares its line with another one');
    // Each item's text (with its comments, a whole line range in block style) moves; what lies between items stays.
    const slots = seq.items.map((_, i): [number, number] =>
      seq.flow
        ? [this.at.start(seq, i), this.at.end(seq, i)]
        : [this.at.chunkStart(seq, i), this.src.nextLine(this.at.end(seq, i))],
    );
    const texts = slots.map(([s, e]) => this.text.slice(s, e));
    const [moved] = texts.splice(from, 1);
    texts.splice(to, 0, moved ?? '');
    let out = '';
    slots.forEach(([, e], i) => (out += (texts[i] ?? '') + (i + 1 < n ? this.text.slice(e, slots[i + 1]?.[0]) : '')));
    return this.splice(slots[0]?.[0] ?? 0, slots[n - 1]?.[1] ?? 0, out);
  }

  /** The value at `f` becomes `value`, written in the place (and, for strings, the style) of the old one. */
  private replace(f: Found, value: unknown): Result<string> {
    const node = f.node;
    const step = f.steps[f.steps.length - 1];
    const { mode } = this.layout;
    if (!step) {
      if (!isMap(node) && !isSeq(node)) return fail('The document is not a mapping');
      const [s] = this.at.range(node);
      const lines =
        inlineText(value, false, mode) ??
        blockLines(value, this.src.col(s), this.layout)?.join(this.layout.eol).trimStart();
      return lines === undefined
        ? fail('The value cannot be written as YAML')
        : this.splice(s, this.at.contentEnd(node), lines);
    }
    const empty = this.at.isEmpty(node);
    if (f.steps.some((s) => s.coll.flow)) {
      const flow =
        isScalar(node) && !empty && typeof value === 'string'
          ? styledString(value, node, true, this.layout, 0).head
          : flowText(value, mode);
      return empty
        ? this.splice(this.at.sepEnd(step), this.at.sepEnd(step), ` ${flow}`)
        : this.splice(this.at.range(node)[0], this.at.contentEnd(node), flow);
    }
    const sep = this.at.sepEnd(step);
    const start = empty ? sep : this.at.range(node)[0];
    const end = empty ? sep : this.at.contentEnd(node);
    const firstEnd = this.src.lineEnd(sep);
    const gap = !empty && start <= firstEnd ? this.text.slice(sep, start) : ' ';
    const inSeq = isSeq(step.coll);
    const col = inSeq ? this.src.col(sep) + gap.length : this.src.col(this.at.start(step.coll, step.index));
    const r =
      isScalar(node) && !empty && typeof value === 'string'
        ? this.restyle(node, value, inSeq ? col : col + this.layout.step)
        : render(value, col, inSeq, this.layout);
    if (!r) return fail('The value cannot be written as YAML');
    // What stays on the entry's line: a comment after the key, after a block scalar's header, or after
    // a one-line old value. A comment after the last line of a multi-line value goes with the value.
    let keep = '';
    if (start > firstEnd) keep = this.text.slice(sep, firstEnd);
    else if (isScalar(node) && /^BLOCK/.test(node.type ?? ''))
      keep = this.text.slice(start, this.src.lineEnd(start)).replace(/^[|>][0-9+-]*/, '');
    const tail = this.text.slice(end, this.src.lineEnd(end));
    const regionEnd = tail.includes('#') ? this.src.lineEnd(end) : end;
    if (tail.includes('#') && start <= firstEnd && this.src.lineEnd(start) >= end) keep += tail;
    if (!keep.includes('#')) keep = '';
    const newText = (r.head ? gap + r.head : '') + keep + r.body.map((l) => this.layout.eol + l).join('');
    return this.splice(sep, regionEnd, newText);
  }

  /** A string in place of the scalar `old`: a block scalar stays one when it can, in its own indentation. */
  private restyle(old: Scalar, value: string, col: number): Rendered {
    if (old.type !== 'BLOCK_FOLDED' && old.type !== 'BLOCK_LITERAL')
      return styledString(value, old, false, this.layout, col);
    const [s] = this.at.range(old);
    const lines = this.src.lines(this.src.nextLine(s), this.at.contentEnd(old));
    const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0), 1000);
    const at = indent === 1000 ? col : indent;
    const text = String(old.value);
    if (old.type === 'BLOCK_FOLDED' && this.layout.mode === 'pretty') {
      const content = lines.map((l) => l.slice(at));
      const r = folded(
        value,
        at,
        text,
        foldedBreaks(content, text),
        Math.max(80 - at, ...content.map((l) => l.length)),
      );
      if (r) return r;
    }
    return styledString(value, old, false, this.layout, at);
  }

  private addPair(f: Found, map: YAMLMap<unknown, unknown>, key: string, value: unknown): Result<string> {
    const { mode, eol } = this.layout;
    if (map.flow) {
      const n = map.items.length;
      if (n === 0 && !f.steps.some((s) => s.coll.flow) && mode === 'pretty') return this.replace(f, { [key]: value });
      const entry = `${keyText(key)}: ${flowText(value, mode)}`;
      const at = n ? this.at.end(map, n - 1) : this.at.range(map)[0] + 1;
      return this.splice(at, at, n ? `, ${entry}` : entry);
    }
    const col = this.src.col(this.at.start(map, 0));
    const r = render(value, col, false, this.layout);
    if (!r) return fail('The value cannot be written as YAML');
    const head = `${' '.repeat(col)}${keyText(key)}:${r.head ? ` ${r.head}` : ''}`;
    const at = this.src.nextLine(this.at.contentEnd(map));
    return this.splice(at, at, [head, ...r.body].join(eol) + eol);
  }

  /** A first key in a document that holds none (only comments, or nothing). */
  private appendRoot(key: string, value: unknown): Result<string> {
    const r = render(value, 0, false, this.layout);
    if (!r) return fail('The value cannot be written as YAML');
    const lines = [`${keyText(key)}:${r.head ? ` ${r.head}` : ''}`, ...r.body].join(this.layout.eol) + this.layout.eol;
    return this.splice(this.text.length, this.text.length, lines);
  }

  private splice(start: number, end: number, newText: string): Result<string> {
    return { ok: true, value: this.text.slice(0, start) + newText + this.text.slice(end) };
  }
}
