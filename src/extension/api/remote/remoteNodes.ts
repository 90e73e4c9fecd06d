/**
 * The Remote view's nodes (remoteTree.ts lists them) and how each one shows: the digital humans'
 * group, an agent's personas, a resource (with whether it has a local file and whether it drifted),
 * "Load more..." and messages (what to do, or an error).
 */
import type { TreeItem, Uri } from 'vscode';
import * as vscode from 'vscode';
import type { Kind } from '../../../core/kinds';
import { labelOf } from '../sync/remoteRead';

export type Item = {
  readonly type: 'item';
  readonly kind: Kind;
  readonly id: string | number;
  readonly resource: Record<string, unknown>;
  readonly local: Uri | undefined;
  readonly drifted: readonly string[];
};
export type Node =
  | { readonly type: 'humans' }
  | { readonly type: 'agent'; readonly agent: number }
  | Item
  | { readonly type: 'more' }
  | { readonly type: 'message'; readonly text: string; readonly icon: string; readonly command?: string };

/** A node as the tree shows it. */
export function treeItemOf(node: Node): TreeItem {
  // Each read as a member, not by destructuring `vscode`: that would make the bundle keep all of it (esbuild.js).
  const Tree = vscode.TreeItem;
  const State = vscode.TreeItemCollapsibleState;
  const ThemeIcon = vscode.ThemeIcon;
  const ThemeColor = vscode.ThemeColor;
  switch (node.type) {
    case 'humans':
      return Object.assign(new Tree(vscode.l10n.t('Digital humans'), State.Expanded), {
        id: 'humans',
        iconPath: new ThemeIcon('organization'),
      });
    case 'agent':
      return Object.assign(new Tree(vscode.l10n.t('Personas of agent {0}', node.agent), State.Collapsed), {
        id: `agent:${node.agent}`,
        iconPath: new ThemeIcon('account'),
        contextValue: 'remoteAgent',
      });
    case 'more':
      return Object.assign(new Tree(vscode.l10n.t('Load more...'), State.None), {
        iconPath: new ThemeIcon('ellipsis'),
        command: { title: vscode.l10n.t('Load More'), command: 'bluejay.remote.loadMore' },
      });
    case 'message':
      return Object.assign(new Tree(node.text, State.None), {
        iconPath: new ThemeIcon(node.icon),
        ...(node.command && { command: { title: node.text, command: node.command } }),
      });
    case 'item': {
      const item = new Tree(labelOf(node.resource), State.None);
      item.description = node.drifted.length
        ? vscode.l10n.t('#{0} · drifted', String(node.id))
        : node.local
          ? vscode.l10n.t('#{0} · local', String(node.id))
          : `#${String(node.id)}`;
      item.contextValue = node.local ? 'remoteDefinition.local' : 'remoteDefinition';
      item.iconPath = node.drifted.length
        ? new ThemeIcon('warning', new ThemeColor('list.warningForeground'))
        : new ThemeIcon(node.local ? 'file' : 'cloud');
      const where = node.local
        ? vscode.l10n.t('Local file: {0}', vscode.workspace.asRelativePath(node.local))
        : vscode.l10n.t('No local file: Pull makes one.');
      const drift = node.drifted.length
        ? `\n\n${vscode.l10n.t('Changed on Bluejay since the file was last pushed or pulled: {0}.', node.drifted.join(', '))}`
        : '';
      item.tooltip = `${node.kind} ${String(node.id)}\n${where}${drift}`;
      if (node.local)
        item.command = { title: vscode.l10n.t('Open Local File'), command: 'vscode.open', arguments: [node.local] };
      return item;
    }
  }
}
