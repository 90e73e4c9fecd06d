/** New Customer Persona / New Digital Human: a file from the template (dist/editing.js, loaded on first use). */
import * as vscode from 'vscode';
import type { Kind } from '../../core/kinds';
import { slug, template } from '../../core/templates';
import type { Logger } from '../log';

export async function createDefinition(kind: Kind, log: Logger, given?: unknown): Promise<vscode.Uri | undefined> {
  const suffix = kind === 'digital-human' ? 'digital-human' : 'persona';
  const folder = targetFolder();
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: template(kind) });
    await vscode.window.showTextDocument(doc);
    return undefined;
  }
  const name =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: kind === 'digital-human' ? vscode.l10n.t('New digital human') : vscode.l10n.t('New customer persona'),
          prompt: vscode.l10n.t(
            'File name (saved as {0} in {1})',
            `NAME.${suffix}.yaml`,
            vscode.workspace.asRelativePath(folder),
          ),
          value: kind === 'digital-human' ? 'new-digital-human' : 'new-persona',
          validateInput: (v) =>
            slug(v) === 'new' && !/new/i.test(v) ? vscode.l10n.t('Use letters or digits') : undefined,
        });
  if (name === undefined) return undefined;
  const uri = vscode.Uri.joinPath(folder, `${slug(name)}.${suffix}.yaml`);
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  } catch {
    // free: create it
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(template(kind)));
  log.info(`created ${vscode.workspace.asRelativePath(uri)}`);
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** The folder of the active file when it is in the workspace, else the first workspace folder. */
function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(active))
    return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}
