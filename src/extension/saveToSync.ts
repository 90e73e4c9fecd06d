/**
 * Save-to-sync: a definition file (named `*.persona.*` or `*.digital-human.*`) saved by hand is
 * pushed (debounced; the pusher keeps one request per file and pushes the newest text). Auto-saves
 * push only when the user opted in; many files saved at once (a checkout, a replace-all) ask first,
 * and so does production (once per batch, or never again this session if the person says so). A
 * status bar item shows and toggles it.
 */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { activeDefinition, isNamedDefinition, onDidChangeActiveDefinition } from './definitions';
import { api } from './lazy';

/** `l10n.t` through one local name (bundled, `vscode.l10n.t` reads the same member: esbuild.js). */
const l10n = vscode.l10n;

const SETTLE_MS = 300;

export function registerSaveToSync(ctx: Ctx): vscode.Disposable {
  const { config, keys, pusher } = ctx;
  const reasons = new Map<string, vscode.TextDocumentSaveReason>();
  const batch = new Map<string, { doc: vscode.TextDocument; text: string }>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const item = vscode.window.createStatusBarItem('bluejay.pushOnSave', vscode.StatusBarAlignment.Left, 49);
  item.name = l10n.t('Bluejay Push on Save');
  item.command = 'bluejay.togglePushOnSave';
  const render = (): void => {
    // Only where a save pushes: a file told apart by its kind line alone is not pushed.
    const active = activeDefinition();
    if (!active || !isNamedDefinition(active)) return void item.hide();
    item.text = config.pushOnSave ? l10n.t('$(sync) Push on save') : l10n.t('$(sync-ignored) Push on save: off');
    item.tooltip = config.pushOnSave
      ? l10n.t('Saving a definition pushes it to Bluejay. Click to turn off.')
      : l10n.t('Click to push definitions to Bluejay when you save them.');
    item.show();
  };

  // The batch is pushed by dist/api.js (pushSaved in pushCommands.ts), loaded on the first push.
  const flush = async (): Promise<void> => {
    const saved = [...batch.values()];
    batch.clear();
    await api().pushSaved(keys, pusher, saved);
  };

  render();
  const moveLegacy = (): void => {
    // Rare: the code that moves the old setting loads with dist/api.js.
    if (config.hasLegacyPushOnAutoSave) void api().moveLegacySetting(config, ctx.log);
  };
  moveLegacy();
  return vscode.Disposable.from(
    item,
    onDidChangeActiveDefinition(render),
    config.onDidChange(() => {
      render();
      moveLegacy();
    }),
    vscode.commands.registerCommand('bluejay.togglePushOnSave', async () => {
      await config.setPushOnSave(!config.pushOnSave);
      render();
    }),
    vscode.workspace.onWillSaveTextDocument((e) => reasons.set(e.document.uri.toString(), e.reason)),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      const key = doc.uri.toString();
      const reason = reasons.get(key);
      reasons.delete(key);
      if (ctx.internalSaves.delete(key)) return; // the id write-back, not a person's save
      if (!config.pushOnSave || !isNamedDefinition(doc)) return;
      if (reason !== vscode.TextDocumentSaveReason.Manual && !config.pushOnAutoSave) return;
      batch.set(key, { doc, text: doc.getText() });
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), SETTLE_MS);
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
