/**
 * Pull (dist/api.js). Into a new file: a resource picked from Bluejay (or
 * given as `{kind, id, target}` by automation and the Remote view) is written as a definition file,
 * YAML unless its name ends in .json, opened, and its baseline recorded. Into the current file:
 * Bluejay's copy is brought in as one minimal edit (comments and key order kept, one undo), and the
 * baseline recorded as what Bluejay holds, even while the document stays unsaved.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Uri } from 'vscode';
import { apiFields } from '../../../core/api/request';
import { formatFromFileName, isKind, type Kind } from '../../../core/kinds';
import { writeFileAtomic } from '../../../core/sync/files';
import { refreshEdits } from '../../../core/sync/refresh';
import { pullText } from '../../../core/sync/remote';
import { baselineFrom } from '../../../core/sync/state';
import { slug } from '../../../core/templates';
import { validateText } from '../../../core/validate';
import { applyToDocument } from './docEdits';
import * as vscode from 'vscode';
import { requireKey } from './keyPrompts';
import { parseId, pickDigitalHuman, pickKind, pickPersona } from './pickers';
import { openDefinition, validationOf, type Definitions } from '../../definitions';
import type { Ctx } from '../../ctx';
import { clientFor, idOf, readRemote, why, type RemoteCopy } from './remoteRead';
import { editorState } from './stateFile';
import { isRecord } from '../../../core/record';
import { serverProblemsOf } from './serverDiagnostics';
import { formatOf } from '../../definitions';

const SUFFIX: Readonly<Record<Kind, string>> = { 'customer-persona': 'persona', 'digital-human': 'digital-human' };

/** Reads Bluejay's copy with progress in the status bar; undefined (said) when it cannot. */
async function fetchRemote(ctx: Ctx, kind: Kind, id: string | number): Promise<RemoteCopy | undefined> {
  const target = await requireKey(ctx.keys);
  if (!target) return undefined;
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Bluejay: reading {0} {1}', kind, String(id)) },
      () => readRemote(clientFor(ctx, target), kind, id),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Bluejay: {0} {1} could not be read from {2}: {3}', kind, String(id), target.label, why(e)),
    );
    return undefined;
  }
}

async function recordPulled(
  ctx: Ctx,
  uri: Uri,
  kind: Kind,
  id: string | number,
  text: string,
  copy: RemoteCopy,
): Promise<void> {
  const t = ctx.keys.endpoint();
  if (!t.ok) return;
  const value = validateText(text, uri.path).value ?? copy.remote;
  await editorState(ctx).record(
    uri,
    t.origin,
    baselineFrom(kind, id, apiFields(value), copy.resource, new Date().toISOString()),
  );
}

/** Pull from Bluejay into a New File: resolves to the file written, undefined when nothing was. */
export async function pullNew(ctx: Ctx, _defs: Definitions, arg: unknown): Promise<Uri | undefined> {
  const given = isRecord(arg) ? arg : {};
  const kind = isKind(given['kind']) ? given['kind'] : await pickKind();
  if (!kind) return undefined;
  const rawId = given['id'];
  let id = typeof rawId === 'string' || typeof rawId === 'number' ? parseId(kind, String(rawId)) : undefined;
  if (id === undefined) {
    if (rawId !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Bluejay: {0} is not a {1} id.', JSON.stringify(rawId), kind));
      return undefined;
    }
    const target = await requireKey(ctx.keys);
    if (!target) return undefined;
    const client = clientFor(ctx, target);
    id = kind === 'digital-human' ? await pickDigitalHuman(client) : await pickPersona(client);
    if (id === undefined) return undefined;
  }
  const copy = await fetchRemote(ctx, kind, id);
  if (!copy) return undefined;
  const realId = idOf(copy.resource) ?? id;
  const uri = given['target'] instanceof vscode.Uri ? given['target'] : await askWhere(kind, copy.resource, realId);
  if (!uri) return undefined;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Bluejay: {0} has unsaved changes; save or revert it first, or pull into it (Pull Remote Changes into Current File).',
        vscode.workspace.asRelativePath(uri),
      ),
    );
    return undefined;
  }
  const text = pullText(kind, copy.resource, formatFromFileName(uri.path));
  // On disk: a temporary file renamed over it, as the CLI writes (a kill never leaves half a file).
  if (uri.scheme === 'file') {
    await mkdir(dirname(uri.fsPath), { recursive: true });
    await writeFileAtomic(uri.fsPath, text);
  } else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await recordPulled(ctx, uri, kind, realId, text, copy);
  ctx.log.info(`pulled ${kind} ${String(realId)} into ${vscode.workspace.asRelativePath(uri)}`);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  vscode.window.setStatusBarMessage(
    vscode.l10n.t(
      '$(cloud-download) Bluejay: pulled {0} {1} into {2}',
      kind,
      String(realId),
      vscode.workspace.asRelativePath(uri),
    ),
    5000,
  );
  return uri;
}

async function askWhere(
  kind: Kind,
  resource: Readonly<Record<string, unknown>>,
  id: string | number,
): Promise<Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = slug(typeof resource['name'] === 'string' ? resource['name'] : `${SUFFIX[kind]}-${String(id)}`);
  const name = `${base}.${SUFFIX[kind]}.yaml`;
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Bluejay: save {0} {1} as', kind, String(id)),
    saveLabel: vscode.l10n.t('Pull'),
    ...(folder && { defaultUri: vscode.Uri.joinPath(folder, name) }),
    filters: {
      [vscode.l10n.t('Bluejay definition (YAML)')]: ['yaml', 'yml'],
      [vscode.l10n.t('Bluejay definition (JSON)')]: ['json'],
    },
  });
}

/** Pull Remote Changes into Current File: the fields changed (pointers), or undefined when nothing was pulled. */
export async function pullIntoFile(
  ctx: Ctx,
  defs: Definitions,
  arg: unknown,
): Promise<{ changed: string[] } | undefined> {
  const doc = await openDefinition(defs, arg, vscode.l10n.t('Bluejay: open a definition file to pull into it.'));
  if (!doc) return undefined;
  const uri = doc.uri;
  const name = vscode.workspace.asRelativePath(uri);
  const format = formatOf(doc);
  const validated = validationOf(ctx.diagnostics, doc);
  const id = validated.value ? idOf(validated.value) : undefined;
  if (!validated.kind || id === undefined) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Bluejay: {0} has no id, so it is not on Bluejay yet: push it to create it, or use Pull from Bluejay into a New File.',
        name,
      ),
    );
    return undefined;
  }
  const copy = await fetchRemote(ctx, validated.kind, id);
  if (!copy) return undefined;
  const before = doc.getText();
  const refreshed = refreshEdits(before, format, copy.remote);
  if (!refreshed.ok) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Bluejay: {0} cannot be brought in step with Bluejay: {1}', name, refreshed.reason),
    );
    return undefined;
  }
  if (doc.getText() !== before || !(await applyToDocument(doc, refreshed.edits))) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t("Bluejay: {0} changed while Bluejay's copy was read; pull again.", name),
    );
    return undefined;
  }
  await recordPulled(ctx, uri, validated.kind, id, doc.getText(), copy);
  // Bluejay's copy is in the file now: a drift refusal no longer holds.
  const kept = serverProblemsOf(ctx)
    .get(uri)
    .filter((p) => p.code !== 'remote-drift');
  serverProblemsOf(ctx).show(doc, kept, format);
  const changed = refreshed.changed;
  ctx.log.info(`pulled into ${name}: ${changed.length ? changed.join(', ') : 'already in step'}`);
  const fields = changed.map((p) => p.slice(1)).join(', ');
  if (changed.length)
    void vscode.window.showInformationMessage(
      doc.isDirty
        ? vscode.l10n.t('Bluejay: pulled {0} into {1} (not saved yet).', fields, name)
        : vscode.l10n.t('Bluejay: pulled {0} into {1}.', fields, name),
    );
  else void vscode.window.showInformationMessage(vscode.l10n.t('Bluejay: {0} is already in step with Bluejay.', name));
  return { changed };
}
