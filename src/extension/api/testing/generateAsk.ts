/**
 * The questions of "Bluejay: Generate Digital Humans..." (dist/api.js): which agent, which
 * simulation (or none), how (from a goal, from the agent's customer personas, or as red-teaming
 * callers), how many, and which folder. What the command's argument gives is not asked.
 */
import * as vscode from 'vscode';
import type { ApiRequest } from '../../../core/api/request';
import { idString } from '../../../core/run/api';
import type { GenerateSource } from '../../../core/run/generate';
import { asRecord } from '../../../core/record';
import type { Sender } from '../../../core/sync/push';
import { agentPersonas, labelOf } from '../sync/remoteRead';

export type GenerateHow = 'goal' | 'personas' | 'red-teaming';

/** The answers, when given (tests, automation); what is missing is asked. */
export interface GenerateArgs {
  readonly agentId?: string;
  /** null: no simulation. */
  readonly simulationId?: string | null;
  readonly how?: GenerateHow;
  readonly goal?: string;
  /** The personas' ids (from the agent's personas on Bluejay). */
  readonly personaIds?: readonly string[];
  readonly count?: number;
  /** A folder path or file URI. */
  readonly folder?: string | vscode.Uri;
}

/** What to generate, every question answered. */
export interface GenerateAnswers {
  readonly agentId: string;
  readonly simulationId: string | undefined;
  readonly source: GenerateSource;
  readonly count: number;
  readonly folder: vscode.Uri;
}

const generateTitle = (): string => vscode.l10n.t('Bluejay: Generate Digital Humans');
const get = (path: string): ApiRequest => ({ method: 'GET', path, kind: 'digital-human', op: 'get' });
const rows = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.map(asRecord).filter((r): r is Record<string, unknown> => r !== undefined) : [];

/** Asks what is not given; undefined when a question is dismissed. */
export async function askGenerate(client: Sender, a: GenerateArgs): Promise<GenerateAnswers | undefined> {
  const agentId = a.agentId ?? (await pickAgent(client));
  if (agentId === undefined) return undefined;
  const sim =
    a.simulationId !== undefined ? { id: a.simulationId ?? undefined } : await pickSimulation(client, agentId);
  if (!sim) return undefined;
  const how =
    a.how ??
    (await pick<GenerateHow>(
      [
        {
          label: vscode.l10n.t('From a goal'),
          description: vscode.l10n.t('callers who want one thing'),
          value: 'goal',
        },
        {
          label: vscode.l10n.t('From customer personas'),
          description: vscode.l10n.t("the agent's personas on Bluejay"),
          value: 'personas',
        },
        {
          label: vscode.l10n.t('As red-teaming callers'),
          description: vscode.l10n.t('callers who try to break the agent'),
          value: 'red-teaming',
        },
      ],
      vscode.l10n.t('How should Bluejay make them?'),
    ));
  if (how === undefined) return undefined;
  const source = await sourceOf(client, agentId, how, a);
  if (!source) return undefined;
  const count = a.count ?? (await askCount(how));
  if (count === undefined) return undefined;
  const folder = typeof a.folder === 'string' ? vscode.Uri.file(a.folder) : (a.folder ?? (await pickFolder()));
  return folder ? { agentId, simulationId: sim.id, source, count, folder } : undefined;
}

async function pick<T>(items: (vscode.QuickPickItem & { value: T })[], placeHolder: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title: generateTitle(), placeHolder, matchOnDescription: true }))
    ?.value;
}

/** The agents (GET /v1/all-agents): names, ids and how they are reached; never their secrets. */
async function pickAgent(client: Sender): Promise<string | undefined> {
  const agents = rows((await client.send(get('/v1/all-agents'))).data).filter((r) => idString(r['id']) !== null);
  if (agents.length === 0) throw new Error(vscode.l10n.t('your organization has no agents on Bluejay'));
  return pick(
    agents.map((r) => ({
      label: labelOf(r),
      description:
        vscode.l10n.t('agent {0}', idString(r['id']) ?? '') +
        (typeof r['connection_type'] === 'string' ? ` · ${r['connection_type']}` : ''),
      value: idString(r['id']) ?? '',
    })),
    vscode.l10n.t('Which agent do the digital humans call?'),
  );
}

/** The agent's simulations, or none: `{ id: undefined }` for none, undefined when dismissed. */
async function pickSimulation(client: Sender, agentId: string): Promise<{ id: string | undefined } | undefined> {
  const data = asRecord((await client.send(get(`/v1/get-simulations-by-agent/${encodeURIComponent(agentId)}`))).data);
  const sims = rows(data?.['simulations']).filter((r) => idString(r['id']) !== null);
  const none = {
    label: vscode.l10n.t('No simulation'),
    description: vscode.l10n.t('add them to one later (simulation_ids)'),
    value: { id: undefined },
  };
  return pick(
    [
      none,
      ...sims.map((r) => ({
        label: labelOf(r),
        description: vscode.l10n.t('simulation {0}', idString(r['id']) ?? ''),
        value: { id: idString(r['id']) ?? undefined },
      })),
    ],
    vscode.l10n.t('Link them to a simulation?'),
  );
}

async function sourceOf(
  client: Sender,
  agentId: string,
  how: GenerateHow,
  a: GenerateArgs,
): Promise<GenerateSource | undefined> {
  if (how === 'red-teaming') return { type: 'red-teaming' };
  if (how === 'goal') {
    const goal =
      a.goal ??
      (await vscode.window.showInputBox({
        title: generateTitle(),
        prompt: vscode.l10n.t('What do the callers want? (their goal)'),
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Say what the callers want.')),
      }));
    return goal?.trim() ? { type: 'goals', goals: [goal.trim()] } : undefined;
  }
  const personas = await agentPersonas(client, Number(agentId));
  if (personas.length === 0)
    throw new Error(
      vscode.l10n.t('agent {0} has no customer personas on Bluejay: push some first, or generate from a goal', agentId),
    );
  const ids = a.personaIds;
  const chosen = ids
    ? personas.filter((p) => ids.includes(idString(p['id']) ?? ''))
    : (
        (await vscode.window.showQuickPick(
          personas.map((p) => ({ label: labelOf(p), description: idString(p['id']) ?? '', p })),
          { title: generateTitle(), placeHolder: vscode.l10n.t('Which customer personas?'), canPickMany: true },
        )) ?? []
      ).map((x) => x.p);
  if (chosen.length === 0) return undefined;
  const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
  return {
    type: 'personas',
    personas: chosen.map((p) => ({
      name: labelOf(p, 120),
      description: text(p['description']),
      goal: text(p['goal']),
    })),
  };
}

async function askCount(how: GenerateHow): Promise<number | undefined> {
  const raw = await vscode.window.showInputBox({
    title: generateTitle(),
    prompt:
      how === 'red-teaming'
        ? vscode.l10n.t('How many red-teaming callers?')
        : how === 'personas'
          ? vscode.l10n.t('How many per persona?')
          : vscode.l10n.t('How many callers?'),
    value: '3',
    validateInput: (v) =>
      /^\d+$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 100
        ? undefined
        : vscode.l10n.t('A whole number from 1 to 100.'),
  });
  return raw === undefined ? undefined : Number(raw.trim());
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: generateTitle(),
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Generate Here'),
    ...(vscode.workspace.workspaceFolders?.[0] && { defaultUri: vscode.workspace.workspaceFolders[0].uri }),
  });
  return picked?.[0];
}
