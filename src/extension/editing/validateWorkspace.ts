/** Validate All Definitions in Workspace (dist/editing.js, loaded on first use). */
import * as vscode from 'vscode';
import { validateBytes } from '../../core/validate';
import { EXCLUDE, GLOB } from '../definitions';
import type { Diagnostics } from '../diagnostics';
import type { Logger } from '../log';

export async function validateWorkspace(diagnostics: Diagnostics, log: Logger): Promise<{ files: number; errors: number; warnings: number }> {
  const totals = { files: 0, errors: 0, warnings: 0 };
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Bluejay: validating definitions'), cancellable: true }, async (progress, token) => {
    const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, undefined, token);
    for (const uri of uris) {
      if (token.isCancellationRequested) break;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let problems;
      if (open) problems = diagnostics.ensure(open)?.problems ?? [];
      else {
        const result = validateBytes(await vscode.workspace.fs.readFile(uri), uri.path);
        diagnostics.publish(uri, result.problems, result.kind);
        problems = result.problems;
      }
      totals.files++;
      totals.errors += problems.filter((p) => p.severity === 'error').length;
      totals.warnings += problems.filter((p) => p.severity === 'warning').length;
      progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
    }
  });
  log.info(`Bluejay: ${totals.files} definition files, ${totals.errors} errors, ${totals.warnings} warnings.`);
  const summary = vscode.l10n.t('Bluejay: {0} definition files, {1} errors, {2} warnings.', totals.files, totals.errors, totals.warnings);
  // The command resolves with the totals; the notification waits for the user on its own.
  if (totals.errors || totals.warnings) {
    void vscode.window.showWarningMessage(summary, vscode.l10n.t('Show Problems')).then((show) => show && vscode.commands.executeCommand('workbench.actions.view.problems'));
  } else void vscode.window.showInformationMessage(summary);
  return totals;
}

