/** How CLI results are printed: compiler-style text lines or one JSON document (both are contracts). */
import { cut } from '../core/finding';
import type { Problem } from '../core/problem';

export type OutputFormat = 'text' | 'json';

/** Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text from a file or the command line (a name, a key, a value) as a terminal shows it: control characters as `\u001b`, never raw. */
export function printable(s: string): string {
  return s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Any output for the terminal: every control character escaped as `printable` does, but line breaks and tabs (applied to all the process writes). */
export function terminalSafe(s: string): string {
  return s.replace(CONTROL, (c) =>
    c === '\n' || c === '\t' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `path:line:col severity code message`, 1-based like compilers. */
export function problemLine(path: string, p: Problem): string {
  return `${printable(path)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${printable(p.message.replace(/[\r\n]+/g, ' '))}`;
}

/** A pointer as the output carries it: exact, but for segments past 200 characters (a 5 MB key), which are cut, with their length. */
export function outputPointer(pointer: string): string {
  return pointer.length <= 200
    ? pointer
    : pointer
        .split('/')
        .map((s) => cut(s))
        .join('/');
}

/** The problem as the JSON output carries it: exactly the documented keys, LSP positions. */
export function problemJson(p: Problem): Problem {
  return {
    severity: p.severity,
    code: p.code,
    message: p.message,
    pointer: outputPointer(p.pointer),
    range: {
      start: { line: p.range.start.line, character: p.range.start.character },
      end: { line: p.range.end.line, character: p.range.end.character },
    },
  };
}

export interface Tally {
  error: number;
  warning: number;
  information: number;
}

export function tally(problems: Iterable<Problem>, into: Tally = { error: 0, warning: 0, information: 0 }): Tally {
  for (const p of problems) into[p.severity]++;
  return into;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
