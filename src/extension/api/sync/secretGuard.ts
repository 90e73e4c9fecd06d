/**
 * Before a push (dist/api.js): a file whose values look like secrets (possible-secret, or the
 * person's own Bluejay key, found by value and never shown) is not sent until the person says so.
 */
import type { TextDocument } from 'vscode';
import * as vscode from 'vscode';
import type { Format } from '../../../core/kinds';
import { toPointer } from '../../../core/problem';
import { ownKeyFindings } from '../../../core/rules/ownKey';
import { placed } from '../../../core/sync/serverProblems';
import type { ValidationResult } from '../../../core/validate';
import type { Ctx } from '../../ctx';
import type { PushRun } from '../../pusher';
import { serverProblemsOf } from './serverDiagnostics';

/** Undefined to go ahead; else the run that was not sent (reason `secret`). */
export async function guardSecrets(
  ctx: Ctx,
  doc: TextDocument,
  text: string,
  format: Format,
  validated: ValidationResult,
  key: string,
  relocate: boolean,
): Promise<PushRun | undefined> {
  const value = validated.value;
  if (!value) return undefined;
  const own = placed(
    text,
    format,
    ownKeyFindings(value, key).map((f) => ({
      code: 'possible-secret' as const,
      pointer: toPointer(f.path),
      message: f.message,
    })),
  );
  const found = [...validated.problems.filter((p) => p.code === 'possible-secret'), ...own];
  if (!found.length) return undefined;
  // The own key is no validation problem: it shows with Bluejay's answers, on its value.
  if (own.length) serverProblemsOf(ctx).show(doc, own, relocate ? format : undefined);
  const name = vscode.workspace.asRelativePath(doc.uri);
  const fields = [...new Set(found.map((p) => p.pointer.slice(1) || vscode.l10n.t('(the file)')))].join(', ');
  const PUSH = vscode.l10n.t('Push Anyway');
  const SHOW = vscode.l10n.t('Show Problems');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Bluejay: {0} looks like it holds a secret ({1}). Definitions are sent to Bluejay and usually kept in git. Push it anyway?',
      name,
      fields,
    ),
    PUSH,
    SHOW,
  );
  if (choice === PUSH) return undefined;
  if (choice === SHOW) void vscode.commands.executeCommand('workbench.actions.view.problems');
  ctx.log.info(`not pushed ${name}: possible secret in ${fields}`);
  return { outcome: undefined, reason: 'secret' };
}
