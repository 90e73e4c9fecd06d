/**
 * Gutter run buttons without the Testing view: a digital-human file shown in an editor gets its
 * test items (with ranges) though VS Code never asked the controller for its items. Runs before
 * testing.test.ts (file order), which opens the Testing view.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { BluejayApi } from '../../../src/extension/extension';
import { EXTENSION_ID, open, waitFor, workspaceFile } from './util';

/** billing.digital-human.yaml shown in an editor, once its item is there. */
async function billingShown(): Promise<{
  editor: vscode.TextEditor;
  testing: ReturnType<BluejayApi['testing']>;
  uri: vscode.Uri;
}> {
  const editor = await open('billing.digital-human.yaml');
  const api = vscode.extensions.getExtension<BluejayApi>(EXTENSION_ID)?.exports;
  assert.ok(api);
  const testing = api.testing();
  const uri = workspaceFile('billing.digital-human.yaml');
  await waitFor(testing.tree.onDidChange, () => testing.tree.fileItem(uri, '57'), 'the item of the file shown');
  return { editor, testing, uri };
}

/** Appends `suffix` to the `name:` line of the shown file and waits for its item's label to follow. */
async function renameByEdit(
  editor: vscode.TextEditor,
  testing: ReturnType<BluejayApi['testing']>,
  uri: vscode.Uri,
  suffix: string,
): Promise<void> {
  const doc = editor.document;
  const line = doc
    .getText()
    .split('\n')
    .findIndex((l) => l.startsWith('name:'));
  const renamed = waitFor(
    testing.tree.onDidChange,
    () => testing.tree.fileItem(uri, '57')?.label.endsWith(suffix),
    'the item renamed after the edit',
  );
  await editor.edit((e) => e.insert(doc.lineAt(line).range.end, suffix));
  await renamed;
}

describe('Testing view: gutter buttons before the view is opened', () => {
  it('a digital-human file shown in an editor has its items, with a range on its name line', async () => {
    const editor = await open('billing.digital-human.yaml');
    const api = vscode.extensions.getExtension<BluejayApi>(EXTENSION_ID)?.exports;
    assert.ok(api);
    const testing = api.testing(); // the same instance the editor's stub made (or makes now): it does not scan the workspace
    const uri = workspaceFile('billing.digital-human.yaml');
    const item = await waitFor(
      testing.tree.onDidChange,
      () => testing.tree.fileItem(uri, '57'),
      'the item of the file shown',
    );
    const nameLine = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('name:'));
    assert.equal(item.range?.start.line, nameLine);
    assert.ok(testing.tree.fileItem(uri, '61')?.range, 'under each of its simulations');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an edit is not parsed in its change event: the item follows the edit after the validation', async () => {
    const { editor, testing, uri } = await billingShown();
    // The parse memo (core/parse/memo.ts) holds the last text parsed. Listeners run in the order they
    // were added: the extension's came first, so this one sees what they parsed during the event.
    const memo = (globalThis as Record<symbol, Map<string, { text: string }> | undefined>)[
      Symbol.for('bluejay-definitions.parseMemo')
    ];
    assert.ok(memo, 'the parse memo is shared through globalThis');
    let parsedInEvent: boolean | undefined;
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() === uri.toString())
        parsedInEvent ??= memo.get('yaml')?.text === e.document.getText();
    });
    try {
      await renameByEdit(editor, testing, uri, ' (renamed)');
      assert.equal(parsedInEvent, false, 'the change event parsed the whole text');
    } finally {
      sub.dispose();
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('an edited digital human the validation does not check (another language) still updates its item', async () => {
    const { editor, testing, uri } = await billingShown();
    const doc = await vscode.languages.setTextDocumentLanguage(editor.document, 'plaintext');
    const shown = await vscode.window.showTextDocument(doc);
    try {
      await renameByEdit(shown, testing, uri, ' (plain)');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.languages.setTextDocumentLanguage(doc, 'yaml'); // the document outlives its tab
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
