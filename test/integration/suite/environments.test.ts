import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { PushRun } from '../../../src/extension/pusher';
import { startBluejayServer, type BluejayServer } from '../../server/index';
import { admin, type Admin } from '../../unit/support/server';
import { codeOf, forgetBaselines, open, waitFor, workspaceFile } from './util';

// Each server accepts only its own key: a key sent to the wrong server is answered 401.
const KEY_A = 'env-key-alpha-0001';
const KEY_B = 'env-key-beta-00002';
const UPDATE = '/v1/update-digital-human/318';
const PINNED = 'pinned.digital-human.yaml';

const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bluejay');
const setUser = (key: string, value: unknown): Thenable<void> =>
  config().update(key, value, vscode.ConfigurationTarget.Global);
const use = (name: string): Thenable<boolean | undefined> =>
  vscode.commands.executeCommand<boolean>('bluejay.switchEnvironment', name);

async function push(name: string): Promise<PushRun> {
  const editor = await open(name);
  return vscode.commands.executeCommand<PushRun>('bluejay.pushFile', editor.document.uri);
}

/** The requests a server logged: "METHOD path status key?" */
async function log(a: Admin): Promise<string[]> {
  return (await a.requests()).map((r) => `${r.method} ${r.path} ${String(r.status)} ${r.apiKey ? 'key' : 'no key'}`);
}

function pinnedProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Bluejay (server)' && codeOf(d) === 'environment-mismatch');
}

describe('environments', () => {
  let a: BluejayServer;
  let b: BluejayServer;
  let adminA: Admin;
  let adminB: Admin;

  before(async () => {
    [a, b] = await Promise.all([
      startBluejayServer({ keys: { [KEY_A]: { org: 'org-1' } } }),
      startBluejayServer({ keys: { [KEY_B]: { org: 'org-1' } } }),
    ]);
    [adminA, adminB] = [admin(a.url), admin(b.url)];
    // gamma shares alpha's origin, to show that two environments never share a key.
    await setUser('environments', [
      { name: 'alpha', baseUrl: a.url },
      { name: 'beta', baseUrl: b.url },
      { name: 'gamma', baseUrl: a.url },
    ]);
    for (const [name, key] of [
      ['alpha', KEY_A],
      ['beta', KEY_B],
      ['gamma', 'gamma-key-unknown-to-a'],
    ] as const) {
      assert.equal(await use(name), true);
      assert.equal(await vscode.commands.executeCommand('bluejay.setApiKey', key), true);
    }
    const text = (await vscode.workspace.fs.readFile(workspaceFile('billing.digital-human.yaml'))).toString();
    await vscode.workspace.fs.writeFile(
      workspaceFile(PINNED),
      new TextEncoder().encode(text.replace('id: 318', 'id: 318\nenvironment: alpha')),
    );
  });

  // Pushes record baselines (.bluejay/state.json); each test here starts without any, so only its own requests are logged.
  beforeEach(forgetBaselines);

  afterEach(async () => {
    await use('');
    await setUser('baseUrl', undefined);
    await setUser('confirmPushToProduction', undefined);
    await Promise.all([adminA.reset(), adminB.reset()]);
  });

  after(async () => {
    for (const name of ['alpha', 'beta', 'gamma', '']) {
      await use(name);
      if (name === '') await setUser('baseUrl', a.url);
      await vscode.commands.executeCommand('bluejay.clearApiKey');
    }
    await setUser('baseUrl', undefined);
    await setUser('environment', undefined);
    await setUser('environments', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceFile(PINNED));
    await Promise.all([a.close(), b.close()]);
  });

  it('switching the environment changes where the key and the requests go', async () => {
    await use('alpha');
    assert.equal((await push('billing.digital-human.yaml')).outcome?.action, 'updated');
    assert.deepEqual([await log(adminA), await log(adminB)], [[`PUT ${UPDATE} 200 key`], []]);

    await use('beta');
    assert.equal((await push('billing.digital-human.yaml')).outcome?.action, 'updated');
    assert.deepEqual([await log(adminA), await log(adminB)], [[`PUT ${UPDATE} 200 key`], [`PUT ${UPDATE} 200 key`]]);
  });

  it('two environments on one origin each have their own key', async () => {
    await use('gamma');
    const run = await push('billing.digital-human.yaml');
    assert.equal(run.outcome?.status, 401, "gamma's key went, not alpha's");
    assert.deepEqual(await log(adminA), [`PUT ${UPDATE} 401 key`]);
    await use('alpha');
    assert.equal((await push('billing.digital-human.yaml')).outcome?.action, 'updated');
  });

  it('refuses a file pinned to another environment, on its environment value, and sends nothing', async () => {
    await use('beta');
    const run = await push(PINNED);
    assert.equal(run.reason, 'pinned');
    const doc = (await open(PINNED)).document;
    const [d] = pinnedProblems(doc.uri);
    assert.ok(d, 'an environment-mismatch problem');
    assert.equal(d.range.start.line, doc.getText().split('\n').indexOf('environment: alpha'));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /pinned to the environment 'alpha', but the active environment is 'beta'/);
    assert.deepEqual(await log(adminB), []);

    // Switching away drops the refusal; in its own environment the file pushes.
    await use('alpha');
    await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => pinnedProblems(doc.uri).length === 0,
      'the refusal to go',
    );
    assert.equal((await push(PINNED)).outcome?.action, 'updated');
    assert.deepEqual(await log(adminA), [`PUT ${UPDATE} 200 key`]);
  });

  it('Push All counts a file pinned elsewhere as failed and sends nothing for it', async () => {
    // Push All pushes every definition in the workspace (other tests' files too): put back what it writes.
    const uris = await vscode.workspace.findFiles(
      '**/*.{persona,digital-human}.{yaml,yml,json}',
      '**/{node_modules,.*}/**',
    );
    const before = await Promise.all(uris.map((u) => vscode.workspace.fs.readFile(u)));
    try {
      await use('beta');
      const totals = await vscode.commands.executeCommand<Record<string, number>>('bluejay.pushAll');
      const sent = await log(adminB);
      const refused = sent.filter((r) => !/ 2\d\d key$/.test(r)).length;
      assert.equal(totals['failed'], refused + 1, `${JSON.stringify(totals)}: ${sent.join(', ')}`);
      assert.equal(pinnedProblems(workspaceFile(PINNED)).length, 1);
      // billing.digital-human.yaml went; the file pinned to alpha (the same id) did not.
      assert.deepEqual(
        sent.filter((r) => r.startsWith(`PUT ${UPDATE}`)),
        [`PUT ${UPDATE} 200 key`],
      );
      assert.deepEqual(await log(adminA), []);
    } finally {
      await Promise.all(uris.map((u, i) => vscode.workspace.fs.writeFile(u, before[i] ?? new Uint8Array())));
    }
  });

  it('with no environment, pushes go to bluejay.baseUrl with the key of that origin alone', async () => {
    await use('');
    await setUser('baseUrl', a.url);
    // alpha's key is for alpha: the no-environment slot of the same origin has its own.
    assert.equal(await vscode.commands.executeCommand('bluejay.setApiKey', 'not-alphas-key-01'), true);
    assert.equal((await push('billing.digital-human.yaml')).outcome?.status, 401);
    assert.equal(await vscode.commands.executeCommand('bluejay.setApiKey', KEY_A), true);
    assert.equal((await push('billing.digital-human.yaml')).outcome?.action, 'updated');
    assert.deepEqual([await log(adminA), await log(adminB)], [[`PUT ${UPDATE} 401 key`, `PUT ${UPDATE} 200 key`], []]);
  });

  it('refuses to switch to an environment that is not defined', async () => {
    await use('alpha');
    assert.equal(await use('nowhere'), false);
    assert.equal(config().inspect('environment')?.globalValue, 'alpha');
  });

  it("a user's production entry is production: without confirmation it pushes there at once", async () => {
    await setUser('environments', [
      ...(config().inspect<unknown[]>('environments')?.globalValue ?? []),
      { name: 'production', baseUrl: b.url },
    ]);
    await setUser('confirmPushToProduction', false);
    try {
      await use('production');
      assert.equal(await vscode.commands.executeCommand('bluejay.setApiKey', KEY_B), true);
      assert.equal((await push('billing.digital-human.yaml')).outcome?.action, 'updated');
      assert.deepEqual(await log(adminB), [`PUT ${UPDATE} 200 key`]);
      await vscode.commands.executeCommand('bluejay.clearApiKey');
    } finally {
      await setUser('environments', [
        { name: 'alpha', baseUrl: a.url },
        { name: 'beta', baseUrl: b.url },
        { name: 'gamma', baseUrl: a.url },
      ]);
    }
  });
});
