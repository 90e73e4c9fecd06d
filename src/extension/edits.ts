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
 * Whether edits made on `text` land on the same text in `doc`: the same length, and the same text
 * on the whole lines each edit touches. For edits made on the kept copy of a document's text
 * (Diagnostics.textOf) instead of `getText`, checked before they are written.
 */
export function landsOn(doc: vscode.TextDocument, text: string, edits: readonly TextEdit[]): boolean {
  const last = doc.lineAt(doc.lineCount - 1);
  if (doc.offsetAt(last.range.end) !== text.length) return false;
  for (const e of edits) {
    const from = doc.lineAt(doc.positionAt(e.offset)).range.start;
    const to = doc.lineAt(doc.positionAt(e.offset + e.length)).rangeIncludingLineBreak.end;
    if (doc.getText(new vscode.Range(from, to)) !== text.slice(doc.offsetAt(from), doc.offsetAt(to))) return false;
  }
  return true;
}
