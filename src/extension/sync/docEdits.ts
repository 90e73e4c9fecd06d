/**
 * Changing a definition's document from sync (dist/api.js): field changes (EditOps) made one after
 * the other on the text with the form's minimal edits, then put into the document as one edit of
 * the span that differs, so comments and layout stay and one undo takes it back.
 */
import type { TextDocument } from 'vscode';
import type { TextEdit } from '../../core/fix/quickFixes';
import { editsFor } from '../../core/form/edits';
import type { EditOp } from '../../core/form/protocol';
import type { Format } from '../../core/kinds';
import { toPointer } from '../../core/problem';
import { applyEdits } from '../../core/sync/idEdit';
import { vscode } from './host';

export type OpsResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly reason: string };

/** `text` with each op made in turn. */
export function applyOps(text: string, format: Format, ops: readonly EditOp[]): OpsResult {
  let out = text;
  for (const op of ops) {
    const r = editsFor(out, format, op);
    if (!r.ok) return { ok: false, reason: `${toPointer(op.path)}: ${r.reason}` };
    out = applyEdits(out, r.edits);
  }
  return { ok: true, text: out };
}

/** The one span where `a` and `b` differ (none when equal), never splitting a CRLF or a surrogate pair. */
export function spanEdit(a: string, b: string): TextEdit | undefined {
  if (a === b) return undefined;
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  const split = (t: string, i: number): boolean => i > 0 && i < t.length && /^(\r\n|[\ud800-\udbff][\udc00-\udfff])$/.test(t.slice(i - 1, i + 1));
  while (p > 0 && (split(a, p) || split(b, p))) p--;
  while (q > 0 && (split(a, a.length - q) || split(b, b.length - q))) q--;
  return { offset: p, length: a.length - p - q, newText: b.slice(p, b.length - q) };
}

/** Puts `edits` (offsets in the document's current text) into `doc` as one workspace edit; whether it was applied. */
export async function applyToDocument(doc: TextDocument, edits: readonly TextEdit[]): Promise<boolean> {
  if (!edits.length) return true;
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.newText);
  return vscode.workspace.applyEdit(we);
}

/** Makes `ops` on `doc` as one edit; the reason when they cannot be made. */
export async function applyOpsToDocument(doc: TextDocument, ops: readonly EditOp[]): Promise<string | undefined> {
  const before = doc.getText();
  const r = applyOps(before, doc.languageId === 'json' ? 'json' : 'yaml', ops);
  if (!r.ok) return r.reason;
  const edit = spanEdit(before, r.text);
  if (edit && !(await applyToDocument(doc, [edit]))) return 'VS Code did not apply the edit.';
  return undefined;
}
