/** A problem before it has a place in the text: what the schema checks and the rules report. */
import { CODES, type Code } from './codes';
import type { FixHint, Severity } from './problem';

export interface Finding {
  readonly severity: Severity;
  readonly code: Code;
  readonly message: string;
  /** Path (unescaped segments) of the value the finding is about, or of the key when `target` is 'key'. */
  readonly path: readonly string[];
  /** Mark the value at `path` (default), or the key of the property at `path`. */
  readonly target?: 'value' | 'key';
  readonly fix?: FixHint;
  /** The JSON pointer of `path`, when whoever made the finding had it already (ajv's instancePath). */
  readonly pointer?: string;
}

/** Text from the file (a key, a name) as a message quotes it: past `max` characters, cut, with its length. */
export function cut(s: string, max = 200): string {
  if (s.length <= max) return s;
  const end = /[\ud800-\udbff]/.test(s.charAt(max - 1)) ? max - 1 : max; // not between the halves of a surrogate pair
  return `${s.slice(0, end)}... (${s.length} characters)`;
}

/** `scripted_responses[0].occurrence_n`: how a path reads in a message (overlong keys cut). */
export function displayPath(path: readonly string[]): string {
  let out = '';
  for (const seg of path) out += isIndex(seg) ? `[${seg}]` : out ? `.${cut(seg)}` : cut(seg);
  return out || 'the file';
}

/** Only ASCII digits, at least one (what `/^\d+$/` accepts), told without a regular expression. */
export function isIndex(seg: string): boolean {
  if (seg.length === 0) return false;
  for (let i = 0; i < seg.length; i++) {
    const c = seg.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A value as a message quotes it: strings in quotes and cut short, containers by their kind. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 40 ? v.slice(0, 37) + '...' : v}'`.replace(/[\r\n]+/g, ' ');
  if (Array.isArray(v)) return 'a list';
  if (v !== null && typeof v === 'object') return 'an object';
  return String(v);
}

/** The value at a path of a parsed document, or undefined. */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

/** `at` for a path of strings made for this finding alone: kept as it is, not copied. */
export function atPath(code: Code, path: readonly string[], message: string, fix?: FixHint, pointer?: string): Finding {
  const severity = CODES[code];
  // Whole literals: a field added afterwards would give each of thousands of findings its own store for it.
  if (fix)
    return pointer === undefined
      ? { severity, code, path, message, fix }
      : { severity, code, path, message, fix, pointer };
  return pointer === undefined ? { severity, code, path, message } : { severity, code, path, message, pointer };
}

/** A finding on `path`, or on its key; its severity is the code's (codes.ts). */
export function at(
  code: Code,
  path: readonly (string | number)[],
  message: string,
  target?: 'key',
  fix?: FixHint,
): Finding {
  const f: { -readonly [K in keyof Finding]: Finding[K] } = {
    severity: CODES[code],
    code,
    path: path.map(String),
    message,
  };
  // Added, not spread: a file may have thousands of findings.
  if (target) f.target = target;
  if (fix) f.fix = fix;
  return f;
}
