/**
 * The JSON side of the form's edits, on jsonc-parser's tree: a value is replaced where it stands, an
 * entry added after its siblings at their indentation (or inline, in a one-line list or object),
 * an entry removed with its comma, in the file's own indentation and line breaks.
 *
 * jsonc-parser's `modify` is not used: it reformats every line it touches, so adding a key after
 * `"ids": [57, 61]` would spread that list over four lines, and emptying an object leaves `{\n  }`.
 */
import {
  findNodeAtLocation,
  parseTree,
  type FormattingOptions,
  type JSONPath,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { type Result, fail } from './types';
import { isRecord } from '../record';

export class JsonEditor {
  private readonly unit: string;
  private readonly eol: string;

  private constructor(
    private readonly text: string,
    private readonly tree: Node,
    private readonly root: unknown,
    formatting?: FormattingOptions,
  ) {
    const f = { tabSize: 2, ...(formatting ?? jsonFormatting(text)) };
    this.unit = f.insertSpaces ? ' '.repeat(f.tabSize) : '\t';
    this.eol = f.eol ?? '\n';
  }

  /** `formatting` given, the text's own is not looked for (an editor on a slice of a larger text). */
  static open(text: string, formatting?: FormattingOptions): Result<JsonEditor> {
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    if (errors.length || !tree) return fail('The JSON cannot be read');
    return { ok: true, value: new JsonEditor(text, tree, JSON.parse(text), formatting) };
  }

  set(path: readonly string[], value: unknown): Result<string> {
    const node = this.node(path);
    if (node) return this.splice(node.offset, node.offset + node.length, this.render(value, this.indent(node.offset)));
    const parent = this.node(path.slice(0, -1));
    if (parent?.type !== 'object') return fail(`${path.slice(0, -1).join('/') || 'The document'} is not an object`);
    return this.add(parent, parent.children?.length ?? 0, `${JSON.stringify(path[path.length - 1] ?? '')}: `, value);
  }

  unset(path: readonly string[]): Result<string> {
    const node = this.node(path);
    if (!node || !node.parent)
      return node ? fail('The whole document cannot be removed') : { ok: true, value: this.text };
    const entry = node.parent.type === 'property' ? node.parent : node;
    const container = entry.parent;
    const kids = container?.children ?? [];
    const i = kids.indexOf(entry);
    if (!container || i < 0) return fail(`${path.join('/')} cannot be removed`);
    // The only entry: the object or list stays, empty.
    if (kids.length === 1)
      return this.splice(container.offset, end(container), container.type === 'object' ? '{}' : '[]');
    const prev = kids[i - 1];
    const next = kids[i + 1];
    return prev ? this.splice(end(prev), end(entry), '') : this.splice(entry.offset, next?.offset ?? end(entry), '');
  }

  insert(path: readonly string[], index: number, value: unknown): Result<string> {
    const list = this.node(path);
    if (list?.type !== 'array') return fail(`${path.join('/')} is not a list`);
    const n = list.children?.length ?? 0;
    return index > n ? fail(`${path.join('/')} has only ${n} items`) : this.add(list, index, '', value);
  }

  move(path: readonly string[], from: number, to: number): Result<string> {
    const list = this.node(path);
    const items = list?.type === 'array' ? (list.children ?? []) : undefined;
    if (!items) return fail(`${path.join('/')} is not a list`);
    if (from >= items.length || to >= items.length) return fail(`${path.join('/')} has only ${items.length} items`);
    // Each item's text moves verbatim; the commas and line breaks between items stay in place.
    const texts = items.map((n) => this.text.slice(n.offset, end(n)));
    const [moved] = texts.splice(from, 1);
    texts.splice(to, 0, moved ?? '');
    let out = '';
    items.forEach((n, i) => (out += (texts[i] ?? '') + this.text.slice(end(n), items[i + 1]?.offset ?? end(n))));
    return this.splice(items[0]?.offset ?? 0, end(items[items.length - 1] ?? list ?? this.tree), out);
  }

  /** Adds `prefix` + `value` as entry `index` of `container`: on its own line like its siblings, or inline. */
  private add(container: Node, index: number, prefix: string, value: unknown): Result<string> {
    const kids = container.children ?? [];
    const n = kids.length;
    const base = this.indent(container.offset);
    if (n === 0) {
      const inner = base + this.unit;
      return this.splice(
        container.offset + 1,
        end(container) - 1,
        `${this.eol}${inner}${prefix}${this.render(value, inner)}${this.eol}${base}`,
      );
    }
    const first = kids[0] as Node;
    const at = kids[index];
    const last = kids[n - 1] as Node;
    if (!this.text.slice(container.offset, first.offset).includes('\n')) {
      const entry = prefix + oneLine(value);
      return at ? this.splice(at.offset, at.offset, `${entry}, `) : this.splice(end(last), end(last), `, ${entry}`);
    }
    const indent = this.indent((at ?? last).offset);
    const entry = prefix + this.render(value, indent);
    return at
      ? this.splice(at.offset, at.offset, `${entry},${this.eol}${indent}`)
      : this.splice(end(last), end(last), `,${this.eol}${indent}${entry}`);
  }

  /** A value in the file's indentation, its later lines indented from `indent`. */
  private render(value: unknown, indent: string): string {
    return JSON.stringify(value, null, this.unit).replace(/\n/g, this.eol + indent);
  }

  /** The white space that starts the line holding `offset`. */
  private indent(offset: number): string {
    const start = Math.max(this.text.lastIndexOf('\n', offset - 1), this.text.lastIndexOf('\r', offset - 1)) + 1;
    return /^[ \t]*/.exec(this.text.slice(start))?.[0] ?? '';
  }

  private node(path: readonly string[]): Node | undefined {
    let cur: unknown = this.root;
    const jsonPath: JSONPath = path.map((seg) => {
      const inList = Array.isArray(cur);
      cur = inList ? (cur as unknown[])[Number(seg)] : isRecord(cur) ? cur[seg] : undefined;
      return inList ? Number(seg) : seg;
    });
    return findNodeAtLocation(this.tree, jsonPath);
  }

  private splice(start: number, stop: number, newText: string): Result<string> {
    return { ok: true, value: this.text.slice(0, start) + newText + this.text.slice(stop) };
  }
}

const end = (n: Node): number => n.offset + n.length;

/** A value on one line, spaced as people write it: `{"a": 1, "b": [2, 3]}`. */
function oneLine(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(oneLine).join(', ')}]`;
  if (isRecord(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}: ${oneLine(x)}`)
      .join(', ')}}`;
  return JSON.stringify(v);
}

/** The indentation and line break a JSON file already uses. */
export function jsonFormatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}
