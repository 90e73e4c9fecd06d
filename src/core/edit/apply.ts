/** Applying text edits, and the one edit between two texts. */
import type { TextEdit } from './types';

/** Applies edits (non-overlapping) to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset))
    out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** The one span where `a` and `b` differ (none when equal), never splitting a CRLF or a surrogate pair; offsets moved by `shift`. */
export function spanEdits(a: string, b: string, shift = 0): TextEdit[] {
  if (a === b) return [];
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  const split = (t: string, i: number): boolean =>
    i > 0 && i < t.length && /^(\r\n|[\ud800-\udbff][\udc00-\udfff])$/.test(t.slice(i - 1, i + 1));
  while (p > 0 && (split(a, p) || split(b, p))) p--;
  while (q > 0 && (split(a, a.length - q) || split(b, b.length - q))) q--;
  return [{ offset: p + shift, length: a.length - p - q, newText: b.slice(p, b.length - q) }];
}
