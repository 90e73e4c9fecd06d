/** The palette commands: validate the workspace, create a definition from a template, show the log (the first two load with dist/editing.js). */
import * as vscode from 'vscode';
import type { Diagnostics } from './diagnostics';
import { editing } from './lazy';
import type { Logger } from './log';

export function registerCommands(diagnostics: Diagnostics, log: Logger): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('bluejay.validateWorkspace', () => editing().validateWorkspace(diagnostics, log)),
    // An optional name skips the input box (for keybindings and tests).
    vscode.commands.registerCommand('bluejay.newPersona', (name?: unknown) =>
      editing().createDefinition('customer-persona', log, name),
    ),
    vscode.commands.registerCommand('bluejay.newDigitalHuman', (name?: unknown) =>
      editing().createDefinition('digital-human', log, name),
    ),
    vscode.commands.registerCommand('bluejay.showOutput', () => log.show()),
  );
}
