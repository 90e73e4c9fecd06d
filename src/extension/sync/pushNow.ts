/**
 * One push of one document (dist/api.js, loaded on the first push):
 * trust, validation, the pinned environment, the key, the production question, the request, the
 * server's problems and the id write-back. Pusher (pusher.ts) keeps one of these per file at a time.
 */
import type { TextDocument, Uri } from 'vscode';
import { apiFields } from '../../core/api/request';
import { pinnedEnvironment, pinnedProblem } from '../../core/environments';
import { idEdit } from '../../core/sync/idEdit';
import { pushText } from '../../core/sync/push';
import { baselineFrom } from '../../core/sync/state';
import { validateText } from '../../core/validate';
import { guardDrift } from './drift';
import { confirmPush } from './environments';
import * as vscode from 'vscode';
import { requireKey } from './keyPrompts';
import type { Pusher, PushOptions, PushRun } from './pusher';
import { clientFor } from './remoteRead';
import { editorState } from './stateFile';

const SERVER_CODES = /^(server-|push-cancelled)/;

export async function pushNow(pusher: Pusher, doc: TextDocument, { signal, quiet, text: given, confirmed, onDrift }: PushOptions): Promise<PushRun> {
  const { log } = pusher;
  const name = vscode.workspace.asRelativePath(doc.uri);
  if (!vscode.workspace.isTrusted) {
    if (!quiet) void vscode.window.showWarningMessage('Bluejay: pushing is disabled in an untrusted workspace. Trust the workspace to push.');
    return { outcome: undefined, reason: 'untrusted' };
  }
  let text = given ?? doc.getText();
  const format = doc.languageId === 'json' ? 'json' : 'yaml';
  // With live validation off there is no cached result: validate here.
  let validated = given === undefined ? (pusher.diagnostics.ensure(doc) ?? validateText(text, doc.fileName, { format })) : validateText(text, doc.fileName, { format });
  const errors = validated.problems.filter((p) => p.severity === 'error').length;
  if (errors) {
    log.info(`not pushed ${name}: ${errors} errors`);
    if (!quiet) void vscode.window.showWarningMessage(`Bluejay: ${name} was not pushed: it has ${errors} error${errors === 1 ? '' : 's'}. Fix them first.`, 'Show Problems').then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return { outcome: undefined, reason: 'invalid' };
  }
  // A file pinned to another environment (or pinned while none is active) is refused.
  const pinned = pinnedProblem(text, format, validated.value, pusher.keys.activeName);
  if (pinned) {
    log.info(`not pushed ${name}: ${pinned.message}`);
    pusher.showServerProblems(doc, [pinned], given === undefined ? undefined : format);
    const env = pinnedEnvironment(validated.value) ?? '';
    if (!quiet) void vscode.window.showErrorMessage(`Bluejay: ${name} was not pushed. ${pinned.message}`, `Switch to '${env}'`).then((c) => c && vscode.commands.executeCommand('bluejay.switchEnvironment', env));
    return { outcome: undefined, reason: 'pinned' };
  }
  const target = await requireKey(pusher.keys);
  if (!target) return { outcome: undefined, reason: 'no-key' };
  if (target.confirm && confirmed !== target.slot && !(await confirmPush(target, name))) {
    log.info(`not pushed ${name}: not confirmed for ${target.label}`);
    return { outcome: undefined, reason: 'cancelled' };
  }
  const client = clientFor(pusher, target);
  // Bluejay's copy changed since the last push or pull: not sent (or sent as the person chose per field).
  const mode = onDrift ?? (quiet ? 'fail' : given === undefined ? 'ask' : 'warn');
  const gate = await guardDrift(pusher, { doc, text, format, validated, target, sender: client, mode, relocate: given !== undefined, ...(signal && { signal }) });
  if (!gate.go) return gate.run;
  if (gate.text !== undefined) {
    text = gate.text;
    validated = validateText(text, doc.fileName, { format });
  }
  const version = doc.version;
  const outcome = await pushText(text, doc.fileName, client, { format, validated, ...(signal && { signal }) });
  log.info(`push ${name}${target.name === undefined ? '' : ` [${target.name}]`}: ${outcome.request?.method ?? ''} ${target.origin}${outcome.request?.path ?? ''} -> ${outcome.action}${outcome.status === null ? '' : ` (${outcome.status})`}`);
  const server = outcome.problems.filter((p) => SERVER_CODES.test(p.code));
  pusher.showServerProblems(doc, server, doc.version === version && given === undefined ? undefined : format);
  // What the push left Bluejay holding: the baseline the next push compares with.
  if ((outcome.action === 'created' || outcome.action === 'updated') && outcome.id !== null && validated.kind && validated.value) {
    await editorState(pusher).record(doc.uri, target.origin, baselineFrom(validated.kind, outcome.id, apiFields(validated.value), outcome.resource, new Date().toISOString()));
  }
  if (outcome.action === 'created' && outcome.id !== null) await writeId(pusher, doc.uri, outcome.id);
  return { outcome };
}

/**
 * Writes the new id right after `kind` (one minimal edit on the current text) and saves the file,
 * unless it holds other unsaved edits, which must not be written behind the person's back.
 */
async function writeId(pusher: Pusher, uri: Uri, id: string | number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri); // the live document, even if its tab closed meanwhile
  const edit = idEdit(doc.getText(), doc.languageId === 'json' ? 'json' : 'yaml', id);
  if (!edit) {
    void vscode.window.showWarningMessage(`Bluejay created it with id ${String(id)}, but the id could not be written into ${vscode.workspace.asRelativePath(uri)}: add it by hand, or the next push creates another.`);
    return;
  }
  const dirty = doc.isDirty;
  const we = new vscode.WorkspaceEdit();
  we.replace(uri, new vscode.Range(doc.positionAt(edit.offset), doc.positionAt(edit.offset + edit.length)), edit.newText);
  if (!(await vscode.workspace.applyEdit(we))) return;
  if (dirty) {
    void vscode.window.showInformationMessage(`Bluejay: the new id ${String(id)} was written into ${vscode.workspace.asRelativePath(uri)}; save it to keep it.`);
    return;
  }
  pusher.internalSaves.add(uri.toString());
  if (!(await doc.save())) pusher.internalSaves.delete(uri.toString());
}
