/**
 * Set API Key, Clear API Key, and asking for a missing key before a push (dist/api.js). Each acts
 * on the active target and names it; the key itself is never shown.
 */
import type { ApiKeys, Target } from '../../apiKeys';
import * as vscode from 'vscode';

/**
 * Asks for the key (a password box) and stores it for the active target. A key passed as the
 * command's argument (automation, tests) skips the box.
 */
export async function promptKey(keys: ApiKeys, given?: unknown): Promise<boolean> {
  const t = keys.endpoint();
  if (!t.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Bluejay: {0}', t.message));
    return false;
  }
  const key =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Bluejay API key'),
          prompt: vscode.l10n.t("The key for {0}. It is kept in VS Code's secret storage, never in settings.", t.label),
          password: true,
          ignoreFocusOut: true,
          validateInput: (v) =>
            v.trim().length < 8 ? vscode.l10n.t('That is too short to be a Bluejay API key.') : undefined,
        });
  if (!key || key.trim().length < 8) return false;
  await keys.store(t, key.trim());
  vscode.window.setStatusBarMessage(vscode.l10n.t('$(key) Bluejay: API key stored for {0}', t.label), 5000);
  return true;
}

export async function clearKey(keys: ApiKeys): Promise<void> {
  const t = keys.endpoint();
  if (!t.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Bluejay: {0}', t.message));
    return;
  }
  await keys.delete(t);
  void vscode.window.showInformationMessage(vscode.l10n.t('Bluejay: the API key for {0} was removed.', t.label));
}

/** The active target and its key, asking for the key when there is none. */
export async function requireKey(keys: ApiKeys): Promise<(Target & { readonly key: string }) | undefined> {
  const t = keys.endpoint();
  if (!t.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Bluejay: {0}', t.message));
    return undefined;
  }
  let key = await keys.get(t);
  if (!key) {
    const set = vscode.l10n.t('Set API Key');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Bluejay: no API key is set for {0}.', t.label),
      set,
    );
    if (choice !== set || !(await promptKey(keys))) return undefined;
    key = await keys.get(t); // t's own slot: nothing if the target changed meanwhile
  }
  return key ? { ...t, key } : undefined;
}
