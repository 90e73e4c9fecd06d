/**
 * Reporting a run's results to a TestRun (dist/api.js): each conversation a child of its file's item,
 * passed / failed / errored with its duration; a failure's message is markdown located on the file's
 * success_criteria, with the tool calls as a diff. The results are kept for Show Transcript and for
 * tests (`RecordedResult`).
 */
import * as vscode from 'vscode';
import type { Problem } from '../../../core/problem';
import type { ResultReport, RunReport } from '../../../core/run/runner';
import { refusalText, resultMarkdown, SHOW_TRANSCRIPT, toolCallDiff } from './messages';
import { formatOf, successRange } from './scan';
import type { TestTree } from './tree';

export type ItemState = 'passed' | 'failed' | 'errored' | 'skipped';

/** What a run reported for one item (the extension's API gives these to tests). */
export interface RecordedResult {
  readonly itemId: string;
  readonly state: ItemState;
  readonly durationMs?: number;
  readonly messages: {
    readonly text: string;
    readonly uri?: string;
    readonly line?: number;
    readonly diff?: boolean;
  }[];
  /** A conversation's result id. */
  readonly resultId?: string;
}

/** A conversation of the last runs, for Show Transcript. */
export interface KnownResult {
  readonly result: ResultReport;
  readonly run: Pick<RunReport, 'simulationId' | 'simulationName' | 'runId' | 'url'>;
  readonly fileUri: vscode.Uri;
}

const toRange = (r: {
  start: { line: number; character: number };
  end: { line: number; character: number };
}): vscode.Range => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

async function textOf(uri: vscode.Uri): Promise<{ text: string; format: 'yaml' | 'json' }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return { text: doc.getText(), format: formatOf(uri.path, doc.languageId) };
}

export class Reporter {
  readonly recorded: RecordedResult[] = [];

  constructor(
    private readonly run: vscode.TestRun,
    private readonly tree: TestTree,
    private readonly known: Map<string, KnownResult>,
  ) {}

  private record(
    item: vscode.TestItem,
    state: ItemState,
    messages: vscode.TestMessage[],
    durationMs?: number,
    resultId?: string,
  ): void {
    const text = (m: vscode.TestMessage): string => (typeof m.message === 'string' ? m.message : m.message.value);
    this.recorded.push({
      itemId: item.id,
      state,
      ...(durationMs !== undefined && { durationMs }),
      ...(resultId !== undefined && { resultId }),
      messages: messages.map((m) => ({
        text: text(m),
        ...(m.location && { uri: m.location.uri.toString(), line: m.location.range.start.line }),
        ...(m.expectedOutput !== undefined && { diff: true }),
      })),
    });
  }

  errored(item: vscode.TestItem, text: string, location?: vscode.Location): void {
    const m = new vscode.TestMessage(text);
    if (location) m.location = location;
    this.run.errored(item, m);
    this.record(item, 'errored', [m]);
  }

  /** A file the core would not run: one message per error, on the field it names. */
  refused(item: vscode.TestItem, uri: vscode.Uri, problems: readonly Problem[]): void {
    const errors = problems.filter((p) => p.severity === 'error');
    const messages = (errors.length ? errors : problems).slice(0, 10).map((p) => {
      const m = new vscode.TestMessage(refusalText(p));
      m.location = new vscode.Location(uri, toRange(p.range));
      return m;
    });
    if (messages.length === 0)
      messages.push(new vscode.TestMessage(vscode.l10n.t('Not run: Bluejay could not tell what to run.')));
    this.run.errored(item, messages);
    this.record(item, 'errored', messages);
  }

  skipped(item: vscode.TestItem, why?: string): void {
    this.run.skipped(item);
    if (why) this.run.appendOutput(`${item.label}: ${why}\r\n`, undefined, item);
    this.record(item, 'skipped', []);
  }

  started(item: vscode.TestItem): void {
    this.run.started(item);
  }

  /** One conversation's end (or its state when the wait ended) under its file's item. */
  async result(parent: vscode.TestItem, uri: vscode.Uri, r: ResultReport, report: RunReport): Promise<ItemState> {
    const child = this.tree.conversation(parent, r.resultId, vscode.l10n.t('Conversation {0}', r.resultId));
    child.description = r.status ?? '';
    this.known.set(r.resultId, { result: r, run: report, fileUri: uri });
    if (r.outcome === 'passed') {
      this.run.passed(child, r.durationMs ?? undefined);
      this.record(child, 'passed', [], r.durationMs ?? undefined, r.resultId);
      return 'passed';
    }
    const { text, format } = await textOf(uri);
    const md = new vscode.MarkdownString(resultMarkdown(r, report));
    md.isTrusted = { enabledCommands: [SHOW_TRANSCRIPT] };
    const main = new vscode.TestMessage(md);
    main.location = new vscode.Location(uri, toRange(successRange(text, format)));
    main.contextValue = r.transcriptUrl ? 'bluejay.result' : 'bluejay.resultNoTranscript';
    const messages = [main];
    const diff = toolCallDiff(r);
    if (diff) {
      const d = vscode.TestMessage.diff(
        vscode.l10n.t('Tool calls of conversation {0}: expected (left) and actual (right)', r.resultId),
        diff.expected,
        diff.actual,
      );
      d.location = new vscode.Location(uri, toRange(successRange(text, format, 'expected_tool_calls')));
      messages.push(d);
    }
    const state: ItemState = r.outcome === 'failed' ? 'failed' : 'errored';
    if (state === 'failed') this.run.failed(child, messages, r.durationMs ?? undefined);
    else this.run.errored(child, messages, r.durationMs ?? undefined);
    this.record(child, state, messages, r.durationMs ?? undefined, r.resultId);
    return state;
  }

  /** A file's item from its conversations: failed if one failed, errored if one errored (or none came), else passed. */
  summary(item: vscode.TestItem, states: readonly ItemState[], durationMs: number | undefined): void {
    const failed = states.filter((s) => s === 'failed').length;
    const errored = states.filter((s) => s === 'errored').length;
    const passed = states.filter((s) => s === 'passed').length;
    const n = states.length;
    const words = `${n === 1 ? vscode.l10n.t('{0} of 1 conversation passed', passed) : vscode.l10n.t('{0} of {1} conversations passed', passed, n)}${failed ? vscode.l10n.t(', {0} failed', failed) : ''}${errored ? vscode.l10n.t(', {0} errored', errored) : ''}.`;
    if (states.length && !failed && !errored) {
      this.run.passed(item, durationMs);
      this.record(item, 'passed', [], durationMs);
    } else if (failed && !errored) {
      const m = new vscode.TestMessage(vscode.l10n.t('{0} See each conversation below.', words));
      this.run.failed(item, m, durationMs);
      this.record(item, 'failed', [m], durationMs);
    } else {
      this.errored(
        item,
        states.length ? words : vscode.l10n.t('Bluejay reported no conversation of this digital human.'),
      );
    }
  }
}
