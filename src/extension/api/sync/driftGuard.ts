/**
 * Drift before a push from the editor (dist/api.js). A file with a baseline
 * for the target (what it was last pushed or pulled as) has Bluejay's copy read first, and its
 * fields compared (core/sync/drift.ts): unchanged on Bluejay, or changed only in the file, it is
 * pushed. Changed on Bluejay, it is not: `remote-drift` on its id, and, unless the push is quiet,
 * a warning offering Pull, Diff and Push Anyway. Changed on both sides, a push of the document's own
 * text asks per field (driftChoice.ts) and pushes what was chosen; nothing is ever overwritten silently.
 * A file without a baseline (a fresh clone, another machine) is pushed as before.
 */
import type { TextDocument } from 'vscode';
import { apiFields } from '../../../core/api/request';
import type { Format } from '../../../core/kinds';
import type { Problem } from '../../../core/problem';
import { baselineOfResource, remoteChanges, type FieldDrift } from '../../../core/sync/drift';
import type { Sender } from '../../../core/sync/push';
import { errorProblems, placed } from '../../../core/sync/serverProblems';
import type { ValidationResult } from '../../../core/validate';
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';
import type { DriftMode, PushRun } from '../../pusher';
import { readRemote, type KeyedTarget } from './remoteRead';
import { chooseFields, takeFields } from './driftChoice';
import { editorState } from './stateFile';
import { serverProblemsOf } from './serverDiagnostics';

export interface DriftInput {
  readonly doc: TextDocument;
  readonly text: string;
  readonly format: Format;
  readonly validated: ValidationResult;
  readonly target: KeyedTarget;
  readonly sender: Sender;
  readonly mode: DriftMode;
  /** The text pushed is not the document's (push on save): problems are placed on today's text. */
  readonly relocate: boolean;
  readonly signal?: AbortSignal;
}

/** Go ahead (with the text to push, when the person merged fields into the document), or the run that ends the push. */
export type DriftGate = { readonly go: true; readonly text?: string } | { readonly go: false; readonly run: PushRun };

const GO: DriftGate = { go: true };

export async function guardDrift(ctx: Ctx, input: DriftInput): Promise<DriftGate> {
  const { doc, text, format, validated, target, mode } = input;
  const kind = validated.kind;
  const value = validated.value;
  const rawId = value?.['id'];
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  if (mode === 'force' || !kind || !value || id === null) return GO;
  const baseline = baselineOfResource(await editorState(ctx).baseline(doc.uri, target.origin), kind, id);
  if (!baseline) return GO;
  const name = vscode.workspace.asRelativePath(doc.uri);
  const show = (problems: Problem[]): void =>
    serverProblemsOf(ctx).show(doc, problems, input.relocate ? format : undefined);
  let remote: Record<string, unknown>;
  try {
    remote = (await readRemote(input.sender, kind, id, input.signal)).remote;
  } catch (e) {
    const failed = errorProblems(text, format, e);
    ctx.log.info(`not pushed ${name}: reading Bluejay's copy first failed (${failed.status ?? 'no answer'})`);
    show(failed.problems);
    return {
      go: false,
      run: {
        outcome: {
          kind,
          id,
          action: 'failed',
          status: failed.status,
          problems: [...validated.problems, ...failed.problems],
        },
      },
    };
  }
  const drift = remoteChanges(baseline, apiFields(value), apiFields(remote));
  if (!drift) return GO;
  const { changed } = drift;
  ctx.log.info(
    `not pushed ${name}: Bluejay's copy changed since it was last pushed or pulled (${changed.join(', ')}; ${drift.status})`,
  );
  const message = vscode.l10n.t(
    "Bluejay's copy changed since this file was last pushed or pulled ({0}): pull it, or compare (Diff with Remote), then push again.",
    changed.join(', '),
  );
  show(placed(text, format, [{ code: 'remote-drift', pointer: '/id', message }]));
  const refused: DriftGate = { go: false, run: { outcome: undefined, reason: 'drift' } };
  if (mode === 'fail') return refused;
  if (typeof mode === 'object') {
    const merged = await takeFields(doc, name, drift.fields, mode.take);
    return merged === undefined ? refused : { go: true, text: merged };
  }
  if (mode === 'ask' && drift.status === 'both-changed') {
    const merged = await chooseFields(doc, name, drift.fields, input.signal);
    return merged === undefined ? refused : { go: true, text: merged };
  }
  warn(doc, name, drift.status, drift.fields);
  return refused;
}

/** The notification (never modal, never awaited: push on save uses it too) with what to do next. */
function warn(
  doc: TextDocument,
  name: string,
  status: 'remote-changed' | 'both-changed',
  fields: readonly FieldDrift[],
): void {
  const list = fields
    .filter((f) => f.remoteChanged)
    .map((f) => f.pointer.slice(1))
    .join(', ');
  const run = (command: string, ...args: unknown[]): Thenable<unknown> =>
    vscode.commands.executeCommand(command, doc.uri, ...args);
  const DIFF = vscode.l10n.t('Diff');
  if (status === 'remote-changed') {
    const PULL = vscode.l10n.t('Pull');
    const PUSH = vscode.l10n.t('Push Anyway');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          "Bluejay's copy changed since you last pushed or pulled {0}: fields {1}. It was not pushed.",
          name,
          list,
        ),
        PULL,
        DIFF,
        PUSH,
      )
      .then((c) => {
        if (c === PULL) return run('bluejay.pullIntoFile');
        if (c === DIFF) return run('bluejay.diffWithRemote');
        if (c === PUSH) return run('bluejay.pushFile', { onDrift: 'force' });
        return undefined;
      });
    return;
  }
  const CHOOSE = vscode.l10n.t('Choose per Field...');
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t(
        "{0} and Bluejay's copy both changed since you last pushed or pulled it: fields {1}. It was not pushed.",
        name,
        list,
      ),
      CHOOSE,
      DIFF,
    )
    .then((c) => {
      if (c === CHOOSE) return run('bluejay.pushFile', { onDrift: 'ask' });
      if (c === DIFF) return run('bluejay.diffWithRemote');
      return undefined;
    });
}
