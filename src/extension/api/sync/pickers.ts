/**
 * What to pull (dist/api.js): the kind, then a digital human from Bluejay's list (page by page, or
 * an id typed in) or a persona (its UUID, or an agent id whose personas are listed).
 */
import type { QuickPickItem } from 'vscode';
import { parseIntegerId } from '../../../core/ids';
import type { Kind } from '../../../core/kinds';
import type { Sender } from '../../../core/sync/push';
import * as vscode from 'vscode';
import { agentPersonas, digitalHumansPage, idOf, labelOf, why } from './remoteRead';

const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Choice = QuickPickItem & { readonly id?: string | number; readonly more?: true; readonly enter?: true };

/** A persona's id (a UUID, lower case) or a digital human's (an integer), from text; undefined if it is neither. */
export function parseId(kind: Kind, raw: string): string | number | undefined {
  const t = raw.trim();
  if (kind === 'digital-human') return parseIntegerId(t);
  return UUID.test(t) ? t.toLowerCase() : undefined;
}

export async function pickKind(): Promise<Kind | undefined> {
  const items: (QuickPickItem & { of: Kind })[] = [
    {
      label: vscode.l10n.t('$(person) Digital human'),
      description: vscode.l10n.t('from the list of your digital humans, or by id'),
      of: 'digital-human',
    },
    {
      label: vscode.l10n.t('$(account) Customer persona'),
      description: vscode.l10n.t("by id, or from an agent's personas"),
      of: 'customer-persona',
    },
  ];
  return (
    await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Bluejay: Pull into a New File'),
      placeHolder: vscode.l10n.t('What to pull'),
    })
  )?.of;
}

async function enterId(kind: Kind): Promise<string | number | undefined> {
  const dh = kind === 'digital-human';
  const what = dh
    ? vscode.l10n.t("The digital human's id (an integer)")
    : vscode.l10n.t("The customer persona's id (a UUID)");
  const again = dh
    ? vscode.l10n.t("The digital human's id (an integer), please.")
    : vscode.l10n.t("The customer persona's id (a UUID), please.");
  const raw = await vscode.window.showInputBox({
    title: vscode.l10n.t('Bluejay: Pull into a New File'),
    prompt: what,
    ignoreFocusOut: true,
    validateInput: (v) => (parseId(kind, v) === undefined ? again : undefined),
  });
  return raw === undefined ? undefined : parseId(kind, raw);
}

/** A digital human from Bluejay's list, loaded a page at a time ("Load more..."), or an id typed in. */
export async function pickDigitalHuman(sender: Sender): Promise<string | number | undefined> {
  const qp = vscode.window.createQuickPick<Choice>();
  qp.title = vscode.l10n.t('Bluejay: Pull a Digital Human');
  qp.placeholder = vscode.l10n.t('Pick one, or enter its id');
  qp.matchOnDescription = true;
  const enter: Choice = { label: vscode.l10n.t('$(edit) Enter an id...'), enter: true, alwaysShow: true };
  const more: Choice = { label: vscode.l10n.t('$(ellipsis) Load more...'), more: true, alwaysShow: true };
  const listed: Choice[] = [];
  let page = 0;
  let total = 1;
  const load = async (): Promise<void> => {
    const first = listed.length;
    qp.busy = true;
    try {
      const p = await digitalHumansPage(sender, page + 1, PAGE_SIZE);
      page = p.page;
      total = p.totalPages;
      for (const r of p.items) {
        const id = idOf(r);
        if (id !== undefined) listed.push({ label: labelOf(r), description: `#${String(id)}`, id });
      }
    } catch (e) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Bluejay: the digital humans could not be listed: {0}', why(e)),
      );
      total = page;
    } finally {
      qp.busy = false;
    }
    qp.items = [enter, ...listed, ...(page < total ? [more] : [])];
    const next = listed[first];
    if (first > 0 && next) qp.activeItems = [next]; // after "Load more...", on the first one it brought
  };
  qp.items = [enter];
  const chosen = await new Promise<Choice | undefined>((resolve) => {
    qp.onDidAccept(() => {
      const c = qp.selectedItems[0];
      if (c?.more) void load();
      else resolve(c);
    });
    qp.onDidHide(() => resolve(undefined));
    qp.show();
    void load();
  });
  qp.dispose();
  if (chosen?.enter) return enterId('digital-human');
  return chosen?.id;
}

/** A persona by its UUID, or picked from the personas of an agent whose id is typed in. */
export async function pickPersona(sender: Sender): Promise<string | number | undefined> {
  const raw = await vscode.window.showInputBox({
    title: vscode.l10n.t('Bluejay: Pull a Customer Persona'),
    prompt: vscode.l10n.t("The persona's id (a UUID), or an agent's id (an integer) to list its personas"),
    ignoreFocusOut: true,
    validateInput: (v) =>
      UUID.test(v.trim()) || parseIntegerId(v) !== undefined
        ? undefined
        : vscode.l10n.t('A UUID, or an integer agent id (at most 9007199254740991).'),
  });
  if (raw === undefined) return undefined;
  const uuid = parseId('customer-persona', raw);
  if (uuid !== undefined) return uuid;
  const agent = parseIntegerId(raw);
  if (agent === undefined) return undefined;
  let personas: Record<string, unknown>[];
  try {
    personas = await agentPersonas(sender, agent);
  } catch (e) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Bluejay: the personas of agent {0} could not be listed: {1}', agent, why(e)),
    );
    return undefined;
  }
  const items: Choice[] = personas.flatMap((r) => {
    const id = idOf(r);
    return id === undefined ? [] : [{ label: labelOf(r), description: String(id), id }];
  });
  if (!items.length) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Bluejay: agent {0} has no customer personas on Bluejay.', agent),
    );
    return undefined;
  }
  return (
    await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Bluejay: Personas of Agent {0}', agent),
      matchOnDescription: true,
    })
  )?.id;
}
