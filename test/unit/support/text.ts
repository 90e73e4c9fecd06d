/** Test support: read back the text a problem's range covers, and find problems by code. */
import assert from 'node:assert/strict';
import type { Problem, Range } from '../../../src/core/problem';

/** The text between two LSP positions (lines split on \r\n, \r or \n). */
export function textOf(text: string, range: Range): string {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push((m.index ?? 0) + m[0].length);
  const offset = (p: Range['start']): number => (starts[p.line] ?? text.length) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

export function only(problems: readonly Problem[], code: string): Problem {
  const found = problems.filter((p) => p.code === code);
  assert.equal(
    found.length,
    1,
    `expected one '${code}' problem, got: ${JSON.stringify(problems.map((p) => `${p.code} ${p.pointer}`))}`,
  );
  return found[0] as Problem;
}

export function codes(problems: readonly Problem[]): string[] {
  return problems.map((p) => p.code);
}
