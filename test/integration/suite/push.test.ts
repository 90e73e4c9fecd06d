import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { PushRun } from '../../../src/extension/pusher';
import { startBluejayServer, type BluejayServer } from '../../server/index';
import { admin, type Admin } from '../../unit/support/server';
import { forgetBaselines, open, waitFor, workspaceFile } from './util';

const KEY = 'test-key-in-host';

async function requests(a: Admin, path?: string): Promise<number> {
  return (await a.requests()).filter((r) => path === undefined || r.path === path).length;
}

/** Re-checks `check` on each turn of the event loop until it holds (bounded). */
async function until(check: () => Promise<boolean>, what: string, tries = 2000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`gave up waiting for ${what}`);
}

function serverDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Bluejay (server)');
}

describe('pushing to Bluejay', () => {
  let server: BluejayServer;
  let control: Admin;
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bluejay');

  before(async () => {
    server = await startBluejayServer({ keys: { [KEY]: { org: 'org-1' } } });
    control = admin(server.url);
    await config().update('baseUrl', server.url, vscode.ConfigurationTarget.Global);
    assert.equal(await vscode.commands.executeCommand('bluejay.setApiKey', KEY), true);
  });

  // Pushes record baselines (.bluejay/state.json); each test here starts without any, as before drift checks.
  beforeEach(forgetBaselines);

  after(async () => {
    await config().update('pushOnSave', undefined, vscode.ConfigurationTarget.Global);
    await config().update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await server.close();
  });

  it('pushes the current file with the key from secret storage', async () => {
    const editor = await open('billing.digital-human.yaml');
    const run = await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', editor.document.uri);
    assert.equal(run.outcome?.action, 'updated');
    const [req] = await control.requests();
    assert.deepEqual([req?.method, req?.path, req?.apiKey], ['PUT', '/v1/update-digital-human/318', true]);
  });

  it('does not push a file with errors', async () => {
    await control.faults({});
    const before = await requests(control);
    const editor = await open('broken.digital-human.yaml');
    const run = await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', editor.document.uri);
    assert.equal(run.reason, 'invalid');
    assert.equal(await requests(control), before);
  });

  it('shows a 422 on the line of the field it names, and clears it when that field is edited', async () => {
    const editor = await open('billing.digital-human.yaml');
    await control.faults({
      status: {
        code: 422,
        detail: [
          {
            loc: ['body', 'silence_timeout'],
            msg: 'Input should be greater than or equal to 15',
            type: 'greater_than_equal',
          },
        ],
      },
    });
    const run = await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', editor.document.uri);
    assert.equal(run.outcome?.status, 422);
    const [d] = serverDiagnostics(editor.document.uri);
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('silence_timeout:'));
    assert.equal(d?.range.start.line, line);
    assert.equal(d?.code, 'server-validation');
    await editor.edit((e) => e.replace(editor.document.lineAt(line).range, 'silence_timeout: 31'));
    await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => serverDiagnostics(editor.document.uri).length === 0,
      'the server problem to clear',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('creates a new file on first push and writes the id back as one line after kind', async () => {
    const uri = workspaceFile('fresh.digital-human.yaml');
    const text = '# A new caller\nkind: digital-human\nname: Fresh  # keep\nphone_number: "+14155550177"\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const editor = await open('fresh.digital-human.yaml');
    const run = await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri);
    assert.equal(run.outcome?.action, 'created');
    const id = String(run.outcome?.id);
    assert.equal(
      editor.document.getText(),
      `# A new caller\nkind: digital-human\nid: ${id}\nname: Fresh  # keep\nphone_number: "+14155550177"\n`,
    );
    assert.equal(editor.document.isDirty, false, 'the id is saved');
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), new RegExp(`^id: ${id}$`, 'm'));
  });

  it('a file with other unsaved edits: the created id goes into the file on disk too, the other edits stay unsaved', async () => {
    const uri = workspaceFile('dirty-fresh.digital-human.yaml');
    const text = 'kind: digital-human\nname: Dirty  # keep\nphone_number: "+14155550178"\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      const editor = await open('dirty-fresh.digital-human.yaml');
      await editor.edit((e) => e.insert(new vscode.Position(2, 0), '# not saved yet\n'));
      const run = await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri);
      assert.equal(run.outcome?.action, 'created');
      const id = String(run.outcome?.id);
      assert.equal(editor.document.isDirty, true, 'the other edit is still unsaved');
      assert.match(editor.document.getText(), new RegExp(`^id: ${id}\n[\\s\\S]*# not saved yet`, 'm'));
      const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.equal(
        disk,
        `kind: digital-human\nid: ${id}\nname: Dirty  # keep\nphone_number: "+14155550178"\n`,
        'the disk has the id and nothing else new',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('pushes on save when turned on, and not a file with errors', async () => {
    await config().update('pushOnSave', true, vscode.ConfigurationTarget.Global);
    const editor = await open('billing.digital-human.yaml');
    const path = '/v1/update-digital-human/318';
    const before = await requests(control, path);
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount - 1, 0), '# saved\n'));
    await editor.document.save();
    await until(async () => (await requests(control, path)) === before + 1, 'the push on save');
    // A file with errors saved in the same batch as a valid one: only the valid one goes out.
    const broken = await open('broken.digital-human.yaml');
    await broken.edit((e) => e.insert(new vscode.Position(0, 0), '# still broken\n'));
    await broken.document.save();
    const valid = await open('billing.digital-human.yaml');
    await valid.edit((e) => e.insert(new vscode.Position(valid.document.lineCount - 1, 0), '# again\n'));
    await valid.document.save();
    await until(async () => (await requests(control, path)) === before + 2, 'the second push on save');
    assert.equal(await requests(control, '/v1/update-digital-human/77'), 0);
    await config().update('pushOnSave', false, vscode.ConfigurationTarget.Global);
  });

  it('push on save leaves a file told apart only by its kind line alone (its name turns that on)', async () => {
    await config().update('pushOnSave', true, vscode.ConfigurationTarget.Global);
    const unnamed = workspaceFile('caller-by-kind-line.yaml');
    const billing = await vscode.workspace.fs.readFile(workspaceFile('billing.digital-human.yaml'));
    await vscode.workspace.fs.writeFile(
      unnamed,
      new TextEncoder().encode(new TextDecoder().decode(billing).replace(/^id: 318$/m, 'id: 319')),
    );
    try {
      const other = await open('caller-by-kind-line.yaml');
      await other.edit((e) => e.insert(new vscode.Position(other.document.lineCount - 1, 0), '# saved\n'));
      await other.document.save();
      // Saved after it, in the same batch: once its push is in, the other's would have gone first.
      const path = '/v1/update-digital-human/318';
      const before = await requests(control, path);
      const named = await open('billing.digital-human.yaml');
      await named.edit((e) => e.insert(new vscode.Position(named.document.lineCount - 1, 0), '# saved too\n'));
      await named.document.save();
      await until(async () => (await requests(control, path)) === before + 1, 'the named file pushed on save');
      // One more push through the same paced queue: a push of the other file, had it started in
      // that batch, has reached the server by the time this one is answered.
      await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', named.document.uri);
      assert.equal(await requests(control, '/v1/update-digital-human/319'), 0, 'the kind-line file was not pushed');
    } finally {
      await config().update('pushOnSave', false, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(unnamed);
    }
  });

  it('asks before pushing a file that looks like it holds a secret: dismissed, nothing is sent; allowed, it is', async () => {
    const uri = workspaceFile('leaky.digital-human.yaml');
    const text =
      'kind: digital-human\nid: 318\nname: Leaky\nintent: "Use sk-proj-4fGh7Jk2Lm9Np3Qr6St8Uv1Wx5Yz0AbCdEf to log in"\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    try {
      await open('leaky.digital-human.yaml');
      const path = '/v1/update-digital-human/318';
      const before = await requests(control, path);
      let settled: PushRun | undefined;
      const pending = vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri).then((r) => (settled = r));
      // The question is a notification: dismissing it (as a person closing it would) answers "no".
      await until(async () => {
        await vscode.commands.executeCommand('notifications.clearAll');
        return settled !== undefined;
      }, 'the secret question to be dismissed');
      await pending;
      assert.equal(settled?.reason, 'secret');
      assert.equal(await requests(control, path), before, 'nothing sent');
      const run = await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri, { allowSecrets: true });
      assert.equal(run.outcome?.action, 'updated');
      assert.equal(await requests(control, path), before + 1);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('pushes an auto-save with bluejay.pushOnAutoSave', async () => {
    await config().update('pushOnSave', true, vscode.ConfigurationTarget.Global);
    await config().update('pushOnAutoSave', true, vscode.ConfigurationTarget.Global);
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSaveDelay', 1, vscode.ConfigurationTarget.Global);
    await files.update('autoSave', 'afterDelay', vscode.ConfigurationTarget.Global);
    try {
      const editor = await open('billing.digital-human.yaml');
      const path = '/v1/update-digital-human/318';
      const before = await requests(control, path);
      const saved = waitFor(vscode.workspace.onDidSaveTextDocument, () => !editor.document.isDirty, 'the auto-save');
      await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount - 1, 0), '# auto-saved\n'));
      await saved;
      await until(async () => (await requests(control, path)) === before + 1, 'the push of the auto-save');
    } finally {
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
      await files.update('autoSaveDelay', undefined, vscode.ConfigurationTarget.Global);
      await config().update('pushOnAutoSave', undefined, vscode.ConfigurationTarget.Global);
      await config().update('pushOnSave', false, vscode.ConfigurationTarget.Global);
    }
  });

  it('a workspace setting cannot send the key elsewhere', async () => {
    const other = await startBluejayServer({ keys: { [KEY]: { org: 'org-1' } } });
    try {
      const settings = workspaceFile('.vscode/settings.json');
      // The delay (a window setting) proves the file was read; the base URL in it must be ignored.
      await vscode.workspace.fs.writeFile(
        settings,
        new TextEncoder().encode(JSON.stringify({ 'bluejay.baseUrl': other.url, 'bluejay.validation.delay': 26 })),
      );
      await waitFor(
        vscode.workspace.onDidChangeConfiguration,
        () => vscode.workspace.getConfiguration('bluejay').get('validation.delay') === 26,
        'the workspace settings to load',
      );
      const editor = await open('billing.digital-human.yaml');
      const run = await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', editor.document.uri);
      assert.equal(run.outcome?.action, 'updated');
      assert.equal((await admin(other.url).requests()).length, 0);
      await vscode.workspace.fs.delete(settings);
    } finally {
      await other.close();
    }
  });
});
