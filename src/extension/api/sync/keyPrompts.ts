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
    void vscode.window.showErrorMessage(`Bluejay: ${t.message}`);
    return false;
  }
  const key = typeof given === 'string' ? given : await vscode.window.showInputBox({
    title: 'Bluejay API key',
    prompt: `The key for ${t.label}. It is kept in VS Code's secret storage, never in settings.`,
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim().length < 8 ? 'That is too short to be a Bluejay API key.' : undefined),
  });
  if (!key || key.trim().length < 8) return false;
  await keys.store(t, key.trim());
  vscode.window.setStatusBarMessage(`$(key) Bluejay: API key stored for ${t.label}`, 5000);
  return true;
}

export async function clearKey(keys: ApiKeys): Promise<void> {
  const t = keys.endpoint();
  if (!t.ok) {
    void vscode.window.showErrorMessage(`Bluejay: ${t.message}`);
    return;
  }
  await keys.delete(t);
  void vscode.window.showInformationMessage(`Bluejay: the API key for ${t.label} was removed.`);
}

/** The active target and its key, asking for the key when there is none. */
export async function requireKey(keys: ApiKeys): Promise<(Target & { readonly key: string }) | undefined> {
  const t = keys.endpoint();
  if (!t.ok) {
    void vscode.window.showErrorMessage(`Bluejay: ${t.message}`);
    return undefined;
  }
  let key = await keys.get(t);
  if (!key) {
    const choice = await vscode.window.showWarningMessage(`Bluejay: no API key is set for ${t.label}.`, 'Set API Key');
    if (choice !== 'Set API Key' || !(await promptKey(keys))) return undefined;
    key = await keys.get(t); // t's own slot: nothing if the target changed meanwhile
  }
  return key ? { ...t, key } : undefined;
}
