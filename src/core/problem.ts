/** The shapes every part of the core speaks: positions, ranges and problems (LSP conventions). */

/** A 0-based line and a 0-based UTF-16 code-unit offset within it, as in the Language Server Protocol. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'information';

export interface Problem {
  readonly severity: Severity;
  /** Stable identifier; see `codes.ts`. Tools and users filter on it. */
  readonly code: string;
  /** One line of text for a person. */
  readonly message: string;
  /** RFC 6901 JSON pointer of the value (or, for an unknown key, of the key) the problem is about. */
  readonly pointer: string;
  readonly range: Range;
  /** What a quick fix needs (not part of the CLI's JSON output). */
  readonly fix?: FixHint;
}

/** The facts behind a problem that a quick fix acts on. */
export type FixHint =
  | { readonly kind: 'replace'; readonly values: readonly string[]; readonly preferred?: string }
  | { readonly kind: 'clamp'; readonly value: number }
  | { readonly kind: 'unknown-key'; readonly rename?: string }
  | { readonly kind: 'add'; readonly property: string };

/** Builds a JSON pointer from path segments (escaping only a segment that needs it: the usual one does not). */
export function toPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    const t = String(s);
    out += '/' + (t.includes('~') || t.includes('/') ? t.replace(/~/g, '~0').replace(/\//g, '~1') : t);
  }
  return out;
}

/**
 * Splits a JSON pointer into its unescaped segments. Without escapes it is cut by hand into one
 * array kept between calls (never shortened, which would free its room), then copied out at the
 * exact size: thousands of problems pass through here, and an array grown by push keeps room for
 * a dozen more.
 */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (pointer.includes('~'))
    return pointer
      .slice(1)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const out = SCRATCH;
  let n = 0;
  let from = 1;
  for (let i = pointer.indexOf('/', 1); i !== -1; i = pointer.indexOf('/', from)) {
    out[n++] = pointer.slice(from, i);
    from = i + 1;
  }
  out[n++] = pointer.slice(from);
  return out.slice(0, n);
}

/** Where fromPointer() gathers a path before copying it out. */
const SCRATCH: string[] = [];
