/**
 * Reading Bluejay from the editor (dist/api.js): the client of the active target (one per target
 * and key, kept on the context), the target without asking for anything (the Remote view, the diff's
 * content), one resource in the file's terms, and the two lists (digital humans paged, an agent's
 * personas). Errors are ApiErrors, whose messages never hold the key.
 */
import { BluejayClient } from '../../../core/api/client';
import { ApiError } from '../../../core/api/errors';
import { getRequest, resourceOf, type ApiRequest } from '../../../core/api/request';
import type { Kind } from '../../../core/kinds';
import type { Sender } from '../../../core/sync/push';
import { fromRemote } from '../../../core/sync/remote';
import type { ApiKeys, Target } from '../../apiKeys';
import type { Ctx } from '../../ctx';
import { isRecord } from '../../../core/record';
import * as vscode from 'vscode';

export type KeyedTarget = Target & { readonly key: string };

/** The client of `target` and its key: the context's current one when it is theirs, else a new one that becomes current. */
export function clientFor(ctx: Ctx, target: KeyedTarget): BluejayClient {
  return ctx.clientFor(
    `${target.url}\u0000${target.key}`,
    () => new BluejayClient({ baseUrl: target.url, apiKey: target.key, userAgent: ctx.userAgent }),
  );
}

/** The active target and its key; or why there is none (`noKey`: only the key is missing), asking nothing. */
export async function quietTarget(
  keys: ApiKeys,
): Promise<{ ok: true; target: KeyedTarget } | { ok: false; message: string; noKey: boolean }> {
  const t = keys.endpoint();
  if (!t.ok) return { ok: false, message: t.message, noKey: false };
  const key = await keys.get(t);
  return key
    ? { ok: true, target: { ...t, key } }
    : { ok: false, message: vscode.l10n.t('No API key is set for {0}.', t.label), noKey: true };
}

/** One resource as Bluejay answers it (resourceOf), and in the file's terms (fromRemote). */
export interface RemoteCopy {
  readonly resource: Record<string, unknown>;
  readonly remote: Record<string, unknown>;
}

export async function readRemote(
  sender: Sender,
  kind: Kind,
  id: string | number,
  signal?: AbortSignal,
): Promise<RemoteCopy> {
  const resource = resourceOf(kind, (await sender.send(getRequest(kind, id), signal)).data);
  if (!resource)
    throw new ApiError(
      'unexpected',
      vscode.l10n.t('Bluejay answered the read without a definition in it; try again later.'),
      null,
    );
  return { resource, remote: fromRemote(kind, resource) };
}

export interface Page {
  readonly items: Record<string, unknown>[];
  readonly page: number;
  readonly totalPages: number;
}

const records = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/** One page of the organization's digital humans (GET /v1/digital-humans), as Bluejay pages them. */
export async function digitalHumansPage(
  sender: Sender,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<Page> {
  const req: ApiRequest = {
    method: 'GET',
    path: `/v1/digital-humans?page=${page}&page_size=${pageSize}`,
    kind: 'digital-human',
    op: 'get',
  };
  const data = (await sender.send(req, signal)).data as Record<string, unknown> | null;
  const total = data?.['total_pages'];
  return { items: records(data?.['digital_humans']), page, totalPages: typeof total === 'number' ? total : page };
}

/** The personas of an agent (GET /v1/customer-personas-by-agent/{agent_id}). */
export async function agentPersonas(
  sender: Sender,
  agentId: number,
  signal?: AbortSignal,
): Promise<Record<string, unknown>[]> {
  const req: ApiRequest = {
    method: 'GET',
    path: `/v1/customer-personas-by-agent/${agentId}`,
    kind: 'customer-persona',
    op: 'get',
  };
  return records((await sender.send(req, signal)).data);
}

/** What a list shows for a resource: its name, else its intent, cut to `max` characters. */
export function labelOf(resource: Readonly<Record<string, unknown>>, max = 60): string {
  const name = [resource['name'], resource['intent']].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  const text = name?.trim().replace(/\s+/g, ' ') ?? vscode.l10n.t('(no name)');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function idOf(resource: Readonly<Record<string, unknown>>): string | number | undefined {
  const id = resource['id'];
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

/** A failure in words for a message (an ApiError's message is already free of the key). */
export function why(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
