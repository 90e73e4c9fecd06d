/**
 * "Bluejay: Generate Digital Humans..." (dist/api.js): pick an agent and optionally a simulation,
 * say how (from a goal, from the agent's customer personas, or as red-teaming callers) and how
 * many, then a folder; Bluejay generates them (generate-digital-humans, sent once) and each one
 * becomes a new file there (core/run/generate.ts: the next free name, written atomically), with its
 * baseline recorded when Bluejay gave its id. Tests pass the answers as the command's argument.
 */
import * as vscode from 'vscode';
import { apiFields, type ApiRequest } from '../../../core/api/request';
import { idString } from '../../../core/run/api';
import { generateRequest, readGenerated, writeGenerated, type GenerateSource } from '../../../core/run/generate';
import { asRecord } from '../../../core/record';
import { baselineFrom } from '../../../core/sync/state';
import type { Sender } from '../../../core/sync/push';
import { requireKey } from '../sync/keyPrompts';
import type { Ctx } from '../../ctx';
import { agentPersonas, clientFor, labelOf, why } from '../sync/remoteRead';
import { editorState } from '../sync/stateFile';

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

export interface GenerateOutcome {
  readonly files: string[];
  readonly errors: string[];
}

const title = (): string => vscode.l10n.t('Bluejay: Generate Digital Humans');
const get = (path: string): ApiRequest => ({ method: 'GET', path, kind: 'digital-human', op: 'get' });
const rows = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.map(asRecord).filter((r): r is Record<string, unknown> => r !== undefined) : [];

/** The command. Undefined when the user stopped at a question. */
export async function generateDigitalHumans(ctx: Ctx, arg?: unknown): Promise<GenerateOutcome | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Bluejay: generating digital humans is disabled in an untrusted workspace.'),
    );
    return undefined;
  }
  const a: GenerateArgs = arg !== null && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : {};
  const target = await requireKey(ctx.keys);
  if (!target) return undefined;
  const client = clientFor(ctx, target);
  let asked:
    | { agentId: string; simulationId: string | undefined; source: GenerateSource; count: number; folder: vscode.Uri }
    | undefined;
  try {
    asked = await ask(client, a);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Bluejay: could not read what to generate from: {0}', why(e)));
    return { files: [], errors: [why(e)] };
  }
  if (!asked) return undefined;
  const { agentId, simulationId, source, count, folder } = asked;
  if (folder.scheme !== 'file') {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Bluejay: pick a folder on this machine to write the digital humans to.'),
    );
    return undefined;
  }
  try {
    await vscode.workspace.fs.createDirectory(folder); // before Bluejay creates anything: it must have somewhere to go
  } catch (e) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Bluejay: cannot use the folder {0}: {1}', folder.fsPath, why(e)),
    );
    return { files: [], errors: [why(e)] };
  }
  let data: unknown;
  try {
    data = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Bluejay: generating digital humans...') },
      async () => (await client.send(generateRequest(agentId, simulationId, source, count))).data,
    );
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Bluejay did not generate digital humans: {0}', why(e)));
    return { files: [], errors: [why(e)] };
  }
  return write(ctx, target.origin, folder, data, simulationId);
}

async function write(
  ctx: Ctx,
  origin: string,
  folder: vscode.Uri,
  data: unknown,
  simulationId: string | undefined,
): Promise<GenerateOutcome> {
  const { warning, items } = readGenerated(data, simulationId);
  const files: string[] = [];
  const errors: string[] = warning !== null ? [`Bluejay says: ${warning}`] : [];
  if (items.length === 0) errors.push('Bluejay returned no digital humans.');
  const used = new Set<string>();
  for (const { def, id, badId } of items) {
    if (badId !== null)
      errors.push(
        `Bluejay answered a digital human with the id ${badId}, which is not a digital human's id: it is written without one.`,
      );
    const written = await writeGenerated(folder.fsPath, def, used);
    if ('error' in written) {
      errors.push(
        `Could not write ${written.path}: ${why(written.error)}; Bluejay created it${id !== null ? ` with id ${String(id)}` : ''}: pull it (Bluejay: Pull).`,
      );
      continue;
    }
    files.push(written.path);
    if (id !== null)
      await editorState(ctx).record(
        vscode.Uri.file(written.path),
        origin,
        baselineFrom('digital-human', id, apiFields(def), undefined, new Date().toISOString()),
      );
  }
  for (const e of errors) ctx.log.warn(`generate: ${e}`);
  const where = vscode.workspace.asRelativePath(folder);
  const made =
    files.length === 1
      ? vscode.l10n.t('Bluejay: generated 1 digital human in {0}', where)
      : vscode.l10n.t('Bluejay: generated {0} digital humans in {1}', files.length, where);
  const said =
    errors.length === 0
      ? vscode.l10n.t('{0}.', made)
      : errors.length === 1
        ? vscode.l10n.t('{0} (1 problem: {1}).', made, errors[0] ?? '')
        : vscode.l10n.t('{0} ({1} problems: {2}).', made, errors.length, errors[0] ?? '');
  const first = files[0];
  const open = vscode.l10n.t('Open');
  void (
    errors.length
      ? vscode.window.showWarningMessage(said, ...(first ? [open] : []))
      : vscode.window.showInformationMessage(said, open)
  ).then((c) => (c === open && first ? vscode.window.showTextDocument(vscode.Uri.file(first)) : undefined));
  return { files, errors };
}

/** Asks what is not given; undefined when a question is dismissed. */
async function ask(
  client: Sender,
  a: GenerateArgs,
): Promise<
  | { agentId: string; simulationId: string | undefined; source: GenerateSource; count: number; folder: vscode.Uri }
  | undefined
> {
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
  return (await vscode.window.showQuickPick(items, { title: title(), placeHolder, matchOnDescription: true }))?.value;
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
        title: title(),
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
          { title: title(), placeHolder: vscode.l10n.t('Which customer personas?'), canPickMany: true },
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
    title: title(),
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
    title: title(),
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Generate Here'),
    ...(vscode.workspace.workspaceFolders?.[0] && { defaultUri: vscode.workspace.workspaceFolders[0].uri }),
  });
  return picked?.[0];
}
