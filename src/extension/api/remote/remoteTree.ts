/**
 * The Bluejay Remote view's data (dist/api.js; the main bundle's view hands nodes through): the
 * organization's digital humans, paged as the API pages them ("Load more..."), and the personas of
 * the agents added with Show Personas of an Agent (remembered per workspace). Each resource shows
 * whether the workspace has its file (`remoteDefinition.local`) and whether Bluejay's copy changed
 * since that file was last pushed or pulled ("drifted"). Without a key or a usable environment the
 * view shows what to do instead; errors show as items and never hold the key. How a node shows is
 * remoteNodes.ts's; which fields drifted, remoteDrift.ts's.
 */
import type { Disposable, TreeItem } from 'vscode';
import { parseIntegerId } from '../../../core/ids';
import type { Kind } from '../../../core/kinds';
import { diffWithRemote } from '../sync/diffCommand';
import * as vscode from 'vscode';
import { pullIntoFile, pullNew } from '../sync/pullCommands';
import type { Definitions } from '../../definitions';
import type { Ctx } from '../../ctx';
import {
  agentPersonas,
  clientFor,
  digitalHumansPage,
  idOf,
  quietTarget,
  why,
  type KeyedTarget,
} from '../sync/remoteRead';
import { editorState } from '../sync/stateFile';
import { LocalIndex } from './localIndex';
import { driftedFields } from './remoteDrift';
import { treeItemOf, type Item, type Node } from './remoteNodes';

const PAGE_SIZE = 50;
const AGENTS = 'bluejay.remote.agents';

interface Listed {
  items: Record<string, unknown>[];
  page: number;
  total: number;
  error?: string;
}

export class RemoteTree implements Disposable {
  private slot: string | undefined;
  private humans: Promise<Listed> | undefined;
  private readonly agents = new Map<number, Promise<Listed>>();
  private readonly index: LocalIndex;
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly ctx: Ctx,
    private readonly defs: Definitions,
    private readonly fire: () => void,
  ) {
    this.index = new LocalIndex(defs, fire);
    this.subscriptions = [this.index, editorState(ctx).onDidChange(fire)];
  }

  /** Drops what was read (a switch of environment or key, the Refresh button) and shows it again. */
  refresh(): void {
    this.humans = undefined;
    this.agents.clear();
    this.fire();
  }

  async getChildren(element?: unknown): Promise<Node[]> {
    const node = element as Node | undefined;
    const t = await quietTarget(this.ctx.keys);
    // No key: nothing, so VS Code shows the view's welcome (what it lists, Set API Key, Switch
    // Environment); another problem with the target is said as a node.
    if (!t.ok)
      return node || t.noKey
        ? []
        : [{ type: 'message', text: t.message, icon: 'error', command: 'bluejay.switchEnvironment' }];
    if (this.slot !== t.target.slot) {
      this.slot = t.target.slot;
      this.humans = undefined;
      this.agents.clear();
    }
    if (!node) return [{ type: 'humans' }, ...this.agentIds().map((agent): Node => ({ type: 'agent', agent }))];
    if (node.type === 'humans') {
      const listed = await (this.humans ??= this.loadHumans(t.target, 1, []));
      return [
        ...(await this.items('digital-human', listed.items, t.target)),
        ...(listed.page < listed.total && !listed.error ? [{ type: 'more' } as const] : []),
        ...this.error(listed),
      ];
    }
    if (node.type === 'agent') {
      let listed = this.agents.get(node.agent);
      if (!listed) this.agents.set(node.agent, (listed = this.loadAgent(t.target, node.agent)));
      const l = await listed;
      const items = await this.items('customer-persona', l.items, t.target);
      return items.length || l.error
        ? [...items, ...this.error(l)]
        : [{ type: 'message', text: vscode.l10n.t('No personas on Bluejay'), icon: 'info' }];
    }
    return [];
  }

  getTreeItem(element: unknown): TreeItem {
    return treeItemOf(element as Node);
  }

  /** The view's commands (bluejay.remote.*), by name. */
  async run(name: string, args: readonly unknown[]): Promise<unknown> {
    const node = args[0] as Node | undefined;
    const item = node?.type === 'item' ? node : undefined;
    switch (name) {
      case 'refresh':
        return this.refresh();
      case 'loadMore':
        return this.loadMore();
      case 'showAgentPersonas':
        return this.addAgent(args[0]);
      case 'pull':
        if (!item) return undefined;
        return item.local
          ? pullIntoFile(this.ctx, this.defs, item.local)
          : pullNew(this.ctx, this.defs, { kind: item.kind, id: item.id });
      case 'diff':
        return item?.local && diffWithRemote(this.ctx, this.defs, item.local);
      case 'openFile':
        return item?.local && vscode.window.showTextDocument(item.local);
      default:
        return undefined;
    }
  }

  private agentIds(): number[] {
    return this.ctx.memento.get<number[]>(AGENTS, []).filter((n) => Number.isSafeInteger(n) && n > 0);
  }

  private async addAgent(arg: unknown): Promise<boolean> {
    const raw =
      typeof arg === 'number' || typeof arg === 'string'
        ? String(arg)
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Bluejay: Show Personas of an Agent'),
            prompt: vscode.l10n.t("The agent's id (an integer)"),
            validateInput: (v) =>
              parseIntegerId(v) === undefined
                ? vscode.l10n.t('An integer agent id (at most 9007199254740991), please.')
                : undefined,
          });
    const agent = raw === undefined ? undefined : parseIntegerId(raw);
    if (agent === undefined) return false;
    const ids = this.agentIds();
    if (!ids.includes(agent)) await this.ctx.memento.update(AGENTS, [...ids, agent]);
    this.agents.delete(agent);
    this.fire();
    return true;
  }

  private async loadMore(): Promise<void> {
    const t = await quietTarget(this.ctx.keys);
    const current = await this.humans;
    if (!t.ok || !current || current.page >= current.total) return;
    this.humans = this.loadHumans(t.target, current.page + 1, current.items);
    await this.humans;
    this.fire();
  }

  private async loadHumans(target: KeyedTarget, page: number, before: Record<string, unknown>[]): Promise<Listed> {
    try {
      const p = await digitalHumansPage(clientFor(this.ctx, target), page, PAGE_SIZE);
      return { items: [...before, ...p.items], page: p.page, total: p.totalPages };
    } catch (e) {
      return {
        items: before,
        page: page - 1,
        total: page,
        error: vscode.l10n.t('Could not list the digital humans: {0}', why(e)),
      };
    }
  }

  private async loadAgent(target: KeyedTarget, agent: number): Promise<Listed> {
    try {
      return { items: await agentPersonas(clientFor(this.ctx, target), agent), page: 1, total: 1 };
    } catch (e) {
      return {
        items: [],
        page: 1,
        total: 1,
        error: vscode.l10n.t('Could not list the personas of agent {0}: {1}', agent, why(e)),
      };
    }
  }

  private error(l: Listed): Node[] {
    return l.error ? [{ type: 'message', text: l.error, icon: 'error', command: 'bluejay.remote.refresh' }] : [];
  }

  private async items(kind: Kind, resources: readonly Record<string, unknown>[], target: KeyedTarget): Promise<Item[]> {
    const out = await Promise.all(
      resources.map(async (resource): Promise<Item | undefined> => {
        const id = idOf(resource);
        if (id === undefined) return undefined;
        const local = await this.index.find(kind, id);
        return {
          type: 'item',
          kind,
          id,
          resource,
          local,
          drifted: local ? await driftedFields(this.ctx, local, kind, id, resource, target.origin) : [],
        };
      }),
    );
    return out.filter((i): i is Item => i !== undefined);
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
