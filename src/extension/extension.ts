/**
 * The composition root: `activate()` only wires features together. Each feature registers itself
 * and hands back a Disposable; a failure is shown to the user, never swallowed.
 */
import * as vscode from 'vscode';
import { registerAssist } from './assist';
import { registerCommands } from './commands';
import { Config } from './config';
import { Diagnostics } from './diagnostics';
import { registerFormEditor } from './form/formEditor';
import { createLogger } from './log';
import { registerQuickFixes } from './quickFixes';
import { registerEnvironmentStatus, registerStatusBar } from './statusBar';
import { registerRemoteView } from './remote/view';
import { ApiKeys } from './sync/apiKeys';
import { definitions, registerPushCommands } from './sync/commands';
import { Pusher } from './sync/pusher';
import { registerSaveToSync } from './sync/saveToSync';
import { registerTesting } from './testing/stub';
import type { Testing } from './testing/testing';

/** What other extensions (and the benchmark and tests) may use: an event after each validation is published, and the Remote view's data. */
export interface BluejayApi {
  readonly onDidValidate: vscode.Event<vscode.Uri>;
  readonly remote: vscode.TreeDataProvider<unknown>;
  /** The Testing view's side (loads dist/api.js): its items, runs (`runFile`, `onDidEndRun` with what each reported) and, for tests, `setRunClock`. */
  readonly testing: () => Testing;
}

export function activate(context: vscode.ExtensionContext): BluejayApi {
  const log = createLogger();
  context.subscriptions.push(log);
  try {
    const config = new Config(log);
    const diagnostics = new Diagnostics(config, log);
    const { version } = context.extension.packageJSON as { version?: string };
    const keys = new ApiKeys(context.secrets, config, log);
    const pusher = new Pusher(keys, diagnostics, log, `bluejay-definitions/${version ?? 'dev'} (vscode/${vscode.version})`, context.workspaceState);
    const remote = registerRemoteView(context.secrets, pusher, definitions);
    const testing = registerTesting(pusher);
    context.subscriptions.push(
      diagnostics,
      registerAssist(diagnostics),
      registerQuickFixes(diagnostics),
      registerStatusBar(diagnostics),
      registerCommands(diagnostics, log),
      pusher,
      registerPushCommands(config, keys, pusher, log),
      registerSaveToSync(config, keys, pusher),
      registerEnvironmentStatus(config, keys),
      registerFormEditor(context, diagnostics, pusher, log),
      remote.disposable,
      testing.disposable,
    );
    log.info(`Bluejay Definitions ${version ?? ''} activated`);
    return { onDidValidate: diagnostics.onDidUpdate, remote: remote.provider, testing: testing.testing };
  } catch (e) {
    log.error(e instanceof Error ? e : String(e));
    void vscode.window.showErrorMessage(`Bluejay Definitions could not start: ${e instanceof Error ? e.message : String(e)}`, 'Show Output').then((c) => c && log.show());
    throw e;
  }
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
