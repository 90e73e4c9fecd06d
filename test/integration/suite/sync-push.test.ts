/**
 * Staying in step with Bluejay, writing to it: drift caught before a push and pulled in, the
 * per-field choice, the first push's baseline, the Remote view's marks, plan and Push All.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { BluejayApi } from '../../../src/extension/extension';
import type { PushRun } from '../../../src/extension/pusher';
import { baselines, driftProblems, READ, syncSuite, UPDATE } from './syncSuite';
import { EXTENSION_ID, open, workspaceFile } from './util';

describe('staying in step with Bluejay', () => {
  const sync = syncSuite();
  const { billing, changeOnBluejay, file, log } = sync;

  it('catches a change made on Bluejay behind the file before a push, and pull brings it in keeping comments', async () => {
    const text = (await billing()).replace('tag: billing\n', 'tag: billing  # the queue it lands in\n');
    const uri = await file('drifted.digital-human.yaml', text);
    await open('drifted.digital-human.yaml');
    // The first push has no baseline: it goes, and records one.
    assert.equal((await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri)).outcome?.action, 'updated');
    await changeOnBluejay({ tag: 'billing-escalations' });
    const before = (await log()).length;

    // Automation's mode: only the problem; and the editor's own (a warning with actions, not modal): neither sends the PUT.
    for (const options of [{ onDrift: 'fail' }, undefined]) {
      const run = await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri, options);
      assert.equal(run.reason, 'drift');
      assert.equal(run.outcome, undefined);
    }
    const sent = (await log()).slice(before);
    assert.deepEqual(sent, [`GET ${READ}`, `GET ${READ}`], 'Bluejay was read, nothing was written');
    const [problem] = driftProblems(uri);
    assert.ok(problem, 'remote-drift in Problems');
    assert.match(problem.message, /changed since this file was last pushed or pulled \(tag\)/);

    const pulled = await vscode.commands.executeCommand<{ changed: string[] }>('bluejay.pullIntoFile', uri);
    assert.deepEqual(pulled?.changed, ['/tag']);
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /^tag: billing-escalations {2}# the queue it lands in$/m);
    assert.equal(doc.getText(), text.replace('tag: billing ', 'tag: billing-escalations '), 'one minimal edit');
    assert.equal(driftProblems(uri).length, 0, 'the refusal is gone');
    assert.equal(
      (await baselines(sync.server.url))['drifted.digital-human.yaml']?.fields['tag'],
      'billing-escalations',
    );
    // In step again: the push goes.
    assert.equal((await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri)).outcome?.action, 'updated');
    await doc.save();
  });

  it('when the file and Bluejay both changed, the choice per field goes into the file as one edit and is pushed', async () => {
    const uri = await file('both.digital-human.yaml', await billing());
    await open('both.digital-human.yaml');
    assert.equal((await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri)).outcome?.action, 'updated');
    await changeOnBluejay({ tag: 'billing-escalations', verbosity: 'low' });
    const doc = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    const line = doc
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('tag: '));
    edit.replace(uri, doc.lineAt(line).range, 'tag: billing-local');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const before = (await log()).length;
    // The choice the list would take: Bluejay's verbosity, the file's tag (over Bluejay's).
    const run = await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri, {
      onDrift: { take: ['/verbosity'] },
    });
    assert.equal(run.outcome?.action, 'updated');
    assert.match(doc.getText(), /^verbosity: low$/m, "Bluejay's value is in the file");
    assert.match(doc.getText(), /^tag: billing-local$/m, "the file's value is kept");
    assert.deepEqual((await log()).slice(before), [`GET ${READ}`, `PUT ${UPDATE}`]);
    const puts = (await sync.control.requests()).filter((r) => r.method === 'PUT');
    const sent = puts.pop()?.body as Record<string, unknown>;
    assert.deepEqual([sent['tag'], sent['verbosity']], ['billing-local', 'low']);
    assert.equal(driftProblems(uri).length, 0);
    await doc.save();
  });

  it('pushes a file without a baseline as before, and records one', async () => {
    assert.equal((await baselines(sync.server.url))['billing.digital-human.yaml'], undefined);
    const uri = workspaceFile('billing.digital-human.yaml');
    assert.equal((await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri)).outcome?.action, 'updated');
    assert.deepEqual(await log(), [`PUT ${UPDATE}`], 'no read first: the file is the source of truth');
    const entry = (await baselines(sync.server.url))['billing.digital-human.yaml'];
    assert.deepEqual([entry?.kind, entry?.id, entry?.fields['tag']], ['digital-human', 318, 'billing']);
    // With a baseline, the next push reads Bluejay first, finds it in step, and pushes.
    assert.equal((await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri)).outcome?.action, 'updated');
    assert.deepEqual(await log(), [`PUT ${UPDATE}`, `GET ${READ}`, `PUT ${UPDATE}`]);
  });

  it('the Remote view is empty without a key for the target, so VS Code shows its welcome with Set API Key', async () => {
    const api = vscode.extensions.getExtension<BluejayApi>(EXTENSION_ID)?.exports;
    assert.ok(api, 'the extension API');
    const config = vscode.workspace.getConfiguration('bluejay');
    const before = config.inspect<string>('baseUrl')?.globalValue;
    await config.update('baseUrl', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('bluejay.remote.refresh');
      assert.deepEqual(await api.remote.getChildren(), []);
    } finally {
      await config.update('baseUrl', before, vscode.ConfigurationTarget.Global);
    }
    await vscode.commands.executeCommand('bluejay.remote.refresh');
    assert.ok(((await api.remote.getChildren()) ?? []).length > 0, 'with the key again, the digital humans');
  });

  it('the Remote view lists digital humans, marks those with a local file and those that drifted', async () => {
    const api = vscode.extensions.getExtension<BluejayApi>(EXTENSION_ID)?.exports;
    assert.ok(api, 'the extension API');
    const tree = api.remote;
    const items = async (): Promise<Map<string, vscode.TreeItem>> => {
      await vscode.commands.executeCommand('bluejay.remote.refresh');
      const [humans] = (await tree.getChildren()) ?? [];
      const children = (await tree.getChildren(humans)) ?? [];
      const all = await Promise.all(children.map((c) => Promise.resolve(tree.getTreeItem(c))));
      return new Map(all.map((i) => [String(i.description).split(' ')[0] ?? '', i]));
    };
    let listed = await items();
    assert.deepEqual([...listed.keys()].sort(), ['#1204', '#205', '#318']);
    assert.equal(listed.get('#318')?.contextValue, 'remoteDefinition.local', 'billing.digital-human.yaml has id 318');
    assert.equal(listed.get('#205')?.contextValue, 'remoteDefinition');
    assert.equal(listed.get('#318')?.description, '#318 · local');

    // Pushed (a baseline), then changed on Bluejay: drifted.
    assert.equal(
      (await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', workspaceFile('billing.digital-human.yaml')))
        .outcome?.action,
      'updated',
    );
    await changeOnBluejay({ hangup_instructions: 'Hang up at once.' });
    listed = await items();
    assert.equal(listed.get('#318')?.description, '#318 · drifted');
    const tooltip = listed.get('#318')?.tooltip;
    assert.match(typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''), /hangup_instructions/);

    // An agent's personas.
    assert.equal(await vscode.commands.executeCommand('bluejay.remote.showAgentPersonas', 1042), true);
    const root = (await tree.getChildren()) ?? [];
    const agent = root[1];
    assert.equal((await tree.getTreeItem(agent)).label, 'Personas of agent 1042');
    const personas = await Promise.all(
      ((await tree.getChildren(agent)) ?? []).map((c) => Promise.resolve(tree.getTreeItem(c))),
    );
    assert.deepEqual(personas.map((p) => p.label).sort(), ['Impatient commuter', 'Refund seeker']);
  });

  it('plans a push field by field from the unsaved text, sending nothing', async () => {
    const editor = await open('billing.digital-human.yaml');
    const line = editor.document.getText().split('\n').indexOf('tag: billing');
    await editor.edit((e) => e.replace(editor.document.lineAt(line).range, 'tag: billing-vip'));
    try {
      const plans = await vscode.commands.executeCommand<
        { file: string; action: string; changes: { pointer: string; from: unknown; to: unknown }[] }[]
      >('bluejay.plan', editor.document.uri);
      assert.deepEqual(
        plans?.map((p) => [p.file, p.action, p.changes]),
        [['billing.digital-human.yaml', 'update', [{ pointer: '/tag', from: 'billing', to: 'billing-vip' }]]],
      );
      assert.deepEqual(await log(), [`GET ${READ}`], 'only a read');
      const shown = vscode.window.activeTextEditor?.document;
      assert.equal(shown?.uri.scheme, 'bluejay-remote');
      assert.match(
        shown?.getText() ?? '',
        /^billing\.digital-human\.yaml: update digital-human 318\n {2}\/tag: "billing" -> "billing-vip"$/m,
      );
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('plans the definition open in the form, not the whole workspace, when the form is the active tab', async () => {
    const uri = workspaceFile('billing.digital-human.yaml');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('vscode.openWith', uri, 'bluejay.form');
    try {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      assert.ok(tab instanceof vscode.TabInputCustom && tab.uri.toString() === uri.toString(), 'the form is active');
      assert.equal(vscode.window.activeTextEditor, undefined, 'no text editor is');
      const plans = await vscode.commands.executeCommand<{ file: string }[]>('bluejay.plan');
      assert.deepEqual(
        plans?.map((p) => p.file),
        ['billing.digital-human.yaml'],
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('Push All counts a file whose copy on Bluejay changed as failed, with remote-drift, and does not send it', async () => {
    const uri = workspaceFile('billing.digital-human.yaml');
    assert.equal((await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri)).outcome?.action, 'updated');
    await changeOnBluejay({ silence_timeout: 60 });
    // Push All pushes every definition in the workspace: put back what it writes (created ids).
    const uris = await vscode.workspace.findFiles(
      '**/*.{persona,digital-human}.{yaml,yml,json}',
      '**/{node_modules,.*}/**',
    );
    const saved = await Promise.all(uris.map((u) => vscode.workspace.fs.readFile(u)));
    try {
      const before = (await log()).length;
      const totals = await vscode.commands.executeCommand<Record<string, number>>('bluejay.pushAll');
      assert.ok((totals?.['failed'] ?? 0) >= 1, JSON.stringify(totals));
      assert.equal(driftProblems(uri).length, 1);
      assert.deepEqual(
        (await log()).slice(before).filter((r) => r.includes('/318')),
        [`GET ${READ}`],
        'read, not written',
      );
    } finally {
      await Promise.all(uris.map((u, i) => vscode.workspace.fs.writeFile(u, saved[i] ?? new Uint8Array())));
    }
  });
});
