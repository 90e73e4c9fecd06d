/**
 * Status bar items while a definition is active: its kind, id (or "new") and problem count (click
 * shows Problems), and left of it the environment pushes go to (click switches it).
 */
import * as vscode from 'vscode';
import type { Config } from './config';
import { activeDefinition, documentKind, onDidChangeActiveDefinition } from './definitions';
import type { Diagnostics } from './diagnostics';
import type { ApiKeys } from './apiKeys';

/** `l10n.t` through one local name (bundled, `vscode.l10n.t` reads the same member: esbuild.js). */
const l10n = vscode.l10n;
/** A status bar item's error or warning background. */
const bg = (name: 'error' | 'warning'): vscode.ThemeColor => new vscode.ThemeColor(`statusBarItem.${name}Background`);

export function registerStatusBar(diagnostics: Diagnostics): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bluejay.definition', vscode.StatusBarAlignment.Left, 50);
  item.name = l10n.t('Bluejay Definition');
  item.command = 'workbench.actions.view.problems';

  /** The file the item speaks of (undefined while hidden). */
  let shown: string | undefined;
  const update = (): void => {
    const doc = activeDefinition();
    const kind = doc && documentKind(doc);
    shown = kind ? doc.uri.toString() : undefined;
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
    const label = kind === 'digital-human' ? l10n.t('Digital human') : l10n.t('Persona');
    const created = typeof id === 'number' || typeof id === 'string';
    const idText = created ? `#${id}` : l10n.t('new');
    const state = counts.errors
      ? `$(error) ${counts.errors}`
      : counts.warnings
        ? `$(warning) ${counts.warnings}`
        : '$(check)';
    item.text = `$(${kind === 'digital-human' ? 'person' : 'account'}) ${label} ${idText} ${state}`;
    item.tooltip = l10n.t({
      message: 'Bluejay {0} {1}: {2} errors, {3} warnings. Click to show problems.',
      args: [label.toLowerCase(), created ? idText : l10n.t('(not created yet)'), counts.errors, counts.warnings],
      comment: '{0} is "persona" or "digital human", {1} its id ("#42") or "(not created yet)"',
    });
    item.backgroundColor = counts.errors ? bg('error') : undefined;
    item.show();
  };

  // Only for the file shown or the active one (the file shown may have stopped being a definition):
  // Validate All publishes thousands of files, each an update.
  const concerns = (uris: readonly vscode.Uri[]): boolean => {
    const active = activeDefinition()?.uri.toString();
    return uris.some((u) => u.toString() === shown || u.toString() === active);
  };
  update();
  return vscode.Disposable.from(
    item,
    onDidChangeActiveDefinition(update),
    vscode.languages.onDidChangeDiagnostics((e) => concerns(e.uris) && update()),
    diagnostics.onDidUpdate((uri) => concerns([uri]) && update()),
  );
}

/** The active environment; production (by name or by Bluejay's own API origin) in the error colour, with its own icon. */
export function registerEnvironmentStatus(config: Config, keys: ApiKeys): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bluejay.environment', vscode.StatusBarAlignment.Left, 51);
  item.name = l10n.t('Bluejay Environment');
  item.command = 'bluejay.switchEnvironment';
  const update = (): void => {
    const t = keys.endpoint();
    if (!activeDefinition()) return void item.hide();
    // Without an environment pushes go to bluejay.baseUrl: by default Bluejay's production API.
    const name =
      keys.activeName ??
      (t.ok && t.production
        ? l10n.t('production (default)')
        : t.ok
          ? t.origin.replace(/^https?:\/\//, '')
          : l10n.t('No environment'));
    item.text = t.ok ? `$(${t.production ? 'flame' : 'server-environment'}) ${name}` : `$(error) ${name}`;
    const where = t.ok && (t.name === undefined ? `bluejay.baseUrl, ${t.origin}` : t.label);
    const said = t.ok
      ? t.production
        ? l10n.t('pushes go to {0}, production.', where)
        : l10n.t('pushes go to {0}.', where)
      : t.message;
    item.tooltip = l10n.t('Bluejay: {0} Click to switch environment.', said);
    item.backgroundColor = !t.ok ? bg('warning') : t.production ? bg('error') : undefined;
    item.show();
  };
  update();
  return vscode.Disposable.from(item, onDidChangeActiveDefinition(update), config.onDidChange(update));
}
