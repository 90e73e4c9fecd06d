import type { Code } from '../codes';
import { cut } from '../finding';
import { toPointer } from '../problem';

/** What a parser hands to validation: the value, and a way back from JSON pointers to text. */

/** Start and end UTF-16 offsets in the document text. */
export type Span = readonly [number, number];

/** Resolves pointer paths (unescaped segments) to spans of the text. */
export interface Locator {
  /** The value at `path`; when the path does not fully exist, the deepest existing ancestor (`exact: false`). */
  valueSpan(path: readonly string[]): { span: Span; exact: boolean } | undefined;
  /** The key of the property at `path`, when there is one. */
  keySpan(path: readonly string[]): Span | undefined;
  /** The whole top-level value. */
  rootSpan(): Span | undefined;
  /** Announces the paths about to be looked up, so a locator can find them all in one pass. */
  prepare?(paths: readonly (readonly string[])[]): void;
}

/** A problem found while reading the text, before any schema is involved. */
export interface SyntaxIssue {
  readonly code: Code;
  readonly message: string;
  readonly span: Span;
  /** JSON pointer of what the issue is about, when it is about a value (a duplicate key). */
  readonly pointer?: string;
}

export type ParseOutcome =
  | { readonly ok: true; readonly value: unknown; readonly locator: Locator; readonly issues: readonly SyntaxIssue[] }
  | { readonly ok: false; readonly issues: readonly SyntaxIssue[] };

/** The problem for a key written twice in one mapping; both parsers report it the same way. */
export function duplicateKey(name: string, span: Span, path: readonly string[]): SyntaxIssue {
  return {
    code: 'duplicate-key',
    message: `Duplicate key '${cut(name)}': the later value wins and the earlier one is ignored.`,
    span,
    pointer: toPointer(path),
  };
}
