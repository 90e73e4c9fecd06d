/**
 * Changing a definition's document from sync (dist/api.js): field changes (EditOps) made one after
 * the other on the text with the form's minimal edits, then put into the document as one edit of
 * the span that differs, so comments and layout stay and one undo takes it back.
 */
import type { TextDocument } from 'vscode';
import { applyOps } from '../../../core/edit/engine';
import type { EditOp, TextEdit } from '../../../core/edit/types';
import { spanEdits } from '../../../core/edit/apply';
import * as vscode from 'vscode';
import { formatOf } from '../../definitions';
import { toWorkspaceEdit } from '../../edits';

/** Puts `edits` (offsets in the document's current text) into `doc` as one workspace edit; whether it was applied. */
export async function applyToDocument(doc: TextDocument, edits: readonly TextEdit[]): Promise<boolean> {
  if (!edits.length) return true;
  return vscode.workspace.applyEdit(toWorkspaceEdit(doc, edits));
}

/** Makes `ops` on `doc` as one edit; the reason when they cannot be made. */
export async function applyOpsToDocument(doc: TextDocument, ops: readonly EditOp[]): Promise<string | undefined> {
  const before = doc.getText();
  const r = applyOps(before, formatOf(doc), ops);
  if (!r.ok) return r.reason;
  if (!(await applyToDocument(doc, spanEdits(before, r.text)))) return vscode.l10n.t('VS Code did not apply the edit.');
  return undefined;
}
