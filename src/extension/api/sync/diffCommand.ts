/**
 * Diff with Remote (dist/api.js): VS Code's diff editor between Bluejay's copy (left, read-only) and
 * the file (right). The left side is a `bluejay-remote:` document in the file's own format. For YAML
 * it is the file's text with Bluejay's values put in as minimal edits (comments, order and styles
 * kept, so only real differences show); otherwise, or when that cannot be done, the file's meta keys
 * (kind, id, $schema, environment) as they are, then Bluejay's value of each field the file sets,
 * in the file's order (so the lines meet). Either way then, under a comment, the fields
 * Bluejay holds that the file does not set. Server-managed fields (created_at, org_id, websocket_url,
 * ...) are not in the schema, so never shown. JSON files get a JSONC document (for the comment).
 * The same scheme serves the plans (planCommand.ts), by an id in the query.
 */
import type { CancellationToken, Uri } from 'vscode';
import { applyOps } from '../../../core/edit/engine';
import { sameValue } from '../../../core/edit/values';
import type { Format } from '../../../core/kinds';
import { carries, renderDefinition } from '../../../core/sync/remote';
import * as vscode from 'vscode';
import { requireKey } from './keyPrompts';
import { openDefinition, validationOf, type Definitions } from '../../definitions';
import type { Ctx } from '../../ctx';
import { clientFor, idOf, quietTarget, readRemote, why } from './remoteRead';
import type { EditOp } from '../../../core/edit/types';
import { formatOf } from '../../definitions';

export const SCHEME = 'bluejay-remote';
const META = ['kind', 'id', '$schema', 'environment'];
const NOT_SET = 'Not set in this file:';

let nonce = 0;
const plans = new Map<string, string>();

/** A `bluejay-remote:` document showing `text` (a plan), named `name`. */
export function textUri(name: string, text: string): Uri {
  const id = String(++nonce);
  plans.set(id, text);
  return vscode.Uri.from({ scheme: SCHEME, path: `/${name}`, query: new URLSearchParams({ plan: id }).toString() });
}

/**
 * Bluejay's copy in the terms of a file whose value is `local` (undefined when it cannot be read):
 * see the module's comment. `remote` is fromRemote's output.
 */
function remoteText(
  local: Readonly<Record<string, unknown>> | undefined,
  remote: Readonly<Record<string, unknown>>,
  format: Format,
  text?: string,
): string {
  if (!local) return renderDefinition(remote, format);
  const inPlace = format === 'yaml' && text !== undefined ? inFileText(text, local, remote) : undefined;
  if (inPlace !== undefined) return inPlace;
  const main: Record<string, unknown> = {};
  const unread: string[] = [];
  for (const [k, v] of Object.entries(local)) {
    if (META.includes(k)) main[k] = v;
    else if (!carries(remote, k)) unread.push(k);
    else if (remote[k] !== undefined) main[k] = remote[k];
  }
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(remote)) if (!META.includes(k) && !(k in local)) extra[k] = v;
  const unreadNote = unread.length ? `Bluejay does not return ${unread.join(', ')}: not compared.` : '';
  if (format === 'yaml') {
    let out = renderDefinition(main, 'yaml');
    if (Object.keys(extra).length) out += `\n# ${NOT_SET}\n${renderDefinition(extra, 'yaml')}`;
    return unreadNote ? `${out}\n# ${unreadNote}\n` : out;
  }
  const body = (o: Record<string, unknown>): string => JSON.stringify(o, null, 2).slice(2, -2);
  const ordered = JSON.parse(renderDefinition(main, 'json')) as Record<string, unknown>;
  const parts = [body(ordered)].filter((p) => p !== '');
  if (Object.keys(extra).length) parts.push(`  // ${NOT_SET}\n${body(extra)}`);
  const out = `{\n${parts.join(',\n')}\n}\n`;
  return unreadNote ? `${out}// ${unreadNote}\n` : out;
}

/** Diff with Remote for the file given (or the active one); whether the diff opened. */
export async function diffWithRemote(ctx: Ctx, defs: Definitions, arg: unknown): Promise<boolean> {
  const doc = await openDefinition(
    defs,
    arg,
    vscode.l10n.t('Bluejay: open a definition file to compare it with Bluejay.'),
  );
  if (!doc) return false;
  const uri = doc.uri;
  const name = vscode.workspace.asRelativePath(uri);
  const value = validationOf(ctx.diagnostics, doc).value;
  if (!value || idOf(value) === undefined) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Bluejay: {0} is not on Bluejay yet (it has no id): push it to create it.', name),
    );
    return false;
  }
  const target = await requireKey(ctx.keys);
  if (!target) return false;
  const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const left = vscode.Uri.from({
    scheme: SCHEME,
    path: `/${base.replace(/\.json$/i, '.jsonc')}`,
    query: new URLSearchParams({ file: uri.toString(), n: String(++nonce) }).toString(),
  });
  await vscode.commands.executeCommand(
    'vscode.diff',
    left,
    uri,
    vscode.l10n.t('{0} ↔ Bluejay ({1})', base, target.name ?? target.origin),
  );
  return true;
}

/**
 * YAML: the file's own text with Bluejay's values put in (the form's minimal edits), so that what is
 * the same reads the same, comments and styles included, and the diff shows only what differs;
 * then the fields the file does not set, under a comment. Undefined when an edit cannot be made.
 */
function inFileText(
  text: string,
  local: Readonly<Record<string, unknown>>,
  remote: Readonly<Record<string, unknown>>,
): string | undefined {
  const ops: EditOp[] = [];
  const unread: string[] = [];
  for (const [k, v] of Object.entries(local)) {
    if (META.includes(k)) continue;
    if (!carries(remote, k)) unread.push(k);
    if (!carries(remote, k) || remote[k] === undefined) ops.push({ op: 'unset', path: [k] });
    else if (!sameValue(v, remote[k])) ops.push({ op: 'set', path: [k], value: remote[k] });
  }
  const done = applyOps(text, 'yaml', ops);
  if (!done.ok) return undefined;
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(remote)) if (!META.includes(k) && !(k in local)) extra[k] = v;
  let out = done.text.replace(/\s*$/, '\n');
  if (Object.keys(extra).length) out += `\n# ${NOT_SET}\n${renderDefinition(extra, 'yaml')}`;
  return unread.length ? `${out}\n# Bluejay does not return ${unread.join(', ')}: not compared.\n` : out;
}

/** The text of a `bluejay-remote:` document: Bluejay's copy of the file named in the query, or a plan. */
export async function remoteContent(ctx: Ctx, uri: Uri, token: CancellationToken): Promise<string> {
  const query = new URLSearchParams(uri.query);
  const plan = query.get('plan');
  if (plan !== null)
    return plans.get(plan) ?? `${vscode.l10n.t('This plan is no longer available: run Bluejay: Plan again.')}\n`;
  const file = query.get('file');
  const comment = uri.path.endsWith('.jsonc') ? '//' : '#';
  if (!file) return `${comment} ${vscode.l10n.t('Nothing to show.')}\n`;
  const fileUri = vscode.Uri.parse(file);
  try {
    const doc = await vscode.workspace.openTextDocument(fileUri);
    const format = formatOf(doc);
    const validated = validationOf(ctx.diagnostics, doc);
    const id = validated.value ? idOf(validated.value) : undefined;
    if (!validated.kind || id === undefined)
      return `${comment} ${vscode.l10n.t('{0} is not on Bluejay yet (it has no id).', vscode.workspace.asRelativePath(fileUri))}\n`;
    const t = await quietTarget(ctx.keys);
    if (!t.ok) return `${comment} ${vscode.l10n.t("Bluejay's copy could not be read: {0}", t.message)}\n`;
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    const { remote } = await readRemote(clientFor(ctx, t.target), validated.kind, id, abort.signal);
    return remoteText(validated.value, remote, format, doc.getText());
  } catch (e) {
    return `${comment} ${vscode.l10n.t("Bluejay's copy could not be read: {0}", why(e))}\n`;
  }
}
