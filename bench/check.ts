/**
 * Checks before timing: the generated text reads back as the intended value, valid documents get no
 * error from our validator, and every broken item gets the expected error at the right place.
 */
import { deepStrictEqual } from 'node:assert';
import { load } from 'js-yaml';
import type { Problem } from '../src/core/problem';
import type { BenchDocument } from './documents';

export function fileName(doc: Pick<BenchDocument, 'format'>): string {
  return `bench.digital-human.${doc.format}`;
}

export function describeDoc(doc: BenchDocument): string {
  return doc.label ?? `${doc.size} ${doc.format.toUpperCase()} ${doc.valid ? 'valid' : 'broken'}`;
}

/** Throws when the generator wrote something other than the value it meant. */
export function checkRoundTrip(doc: BenchDocument): void {
  const read: unknown = doc.format === 'json' ? JSON.parse(doc.text) : load(doc.text);
  deepStrictEqual(read, doc.value, `${describeDoc(doc)}: the text does not read back as the generated value`);
}

/** The text a problem's range covers. */
export function textAt(text: string, p: Problem): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (line: number, character: number): number => (starts[line] ?? text.length) + character;
  return text.slice(
    offset(p.range.start.line, p.range.start.character),
    offset(p.range.end.line, p.range.end.character),
  );
}

function show(doc: BenchDocument, p: Problem): string {
  const at = `${p.range.start.line + 1}:${p.range.start.character + 1}`;
  return `${p.severity} ${p.code} at ${p.pointer || '(root)'} (${at}, covers ${JSON.stringify(textAt(doc.text, p).slice(0, 60))}): ${p.message}`;
}

/**
 * Our validator's verdict on a document. Throws when a valid document has an error or a broken one
 * has none (the figures would mean nothing); returns the smaller mismatches as findings to report.
 */
export function checkOurs(doc: BenchDocument, problems: readonly Problem[]): string[] {
  const errors = problems.filter((p) => p.severity === 'error');
  const name = describeDoc(doc);
  if (doc.valid && errors.length > 0) {
    throw new Error(
      `${name}: our validator reports ${errors.length} error(s) on a valid document:\n  ${errors
        .slice(0, 10)
        .map((p) => show(doc, p))
        .join('\n  ')}`,
    );
  }
  if (!doc.valid && errors.length === 0)
    throw new Error(`${name}: our validator reports no error on a broken document`);
  const findings: string[] = [];
  // In a broken document a warning may follow from a broken item; in a valid one there should be none.
  const others = doc.valid ? problems.filter((p) => p.severity !== 'error') : [];
  if (others.length > 0)
    findings.push(`${name}: ${others.length} non-error problem(s), e.g. ${show(doc, others[0] as Problem)}`);
  const matched = new Set<Problem>();
  for (const b of doc.breakages) {
    const hit = errors.find((p) => p.pointer === b.pointer && p.code === b.code);
    if (!hit) {
      const near = errors.filter((p) => p.pointer.startsWith(b.pointer.replace(/\/[^/]*$/, '')));
      findings.push(
        `${name}: expected ${b.code} at ${b.pointer}; got ${near.length ? near.map((p) => show(doc, p)).join('; ') : 'nothing there'}`,
      );
      continue;
    }
    matched.add(hit);
    const covered = textAt(doc.text, hit);
    if (covered !== b.token && covered !== JSON.stringify(b.token)) {
      findings.push(
        `${name}: ${b.code} at ${b.pointer} covers ${JSON.stringify(covered.slice(0, 80))}, expected ${JSON.stringify(b.token)}`,
      );
    }
  }
  const extra = errors.filter((p) => !matched.has(p));
  if (extra.length > 0)
    findings.push(
      `${name}: ${extra.length} error(s) beyond the ${doc.breakages.length} broken item(s), e.g. ${show(doc, extra[0] as Problem)}`,
    );
  return findings;
}
