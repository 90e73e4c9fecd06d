/**
 * The Bluejay Remote view (explorer) and its commands. Only this stub is in the main bundle: the
 * data and the commands' work (remote/remoteTree.ts) load with dist/api.js when the view first shows.
 * Switching environment or changing a key reads Bluejay again.
 */
import * as vscode from 'vscode';
import { TARGET_SETTINGS } from './config';
import type { Ctx } from './ctx';
import { definitions } from './definitions';
import type { RemoteTree } from './api/remote/remoteTree';
import { api } from './lazy';

export function registerRemoteView(ctx: Ctx): {
  disposable: vscode.Disposable;
  provider: vscode.TreeDataProvider<unknown>;
} {
  const changed = new vscode.EventEmitter<void>();
  let tree: RemoteTree | undefined;
  const get = (): RemoteTree => (tree ??= new (api().RemoteTree)(ctx, definitions, () => changed.fire()));
  const provider: vscode.TreeDataProvider<unknown> = {
    onDidChangeTreeData: changed.event,
    getChildren: (n) => get().getChildren(n),
    getTreeItem: (n) => get().getTreeItem(n),
  };
  const run = (name: string): vscode.Disposable =>
    vscode.commands.registerCommand(`bluejay.remote.${name}`, (...args: unknown[]) => get().run(name, args));
  const disposable = vscode.Disposable.from(
    changed,
    vscode.window.createTreeView('bluejay.remote', { treeDataProvider: provider }),
    ...['refresh', 'loadMore', 'showAgentPersonas', 'pull', 'diff', 'openFile'].map(run),
    ctx.config.onDidChange(() => tree?.refresh(), TARGET_SETTINGS),
    ctx.keys.onDidChange(() => tree?.refresh()),
    { dispose: () => tree?.dispose() },
  );
  return { disposable, provider };
}
