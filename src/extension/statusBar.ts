/**
 * Status bar items while a definition is active: its kind, id (or "new") and problem count (click
 * shows Problems), and left of it the environment pushes go to (click switches it).
 */
import * as vscode from 'vscode';
import type { Config } from './config';
import { activeDefinition, documentKind, onDidChangeActiveDefinition } from './definitions';
import type { Diagnostics } from './diagnostics';
import type { ApiKeys } from './apiKeys';

export function registerStatusBar(diagnostics: Diagnostics): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bluejay.definition', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Bluejay Definition';
  item.command = 'workbench.actions.view.problems';

  const update = (): void => {
    const doc = activeDefinition();
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
    onDidChangeActiveDefinition(update),
    vscode.languages.onDidChangeDiagnostics(update),
    diagnostics.onDidUpdate(update),
  );
}

/** The active environment; production (by name or by Bluejay's own API origin) in the error colour, with its own icon. */
export function registerEnvironmentStatus(config: Config, keys: ApiKeys): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bluejay.environment', vscode.StatusBarAlignment.Left, 51);
  item.name = 'Bluejay Environment';
  item.command = 'bluejay.switchEnvironment';
  const update = (): void => {
    const t = keys.endpoint();
    if (!activeDefinition()) return void item.hide();
    // Without an environment pushes go to bluejay.baseUrl: by default Bluejay's production API.
    const name = keys.activeName ?? (t.ok && t.production ? 'production (default)' : t.ok ? t.origin.replace(/^https?:\/\//, '') : 'No environment');
    const tail = ' Click to switch environment.';
    if (!t.ok) {
      item.text = `$(error) ${name}`;
      item.tooltip = `Bluejay: ${t.message}${tail}`;
    } else {
      item.text = `$(${t.production ? 'flame' : 'server-environment'}) ${name}`;
      item.tooltip = `Bluejay: pushes go to ${t.name === undefined ? `bluejay.baseUrl, ${t.origin}` : t.label}${t.production ? ', production' : ''}.${tail}`;
    }
    item.backgroundColor = !t.ok ? new vscode.ThemeColor('statusBarItem.warningBackground') : t.production ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, onDidChangeActiveDefinition(update), config.onDidChange(update));
}
