/**
 * The one vocabulary of edits: a change asked for on a path (`EditOp`, what the form, quick fixes,
 * pull and drift resolution ask), a text edit (`TextEdit`, what is applied to a document), and the
 * engine's `Result`. Pure types: the webview bundles this file too.
 */

/** Path segments from the document's root; list indices are decimal strings ("0"). */
export type Path = readonly string[];

/** A change of the value at a path; the engine (engine.ts) turns it into one minimal edit of the text. */
export type EditOp =
  | { readonly op: 'set'; readonly path: Path; readonly value: unknown }
  | { readonly op: 'unset'; readonly path: Path }
  | { readonly op: 'insert'; readonly path: Path; readonly index: number; readonly value: unknown }
  | { readonly op: 'move'; readonly path: Path; readonly from: number; readonly to: number };

/** Replace `length` characters at `offset` with `newText` (offsets in UTF-16 code units). */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
