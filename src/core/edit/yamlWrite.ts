/**
 * YAML text for the form's edits: scalars written in the style they already have, new subtrees in
 * block style at a given column. Everything here only proposes text; `edits.ts` reads the result
 * back and falls back to `safe` mode (double quotes, no block scalars) when it does not match.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import type { Scalar } from 'yaml';
import { isRecord } from '../record';

export type Mode = 'pretty' | 'safe';

/** How the file lays out nested blocks: a mapping's indentation step and a list's offset under its key. */
export interface Layout {
  readonly eol: string;
  readonly step: number;
  /** 0 for `key:\n- a`, 2 for `key:\n  - a`. */
  readonly seqOffset: number;
  readonly mode: Mode;
}

/** A value written at an entry: `head` on the entry's line (after `key:` or `-`), `body` on the lines below. */
export interface Rendered {
  readonly head: string;
  readonly body: readonly string[];
}

/** YAML 1.1 booleans and number- or date-like text: quoted for other YAML readers, though 1.2 reads them as strings. */
const OTHER_READERS = /^(y|n|yes|no|on|off|[-+]?\.?\d[\d_:.eE+-]*)$/i;
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/** Whether `v` written without quotes reads back as the same string. */
export function plainSafe(v: string, flow: boolean): boolean {
  if (v === '' || v !== v.trim() || /[\r\n\t]/.test(v) || NON_PRINTABLE.test(v) || OTHER_READERS.test(v)) return false;
  if (flow && /[,[\]{}:#]/.test(v)) return false;
  try {
    return load(v, { schema: CORE_SCHEMA }) === v;
  } catch {
    return false;
  }
}

/** A double-quoted YAML string (JSON's escapes, plus those YAML needs and JSON does not). */
export function doubleQuoted(v: string): string {
  return JSON.stringify(v).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function singleQuoted(v: string): string | undefined {
  return /[\r\n]/.test(v) || NON_PRINTABLE.test(v) ? undefined : `'${v.replace(/'/g, "''")}'`;
}

function plainOrQuoted(v: string, flow: boolean, mode: Mode): string {
  return mode === 'pretty' && plainSafe(v, flow) ? v : doubleQuoted(v);
}

/** A key of a new entry. */
export function keyText(k: string): string {
  return plainSafe(k, false) ? k : doubleQuoted(k);
}

/** A value that fits on one line (scalars, empty collections), or undefined. */
export function inlineText(v: unknown, flow: boolean, mode: Mode): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'string')
    return /\n/.test(v) && !flow && mode === 'pretty' ? undefined : plainOrQuoted(v, flow, mode);
  if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
  if (isRecord(v)) return Object.keys(v).length === 0 ? '{}' : undefined;
  return undefined;
}

/** Any JSON value in flow style, on one line. */
export function flowText(v: unknown, mode: Mode): string {
  if (Array.isArray(v)) return `[${v.map((x) => flowText(x, mode)).join(', ')}]`;
  if (isRecord(v))
    return `{${Object.entries(v)
      .map(([k, x]) => `${keyText(k)}: ${flowText(x, mode)}`)
      .join(', ')}}`;
  return typeof v === 'string' ? plainOrQuoted(v, true, mode) : (inlineText(v, true, mode) ?? 'null');
}

/** The `|` block scalar of a string with line breaks, content at `col`; undefined when it would not read back. */
export function literal(v: string, col: number): Rendered | undefined {
  const chomp = chompOf(v);
  if (chomp === undefined || /^[ \t]/.test(v) || /\r/.test(v) || NON_PRINTABLE.test(v)) return undefined;
  const pad = ' '.repeat(col);
  return {
    head: `|${chomp}`,
    body: v
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => (l ? pad + l : '')),
  };
}

/** '' (clip) for one final line break, '-' (strip) for none; two or more (keep) are left to quotes. */
function chompOf(v: string): '' | '-' | undefined {
  if (v.trim() === '' || /\n\n$/.test(v)) return undefined;
  return v.endsWith('\n') ? '' : '-';
}

/**
 * The `>` block scalar of a string: folded where the old scalar was (a break stays next to the words
 * kept from the old text), a line much longer than `width` folded at spaces, a blank line per line break.
 */
export function folded(
  v: string,
  col: number,
  old: string,
  oldBreaks: readonly number[],
  width: number,
): Rendered | undefined {
  const chomp = chompOf(v);
  const text = v.replace(/\n$/, '');
  if (chomp === undefined || /\r|\t/.test(v) || NON_PRINTABLE.test(v) || /(^|\n) /.test(text) || / ($|\n)/.test(text))
    return undefined;
  const breaks = keptBreaks(old.replace(/\n$/, ''), text, new Set(oldBreaks));
  const pad = ' '.repeat(col);
  const body: string[] = [];
  let from = 0;
  const flush = (to: number): void => {
    for (const l of wrap(text.slice(from, to), width)) body.push(pad + l);
  };
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === undefined || c === '\n') {
      flush(i);
      let last = i;
      while (c === '\n' && text[last + 1] === '\n') last++;
      for (let k = i; c === '\n' && k <= last; k++) body.push('');
      i = last;
      from = last + 1;
    } else if (breaks.has(i)) {
      flush(i);
      from = i + 1;
    }
  }
  return { head: `>${chomp}`, body };
}

/** A line much longer than `width` (new text, most likely) folded at spaces between words; others as they are. */
function wrap(line: string, width: number): string[] {
  if (line.length <= width + 20) return [line];
  const out: string[] = [];
  let start = 0;
  let last = -1;
  for (let p = 1; p <= line.length; p++) {
    const space = p < line.length - 1 && line[p] === ' ' && line[p - 1] !== ' ' && line[p + 1] !== ' ';
    if (!space && p < line.length) continue;
    if (p - start > width && last > start) {
      out.push(line.slice(start, last));
      start = last + 1;
    }
    last = p;
  }
  out.push(line.slice(start));
  return out;
}

/** The spaces of `text` where a break of `old` stays, next to a word kept from `old` (a longest common subsequence of words). */
function keptBreaks(old: string, text: string, oldBreaks: ReadonlySet<number>): Set<number> {
  const tokens = (t: string): { w: string; at: number }[] =>
    [...t.matchAll(/[^ \n]+/g)].map((m) => ({ w: m[0], at: m.index }));
  const a = tokens(old);
  const b = tokens(text);
  const kept = new Set<number>();
  if (a.length * b.length > 4_000_000) return kept;
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] as Uint16Array;
      const next = lcs[i + 1] as Uint16Array;
      row[j] = a[i]?.w === b[j]?.w ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const match = new Map<number, number>();
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]?.w === b[j]?.w) match.set(i++, j++);
    else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  for (let i = 0; i + 1 < a.length; i++) {
    if (!oldBreaks.has((a[i + 1]?.at ?? 0) - 1)) continue;
    // The break stays before the word that followed it, or else after the two words that preceded it.
    const next = match.get(i + 1);
    const prev = match.get(i);
    const word =
      next !== undefined && next > 0
        ? b[next]
        : prev !== undefined && prev > 0 && match.get(i - 1) === prev - 1
          ? b[prev + 1]
          : undefined;
    const at = (word?.at ?? 0) - 1;
    if (at > 0 && text[at] === ' ' && !/[ \n]/.test(text[at - 1] ?? ' ') && !/[ \n]/.test(text[at + 1] ?? ' '))
      kept.add(at);
  }
  return kept;
}

/** Where the source lines of a folded scalar were broken, as offsets of the spaces they fold into. */
export function foldedBreaks(lines: readonly string[], value: string): number[] {
  const breaks: number[] = [];
  let rebuilt = '';
  lines.forEach((l, i) => {
    if (i > 0 && l !== '' && lines[i - 1] !== '') {
      breaks.push(rebuilt.length);
      rebuilt += ' ';
    } else if (i > 0 && l === '') rebuilt += '\n';
    rebuilt += l;
  });
  return value.replace(/\n*$/, '') === rebuilt.replace(/\n*$/, '') ? breaks : [];
}

/** A string replacing `old` keeps its quoting style: plain when still safe, `'` and `"` as they were. */
export function styledString(v: string, old: Scalar, flow: boolean, layout: Layout, col: number): Rendered {
  const one = (head: string): Rendered => ({ head, body: [] });
  if (layout.mode === 'safe') return one(doubleQuoted(v));
  switch (old.type) {
    case 'QUOTE_DOUBLE':
      return one(doubleQuoted(v));
    case 'QUOTE_SINGLE':
      return one(singleQuoted(v) ?? doubleQuoted(v));
    default:
      if (flow) return one(plainOrQuoted(v, true, 'pretty'));
      return /\n/.test(v) ? (literal(v, col) ?? one(doubleQuoted(v))) : one(plainOrQuoted(v, false, 'pretty'));
  }
}

/** A value at an entry of a block collection whose content column is `col` (its key's column, or its dash's plus 2). */
export function render(v: unknown, col: number, inSeq: boolean, layout: Layout): Rendered | undefined {
  const one = inlineText(v, false, layout.mode);
  if (one !== undefined) return { head: one, body: [] };
  if (typeof v === 'string') return literal(v, inSeq ? col : col + layout.step) ?? { head: doubleQuoted(v), body: [] };
  const lines = blockLines(v, inSeq ? col : col + (Array.isArray(v) ? layout.seqOffset : layout.step), layout);
  if (!lines) return undefined;
  // In a list item the block starts on the dash's line (`- key: v`); under a key, on the next line.
  return inSeq ? { head: (lines[0] ?? '').slice(col), body: lines.slice(1) } : { head: '', body: lines };
}

/** A non-empty mapping or list as block lines at column `col`. */
export function blockLines(v: unknown, col: number, layout: Layout): string[] | undefined {
  const pad = ' '.repeat(col);
  const out: string[] = [];
  const entries: [string | undefined, unknown][] = Array.isArray(v)
    ? v.map((x) => [undefined, x])
    : isRecord(v)
      ? Object.entries(v)
      : [];
  for (const [k, x] of entries) {
    const lead = k === undefined ? `${pad}-` : `${pad}${keyText(k)}:`;
    const r = render(x, k === undefined ? col + 2 : col, k === undefined, layout);
    if (!r) return undefined;
    out.push(r.head ? `${lead} ${r.head}` : lead, ...r.body);
  }
  return out.length ? out : undefined;
}
