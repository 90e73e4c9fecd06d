/**
 * The composition root: `activate()` only wires features together. Each feature registers itself
 * and hands back a Disposable. (The editing features arrive with the next milestone.)
 */
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Bluejay', { log: true });
  context.subscriptions.push(log);
  const { version } = context.extension.packageJSON as { version?: string };
  log.info(`Bluejay Definitions ${version ?? ''} activated`);
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
