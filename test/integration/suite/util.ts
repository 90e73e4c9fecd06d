/** Helpers for in-host tests: wait on VS Code's events (bounded), never on time alone. */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'bluejay.bluejay-definitions';

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.file(path.join(folder.fsPath, name));
}

/** Resolves once `check` holds, re-checking on every `event`; rejects after `ms` with `what`. */
export function waitFor<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined | false,
  what: string,
  ms = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = check();
    if (first) return resolve(first);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event(() => {
      const v = check();
      if (v) {
        clearTimeout(timer);
        sub.dispose();
        resolve(v);
      }
    });
  });
}

/** The Bluejay diagnostics of `uri` once `check` accepts them. */
export function bluejayDiagnostics(
  uri: vscode.Uri,
  check: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  const current = (): vscode.Diagnostic[] | false => {
    const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Bluejay');
    return check(ds) && ds;
  };
  return waitFor(vscode.languages.onDidChangeDiagnostics, current, what);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc);
}

/** Removes the workspace's drift state (.bluejay/state.json): a test's pushes then start without baselines. */
export async function forgetBaselines(): Promise<void> {
  try {
    await vscode.workspace.fs.delete(workspaceFile('.bluejay/state.json'));
  } catch {
    // there was none
  }
}
