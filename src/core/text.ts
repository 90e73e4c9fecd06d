/** Decoding file bytes into text, and mapping text offsets to LSP positions. */
import type { Position, Range } from './problem';

/**
 * Maps UTF-16 offsets of a text to 0-based line/character positions. Line breaks: \n, \r\n, \r.
 * Line starts are found as far as a question needs them: a problem near the top of a 1 MB file
 * does not pay for its last line.
 */
export class LineMap {
  private readonly starts: number[] = [0];
  /** Offset up to which every line start is known (the text's length once all are). */
  private scanned = 0;
  /** Whether the text has a \r (else line breaks are found with indexOf, not a look at each character). */
  private readonly cr: boolean;

  constructor(private readonly text: string) {
    this.cr = text.includes('\r');
  }

  /** How far the line starts were looked for (for tests). */
  get scannedTo(): number {
    return this.scanned;
  }

  /** Finds line starts until one lies past `offset` or the text ends. */
  private scanPast(offset: number): void {
    const text = this.text;
    let last = this.starts[this.starts.length - 1] ?? 0;
    if (!this.cr) {
      while (last <= offset && this.scanned < text.length) {
        const i = text.indexOf('\n', this.scanned);
        if (i === -1) {
          this.scanned = text.length;
          break;
        }
        this.starts.push((last = i + 1));
        this.scanned = i + 1;
      }
      return;
    }
    let i = this.scanned;
    while (last <= offset && i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push((last = i + 1));
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push((last = i + 1));
      }
      i++;
    }
    this.scanned = Math.min(i, text.length);
  }

  /** Finds line starts until line `n` and the next one are known, or the text ends. */
  private scanToLine(n: number): void {
    while (this.starts.length <= n + 1 && this.scanned < this.text.length) {
      this.scanPast(this.starts[this.starts.length - 1] ?? 0);
    }
  }

  get lineCount(): number {
    this.scanPast(Infinity);
    return this.starts.length;
  }

  /** The 0-based line an offset is on. */
  lineAt(offset: number): number {
    this.scanPast(offset);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset where line `n` starts (the text's length past the last line). */
  lineStart(n: number): number {
    this.scanToLine(n);
    return this.starts[n] ?? this.text.length;
  }

  /** Line `n` without its line break. */
  lineText(n: number): string {
    this.scanToLine(n);
    const end = n + 1 < this.starts.length ? this.lineStart(n + 1) : this.text.length;
    return this.text.slice(this.lineStart(n), end).replace(/\r?\n$|\r$/, '');
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    return { line, character: o - this.lineStart(line) };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** One decoder for all files (a whole-buffer decode keeps no state between calls). */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly hadBom: boolean }
  | { readonly ok: false; readonly reason: 'binary' | 'utf16' | 'encoding'; readonly message: string };

/**
 * Decodes file bytes as UTF-8, the only encoding definition files may use. A UTF-8 byte-order mark
 * is dropped (editors hide it too, so positions match what the user sees).
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: 'utf16', message: 'The file is UTF-16 encoded; save it as UTF-8.' };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1 && looksUtf16(bytes))
    return { ok: false, reason: 'utf16', message: 'The file looks UTF-16 encoded; save it as UTF-8.' };
  if (nul !== -1) {
    return {
      ok: false,
      reason: 'binary',
      message: `The file looks binary (a NUL byte at offset ${nul}); definition files are UTF-8 text.`,
    };
  }
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = UTF8.decode(hadBom ? bytes.subarray(3) : bytes);
    return { ok: true, text, hadBom };
  } catch {
    return {
      ok: false,
      reason: 'encoding',
      message: `The file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); save it as UTF-8.`,
    };
  }
}

/**
 * Text in UTF-16 without a byte-order mark: its first bytes read as UTF-16 (either byte order) give
 * text, with no control characters but tab and line breaks, and no broken surrogate pairs. Any
 * script passes, not only ASCII (whose every other byte is zero); binary data has NUL pairs or
 * other control characters.
 */
function looksUtf16(b: Uint8Array): boolean {
  if (b.length % 2 !== 0 || b.length < 4) return false;
  const n = Math.min(b.length, 4096);
  return [false, true].some((bigEndian) => {
    // A sample that ends between the two halves of a surrogate pair ends one unit earlier.
    const high = b[bigEndian ? n - 2 : n - 1] ?? 0;
    const m = n < b.length && high >= 0xd8 && high <= 0xdb ? n - 2 : n;
    return isText(b.subarray(0, m), bigEndian);
  });
}

function isText(b: Uint8Array, bigEndian: boolean): boolean {
  let text: string;
  try {
    text = new TextDecoder(bigEndian ? 'utf-16be' : 'utf-16le', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/.test(text);
}

/** Offset of the first byte that breaks UTF-8, for the message. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}
