/**
 * "Bluejay: Generate Digital Humans..." (dist/api.js): the questions (generateAsk.ts: an agent,
 * optionally a simulation, how, how many, a folder), then Bluejay generates them
 * (generate-digital-humans, sent once) and each one becomes a new file there (core/run/generate.ts:
 * the next free name, written atomically), with its baseline recorded when Bluejay gave its id.
 * What went wrong is shown in the display language (generateText.ts, by code) and logged in English.
 * Tests pass the answers as the command's argument.
 */
import * as vscode from 'vscode';
import { apiFields } from '../../../core/api/request';
import {
  answerIssues,
  generateRequest,
  issueMessage,
  readGenerated,
  writeGenerated,
  type GenerateIssue,
} from '../../../core/run/generate';
import { baselineFrom } from '../../../core/sync/state';
import { requireKey } from '../sync/keyPrompts';
import type { Ctx } from '../../ctx';
import { clientFor, why } from '../sync/remoteRead';
import { editorState } from '../sync/stateFile';
import { askGenerate, type GenerateAnswers, type GenerateArgs } from './generateAsk';
import { failureText, issueText } from './generateText';

export interface GenerateOutcome {
  readonly files: string[];
  readonly errors: string[];
}

/** The command. Undefined when the user stopped at a question. */
export async function generateDigitalHumans(ctx: Ctx, arg?: unknown): Promise<GenerateOutcome | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Bluejay: generating digital humans is disabled in an untrusted workspace.'),
    );
    return undefined;
  }
  const a: GenerateArgs = arg !== null && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : {};
  const target = await requireKey(ctx.keys);
  if (!target) return undefined;
  const client = clientFor(ctx, target);
  /** A failure: logged in English, shown and returned in the display language. */
  const failed = (e: unknown, say: (text: string) => string): GenerateOutcome => {
    ctx.log.warn(`generate: ${why(e)}`);
    const text = failureText(e, target.origin);
    void vscode.window.showErrorMessage(say(text));
    return { files: [], errors: [text] };
  };
  let asked: GenerateAnswers | undefined;
  try {
    asked = await askGenerate(client, a);
  } catch (e) {
    return failed(e, (text) => vscode.l10n.t('Bluejay: could not read what to generate from: {0}', text));
  }
  if (!asked) return undefined;
  const { agentId, simulationId, source, count, folder } = asked;
  if (folder.scheme !== 'file') {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Bluejay: pick a folder on this machine to write the digital humans to.'),
    );
    return undefined;
  }
  try {
    await vscode.workspace.fs.createDirectory(folder); // before Bluejay creates anything: it must have somewhere to go
  } catch (e) {
    return failed(e, (text) => vscode.l10n.t('Bluejay: cannot use the folder {0}: {1}', folder.fsPath, text));
  }
  let data: unknown;
  try {
    data = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Bluejay: generating digital humans...') },
      async () => (await client.send(generateRequest(agentId, simulationId, source, count))).data,
    );
  } catch (e) {
    return failed(e, (text) => vscode.l10n.t('Bluejay did not generate digital humans: {0}', text));
  }
  return write(ctx, target.origin, folder, data, simulationId);
}

async function write(
  ctx: Ctx,
  origin: string,
  folder: vscode.Uri,
  data: unknown,
  simulationId: string | undefined,
): Promise<GenerateOutcome> {
  const read = readGenerated(data, simulationId);
  const files: string[] = [];
  const issues: GenerateIssue[] = answerIssues(read);
  const used = new Set<string>();
  for (const { def, id, badId } of read.items) {
    if (badId !== null) issues.push({ code: 'generate-bad-id', badId });
    const written = await writeGenerated(folder.fsPath, def, used);
    if ('error' in written) {
      issues.push({ code: 'generate-not-written', path: written.path, error: written.error, id });
      continue;
    }
    files.push(written.path);
    if (id !== null)
      await editorState(ctx).record(
        vscode.Uri.file(written.path),
        origin,
        baselineFrom('digital-human', id, apiFields(def), undefined, new Date().toISOString()),
      );
  }
  for (const issue of issues) ctx.log.warn(`generate: ${issueMessage(issue)}`);
  const errors = issues.map(issueText);
  const where = vscode.workspace.asRelativePath(folder);
  const made =
    files.length === 1
      ? vscode.l10n.t('Bluejay: generated 1 digital human in {0}', where)
      : vscode.l10n.t('Bluejay: generated {0} digital humans in {1}', files.length, where);
  const said =
    errors.length === 0
      ? vscode.l10n.t('{0}.', made)
      : errors.length === 1
        ? vscode.l10n.t('{0} (1 problem: {1}).', made, errors[0] ?? '')
        : vscode.l10n.t('{0} ({1} problems: {2}).', made, errors.length, errors[0] ?? '');
  const first = files[0];
  const open = vscode.l10n.t('Open');
  void (
    errors.length
      ? vscode.window.showWarningMessage(said, ...(first ? [open] : []))
      : vscode.window.showInformationMessage(said, open)
  ).then((c) => (c === open && first ? vscode.window.showTextDocument(vscode.Uri.file(first)) : undefined));
  return { files, errors };
}
