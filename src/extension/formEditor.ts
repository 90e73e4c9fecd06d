/** Registers the "Bluejay Form" custom editor, its commands, and the open-by-default setting. */
import * as vscode from 'vscode';
import type { Config } from './config';
import type { Ctx } from './ctx';
import { editing } from './lazy';
import { targetUri } from './definitions';

export const VIEW_TYPE = 'bluejay.form';

/** `*.persona.yaml`, `*.persona.yml`, ... `*.digital-human.json` (built, to keep the main bundle small). */
const PATTERNS = ['persona', 'digital-human'].flatMap((k) => ['yaml', 'yml', 'json'].map((f) => `*.${k}.${f}`));

/** `bluejay.formEditor.openByDefault` maps onto VS Code's own editor associations (user settings). */
async function applyDefault(config: Config): Promise<void> {
  const on = config.formEditorOpenByDefault;
  await config.updateEditorAssociations((current) => {
    for (const p of PATTERNS) {
      if (on) current[p] = VIEW_TYPE;
      else if (current[p] === VIEW_TYPE) delete current[p];
    }
  });
}

/**
 * At start: the setting turned on while the extension was not running (settings.json edited, or
 * synced from another machine) gets the associations it lacks. Nothing else is changed here: one
 * made by hand ("Configure default editor...", to the form or to another editor) stays.
 */
export async function applyDefaultAtStart(config: Config): Promise<void> {
  if (!config.formEditorOpenByDefault) return;
  const current = config.editorAssociations;
  if (PATTERNS.every((p) => current[p] !== undefined)) return;
  await config.updateEditorAssociations((all) => {
    for (const p of PATTERNS) all[p] ??= VIEW_TYPE;
  });
}

export function registerFormEditor(ctx: Ctx): vscode.Disposable {
  void applyDefaultAtStart(ctx.config);
  // The form's host code loads with dist/editing.js, the first time a form opens.
  let host: vscode.CustomTextEditorProvider | undefined;
  const provider: vscode.CustomTextEditorProvider = {
    resolveCustomTextEditor: (doc, panel, token) =>
      (host ??= new (editing().FormEditorProvider)(ctx)).resolveCustomTextEditor(doc, panel, token),
  };
  return vscode.Disposable.from(
    ctx.config.onDidChange(() => void applyDefault(ctx.config), ['formEditor.openByDefault']),
    vscode.window.registerCustomEditorProvider(VIEW_TYPE, provider, { supportsMultipleEditorsPerDocument: true }),
    vscode.commands.registerCommand('bluejay.openForm', (arg?: unknown) => {
      const uri = targetUri(arg);
      return uri && vscode.commands.executeCommand<unknown>('vscode.openWith', uri, VIEW_TYPE);
    }),
    vscode.commands.registerCommand('bluejay.showSource', (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : activeFormUri();
      return uri && vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }),
  );
}

function activeFormUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom && input.viewType === VIEW_TYPE ? input.uri : undefined;
}
