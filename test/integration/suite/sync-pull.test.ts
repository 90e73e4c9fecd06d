/** Staying in step with Bluejay, reading it: pull into a new file, the diff with Bluejay, the CodeLens. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { baselines, PERSONA, read, syncSuite } from './syncSuite';
import { waitFor, workspaceFile } from './util';

describe('staying in step with Bluejay', () => {
  const sync = syncSuite();
  const { billing, file, made } = sync;

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
    const entry = (await baselines(sync.server.url))['pulled-refund.persona.yaml'];
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
});
