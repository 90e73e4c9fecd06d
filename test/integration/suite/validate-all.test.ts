import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { BluejayApi } from '../../../src/extension/extension';
import { bluejayDiagnostics, codeOf, EXTENSION_ID, open, workspaceFile } from './util';

const VALID = 'kind: digital-human\nid: 5\nname: Ann\nvoice_speed: fast\n';
const BROKEN = 'kind: digital-human\nid: 5\nname: Ann\nvoice_speed: fastt\n';
const FILES = 1500;

describe('Validate All Definitions in Workspace', () => {
  // The web workbench saves edits after a delay by default: the edit below must stay unsaved.
  const files = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('files');
  before(() => files().update('autoSave', 'off', vscode.ConfigurationTarget.Global));
  after(() => files().update('autoSave', undefined, vscode.ConfigurationTarget.Global));

  it('a file opened and edited while it runs keeps the problems of its editor text, not of the disk', async () => {
    const api = vscode.extensions.getExtension<BluejayApi>(EXTENSION_ID)?.exports;
    assert.ok(api, 'the extension is active');
    const dir = workspaceFile('validate-all-many').fsPath;
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `f${i}.digital-human.yaml`), VALID);
    const target = workspaceFile('validate-all-many/target.digital-human.yaml');
    writeFileSync(target.fsPath, BROKEN); // on disk voice_speed is wrong; the editor's text fixes it
    try {
      let opening: Promise<vscode.TextDocument> | undefined;
      // Once the run has shown its first files, the target is opened and fixed in the editor (unsaved).
      const sub = api.onDidValidate((uri) => {
        if (opening || !uri.path.includes('/validate-all-many/f')) return;
        opening = (async () => {
          const editor = await open('validate-all-many/target.digital-human.yaml');
          const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
          assert.ok(await editor.edit((b) => b.replace(all, VALID)));
          return editor.document;
        })();
      });
      let totals: { files: number };
      try {
        totals = await vscode.commands.executeCommand<{ files: number }>('bluejay.validateWorkspace');
      } finally {
        sub.dispose();
      }
      assert.ok(opening, 'the run showed its files as it went');
      const doc = await opening;
      assert.ok(totals.files >= FILES + 1);
      // The editor's text has no problem: the disk's invalid-enum must not come back over it.
      await bluejayDiagnostics(target, (ds) => ds.length === 0, 'the problems of the editor text (none)');
      assert.equal(doc.getText(), VALID);
      assert.deepEqual(
        vscode.languages
          .getDiagnostics(target)
          .filter((d) => d.source === 'Bluejay')
          .map(codeOf),
        [],
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
