/**
 * The composition root: `activate()` only wires features together. Each feature registers itself
 * and hands back a Disposable; a failure is shown to the user, never swallowed.
 */
import * as vscode from 'vscode';
import { registerAssist } from './assist';
import { registerCommands } from './commands';
import { Ctx } from './ctx';
import { registerFormEditor } from './formEditor';
import { createLogger } from './log';
import { registerQuickFixes } from './quickFixActions';
import { registerEnvironmentStatus, registerStatusBar } from './statusBar';
import { registerRemoteView } from './remoteView';
import { registerSyncCommands } from './syncCommands';
import { registerSaveToSync } from './saveToSync';
import { registerTesting } from './testingView';
import type { Testing } from './api/testing/testing';

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
    const ctx = new Ctx(context, log);
    const { diagnostics } = ctx;
    const remote = registerRemoteView(ctx);
    const testing = registerTesting(ctx);
    context.subscriptions.push(
      ctx,
      registerAssist(diagnostics),
      registerQuickFixes(diagnostics),
      registerStatusBar(diagnostics),
      registerCommands(diagnostics, log),
      registerSyncCommands(ctx),
      registerSaveToSync(ctx),
      registerEnvironmentStatus(ctx.config, ctx.keys),
      registerFormEditor(ctx),
      remote.disposable,
      testing.disposable,
    );
    log.info(`Bluejay Definitions ${ctx.version ?? ''} activated`);
    return { onDidValidate: diagnostics.onDidUpdate, remote: remote.provider, testing: testing.testing };
  } catch (e) {
    log.error(e instanceof Error ? e : String(e));
    void vscode.window
      .showErrorMessage(
        vscode.l10n.t('Bluejay Definitions could not start: {0}', e instanceof Error ? e.message : String(e)),
        vscode.l10n.t('Show Output'),
      )
      .then((c) => c && log.show());
    throw e;
  }
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
