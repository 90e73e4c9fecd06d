/**
 * Palette commands and the CodeLens for pushing: Set/Clear API Key, Push Current File, Push All
 * Definitions, Switch Environment. Their work is in dist/api.js (ui.ts), loaded on first use.
 */
import * as vscode from 'vscode';
import type { Config } from '../config';
import { ALL_SELECTOR, EXCLUDE, GLOB, isDefinition } from '../definitions';
import type { Logger } from '../log';
import type { ApiKeys } from './apiKeys';
import type { Definitions } from './pushCommands';
import type { Pusher } from './pusher';
import { ui } from './ui';

export function registerPushCommands(config: Config, keys: ApiKeys, pusher: Pusher, log: Logger): vscode.Disposable {
  const defs: Definitions = { isDefinition, find: () => vscode.workspace.findFiles(GLOB, EXCLUDE), glob: GLOB };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('bluejay.setApiKey', (key?: unknown) => ui().promptKey(keys, key)),
    vscode.commands.registerCommand('bluejay.clearApiKey', () => ui().clearKey(keys)),
    vscode.commands.registerCommand('bluejay.pushFile', (uri?: unknown) => ui().pushFile(pusher, defs, uri)),
    vscode.commands.registerCommand('bluejay.pushAll', () => ui().pushAll(keys, pusher, defs, log)),
    vscode.commands.registerCommand('bluejay.switchEnvironment', (name?: unknown) => ui().switchEnvironment(config, name)),
    vscode.languages.registerCodeLensProvider(ALL_SELECTOR, {
      provideCodeLenses: (doc) => (isDefinition(doc) ? [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: '$(cloud-upload) Push to Bluejay', command: 'bluejay.pushFile', arguments: [doc.uri] })] : []),
    }),
  );
}
