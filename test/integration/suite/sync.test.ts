import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { BluejayApi } from '../../../src/extension/extension';
import type { PushRun } from '../../../src/extension/pusher';
import { startBluejayServer, type BluejayServer } from '../../server/index';
import { admin, type Admin } from '../../unit/support/server';
import { codeOf, EXTENSION_ID, forgetBaselines, open, waitFor, workspaceFile } from './util';

const KEY = 'sync-key-in-host-01';
const PERSONA = '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d';
const READ = '/v1/digital-human/318';
const UPDATE = '/v1/update-digital-human/318';

const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bluejay');
const read = async (name: string): Promise<string> =>
  new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(name)));
const write = (name: string, text: string): Thenable<void> =>
  vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));

interface Entry {
  kind: string;
  id: string | number;
  fields: Record<string, unknown>;
}

/** The baselines recorded for the test server's origin, by path from the workspace folder. */
async function baselines(origin: string): Promise<Record<string, Entry>> {
  try {
    const state = JSON.parse(await read('.bluejay/state.json')) as { baselines: Record<string, Record<string, Entry>> };
    return state.baselines[origin] ?? {};
  } catch {
    return {};
  }
}

function driftProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Bluejay (server)' && codeOf(d) === 'remote-drift');
}

describe('staying in step with Bluejay', () => {
  let server: BluejayServer;
  let control: Admin;
  const made: string[] = [];
  const billing = (): Promise<string> => read('billing.digital-human.yaml');
  /** A definition file for this test alone (deleted after it). */
  const file = async (name: string, text: string): Promise<vscode.Uri> => {
    made.push(name);
    await write(name, text);
    return workspaceFile(name);
  };
  /** The requests Bluejay got (but the Remote view's lists, should the view be showing). */
  const log = async (): Promise<string[]> =>
    (await control.requests())
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !r.startsWith('GET /v1/digital-humans?'));
  /** Changes Bluejay's copy behind the files' back, as the Bluejay app would. */
  const changeOnBluejay = async (body: Record<string, unknown>): Promise<void> => {
    const r = await fetch(`${server.url}${UPDATE}`, {
      method: 'PUT',
      headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200);
  };

  before(async () => {
    server = await startBluejayServer({ keys: { [KEY]: { org: 'org-1' } } });
    control = admin(server.url);
    await config().update('environment', undefined, vscode.ConfigurationTarget.Global);
    await config().update('baseUrl', server.url, vscode.ConfigurationTarget.Global);
    assert.equal(await vscode.commands.executeCommand('bluejay.setApiKey', KEY), true);
  });

  beforeEach(async () => {
    await forgetBaselines();
    await control.reset();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.all(made.splice(0).map((n) => vscode.workspace.fs.delete(workspaceFile(n))));
  });

  after(async () => {
    await vscode.commands.executeCommand('bluejay.clearApiKey');
    await config().update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await forgetBaselines();
    await server.close();
  });

  it('pulls a persona into a new file that validates, and records its baseline', async () => {
    const target = workspaceFile('pulled-refund.persona.yaml');
    made.push('pulled-refund.persona.yaml');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('bluejay.pull', {
      kind: 'customer-persona',
      id: PERSONA,
      target,
    });
    assert.equal(uri?.toString(), target.toString());
    const text = await read('pulled-refund.persona.yaml');
    assert.match(text, /^kind: customer-persona\nid: 7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d\nname: Refund seeker\n/);
    assert.doesNotMatch(text, /created_at|org_id/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the new file is open');
    const errors = vscode.languages
      .getDiagnostics(target)
      .filter((d) => d.source === 'Bluejay' && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map((d) => d.message),
      [],
    );
    const entry = (await baselines(server.url))['pulled-refund.persona.yaml'];
    assert.equal(entry?.kind, 'customer-persona');
    assert.equal(entry?.id, PERSONA);
    assert.equal(entry?.fields['name'], 'Refund seeker');
  });

  it('opens the diff with Bluejay: server-managed fields hidden, fields the file does not set listed apart', async () => {
    // The file leaves out role_description, which Bluejay holds.
    const text = (await billing()).replace(/^role_description: .*\n/m, '');
    const uri = await file('diffed.digital-human.yaml', text);
    assert.equal(await vscode.commands.executeCommand<boolean>('bluejay.diffWithRemote', uri), true);
    const input = await waitFor(
      vscode.window.tabGroups.onDidChangeTabs,
      () => {
        const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return tab instanceof vscode.TabInputTextDiff && tab.modified.toString() === uri.toString() && tab;
      },
      'the diff editor',
    );
    assert.equal(input.original.scheme, 'bluejay-remote');
    const left = (await vscode.workspace.openTextDocument(input.original)).getText();
    assert.doesNotMatch(left, /created_at|org_id|websocket_url|workflow_v2_id/);
    // What Bluejay holds the same reads the same: the file's comments, order and folded text stay.
    const head = text.slice(0, text.indexOf('language:'));
    assert.match(head, /^# [\s\S]*intent: >-\n {2}You were charged twice/m);
    assert.ok(left.startsWith(head), `the left side starts as the file does:\n${left.slice(0, 400)}`);
    const [fileSets, notSet] = left.split('# Not set in this file:\n');
    assert.doesNotMatch(fileSets ?? '', /role_description/);
    assert.match(notSet ?? '', /^role_description: Long-time customer on the Premium plan/m);
    // JSON files are compared as JSONC, the comment on its own line.
    const json = await file(
      'diffed.persona.json',
      JSON.stringify({ kind: 'customer-persona', id: PERSONA, name: 'Refund seeker', goal: 'A refund.' }, null, 2),
    );
    assert.equal(await vscode.commands.executeCommand<boolean>('bluejay.diffWithRemote', json), true);
    const jsonInput = await waitFor(
      vscode.window.tabGroups.onDidChangeTabs,
      () => {
        const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
        return tab instanceof vscode.TabInputTextDiff && tab.modified.toString() === json.toString() && tab;
      },
      'the JSON diff editor',
    );
    const jsonLeft = await vscode.workspace.openTextDocument(jsonInput.original);
    assert.equal(jsonLeft.languageId, 'jsonc');
    assert.match(
      jsonLeft.getText(),
      /^ {2}"goal": "Get a full refund[^\n]*",\n {2}\/\/ Not set in this file:\n {2}"description": "Maria, 42/m,
    );
    const parsed = JSON.parse(jsonLeft.getText().replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(parsed), ['kind', 'id', 'name', 'goal', 'description']);

    // A file without an id is not on Bluejay yet: no diff, and its CodeLens offers only Push.
    const fresh = await file(
      'nothing-yet.persona.yaml',
      'kind: customer-persona\nname: New\ndescription: d\ngoal: g\n',
    );
    assert.equal(await vscode.commands.executeCommand<boolean>('bluejay.diffWithRemote', fresh), false);
    const lenses = async (u: vscode.Uri): Promise<string[]> => {
      await vscode.workspace.openTextDocument(u);
      const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', u)) ?? [];
      return all.map((l) => l.command?.command ?? '').filter((c) => c.startsWith('bluejay.'));
    };
    // A digital human on Bluejay also offers Run (the Testing view's run of that file).
    assert.deepEqual(await lenses(uri), [
      'bluejay.pushFile',
      'bluejay.diffWithRemote',
      'bluejay.pullIntoFile',
      'bluejay.runFile',
    ]);
    assert.deepEqual(await lenses(fresh), ['bluejay.pushFile']);
  });

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
    assert.equal((await baselines(server.url))['drifted.digital-human.yaml']?.fields['tag'], 'billing-escalations');
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
    const sent = (await control.requests()).filter((r) => r.method === 'PUT').pop()?.body as Record<string, unknown>;
    assert.deepEqual([sent['tag'], sent['verbosity']], ['billing-local', 'low']);
    assert.equal(driftProblems(uri).length, 0);
    await doc.save();
  });

  it('pushes a file without a baseline as before, and records one', async () => {
    assert.equal((await baselines(server.url))['billing.digital-human.yaml'], undefined);
    const uri = workspaceFile('billing.digital-human.yaml');
    assert.equal((await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri)).outcome?.action, 'updated');
    assert.deepEqual(await log(), [`PUT ${UPDATE}`], 'no read first: the file is the source of truth');
    const entry = (await baselines(server.url))['billing.digital-human.yaml'];
    assert.deepEqual([entry?.kind, entry?.id, entry?.fields['tag']], ['digital-human', 318, 'billing']);
    // With a baseline, the next push reads Bluejay first, finds it in step, and pushes.
    assert.equal((await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', uri)).outcome?.action, 'updated');
    assert.deepEqual(await log(), [`PUT ${UPDATE}`, `GET ${READ}`, `PUT ${UPDATE}`]);
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
