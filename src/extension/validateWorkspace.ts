/** Validate All Definitions in Workspace (dist/editing.js, loaded on first use). */
import * as vscode from 'vscode';
import { EXCLUDE, GLOB } from './definitions';
import type { Diagnostics } from './diagnostics';
import type { Logger } from './log';
import { validateFiles, type Totals } from './validateFiles';

export async function validateWorkspace(diagnostics: Diagnostics, log: Logger): Promise<Totals> {
  let totals: Totals = { files: 0, errors: 0, warnings: 0 };
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Bluejay: validating definitions', cancellable: true }, async (progress, token) => {
    const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, undefined, token);
    totals = await validateFiles(uris, {
      openProblems: (uri) => {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        return open && (diagnostics.ensure(open)?.problems ?? []);
      },
      stat: async (uri) => {
        const s = await vscode.workspace.fs.stat(uri);
        return { file: (s.type & vscode.FileType.File) !== 0, size: s.size };
      },
      readFile: (uri) => Promise.resolve(vscode.workspace.fs.readFile(uri)),
      publish: (files) => files.forEach((f) => diagnostics.publish(f.uri, f.problems, f.kind)),
      path: (uri) => uri.path,
      progress: (_done, total, uri) => progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / total }),
      cancelled: () => token.isCancellationRequested,
      now: () => performance.now(),
      yield: () => new Promise((resolve) => setImmediate(resolve)),
    });
  });
  const summary = `Bluejay: ${totals.files} definition files, ${totals.errors} errors, ${totals.warnings} warnings.`;
  log.info(summary);
  // The command resolves with the totals; the notification waits for the user on its own.
  if (totals.errors || totals.warnings) {
    void vscode.window.showWarningMessage(summary, 'Show Problems').then((show) => show && vscode.commands.executeCommand('workbench.actions.view.problems'));
  } else void vscode.window.showInformationMessage(summary);
  return totals;
}
