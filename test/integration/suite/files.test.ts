import * as assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { acquireLock, fileLockPath } from '../../../src/core/sync/files';
import type { PushRun } from '../../../src/extension/pusher';
import { onTestServer } from './syncSuite';
import { open, workspaceFile } from './util';

const KEY = 'files-key-in-host-01';
const NEW = 'kind: customer-persona\nname: n\ndescription: d\ngoal: g\n';

describe('the editor and a terminal push of one file', () => {
  const test = onTestServer(KEY);

  it('a create waits for the lock `bluejay push` holds on the file, and does not create it again once the id is on disk', async () => {
    const uri = workspaceFile('locked.persona.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(NEW));
    try {
      const editor = await open('locked.persona.yaml');
      // An unsaved edit: the document keeps its text (no id) whatever the disk gets.
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(1, 0), '# mine\n')));
      const lock = await acquireLock(await fileLockPath(uri.fsPath));
      const run = vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri);
      // As the terminal push does: the created id written into the file, then the lock released.
      await writeFile(uri.fsPath, NEW.replace('name: n', 'id: 7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d\nname: n'));
      await lock.release();
      const result = await run;
      assert.deepEqual([result.outcome, result.reason], [undefined, 'drift']);
      assert.deepEqual(
        (await test.control.requests()).map((r) => r.method),
        [],
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
