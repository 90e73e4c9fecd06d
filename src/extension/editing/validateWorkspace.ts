/** Validate All Definitions in Workspace (dist/editing.js, loaded on first use). */
import * as vscode from 'vscode';
import { EXCLUDE, GLOB } from '../definitions';
import type { Diagnostics } from '../diagnostics';
import type { Logger } from '../log';
import { readLocal, readThrough, validateFiles, type Totals } from './validateFiles';

/** VS Code's file system API, for files that are not on this machine's disk (a virtual workspace). */
const workspaceFs = {
  stat: async (uri: vscode.Uri) => {
    const s = await vscode.workspace.fs.stat(uri);
    return { file: (s.type & vscode.FileType.File) !== 0, size: s.size };
  },
  readFile: (uri: vscode.Uri) => vscode.workspace.fs.readFile(uri),
};

export async function validateWorkspace(diagnostics: Diagnostics, log: Logger): Promise<Totals> {
  let totals: Totals = { files: 0, errors: 0, warnings: 0 };
  let found = 0;
  let cancelled = false;
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Bluejay: validating definitions'),
      cancellable: true,
    },
    async (progress, token) => {
      // The open documents by URI (a lookup in the list would cost files x documents), kept current
      // while the run goes: a document opened meanwhile is the live diagnostics', from its text.
      const open = new Map<string, vscode.TextDocument>();
      const watching = vscode.Disposable.from(
        vscode.workspace.onDidOpenTextDocument((d) => open.set(d.uri.toString(), d)),
        vscode.workspace.onDidCloseTextDocument((d) => open.delete(d.uri.toString())),
      );
      for (const d of vscode.workspace.textDocuments) open.set(d.uri.toString(), d);
      try {
        const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, undefined, token);
        found = uris.length;
        let reported = 0;
        totals = await validateFiles(uris, {
          openProblems: (uri) => {
            const doc = open.get(uri.toString());
            return doc && !doc.isClosed ? (diagnostics.ensure(doc)?.problems ?? []) : undefined;
          },
          read: (uri) => (uri.scheme === 'file' ? readLocal(uri.fsPath) : readThrough(uri, workspaceFs)),
          publish: (files) => diagnostics.publish(files),
          path: (uri) => uri.path,
          progress: (done, total, uri) => {
            progress.report({
              message: vscode.l10n.t('{0} of {1}: {2}', done, total, vscode.workspace.asRelativePath(uri)),
              increment: ((done - reported) * 100) / total,
            });
            reported = done;
          },
          cancelled: () => token.isCancellationRequested,
          skipped: (uri, reason) =>
            log.warn(`Validate All: skipped ${vscode.workspace.asRelativePath(uri)}: ${reason}`),
          now: () => performance.now(),
          yield: () => new Promise((resolve) => setImmediate(resolve)),
        });
      } finally {
        watching.dispose();
      }
      cancelled = token.isCancellationRequested;
    },
  );
  const english = `Bluejay: ${totals.files} definition files${cancelled ? ` (cancelled, ${found - totals.files} not validated)` : ''}, ${totals.errors} errors, ${totals.warnings} warnings.`;
  log.info(english);
  const summary = cancelled
    ? vscode.l10n.t(
        'Bluejay: {0} definition files (cancelled, {1} not validated), {2} errors, {3} warnings.',
        totals.files,
        found - totals.files,
        totals.errors,
        totals.warnings,
      )
    : vscode.l10n.t(
        'Bluejay: {0} definition files, {1} errors, {2} warnings.',
        totals.files,
        totals.errors,
        totals.warnings,
      );
  // The command resolves with the totals; the notification waits for the user on its own.
  if (totals.errors || totals.warnings) {
    void vscode.window
      .showWarningMessage(summary, vscode.l10n.t('Show Problems'))
      .then((show) => show && vscode.commands.executeCommand('workbench.actions.view.problems'));
  } else void vscode.window.showInformationMessage(summary);
  return totals;
}
