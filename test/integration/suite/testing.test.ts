import * as assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { BluejayApi } from '../../../src/extension/extension';
import type { RecordedResult } from '../../../src/extension/api/testing/report';
import type { GenerateOutcome } from '../../../src/extension/api/testing/generate';
import type { Testing } from '../../../src/extension/api/testing/testing';
import type { PushRun } from '../../../src/extension/pusher';
import { validateText } from '../../../src/core/validate';
import { startBluejayServer, type BluejayServer } from '../../server/index';
import { admin, type Admin } from '../../unit/support/server';
import { EXTENSION_ID, forgetBaselines, open, waitFor, workspaceFile } from './util';

const KEY = 'test-key-testing';

/** Polls without waiting: each sleep is one turn of the event loop (the local server moves a run one step per read). */
const instant = {
  now: () => Date.now(),
  sleep: (_ms: number, signal?: AbortSignal) =>
    signal?.aborted ? Promise.reject(new Error('aborted')) : new Promise<void>((r) => setImmediate(r)),
};

const lineOf = (doc: vscode.TextDocument, prefix: string): number =>
  doc
    .getText()
    .split('\n')
    .findIndex((l) => l.startsWith(prefix));
const conversations = (recorded: RecordedResult[]): RecordedResult[] =>
  recorded.filter((r) => r.resultId !== undefined);

describe('Testing view (simulations)', () => {
  let server: BluejayServer;
  let control: Admin;
  let testing: Testing;
  const billing = (): vscode.Uri => workspaceFile('billing.digital-human.yaml');
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bluejay');
  const queued = async (): Promise<number> =>
    (await control.requests()).filter((r) => r.path.startsWith('/v1/queue-')).length;

  before(async () => {
    server = await startBluejayServer({ keys: { [KEY]: { org: 'org-1' } } });
    control = admin(server.url);
    await config().update('baseUrl', server.url, vscode.ConfigurationTarget.Global);
    assert.equal(await vscode.commands.executeCommand('bluejay.setApiKey', KEY), true);
    const api = vscode.extensions.getExtension<BluejayApi>(EXTENSION_ID)?.exports;
    assert.ok(api);
    testing = api.testing();
    testing.setRunClock(instant);
    // Earlier suites may have pushed other versions to their servers: this one starts in step.
    await forgetBaselines();
    const pushed = await vscode.commands.executeCommand<PushRun>('bluejay.pushFile', billing());
    assert.ok(pushed.outcome && pushed.outcome.action !== 'failed', 'billing pushed');
  });

  beforeEach(async () => {
    await fetch(`${server.url}/__admin/simulations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  });

  after(async () => {
    testing.setRunClock(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await server.close();
  });

  it('shows the workspace digital humans under their simulations, with a run button on the name line', async () => {
    // Opening the Testing view asks the controller for its items (resolveHandler), which loads dist/api.js.
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    const item = await waitFor(
      testing.tree.onDidChange,
      () => testing.tree.fileItem(billing(), '57'),
      'the items of billing.digital-human.yaml',
    );
    await testing.resolve(undefined); // the whole workspace scanned
    const doc = await vscode.workspace.openTextDocument(billing());
    assert.equal(item.range?.start.line, lineOf(doc, 'name:'));
    assert.equal(item.label, 'Angry billing customer');
    assert.ok(testing.tree.fileItem(billing(), '61'), 'also under simulation 61');
    assert.ok(
      testing.tree.fileItem(workspaceFile('broken.digital-human.yaml')),
      'a file in no simulation is a top-level item',
    );
    assert.equal(testing.tree.fileItem(workspaceFile('caller.persona.json')), undefined, 'a persona is no test');
  });

  it('a run reports one pass and one failure, the failure on success_criteria with the tool calls as a diff', async () => {
    const item = testing.tree.fileItem(billing(), '57');
    assert.ok(item);
    const source = new vscode.CancellationTokenSource();
    const recorded = await testing.runRequest(new vscode.TestRunRequest([item]), source.token, false);
    const convs = conversations(recorded);
    assert.deepEqual(convs.map((c) => c.state).sort(), ['failed', 'passed']);
    const failure = convs.find((c) => c.state === 'failed');
    const doc = await vscode.workspace.openTextDocument(billing());
    const [md, diff] = failure?.messages ?? [];
    assert.equal(md?.line, lineOf(doc, 'success_criteria:'));
    assert.match(
      md?.text ?? '',
      /\*\*Goal not met\*\*[\s\S]*\| Empathy \| 2 \|[\s\S]*Show Transcript\]\(command:bluejay\.showTranscript/,
    );
    assert.equal(diff?.diff, true);
    assert.equal(diff?.line, lineOf(doc, 'expected_tool_calls:') + 1, 'on the expected tool calls');
    assert.ok((failure?.durationMs ?? 0) > 0, 'with its duration');
    assert.equal(recorded.find((r) => r.itemId === item.id)?.state, 'failed');
    assert.equal(await queued(), 1, 'one queue request');
    // Show Transcript: fetched from the media origin, never with the key.
    await vscode.commands.executeCommand('bluejay.showTranscript', { resultId: failure?.resultId });
    const shown = await waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      () =>
        vscode.window.activeTextEditor?.document.uri.scheme === 'bluejay-transcript' &&
        vscode.window.activeTextEditor.document,
      'the transcript',
    );
    assert.match(shown.getText(), /\[00:03\] User: I was charged twice/);
    const media = (await (await fetch(`${server.url}/__admin/simulations`)).json()) as {
      mediaRequests: { apiKey: boolean }[];
    };
    assert.ok(media.mediaRequests.length > 0);
    assert.ok(
      media.mediaRequests.every((r) => !r.apiKey),
      'no X-API-Key reached the media origin',
    );
  });

  it('Cancel ends the conversations still running', async () => {
    await fetch(`${server.url}/__admin/simulations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ neverFinish: true }),
    });
    const item = testing.tree.fileItem(billing(), '57');
    assert.ok(item);
    const source = new vscode.CancellationTokenSource();
    // Cancel once the run was queued and read: at the first wait between two reads.
    testing.setRunClock({
      now: () => Date.now(),
      sleep: (_ms, signal) => {
        source.cancel();
        return signal?.aborted ? Promise.reject(new Error('aborted')) : Promise.resolve();
      },
    });
    try {
      const recorded = await testing.runRequest(new vscode.TestRunRequest([item]), source.token, false);
      assert.equal(recorded.find((r) => r.itemId === item.id)?.state, 'skipped');
    } finally {
      testing.setRunClock(instant);
    }
    const ends = (await control.requests()).filter((r) => r.path === '/v1/end-conversations');
    assert.equal(ends.length, 1);
    assert.equal((ends[0]?.body as { test_result_ids: number[] }).test_result_ids.length, 2);
  });

  it('an out-of-step file is not run, except with Push and Run', async () => {
    const editor = await open('billing.digital-human.yaml');
    const line = lineOf(editor.document, 'tag:');
    await editor.edit((e) => e.replace(editor.document.lineAt(line).range, 'tag: billing-escalations'));
    try {
      const before = await queued();
      const refused = await testing.runFile(billing());
      const mine = refused?.filter((r) => !r.resultId) ?? [];
      assert.equal(mine.length, 2, 'both items of the file');
      for (const r of mine) {
        assert.equal(r.state, 'errored');
        assert.match(r.messages[0]?.text ?? '', /^run-out-of-step: .*Push and Run in Bluejay/);
        assert.equal(r.messages[0]?.line, line, 'on the field that differs');
      }
      assert.equal(await queued(), before, 'nothing queued');
      const ran = await testing.runFile(billing(), { pushFirst: true });
      assert.equal(await queued(), before + 2, 'pushed, then one queue request per simulation');
      assert.ok(conversations(ran ?? []).length >= 2);
      assert.ok(
        (await control.requests()).some(
          (r) =>
            r.method === 'PUT' &&
            r.path === '/v1/update-digital-human/318' &&
            (r.body as { tag?: string }).tag === 'billing-escalations',
        ),
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
  it('Generate Digital Humans: each one returned becomes a valid file with its id and baseline; nothing replaced on a second run', async () => {
    const folder = workspaceFile('generated-by-test');
    const run = (args: Record<string, unknown>): Thenable<GenerateOutcome | undefined> =>
      vscode.commands.executeCommand<GenerateOutcome | undefined>('bluejay.generateDigitalHumans', {
        agentId: '1042',
        folder: folder.fsPath,
        ...args,
      });
    try {
      const byGoal = await run({ simulationId: '57', how: 'goal', goal: 'cancel a subscription', count: 2 });
      assert.deepEqual(byGoal?.errors, []);
      assert.equal(byGoal?.files.length, 2);
      const personas = (await (
        await fetch(`${server.url}/v1/customer-personas-by-agent/1042`, { headers: { 'X-API-Key': KEY } })
      ).json()) as { id: string }[];
      const byPersona = await run({ simulationId: null, how: 'personas', personaIds: [personas[0]?.id], count: 1 });
      const red = await run({ simulationId: null, how: 'red-teaming', count: 1 });
      const again = await run({ simulationId: null, how: 'red-teaming', count: 1 });
      const files = [
        ...(byGoal?.files ?? []),
        ...(byPersona?.files ?? []),
        ...(red?.files ?? []),
        ...(again?.files ?? []),
      ];
      assert.equal(files.length, 5);
      assert.equal(new Set(files).size, 5, 'the second red-teaming caller took the next free name');
      const state = JSON.parse(
        new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('.bluejay/state.json'))),
      ) as { baselines: Record<string, Record<string, { id: unknown }>> };
      const baselines = state.baselines[new URL(server.url).origin] ?? {};
      for (const f of files) {
        assert.match(f, /\.digital-human\.yaml$/);
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(f));
        assert.match(doc.getText(), /^id: \d+$/m, `${f} has its id`);
        assert.deepEqual(
          validateText(doc.getText(), f).problems.filter((p) => p.severity === 'error'),
          [],
          `${f} is valid`,
        );
        const rel = vscode.workspace.asRelativePath(vscode.Uri.file(f), false);
        assert.ok(baselines[rel], `${rel} has a baseline`);
      }
      assert.match(
        (await vscode.workspace.openTextDocument(vscode.Uri.file(files[0] ?? ''))).getText(),
        /simulation_ids:\s*\n\s*- 57/,
      );
      const generated = (await control.requests()).filter((r) => r.path === '/v1/generate-digital-humans');
      assert.equal(generated.length, 4, 'one request per command');
      assert.deepEqual(Object.keys(generated[1]?.body as object).sort(), ['agent_id', 'customer_personas']);
      assert.deepEqual(generated[2]?.body, { agent_id: '1042', red_teaming: 1 });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
      await forgetBaselines();
    }
  });
});
