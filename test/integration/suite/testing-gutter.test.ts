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
});
