/** The core's text edits (offsets in a document's text) as one VS Code WorkspaceEdit. */
import * as vscode from 'vscode';
import type { TextEdit } from '../core/edit/types';

export function toWorkspaceEdit(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits)
    we.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.newText);
  return we;
}
