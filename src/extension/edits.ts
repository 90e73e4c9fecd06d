/** The core's text edits (offsets in a document's text) as one VS Code WorkspaceEdit. */
import * as vscode from 'vscode';
import type { TextEdit } from '../core/edit/types';

export function toWorkspaceEdit(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits)
    we.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.newText);
  return we;
}

/**
 * A last check of edits made on `text`, the copy of the document's text kept in step with it
 * (Diagnostics.textOf: every change applied and checked), before they are written: the same
 * length, and the same text on the whole lines each edit touches, starting where a line starts.
 * It catches a copy that is wrong where the edit goes, not one wrong only elsewhere (what the edit
 * was worked out from): that the copy is the document's text is the mirror's own guarantee.
 */
export function landsOn(doc: vscode.TextDocument, text: string, edits: readonly TextEdit[]): boolean {
  const last = doc.lineAt(doc.lineCount - 1);
  if (doc.offsetAt(last.range.end) !== text.length) return false;
  for (const e of edits) {
    const from = doc.lineAt(doc.positionAt(e.offset)).range.start;
    const to = doc.lineAt(doc.positionAt(e.offset + e.length)).rangeIncludingLineBreak.end;
    const start = doc.offsetAt(from);
    if (start > 0 && text.charCodeAt(start - 1) !== 10) return false;
    if (doc.getText(new vscode.Range(from, to)) !== text.slice(start, doc.offsetAt(to))) return false;
  }
  return true;
}
