/** Quick fixes (code actions) for the problems the diagnostics feature reported. */
import * as vscode from 'vscode';
import { ALL_SELECTOR, documentKind } from './definitions';
import { toRange, type Diagnostics } from './diagnostics';
import { toWorkspaceEdit } from './edits';
import { editing } from './lazy';

export function registerQuickFixes(diagnostics: Diagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    ALL_SELECTOR,
    { provideCodeActions: (doc, _range, ctx) => actions(doc, ctx, diagnostics) },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

function actions(
  doc: vscode.TextDocument,
  ctx: vscode.CodeActionContext,
  diagnostics: Diagnostics,
): vscode.CodeAction[] {
  const ours = ctx.diagnostics.filter((d) => d.source === 'Bluejay');
  const result = ours.length ? diagnostics.ensure(doc) : undefined;
  if (!result) return [];
  const out: vscode.CodeAction[] = [];
  for (const d of ours) {
    const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
    const problem = result.problems.find((p) => p.code === code && toRange(p.range).isEqual(d.range));
    if (!problem) continue;
    for (const fix of editing().quickFixes(doc.getText(), result.format, result.kind ?? documentKind(doc), problem)) {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [d];
      action.isPreferred = fix.preferred;
      action.edit = toWorkspaceEdit(doc, fix.edits);
      out.push(action);
    }
  }
  return out;
}
