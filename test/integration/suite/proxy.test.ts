/**
 * A loopback base URL is never proxied in the editor: not by `http.proxy` (applied by VS Code's
 * patched http module, `http.proxySupport` override), nor by HTTP_PROXY (applied by axios). The
 * local proxy here records what reaches it and forwards nothing.
 */
import * as assert from 'node:assert/strict';
import { createServer, connect, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { PushRun } from '../../../src/extension/pusher';
import { startBluejayServer, type BluejayServer } from '../../server/index';
import { startRecordingProxy, withProxyEnv, type RecordingProxy } from '../../unit/support/proxy';
import { forgetBaselines, open, waitFor } from './util';

const KEY = 'test-key-proxy';

/** Another loopback address (127.0.0.2) in front of the server: VS Code's own resolver lets only a few loopback names go direct. */
async function loopbackAlias(port: number): Promise<Server | undefined> {
  const server = createServer((socket) => {
    const upstream = connect(port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined)); // no 127.0.0.2 on this machine (macOS): that case is skipped
    server.listen(0, '127.0.0.2', () => resolve(server));
  });
}

describe('no proxy for a loopback base URL', () => {
  let server: BluejayServer;
  let proxy: RecordingProxy;
  let alias: Server | undefined;
  const http = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('http');
  const bluejay = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bluejay');

  before(async () => {
    server = await startBluejayServer({ keys: { [KEY]: { org: 'org-1' } } });
    proxy = await startRecordingProxy();
    alias = await loopbackAlias(server.port);
    await http().update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
    await http().update('proxySupport', 'override', vscode.ConfigurationTarget.Global);
    await waitFor(
      vscode.workspace.onDidChangeConfiguration,
      () => http().get('proxy') === proxy.url && http().get('proxySupport') === 'override',
      'the proxy settings',
    );
  });

  after(async () => {
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await http().update('proxySupport', undefined, vscode.ConfigurationTarget.Global);
    await bluejay().update('baseUrl', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    alias?.close();
    await proxy.close();
    await server.close();
  });

  /** Pushes billing.digital-human.yaml (an update of 318) to `baseUrl`, with its own key. */
  async function pushTo(baseUrl: string): Promise<PushRun> {
    await forgetBaselines();
    await bluejay().update('baseUrl', baseUrl, vscode.ConfigurationTarget.Global);
    assert.equal(await vscode.commands.executeCommand('bluejay.setApiKey', KEY), true);
    const editor = await open('billing.digital-human.yaml');
    return vscode.commands.executeCommand<PushRun>('bluejay.pushFile', editor.document.uri);
  }

  it('pushes to http://127.0.0.1 directly, with http.proxy and HTTP_PROXY both set', async () => {
    const run = await withProxyEnv(proxy.url, () => pushTo(server.url));
    assert.equal(run.outcome?.action, 'updated', JSON.stringify(run.outcome?.problems));
    assert.deepEqual(proxy.seen, []);
  });

  it('pushes to another loopback address (127.0.0.2) directly, which http.proxy would otherwise take', async function () {
    if (!alias) return this.skip();
    const run = await pushTo(`http://127.0.0.2:${(alias.address() as AddressInfo).port}`);
    assert.equal(run.outcome?.action, 'updated', JSON.stringify(run.outcome?.problems));
    assert.deepEqual(proxy.seen, []);
  });
});
