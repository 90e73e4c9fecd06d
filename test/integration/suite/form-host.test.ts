import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { HostMessage } from '../../../src/core/form/protocol';
import { Ctx } from '../../../src/extension/ctx';
import { FormEditorProvider } from '../../../src/extension/editing/formHost';
import type { Logger } from '../../../src/extension/log';
import { waitFor, workspaceFile } from './util';

/** The repository (dist/webview holds the form's script the page is made with). */
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

const quiet: Logger = { trace() {}, info() {}, warn() {}, error() {}, show() {} };

/** A webview panel that keeps what the host posts and lets the test speak as the page. */
function fakePanel() {
  const posted: HostMessage[] = [];
  const heard = new vscode.EventEmitter<void>();
  let page: ((m: unknown) => void) | undefined;
  const webview = {
    options: {},
    html: '',
    postMessage(m: HostMessage) {
      posted.push(m);
      heard.fire();
      return Promise.resolve(true);
    },
    onDidReceiveMessage(listener: (m: unknown) => void) {
      page = listener;
      return { dispose() {} };
    },
  };
  const panel = { webview, onDidDispose: () => ({ dispose() {} }) } as unknown as vscode.WebviewPanel;
  const say = (m: unknown): void => page?.(m);
  const nth = (n: number): Promise<HostMessage> =>
    waitFor(heard.event, () => posted[n], `the host's message #${n + 1}`);
  return { panel, posted, say, nth };
}

/** A context of the extension's own for one test (its diagnostics, keys and settings). */
function testCtx(): Ctx {
  const context = {
    extensionUri: vscode.Uri.file(ROOT),
    secrets: { onDidChange: () => ({ dispose() {} }), get: () => Promise.resolve(undefined) },
    workspaceState: { get: () => undefined, update: () => Promise.resolve() },
    extension: { packageJSON: {} },
  } as unknown as vscode.ExtensionContext;
  return new Ctx(context, quiet);
}

describe('the form host and its page', () => {
  it('sends the form before the page says ready, confirms it on ready, and sends it again to a page loaded again', async () => {
    const ctx = testCtx();
    try {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('billing.digital-human.yaml'));
      const { panel, posted, say, nth } = fakePanel();
      new FormEditorProvider(ctx).resolveCustomTextEditor(doc, panel);
      const first = await nth(0);
      assert.equal(first.type, 'init', 'the form goes before the page has said anything');
      assert.equal(first.state.version, doc.version);
      say({ type: 'ready' });
      const confirm = await nth(1);
      assert.equal(confirm.type, 'patch');
      assert.deepEqual(confirm.type === 'patch' && confirm.patch, { set: {}, unset: [] });
      // A page loaded again (hidden and shown) says ready again: it gets the whole form.
      say({ type: 'ready' });
      assert.equal((await nth(2)).type, 'init');
      assert.equal(posted.length, 3);
    } finally {
      ctx.dispose();
    }
  });

  it('after a change that did not land, sends the text as it is with a version the page takes (not older than its early patch)', async () => {
    const ctx = testCtx();
    const workspace = vscode.workspace as { applyEdit: typeof vscode.workspace.applyEdit };
    const applyEdit = workspace.applyEdit;
    try {
      const doc = await vscode.workspace.openTextDocument(workspaceFile('billing.digital-human.yaml'));
      const { panel, say, nth } = fakePanel();
      new FormEditorProvider(ctx).resolveCustomTextEditor(doc, panel);
      const init = await nth(0);
      assert.equal(init.type, 'init');
      const name = init.type === 'init' ? init.state.value?.['name'] : undefined;
      assert.equal(typeof name, 'string');
      say({ type: 'ready' });
      await nth(1);
      // The workspace refuses the edit (as when another change got in first, or the file cannot be written).
      workspace.applyEdit = () => Promise.resolve(false);
      say({ type: 'edit', version: doc.version, edit: { op: 'set', path: ['name'], value: 'Not written' } });
      const early = await nth(2);
      assert.equal(early.type, 'patch');
      assert.equal(early.state.version, doc.version + 1, 'the early patch is one ahead of the text');
      const truth = await nth(3);
      assert.equal(truth.type, 'state');
      assert.equal(truth.type === 'state' && truth.state.value?.['name'], name, 'the text as it is');
      assert.ok(
        truth.state.version >= early.state.version,
        `version ${truth.state.version}: a page holding ${early.state.version} would drop it as stale`,
      );
      assert.equal(doc.isDirty, false);
    } finally {
      workspace.applyEdit = applyEdit;
      ctx.dispose();
    }
  });

  it('a page loaded again while the text waits for validation gets the form first, not a patch ahead of it', async () => {
    const ctx = testCtx();
    const uri = workspaceFile('form-reload.digital-human.yaml');
    const billing = await vscode.workspace.fs.readFile(workspaceFile('billing.digital-human.yaml'));
    await vscode.workspace.fs.writeFile(uri, billing);
    const subs: vscode.Disposable[] = [];
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      const { panel, posted, say, nth } = fakePanel();
      new FormEditorProvider(ctx).resolveCustomTextEditor(doc, panel);
      await nth(0);
      say({ type: 'ready' });
      await nth(1);
      // The page loads again at the moment the text changed: its validation is only scheduled
      // (this listener runs after the context's own), so building the form validates and publishes.
      subs.push(
        vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document === doc && e.contentChanges.length) say({ type: 'ready' });
        }),
      );
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), '# reloaded\n');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      const next = await nth(2);
      assert.equal(next.type, 'init', `got ${next.type} before the form`);
      assert.equal(next.state.version, doc.version);
      assert.equal(posted.length, 3);
      await doc.save();
    } finally {
      for (const d of subs) d.dispose();
      ctx.dispose();
      await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
    }
  });
});
