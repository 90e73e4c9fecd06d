/**
 * Writes a value as YAML the way a person does: block style, plain scalars where they are safe,
 * folded or literal block scalars for long text, short flow lists of numbers, and comments.
 */
import type { Json, JsonObject } from './generate';

export type Path = readonly (string | number)[];

/** Where comments go; the emitter asks for each entry. */
export interface Commenter {
  /** Full-line comments (without `#`) written before the entry at `path` (a top-level key or a list item). */
  before(path: Path): readonly string[];
  /** A comment at the end of a single-line scalar entry. */
  trailing(path: Path): string | undefined;
}

const NO_COMMENTS: Commenter = { before: () => [], trailing: () => undefined };
const WIDTH = 100;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
const PLAIN = /^[A-Za-z\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F ,.'?!$€£%()/&;_-]*$/;
const PLAIN_IN_FLOW = /^[A-Za-z][A-Za-z0-9_.-]*$/;

export function toYaml(value: JsonObject, comments: Commenter = NO_COMMENTS): string {
  const out: string[] = [];
  mapping(value, 0, [], comments, out, false);
  return out.join('\n') + '\n';
}

function isObject(v: Json): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function plainSafe(s: string): boolean {
  return s.length <= WIDTH && PLAIN.test(s) && !s.endsWith(' ') && !RESERVED.test(s);
}

function key(k: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(k) ? k : JSON.stringify(k);
}

/** A single-line scalar, or undefined when the value needs a block scalar. */
function inline(v: Json): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  if (plainSafe(v)) return v;
  if (foldable(v) || literal(v)) return undefined;
  return JSON.stringify(v);
}

function foldable(s: string): boolean {
  return s.length > WIDTH && !/[\n\t]| {2}/.test(s) && /^\S/.test(s) && /\S$/.test(s);
}

function literal(s: string): boolean {
  return s.includes('\n') && /^[^\s]/.test(s) && !/[ \t]\n|\n\n|\n\s|\t/.test(s.replace(/\n$/, '')) && !/\n\n$/.test(s);
}

/** The lines of a `>-` or `|` block scalar's body. */
function blockBody(s: string, indent: number): { header: string; lines: string[] } {
  const pad = ' '.repeat(indent);
  if (!s.includes('\n')) {
    const lines: string[] = [];
    let line = '';
    for (const word of s.split(' ')) {
      if (line && line.length + 1 + word.length > WIDTH - indent) {
        lines.push(pad + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(pad + line);
    return { header: '>-', lines };
  }
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  return { header: s.endsWith('\n') ? '|' : '|-', lines: body.split('\n').map((l) => pad + l) };
}

function flowList(list: readonly Json[], indent: number): string | undefined {
  if (list.length === 0) return '[]';
  if (
    !list.every((x) => typeof x === 'number' || (typeof x === 'string' && PLAIN_IN_FLOW.test(x) && !RESERVED.test(x)))
  )
    return undefined;
  const parts = list.map(String);
  if (parts.length <= 8) return `[${parts.join(', ')}]`;
  const rows: string[] = [];
  let row = '';
  for (const p of parts) {
    if (row && row.length + p.length > WIDTH - indent - 4) {
      rows.push(row + ',');
      row = p;
    } else {
      row = row ? `${row}, ${p}` : p;
    }
  }
  rows.push(row);
  return `[${rows.join('\n' + ' '.repeat(indent + 2))}]`;
}

function comment(out: string[], indent: number, lines: readonly string[]): void {
  for (const l of lines) out.push(l === '' ? '' : `${' '.repeat(indent)}# ${l}`);
}

function withTrailing(line: string, c: string | undefined): string {
  return c ? `${line}  # ${c}` : line;
}

/** Writes the entries of a block mapping at `indent`; `inItem` when it opens a list item (`- ` added by the caller). */
function mapping(
  obj: JsonObject,
  indent: number,
  path: Path,
  comments: Commenter,
  out: string[],
  inItem: boolean,
): void {
  const pad = ' '.repeat(indent);
  for (const [k, v] of Object.entries(obj)) {
    const p = [...path, k];
    if (!inItem) comment(out, indent, comments.before(p));
    const head = `${pad}${key(k)}:`;
    const one = inline(v);
    if (one !== undefined) {
      out.push(withTrailing(`${head} ${one}`, comments.trailing(p)));
    } else if (typeof v === 'string') {
      const { header, lines } = blockBody(v, indent + 2);
      out.push(`${head} ${header}`, ...lines);
    } else if (Array.isArray(v)) {
      const flow = flowList(v, indent);
      if (flow !== undefined) out.push(withTrailing(`${head} ${flow}`, comments.trailing(p)));
      else {
        out.push(head);
        sequence(v, indent + 2, p, comments, out);
      }
    } else if (isObject(v)) {
      if (Object.keys(v).length === 0) out.push(`${head} {}`);
      else {
        out.push(head);
        mapping(v, indent + 2, p, comments, out, false);
      }
    }
  }
}

function sequence(list: readonly Json[], indent: number, path: Path, comments: Commenter, out: string[]): void {
  const pad = ' '.repeat(indent);
  list.forEach((v, i) => {
    const p = [...path, i];
    comment(out, indent, comments.before(p));
    const one = inline(v);
    if (one !== undefined) {
      out.push(withTrailing(`${pad}- ${one}`, comments.trailing(p)));
    } else if (isObject(v) && Object.keys(v).length > 0) {
      const start = out.length;
      mapping(v, indent + 2, p, comments, out, true);
      out[start] = `${pad}- ${(out[start] ?? '').slice(indent + 2)}`;
    } else if (typeof v === 'string') {
      const { header, lines } = blockBody(v, indent + 2);
      out.push(`${pad}- ${header}`, ...lines);
    } else {
      out.push(`${pad}- ${JSON.stringify(v)}`);
    }
  });
}
