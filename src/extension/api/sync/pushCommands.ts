/**
 * Push Current File and Push All Definitions (dist/api.js, loaded on the first push): progress,
 * cancellation, the production question once per batch, and what to tell.
 */
import type { TextDocument, Uri } from 'vscode';
import type { PushAction } from '../../../core/sync/push';
import type { Ctx } from '../../ctx';
import type { ApiKeys } from '../../apiKeys';
import { confirmPush } from './environmentPrompts';
import * as vscode from 'vscode';
import { requireKey } from './keyPrompts';
import type { DriftMode, Pusher, PushRun } from '../../pusher';
import { openDefinition, type Definitions } from '../../definitions';

const DRIFT_MODES: readonly unknown[] = ['ask', 'warn', 'fail', 'force'] satisfies DriftMode[];

function driftMode(given: unknown): DriftMode | undefined {
  if (DRIFT_MODES.includes(given)) return given as DriftMode;
  const take = (given as { take?: unknown } | null | undefined)?.take;
  return Array.isArray(take) && take.every((t) => typeof t === 'string') ? { take } : undefined;
}

/** Push Current File; `options` (automation, the drift warning's actions) may say what to do on drift: `{ onDrift: 'fail' }`, or `{ onDrift: { take: ['/tag'] } }` to take those fields from Bluejay and push. */
export async function pushFile(
  pusher: Pusher,
  defs: Definitions,
  arg: unknown,
  options?: unknown,
): Promise<PushRun | undefined> {
  const onDrift = driftMode((options as { onDrift?: unknown } | undefined)?.onDrift);
  const allowSecrets = (options as { allowSecrets?: unknown } | undefined)?.allowSecrets === true;
  const doc = await openDefinition(defs, arg, vscode.l10n.t('Bluejay: open a definition file to push it.'));
  if (!doc) return undefined;
  const uri = doc.uri;
  const run = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Bluejay: pushing {0}', vscode.workspace.asRelativePath(uri)),
      cancellable: true,
    },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return pusher.push(doc, {
        signal: abort.signal,
        ...(onDrift && { onDrift }),
        ...(allowSecrets && { allowSecrets }),
      });
    },
  );
  report(uri, run);
  return run;
}

function report(uri: Uri, run: PushRun): void {
  const o = run.outcome;
  if (!o) return;
  const name = vscode.workspace.asRelativePath(uri);
  const unkept = o.problems.filter((p) => p.code === 'server-unkept').length;
  if (o.action === 'created' || o.action === 'updated') {
    const created = o.action === 'created';
    vscode.window.setStatusBarMessage(
      created
        ? vscode.l10n.t('$(check) Bluejay: {0} created (id {1})', name, String(o.id))
        : vscode.l10n.t('$(check) Bluejay: {0} updated (id {1})', name, String(o.id)),
      5000,
    );
    if (unkept === 1)
      void vscode.window.showWarningMessage(
        created
          ? vscode.l10n.t('Bluejay created {0}, but did not keep 1 field as sent (see Problems).', name)
          : vscode.l10n.t('Bluejay updated {0}, but did not keep 1 field as sent (see Problems).', name),
      );
    else if (unkept)
      void vscode.window.showWarningMessage(
        created
          ? vscode.l10n.t('Bluejay created {0}, but did not keep {1} fields as sent (see Problems).', name, unkept)
          : vscode.l10n.t('Bluejay updated {0}, but did not keep {1} fields as sent (see Problems).', name, unkept),
      );
  } else if (o.action === 'failed') {
    const first = o.problems.find((p) => p.severity === 'error');
    void vscode.window
      .showErrorMessage(
        vscode.l10n.t('Bluejay: pushing {0} failed: {1}', name, first?.message ?? vscode.l10n.t('see Problems')),
        vscode.l10n.t('Show Problems'),
      )
      .then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
  }
}

export async function pushAll(
  { keys, pusher, log }: Ctx,
  defs: Definitions,
): Promise<Record<PushAction | 'not pushed', number>> {
  const totals: Record<PushAction | 'not pushed', number> = {
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    skipped: 0,
    'not pushed': 0,
  };
  let drifted = 0;
  // Ask for a missing key once, before the files, not once per file.
  const target = vscode.workspace.isTrusted ? await requireKey(keys) : undefined;
  if (!target) {
    if (!vscode.workspace.isTrusted)
      void vscode.window.showWarningMessage(vscode.l10n.t('Bluejay: pushing is disabled in an untrusted workspace.'));
    return totals;
  }
  const uris = await defs.find();
  // Production asks once, for the whole batch.
  if (
    uris.length &&
    !(await confirmPush(
      target,
      uris.length === 1 ? vscode.l10n.t('1 definition') : vscode.l10n.t('{0} definitions', uris.length),
    ))
  )
    return totals;
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Bluejay: pushing definitions to {0}', target.label),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      // The client paces the requests; pushing all at once lets it keep a few in flight.
      await Promise.all(
        uris.map(async (uri) => {
          if (abort.signal.aborted) return;
          const run = await pusher.push(await vscode.workspace.openTextDocument(uri), {
            signal: abort.signal,
            quiet: true,
            confirmed: target.slot,
          });
          // A file pinned to another environment, or whose copy on Bluejay changed since, failed to push here.
          if (run.reason === 'drift') drifted++;
          totals[
            run.reason === 'pinned' || run.reason === 'drift' ? 'failed' : (run.outcome?.action ?? 'not pushed')
          ]++;
          progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
          if (run.reason === 'no-key' || run.reason === 'untrusted' || run.reason === 'cancelled') abort.abort();
        }),
      );
    },
  );
  const changed = drifted
    ? ` (${drifted} changed on Bluejay since last pushed or pulled: pull or diff ${drifted === 1 ? 'it' : 'them'} first)`
    : '';
  log.info(
    `Bluejay: ${totals.created} created, ${totals.updated} updated, ${totals.failed} failed${changed}, ${totals['not pushed']} not pushed.`,
  );
  const args = [totals.created, totals.updated, totals.failed, totals['not pushed'], drifted];
  const summary = !drifted
    ? vscode.l10n.t('Bluejay: {0} created, {1} updated, {2} failed, {3} not pushed.', ...args)
    : drifted === 1
      ? vscode.l10n.t(
          'Bluejay: {0} created, {1} updated, {2} failed (1 changed on Bluejay since last pushed or pulled: pull or diff it first), {3} not pushed.',
          ...args,
        )
      : vscode.l10n.t(
          'Bluejay: {0} created, {1} updated, {2} failed ({4} changed on Bluejay since last pushed or pulled: pull or diff them first), {3} not pushed.',
          ...args,
        );
  const fn =
    totals.failed || totals['not pushed'] ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void fn(summary, vscode.l10n.t('Show Problems')).then(
    (c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'),
  );
  return totals;
}

/** More definitions than this saved at once (a checkout, a replace-all) ask before they are pushed. */
const ASK_ABOVE = 3;

/**
 * Pushes what push on save collected: asks first when many were saved at once, and once for the
 * batch when the target is production. What was saved is pushed, not what has been typed since.
 */
export async function pushSaved(
  keys: ApiKeys,
  pusher: Pusher,
  saved: readonly { readonly doc: TextDocument; readonly text: string }[],
): Promise<void> {
  if (saved.length > ASK_ABOVE) {
    const all = vscode.l10n.t('Push All');
    const go = await vscode.window.showWarningMessage(
      vscode.l10n.t('Bluejay: {0} definition files were saved at once. Push them all?', saved.length),
      { modal: false },
      all,
      vscode.l10n.t('Not Now'),
    );
    if (go !== all) return;
  }
  const target = keys.endpoint();
  const what =
    saved.length === 1 && saved[0]
      ? vscode.workspace.asRelativePath(saved[0].doc.uri)
      : vscode.l10n.t('{0} definitions', saved.length);
  if (target.ok && target.confirm && !(await confirmPush(target, what, true))) return;
  const confirmed = target.ok ? target.slot : undefined;
  await Promise.all(saved.map(({ doc, text }) => pusher.push(doc, { text, ...(confirmed && { confirmed }) })));
}
