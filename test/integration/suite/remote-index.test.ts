/**
 * The Remote view's local index: built once from the workspace's definitions, then kept file by
 * file; a file created, changed or deleted is read on its own, not the workspace again.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { LocalIndex } from '../../../src/extension/api/remote/localIndex';
import { definitions } from '../../../src/extension/definitions';
import { workspaceFile } from './util';

/** Resolves at the index's next change (bounded). */
function nextChange(changes: vscode.EventEmitter<void>, what: string, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (sub.dispose(), reject(new Error(`no change of the index: ${what}`))), ms);
    const sub = changes.event(() => {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

describe('the Remote view local index', () => {
  it('reads a created, changed or deleted file on its own, never the whole workspace again', async () => {
    let finds = 0;
    const changes = new vscode.EventEmitter<void>();
    const index = new LocalIndex(
      {
        ...definitions,
        find: () => {
          finds++;
          return definitions.find();
        },
      },
      () => changes.fire(),
    );
    const uri = workspaceFile('index-probe.digital-human.yaml');
    const write = (id: number): Thenable<void> =>
      vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`kind: digital-human\nid: ${id}\nname: Probe\n`));
    try {
      assert.equal((await index.find('digital-human', 318))?.path, workspaceFile('billing.digital-human.yaml').path);
      assert.equal(await index.find('digital-human', 777_001), undefined);
      assert.equal(finds, 1);

      let changed = nextChange(changes, 'created');
      await write(777_001);
      await changed;
      assert.equal((await index.find('digital-human', 777_001))?.path, uri.path);

      changed = nextChange(changes, 'changed');
      await write(777_002);
      await changed;
      assert.equal(await index.find('digital-human', 777_001), undefined);
      assert.equal((await index.find('digital-human', 777_002))?.path, uri.path);

      changed = nextChange(changes, 'deleted');
      await vscode.workspace.fs.delete(uri);
      await changed;
      assert.equal(await index.find('digital-human', 777_002), undefined);
      assert.equal((await index.find('digital-human', 318))?.path, workspaceFile('billing.digital-human.yaml').path);
      assert.equal(finds, 1, 'the workspace was listed once, at the first find');
    } finally {
      index.dispose();
      changes.dispose();
      await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
    }
  });
});
