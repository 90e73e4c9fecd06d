/** How CLI results are printed: compiler-style text lines or one JSON document (both are contracts). */
import type { Problem } from '../core/problem';

export type OutputFormat = 'text' | 'json';

/** `path:line:col severity code message`, 1-based like compilers. */
export function problemLine(path: string, p: Problem): string {
  return `${path}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${p.message.replace(/[\r\n]+/g, ' ')}`;
}

/** The problem as the JSON output carries it: exactly the documented keys, LSP positions. */
export function problemJson(p: Problem): Problem {
  return {
    severity: p.severity,
    code: p.code,
    message: p.message,
    pointer: p.pointer,
    range: { start: { line: p.range.start.line, character: p.range.start.character }, end: { line: p.range.end.line, character: p.range.end.character } },
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
