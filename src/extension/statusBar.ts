/** A status bar item for the active definition: its kind, id (or "new") and problem count; click shows Problems. */
import * as vscode from 'vscode';
import { documentKind } from './definitions';
import type { Diagnostics } from './diagnostics';

export function registerStatusBar(diagnostics: Diagnostics): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bluejay.definition', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Bluejay Definition';
  item.command = 'workbench.actions.view.problems';

  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    const kind = doc && documentKind(doc);
    if (!doc || !kind) {
      item.hide();
      return;
    }
    const value = diagnostics.get(doc)?.value;
    const id = value?.['id'];
    const counts = { errors: 0, warnings: 0 };
    for (const d of vscode.languages.getDiagnostics(doc.uri)) {
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    }
    const label = kind === 'digital-human' ? 'Digital human' : 'Persona';
    const idText = typeof id === 'number' || typeof id === 'string' ? `#${id}` : 'new';
    const state = counts.errors ? `$(error) ${counts.errors}` : counts.warnings ? `$(warning) ${counts.warnings}` : '$(check)';
    item.text = `$(${kind === 'digital-human' ? 'person' : 'account'}) ${label} ${idText} ${state}`;
    item.tooltip = `Bluejay ${label.toLowerCase()} ${idText === 'new' ? '(not created yet)' : idText}: ${counts.errors} errors, ${counts.warnings} warnings. Click to show problems.`;
    item.backgroundColor = counts.errors ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };

  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics(update),
    diagnostics.onDidUpdate(update),
  );
}
