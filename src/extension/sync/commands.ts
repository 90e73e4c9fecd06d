/** Palette commands and the CodeLens for pushing: Set/Clear API Key, Push Current File, Push All Definitions. */
import * as vscode from 'vscode';
import type { PushAction } from '../../core/sync/push';
import { ALL_SELECTOR, EXCLUDE, GLOB, isDefinition } from '../definitions';
import type { Logger } from '../log';
import type { ApiKeys } from './apiKeys';
import type { Pusher, PushRun } from './pusher';

export function registerPushCommands(keys: ApiKeys, pusher: Pusher, log: Logger): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('bluejay.setApiKey', (key?: unknown) => keys.prompt(key)),
    vscode.commands.registerCommand('bluejay.clearApiKey', () => keys.clear()),
    vscode.commands.registerCommand('bluejay.pushFile', (uri?: unknown) => pushFile(pusher, uri)),
    vscode.commands.registerCommand('bluejay.pushAll', () => pushAll(keys, pusher, log)),
    vscode.languages.registerCodeLensProvider(ALL_SELECTOR, {
      provideCodeLenses: (doc) => (isDefinition(doc) ? [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: '$(cloud-upload) Push to Bluejay', command: 'bluejay.pushFile', arguments: [doc.uri] })] : []),
    }),
  );
}

async function pushFile(pusher: Pusher, arg: unknown): Promise<PushRun | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Bluejay: open a definition file to push it.');
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  if (!isDefinition(doc)) {
    void vscode.window.showInformationMessage(`Bluejay: ${vscode.workspace.asRelativePath(uri)} is not a persona or digital human definition.`);
    return undefined;
  }
  const run = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Bluejay: pushing ${vscode.workspace.asRelativePath(uri)}`, cancellable: true }, (_progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    return pusher.push(doc, { signal: abort.signal });
  });
  report(uri, run);
  return run;
}

function report(uri: vscode.Uri, run: PushRun): void {
  const o = run.outcome;
  if (!o) return;
  const name = vscode.workspace.asRelativePath(uri);
  const unkept = o.problems.filter((p) => p.code === 'server-unkept').length;
  if (o.action === 'created' || o.action === 'updated') {
    vscode.window.setStatusBarMessage(`$(check) Bluejay: ${name} ${o.action} (id ${String(o.id)})`, 5000);
    if (unkept) void vscode.window.showWarningMessage(`Bluejay ${o.action} ${name}, but did not keep ${unkept} field${unkept === 1 ? '' : 's'} as sent (see Problems).`);
  } else if (o.action === 'failed') {
    const first = o.problems.find((p) => p.severity === 'error');
    void vscode.window.showErrorMessage(`Bluejay: pushing ${name} failed: ${first?.message ?? 'see Problems'}`, 'Show Problems').then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
  }
}

async function pushAll(keys: ApiKeys, pusher: Pusher, log: Logger): Promise<Record<PushAction | 'not pushed', number>> {
  const totals: Record<PushAction | 'not pushed', number> = { created: 0, updated: 0, unchanged: 0, failed: 0, skipped: 0, 'not pushed': 0 };
  // Ask for a missing key once, before the files, not once per file.
  if (!vscode.workspace.isTrusted || !(await keys.require())) {
    if (!vscode.workspace.isTrusted) void vscode.window.showWarningMessage('Bluejay: pushing is disabled in an untrusted workspace.');
    return totals;
  }
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Bluejay: pushing definitions', cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, undefined, token);
    // The client paces the requests; pushing all at once lets it keep a few in flight.
    await Promise.all(uris.map(async (uri) => {
      if (abort.signal.aborted) return;
      const run = await pusher.push(await vscode.workspace.openTextDocument(uri), { signal: abort.signal, quiet: true });
      totals[run.outcome?.action ?? 'not pushed']++;
      progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
      if (run.reason === 'no-key' || run.reason === 'untrusted') abort.abort();
    }));
  });
  const summary = `Bluejay: ${totals.created} created, ${totals.updated} updated, ${totals.failed} failed, ${totals['not pushed']} not pushed.`;
  log.info(summary);
  const fn = totals.failed || totals['not pushed'] ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void fn(summary, 'Show Problems').then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return totals;
}
