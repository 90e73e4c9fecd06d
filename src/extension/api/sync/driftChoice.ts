/**
 * Choosing per field when a file and Bluejay's copy both changed (dist/api.js). One multi-select
 * list of the fields Bluejay changed: a checked field takes Bluejay's value into the file, an
 * unchecked one keeps the file's, which the push then sends over Bluejay's. Fields changed only on
 * Bluejay start checked (taking them loses nothing), conflicts start unchecked; each row shows both
 * values and has a button to open the diff. The choice goes into the document as one edit, and the
 * push waits for a last yes.
 */
import type { QuickPickItem, TextDocument } from 'vscode';
import { resolveDrift, type FieldDrift } from '../../../core/sync/drift';
import { applyOpsToDocument } from './docEdits';
import * as vscode from 'vscode';

type Row = QuickPickItem & { readonly field: FieldDrift };

/** The text to push after the person chose (the document already holds it), or undefined when they did not go on. */
export async function chooseFields(
  doc: TextDocument,
  name: string,
  fields: readonly FieldDrift[],
  signal?: AbortSignal,
): Promise<string | undefined> {
  const asked = askedOf(fields);
  const picked = await pick(doc, name, asked, signal);
  if (!picked || !(await apply(doc, name, fields, picked))) return undefined;
  const kept = asked.filter((f) => !picked.has(f.pointer)).map((f) => f.pointer.slice(1));
  const detail = kept.length
    ? vscode.l10n.t(
        "The file's {0} will replace what Bluejay holds now. The file keeps the chosen values either way (undo to take them back).",
        kept.join(', '),
      )
    : vscode.l10n.t(
        "Every field Bluejay changed now has Bluejay's value in the file. The file keeps the chosen values either way (undo to take them back).",
      );
  const push = vscode.l10n.t('Push');
  const go = await vscode.window.showWarningMessage(
    vscode.l10n.t('Push {0} to Bluejay now?', name),
    { modal: true, detail },
    push,
  );
  return go === push ? doc.getText() : undefined;
}

/** The same choice made beforehand (automation): Bluejay's value for the fields in `take`, the file's for the rest; the text to push. */
export async function takeFields(
  doc: TextDocument,
  name: string,
  fields: readonly FieldDrift[],
  take: readonly string[],
): Promise<string | undefined> {
  return (await apply(doc, name, fields, new Set(take))) ? doc.getText() : undefined;
}

/** The fields to choose for: those Bluejay changed, unless only the file changed them too in the same way. */
function askedOf(fields: readonly FieldDrift[]): FieldDrift[] {
  return fields.filter((f) => f.remoteChanged && (f.conflict || !f.localChanged));
}

/** Writes Bluejay's values of the `remote` fields into the document as one edit; false (said) when it cannot. */
async function apply(
  doc: TextDocument,
  name: string,
  fields: readonly FieldDrift[],
  remote: ReadonlySet<string>,
): Promise<boolean> {
  const choice: Record<string, 'local' | 'remote'> = {};
  for (const f of askedOf(fields)) choice[f.pointer] = remote.has(f.pointer) ? 'remote' : 'local';
  const failed = await applyOpsToDocument(doc, resolveDrift(fields, choice));
  if (failed)
    void vscode.window.showErrorMessage(
      vscode.l10n.t("Bluejay: Bluejay's values could not be written into {0}: {1}", name, failed),
    );
  return failed === undefined;
}

function pick(
  doc: TextDocument,
  name: string,
  asked: readonly FieldDrift[],
  signal?: AbortSignal,
): Promise<Set<string> | undefined> {
  const diff = { iconPath: new vscode.ThemeIcon('diff'), tooltip: vscode.l10n.t('Diff with Remote') };
  const rows: Row[] = asked.map((f) => ({
    label: `${f.conflict ? '$(warning) ' : ''}${f.pointer.slice(1)}`,
    description: vscode.l10n.t('file: {0}   Bluejay: {1}', short(f.local), short(f.remote)),
    detail: f.conflict ? vscode.l10n.t('Changed in the file and on Bluejay') : vscode.l10n.t('Changed on Bluejay only'),
    picked: !f.conflict,
    buttons: [diff],
    field: f,
  }));
  const qp = vscode.window.createQuickPick<Row>();
  qp.title = vscode.l10n.t("Bluejay: {0} and Bluejay's copy both changed", name);
  qp.placeholder = vscode.l10n.t(
    "Check the fields to take Bluejay's value; unchecked ones keep the file's and overwrite Bluejay's",
  );
  qp.canSelectMany = true;
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = true;
  qp.items = rows;
  qp.selectedItems = rows.filter((r) => r.picked);
  qp.buttons = [diff];
  return new Promise((resolve) => {
    let done = false;
    // Opening the diff may move the focus away: the list comes back rather than ending the choice.
    let diffing = false;
    const openDiff = (): void => {
      diffing = true;
      void vscode.commands.executeCommand('bluejay.diffWithRemote', doc.uri).then(() => {
        diffing = false;
        if (!done) qp.show();
      });
    };
    const finish = (v: Set<string> | undefined): void => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', abort);
      resolve(v);
      qp.dispose();
    };
    const abort = (): void => finish(undefined);
    signal?.addEventListener('abort', abort);
    qp.onDidTriggerButton(openDiff);
    qp.onDidTriggerItemButton(openDiff);
    qp.onDidAccept(() => finish(new Set(qp.selectedItems.map((r) => r.field.pointer))));
    qp.onDidHide(() => diffing || finish(undefined));
    qp.show();
  });
}

/** A value as JSON, cut to about 40 characters. */
function short(v: unknown): string {
  if (v === undefined) return vscode.l10n.t('(unknown)');
  const json = v === null ? vscode.l10n.t('(not set)') : (JSON.stringify(v) ?? 'null');
  const chars = [...json];
  return chars.length > 40 ? `${chars.slice(0, 37).join('')}...` : json;
}
