/**
 * Test helpers: build small definition documents, write them as YAML or JSON with one top-level key
 * per line (so positions are predictable), validate them and make assertions on the problems.
 */
import assert from 'node:assert/strict';
import type { Format, Kind } from '../../../src/core/kinds';
import type { Problem, Range } from '../../../src/core/problem';
import { validateText, type ValidationResult } from '../../../src/core/validate';

export * from './schemaSamples';

export type Doc = Record<string, unknown>;

export const PERSONA_ID = '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d';
export const PHONE = '+14155550123';

/** Builds a document from a base and overrides; an override of `undefined` removes the key. Base keys keep their place. */
function build(base: Doc, overrides: Doc): Doc {
  const out: Doc = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** An existing digital human (has an id, so no create rules apply) with a valid E.164 phone number. */
export function digitalHuman(overrides: Doc = {}): Doc {
  return build({ id: 1, phone_number: PHONE }, overrides);
}

/** A digital human that has not been created yet (no id): only phone_number is required. */
export function newDigitalHuman(overrides: Doc = {}): Doc {
  return build({ phone_number: PHONE }, overrides);
}

/** An existing customer persona (has a UUID id). */
export function persona(overrides: Doc = {}): Doc {
  return build({ id: PERSONA_ID }, overrides);
}

/** A customer persona that has not been created yet: name, description and goal are set. */
export function newPersona(overrides: Doc = {}): Doc {
  return build(
    { name: 'Refund seeker', description: 'Maria, 42, wants her money back.', goal: 'Get a full refund.' },
    overrides,
  );
}

function yamlKey(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
}

/** YAML with one top-level key per line; values in JSON flow style (valid YAML). */
export function toYaml(doc: Doc): string {
  return Object.entries(doc)
    .map(([k, v]) => `${yamlKey(k)}: ${JSON.stringify(v)}\n`)
    .join('');
}

/** JSON with one top-level key per line, starting on line 1 (line 0 is `{`). */
export function toJson(doc: Doc): string {
  const entries = Object.entries(doc).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return entries.length ? `{\n${entries.join(',\n')}\n}\n` : '{}\n';
}

export function serialize(doc: Doc, format: Format): string {
  return format === 'json' ? toJson(doc) : toYaml(doc);
}

/** The file name whose suffix gives the kind and the format. */
export function fileNameFor(kind: Kind, format: Format): string {
  return `test.${kind === 'digital-human' ? 'digital-human' : 'persona'}.${format}`;
}

/** Validates a document written by `serialize`. */
export function validateDoc(doc: Doc, kind: Kind, format: Format = 'yaml'): ValidationResult {
  return validateText(serialize(doc, format), fileNameFor(kind, format));
}

/** The 0-based line of a top-level key as `serialize` writes it. */
export function lineOf(doc: Doc, key: string, format: Format = 'yaml'): number {
  const i = Object.keys(doc).indexOf(key);
  assert.ok(i >= 0, `the document has no key ${key}`);
  return format === 'json' ? i + 1 : i;
}

/** The exact range of a top-level key's text as `serialize` writes it (JSON keys include their quotes). */
export function keyRange(doc: Doc, key: string, format: Format = 'yaml'): Range {
  const line = lineOf(doc, key, format);
  const text = format === 'json' ? JSON.stringify(key) : yamlKey(key);
  const start = format === 'json' ? 2 : 0;
  return { start: { line, character: start }, end: { line, character: start + text.length } };
}

/** The exact range of a top-level value as `serialize` writes it (strings include their quotes). */
export function valueRange(doc: Doc, key: string, format: Format = 'yaml'): Range {
  const line = lineOf(doc, key, format);
  const keyText = format === 'json' ? JSON.stringify(key) : yamlKey(key);
  const start = (format === 'json' ? 2 : 0) + keyText.length + 2;
  const text = JSON.stringify(doc[key]);
  return { start: { line, character: start }, end: { line, character: start + text.length } };
}

/** The range of `needle` (its `occurrence`-th appearance) in a text, for hand-written inputs. */
export function rangeOf(text: string, needle: string, occurrence = 1): Range {
  return rangeFrom(text, needle, 0, occurrence);
}

/** The range of the first `needle` that follows the first `after` (for `key: value`, the value). */
export function rangeAfter(text: string, after: string, needle: string): Range {
  const from = text.indexOf(after);
  assert.ok(from >= 0, `${JSON.stringify(after)} not found`);
  return rangeFrom(text, needle, from + after.length, 1);
}

function rangeFrom(text: string, needle: string, from: number, occurrence: number): Range {
  let at = from - 1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(needle)} not found ${occurrence} times`);
  }
  const pos = (offset: number): { line: number; character: number } => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(at), end: pos(at + needle.length) };
}

/** The 0-based line of the first line of `text` that contains `needle`. */
export function lineWith(text: string, needle: string, occurrence = 1): number {
  return rangeOf(text, needle, occurrence).start.line;
}

/** A problem in one line, for assertion messages. */
export function brief(p: Problem): string {
  const r = p.range;
  return `${p.severity} ${p.code} ${p.pointer} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${p.message}`;
}

export function describeProblems(ps: readonly Problem[]): string {
  return ps.length ? ps.map(brief).join('\n  ') : '(no problems)';
}

export function errorsOf(result: ValidationResult): Problem[] {
  return result.problems.filter((p) => p.severity === 'error');
}

export interface Expected {
  readonly code: string;
  readonly pointer: string;
  readonly severity?: Problem['severity'];
  /** The line the range starts on. */
  readonly line?: number;
  /** The exact range. */
  readonly range?: Range;
  readonly message?: string | RegExp;
}

function check(p: Problem, e: Expected, all: readonly Problem[]): void {
  const ctx = `\n  got: ${describeProblems(all)}`;
  assert.equal(p.code, e.code, `code${ctx}`);
  assert.equal(p.pointer, e.pointer, `pointer${ctx}`);
  if (e.severity) assert.equal(p.severity, e.severity, `severity${ctx}`);
  if (e.line !== undefined) assert.equal(p.range.start.line, e.line, `line${ctx}`);
  if (e.range) assert.deepEqual(p.range, e.range, `range${ctx}`);
  if (typeof e.message === 'string') assert.equal(p.message, e.message);
  else if (e.message) assert.match(p.message, e.message);
}

/** Asserts the result has exactly one error, as expected; returns it. */
export function assertOneError(result: ValidationResult, e: Omit<Expected, 'severity'>): Problem {
  const errs = errorsOf(result);
  assert.equal(
    errs.length,
    1,
    `expected exactly one error (${e.code} at ${e.pointer || '(root)'})\n  got: ${describeProblems(result.problems)}`,
  );
  const p = errs[0] as Problem;
  check(p, { ...e, severity: 'error' }, result.problems);
  return p;
}

/** Asserts the result has exactly one problem of any severity, as expected; returns it. */
export function assertOnlyProblem(result: ValidationResult, e: Expected): Problem {
  assert.equal(
    result.problems.length,
    1,
    `expected exactly one problem (${e.code} at ${e.pointer || '(root)'})\n  got: ${describeProblems(result.problems)}`,
  );
  const p = result.problems[0] as Problem;
  check(p, e, result.problems);
  return p;
}

/** Asserts exactly one problem with the expected code, and that it is as expected; others may exist. */
export function assertProblem(result: ValidationResult, e: Expected): Problem {
  const found = result.problems.filter((p) => p.code === e.code);
  assert.equal(found.length, 1, `expected exactly one ${e.code}\n  got: ${describeProblems(result.problems)}`);
  const p = found[0] as Problem;
  check(p, e, result.problems);
  return p;
}

export function assertNoErrors(result: ValidationResult): void {
  assert.deepEqual(errorsOf(result).map(brief), [], `expected no errors\n  got: ${describeProblems(result.problems)}`);
}

export function assertNoProblems(result: ValidationResult): void {
  assert.deepEqual(result.problems.map(brief), [], 'expected no problems');
}

export function assertNoCode(result: ValidationResult, code: string): void {
  assert.deepEqual(result.problems.filter((p) => p.code === code).map(brief), [], `expected no ${code}`);
}

// ---- schema-driven samples ---------------------------------------------------------------------

/** The codes the schema check produces (rules use others). */
export const SCHEMA_CODES: ReadonlySet<string> = new Set([
  'invalid-type',
  'invalid-enum',
  'out-of-range',
  'invalid-format',
  'unknown-key',
  'missing-property',
  'invalid-kind',
  'invalid-value',
]);

/** Asserts no schema problem at all (rules may still report, e.g. a scripted response that needs a value). */
export function assertNoSchemaProblems(result: ValidationResult): void {
  assert.deepEqual(
    result.problems.filter((p) => SCHEMA_CODES.has(p.code)).map(brief),
    [],
    `expected no schema problems\n  got: ${describeProblems(result.problems)}`,
  );
}
