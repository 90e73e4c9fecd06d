/**
 * What the two "staying in step with Bluejay" suites share (sync-pull.test.ts, sync-push.test.ts):
 * the test server with its key, the baselines file, and hooks that start from no baselines and a
 * reset server before each test and delete the files a test made after it. `onTestServer` alone
 * (the server and the extension pointed at it) also serves files.test.ts.
 */
import * as assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach } from 'mocha';
import * as vscode from 'vscode';
import { startBluejayServer, type BluejayServer } from '../../server/index';
import { admin, type Admin } from '../../unit/support/server';
import { codeOf, forgetBaselines, workspaceFile } from './util';

export const KEY = 'sync-key-in-host-01';
export const PERSONA = '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d';
export const READ = '/v1/digital-human/318';
export const UPDATE = '/v1/update-digital-human/318';

const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bluejay');
export const read = async (name: string): Promise<string> =>
  new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(name)));
const write = (name: string, text: string): Thenable<void> =>
  vscode.workspace.fs.writeFile(workspaceFile(name), new TextEncoder().encode(text));

interface Entry {
  kind: string;
  id: string | number;
  fields: Record<string, unknown>;
}

/** The baselines recorded for the test server's origin, by path from the workspace folder. */
export async function baselines(origin: string): Promise<Record<string, Entry>> {
  try {
    const state = JSON.parse(await read('.bluejay/state.json')) as { baselines: Record<string, Record<string, Entry>> };
    return state.baselines[origin] ?? {};
  } catch {
    return {};
  }
}

export function driftProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Bluejay (server)' && codeOf(d) === 'remote-drift');
}

export interface SyncSuite {
  /** The test server (set in `before`). */
  readonly server: BluejayServer;
  readonly control: Admin;
  /** Files deleted after each test. */
  readonly made: string[];
  billing: () => Promise<string>;
  /** A definition file for this test alone (deleted after it). */
  file: (name: string, text: string) => Promise<vscode.Uri>;
  /** The requests Bluejay got (but the Remote view's lists, should the view be showing). */
  log: () => Promise<string[]>;
  /** Changes Bluejay's copy behind the files' back, as the Bluejay app would. */
  changeOnBluejay: (body: Record<string, unknown>) => Promise<void>;
}

/**
 * Call inside a describe: a test server knowing `key` for the describe's tests, the extension
 * pointed at it with that key (before them), and both undone after them.
 */
export function onTestServer(key: string): { readonly server: BluejayServer; readonly control: Admin } {
  let server: BluejayServer | undefined;
  let control: Admin | undefined;
  const started = (): { server: BluejayServer; control: Admin } => {
    assert.ok(server && control, 'the test server is started in before()');
    return { server, control };
  };
  before(async () => {
    server = await startBluejayServer({ keys: { [key]: { org: 'org-1' } } });
    control = admin(server.url);
    await config().update('environment', undefined, vscode.ConfigurationTarget.Global);
    await config().update('baseUrl', server.url, vscode.ConfigurationTarget.Global);
    assert.equal(await vscode.commands.executeCommand('bluejay.setApiKey', key), true);
  });
  after(async () => {
    await vscode.commands.executeCommand('bluejay.clearApiKey');
    await config().update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await forgetBaselines();
    await started().server.close();
  });
  return {
    get server() {
      return started().server;
    },
    get control() {
      return started().control;
    },
  };
}

/** Call inside a describe: registers its hooks there and returns what its tests use. */
export function syncSuite(): SyncSuite {
  const test = onTestServer(KEY);
  const made: string[] = [];
  const suite: SyncSuite = {
    get server() {
      return test.server;
    },
    get control() {
      return test.control;
    },
    made,
    billing: () => read('billing.digital-human.yaml'),
    file: async (name, text) => {
      made.push(name);
      await write(name, text);
      return workspaceFile(name);
    },
    log: async () =>
      (await suite.control.requests())
        .map((r) => `${r.method} ${r.path}`)
        .filter((r) => !r.startsWith('GET /v1/digital-humans?')),
    changeOnBluejay: async (body) => {
      const r = await fetch(`${suite.server.url}${UPDATE}`, {
        method: 'PUT',
        headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(r.status, 200);
    },
  };

  beforeEach(async () => {
    await forgetBaselines();
    await suite.control.reset();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.all(made.splice(0).map((n) => vscode.workspace.fs.delete(workspaceFile(n))));
  });

  return suite;
}
