/**
 * Plan: what a push would send, without sending (dist/api.js). For the file given or the active
 * definition (in a text editor or the form), else (run from the palette with no definition active)
 * every definition in the workspace: each is validated and, where it has an id, Bluejay's copy read
 * (GET only) and compared field by field. The result opens as a read-only document, one line per
 * field: `/field: from -> to`.
 */
import type { Uri } from 'vscode';
import type { PlanAction } from '../../../core/sync/plan';
import { planText } from '../../../core/sync/plan';
import type { Change } from '../../../core/sync/remote';
import { validateBytes, validateText, type ValidationResult } from '../../../core/validate';
import { textUri } from './diffCommand';
import * as vscode from 'vscode';
import { requireKey } from './keyPrompts';
import type { Definitions } from '../../definitions';
import type { Ctx } from '../../ctx';
import { clientFor } from './remoteRead';
import { activeDefinition, formatOf } from '../../definitions';

export interface FilePlan {
  readonly file: string;
  readonly action: PlanAction;
  readonly kind: string | null;
  readonly id: string | number | null;
  readonly changes: readonly Change[];
  readonly problems: readonly string[];
}

async function filesToPlan(defs: Definitions, arg: unknown): Promise<Uri[]> {
  if (arg instanceof vscode.Uri) return [arg];
  // The definition in the active text editor or the active form (no text editor).
  const active = activeDefinition();
  if (active) return [active.uri];
  return [...(await defs.find())].sort((a, b) => a.path.localeCompare(b.path));
}

/** Validated text of a file: the open document's, else what is on disk. */
async function textOf(uri: Uri): Promise<{ text: string | undefined; validated: ValidationResult }> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    const text = open.getText();
    return { text, validated: validateText(text, open.fileName, { format: formatOf(open) }) };
  }
  const decoded = validateBytes(await vscode.workspace.fs.readFile(uri), uri.path);
  return {
    text: decoded.text,
    validated: { ...decoded, problems: decoded.problems.filter((p) => p.code !== 'byte-order-mark') },
  };
}

export async function planCommand(ctx: Ctx, defs: Definitions, arg: unknown): Promise<FilePlan[] | undefined> {
  const uris = await filesToPlan(defs, arg);
  if (!uris.length) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Bluejay: there are no definition files in the workspace to plan.'),
    );
    return undefined;
  }
  const target = await requireKey(ctx.keys);
  if (!target) return undefined;
  const client = clientFor(ctx, target);
  const plans = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Bluejay: planning (nothing is sent)'),
      cancellable: true,
    },
    async (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return Promise.all(
        uris.map(async (uri): Promise<FilePlan> => {
          const file = vscode.workspace.asRelativePath(uri);
          const { text, validated } = await textOf(uri);
          const plan =
            text === undefined
              ? {
                  kind: validated.kind ?? null,
                  id: null,
                  action: 'invalid' as const,
                  changes: [],
                  problems: validated.problems,
                }
              : await planText(text, uri.path, client, { validated, signal: abort.signal });
          progress.report({ message: file, increment: 100 / uris.length });
          const problems = plan.problems.map(
            (p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${p.message}`,
          );
          return { file, action: plan.action, kind: plan.kind, id: plan.id, changes: plan.changes, problems };
        }),
      );
    },
  );
  const count = (a: PlanAction): number => plans.filter((p) => p.action === a).length;
  const lines = [
    vscode.l10n.t('Bluejay plan for {0}, {1}: nothing was sent.', target.label, new Date().toLocaleString()),
    '',
  ];
  for (const p of plans) {
    lines.push(`${p.file}: ${[p.action, p.kind, p.id].filter((x) => x !== null).join(' ')}`);
    for (const c of p.changes) lines.push(`  ${c.pointer}: ${short(c.from)} -> ${short(c.to)}`);
    for (const problem of p.problems) lines.push(`  ${problem}`);
  }
  const n = plans.length;
  const counts = [count('create'), count('update'), count('unchanged'), count('invalid'), n];
  const summary =
    n === 1
      ? vscode.l10n.t('1 file: {0} to create, {1} to update, {2} unchanged, {3} invalid.', ...counts)
      : vscode.l10n.t('{4} files: {0} to create, {1} to update, {2} unchanged, {3} invalid.', ...counts);
  lines.push('', summary, '');
  ctx.log.info(
    `${n} file${n === 1 ? '' : 's'}: ${counts[0]} to create, ${counts[1]} to update, ${counts[2]} unchanged, ${counts[3]} invalid.`,
  );
  const doc = await vscode.workspace.openTextDocument(textUri('Bluejay plan.txt', lines.join('\n')));
  await vscode.window.showTextDocument(doc, { preview: true });
  return plans;
}

/** A value as JSON, cut to about 60 characters (as `bluejay plan` prints it). */
function short(v: unknown): string {
  const json = JSON.stringify(v) ?? 'null';
  const chars = [...json];
  return chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : json;
}
