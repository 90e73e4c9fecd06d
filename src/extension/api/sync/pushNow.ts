/**
 * One push of one document (dist/api.js, loaded on the first push):
 * trust, validation, the pinned environment, the key, the production question, the request, the
 * server's problems and the id write-back. Pusher (pusher.ts) keeps one of these per file at a time.
 */
import type { TextDocument, Uri } from 'vscode';
import { readFile } from 'node:fs/promises';
import { applyEdits } from '../../../core/edit/apply';
import { acquireLock, fileLockPath, writeFileAtomic, type Lock } from '../../../core/sync/files';
import { decodeUtf8 } from '../../../core/text';
import { apiFields } from '../../../core/api/request';
import type { Problem } from '../../../core/problem';
import { pinnedEnvironment, pinnedProblem } from '../../../core/environments';
import { idEdit } from '../../../core/sync/idEdit';
import { pushText, type Sender } from '../../../core/sync/push';
import { baselineFrom } from '../../../core/sync/state';
import { validateText, type ValidationResult } from '../../../core/validate';
import { kindAndId } from '../remote/localIndex';
import { guardDrift } from './driftGuard';
import { confirmPush } from './environmentPrompts';
import * as vscode from 'vscode';
import { requireKey } from './keyPrompts';
import type { Ctx } from '../../ctx';
import type { PushOptions, PushRun } from '../../pusher';
import { clientFor, type KeyedTarget } from './remoteRead';
import { guardSecrets } from './secretGuard';
import { editorState } from './stateFile';
import { serverProblemsOf } from './serverDiagnostics';
import { formatOf, validationOf } from '../../definitions';
import { toWorkspaceEdit } from '../../edits';

const SERVER_CODES = /^(server-|push-cancelled)/;

export async function pushNow(
  ctx: Ctx,
  doc: TextDocument,
  { signal, quiet, text: given, confirmed, onDrift, allowSecrets }: PushOptions,
): Promise<PushRun> {
  const { log } = ctx;
  const name = vscode.workspace.asRelativePath(doc.uri);
  if (!vscode.workspace.isTrusted) {
    if (!quiet)
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Bluejay: pushing is disabled in an untrusted workspace. Trust the workspace to push.'),
      );
    return { outcome: undefined, reason: 'untrusted' };
  }
  let text = given ?? doc.getText();
  const format = formatOf(doc);
  // With live validation off there is no cached result: validate here.
  let validated =
    given === undefined ? validationOf(ctx.diagnostics, doc) : validateText(text, doc.fileName, { format });
  const errors = validated.problems.filter((p) => p.severity === 'error').length;
  if (errors) {
    log.info(`not pushed ${name}: ${errors} errors`);
    const said =
      errors === 1
        ? vscode.l10n.t('Bluejay: {0} was not pushed: it has 1 error. Fix them first.', name)
        : vscode.l10n.t('Bluejay: {0} was not pushed: it has {1} errors. Fix them first.', name, errors);
    if (!quiet)
      void vscode.window
        .showWarningMessage(said, vscode.l10n.t('Show Problems'))
        .then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return { outcome: undefined, reason: 'invalid' };
  }
  // A file pinned to another environment (or pinned while none is active) is refused.
  const pinned = pinnedProblem(text, format, validated.value, ctx.keys.activeName);
  if (pinned) {
    log.info(`not pushed ${name}: ${pinned.message}`);
    serverProblemsOf(ctx).show(doc, [pinned], given === undefined ? undefined : format);
    const env = pinnedEnvironment(validated.value) ?? '';
    if (!quiet)
      void vscode.window
        .showErrorMessage(
          vscode.l10n.t('Bluejay: {0} was not pushed. {1}', name, pinned.message),
          vscode.l10n.t("Switch to '{0}'", env),
        )
        .then((c) => c && vscode.commands.executeCommand('bluejay.switchEnvironment', env));
    return { outcome: undefined, reason: 'pinned' };
  }
  const target = await requireKey(ctx.keys);
  if (!target) return { outcome: undefined, reason: 'no-key' };
  if (target.confirm && confirmed !== target.slot && !(await confirmPush(target, name))) {
    log.info(`not pushed ${name}: not confirmed for ${target.label}`);
    return { outcome: undefined, reason: 'cancelled' };
  }
  // Something that looks like a secret (or the key itself) is sent only when the person says so.
  const secret = allowSecrets
    ? undefined
    : await guardSecrets(ctx, doc, text, format, validated, target.key, given !== undefined);
  if (secret) return secret;
  const client = clientFor(ctx, target);
  // Bluejay's copy changed since the last push or pull: not sent (or sent as the person chose per field).
  const mode = onDrift ?? (quiet ? 'fail' : given === undefined ? 'ask' : 'warn');
  const gate = await guardDrift(ctx, {
    doc,
    text,
    format,
    validated,
    target,
    sender: client,
    mode,
    relocate: given !== undefined,
    ...(signal && { signal }),
  });
  if (!gate.go) return gate.run;
  if (gate.text !== undefined) {
    text = gate.text;
    validated = validateText(text, doc.fileName, { format });
  }
  // A create holds the file's lock (the one `bluejay push` takes) until the id is written back.
  const lock = await createLock(ctx, doc, validated, quiet, signal);
  if (lock && !('release' in lock)) return lock;
  try {
    return await send(ctx, doc, text, validated, client, target, given, signal);
  } finally {
    await lock?.release();
  }
}

async function send(
  ctx: Ctx,
  doc: TextDocument,
  text: string,
  validated: ValidationResult,
  client: Sender,
  target: KeyedTarget,
  given: string | undefined,
  signal: AbortSignal | undefined,
): Promise<PushRun> {
  const { log } = ctx;
  const name = vscode.workspace.asRelativePath(doc.uri);
  const format = formatOf(doc);
  const version = doc.version;
  const outcome = await pushText(text, doc.fileName, client, { format, validated, ...(signal && { signal }) });
  log.info(
    `push ${name}${target.name === undefined ? '' : ` [${target.name}]`}: ${outcome.request?.method ?? ''} ${target.origin}${outcome.request?.path ?? ''} -> ${outcome.action}${outcome.status === null ? '' : ` (${outcome.status})`}`,
  );
  const server = outcome.problems.filter((p) => SERVER_CODES.test(p.code));
  serverProblemsOf(ctx).show(doc, server, doc.version === version && given === undefined ? undefined : format);
  // What the push left Bluejay holding: the baseline the next push compares with.
  if (
    (outcome.action === 'created' || outcome.action === 'updated') &&
    outcome.id !== null &&
    validated.kind &&
    validated.value
  ) {
    await editorState(ctx).record(
      doc.uri,
      target.origin,
      baselineFrom(validated.kind, outcome.id, apiFields(validated.value), outcome.resource, new Date().toISOString()),
    );
  }
  if (outcome.action === 'created' && outcome.id !== null) await writeId(ctx, doc.uri, outcome.id);
  return { outcome };
}

/**
 * Writes the new id right after `kind` (one minimal edit on the current text) and saves the file,
 * unless it holds other unsaved edits, which must not be written behind the person's back: then the
 * file on disk gets the id alone (so another push of it, a terminal's, finds it and does not create
 * it again) and the document keeps its unsaved edits, the id among them.
 */
async function writeId(ctx: Ctx, uri: Uri, id: string | number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri); // the live document, even if its tab closed meanwhile
  const name = vscode.workspace.asRelativePath(uri);
  const lost = (): void =>
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Bluejay created it with id {0}, but the id could not be written into {1}: add it by hand, or the next push creates another.',
        String(id),
        name,
      ),
    );
  const format = formatOf(doc);
  const edit = idEdit(doc.getText(), format, id);
  if (!edit) return lost();
  const dirty = doc.isDirty;
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(doc, [edit])))) return lost();
  if (dirty) {
    const onDisk = uri.scheme !== 'file' || (await writeIdOnDisk(uri.fsPath, format, id));
    if (!onDisk) return lost();
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Bluejay: the new id {0} was written into {1}; your other changes are not saved yet.',
        String(id),
        name,
      ),
    );
    return;
  }
  ctx.internalSaves.add(uri.toString());
  if (!(await doc.save())) ctx.internalSaves.delete(uri.toString());
}

/** The id written into the file on disk as one minimal edit (atomically, a byte-order mark kept); whether it was. */
async function writeIdOnDisk(path: string, format: 'yaml' | 'json', id: string | number): Promise<boolean> {
  try {
    const decoded = decodeUtf8(await readFile(path));
    if (!decoded.ok) return false;
    const edit = idEdit(decoded.text, format, id);
    if (!edit) return false;
    await writeFileAtomic(path, (decoded.hadBom ? '\uFEFF' : '') + applyEdits(decoded.text, [edit]));
    return true;
  } catch {
    return false;
  }
}

/**
 * For a file on disk without an id: its lock, taken after any other push of it (the CLI's) is done;
 * or the run that ends this push: cancelled while waiting, the file on disk holding an id meanwhile
 * (another push created it: not created again), or no lock to be had (the folder cannot be written).
 * Undefined when no lock is needed.
 */
async function createLock(
  ctx: Ctx,
  doc: TextDocument,
  validated: ValidationResult,
  quiet: boolean | undefined,
  signal: AbortSignal | undefined,
): Promise<Lock | PushRun | undefined> {
  const value = validated.value;
  if (doc.uri.scheme !== 'file' || !value || (value['id'] !== undefined && value['id'] !== null)) return undefined;
  const name = vscode.workspace.asRelativePath(doc.uri);
  let lock: Lock;
  try {
    lock = await acquireLock(await fileLockPath(doc.uri.fsPath), signal ? { signal } : {});
  } catch (e) {
    if ((e as { name?: unknown }).name === 'AbortError') return { outcome: undefined, reason: 'cancelled' };
    const reason = e instanceof Error ? e.message : String(e);
    ctx.log.warn(
      `${name} was not pushed: its folder cannot be written (${reason}), so the id Bluejay assigns could not be written back.`,
    );
    const message = vscode.l10n.t(
      '{0} was not pushed: its folder cannot be written ({1}), so the id Bluejay assigns could not be written back.',
      name,
      reason,
    );
    if (!quiet) void vscode.window.showErrorMessage(vscode.l10n.t('Bluejay: {0}', message));
    const problem: Problem = {
      severity: 'error',
      code: 'file-not-writable',
      pointer: '',
      message,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    };
    return {
      outcome: {
        kind: validated.kind ?? null,
        id: null,
        action: 'failed',
        status: null,
        problems: [...validated.problems, problem],
      },
    };
  }
  // Another push may have created it while this one waited: its id is then in the file on disk.
  const onDisk = await vscode.workspace.fs.readFile(doc.uri).then(
    (b) => kindAndId(new TextDecoder().decode(b), doc.fileName),
    () => undefined,
  );
  if (!onDisk) return lock;
  await lock.release();
  ctx.log.info(
    `not pushed ${name}: the file on disk has id ${String(onDisk.id)} (another push may just have created it)`,
  );
  if (!quiet)
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Bluejay: {0} was not created: the file on disk has id {1}, perhaps just created by another push. Revert the file to take it up (or remove the id on disk too), then push.',
        name,
        String(onDisk.id),
      ),
    );
  return { outcome: undefined, reason: 'drift' };
}
