/**
 * Pushes documents to Bluejay: one request in flight per file (a save during a push queues one more
 * push of the newest text), server problems in their own diagnostic collection on the field they
 * name, and a created id written back into the file.
 */
import * as vscode from 'vscode';
import type { BluejayClient } from '../../core/api/client';
import type { PushOutcome } from '../../core/sync/push';
import { toRange, type Diagnostics } from '../diagnostics';
import { api } from '../lazy';
import type { Logger } from '../log';
import type { ApiKeys } from './apiKeys';

const SERVER_CODES = /^(server-|push-cancelled)/;

export interface PushRun {
  readonly outcome: PushOutcome | undefined;
  /** Why nothing was sent, when nothing was. */
  readonly reason?: 'untrusted' | 'invalid' | 'no-key';
}

export class Pusher implements vscode.Disposable {
  private readonly server = vscode.languages.createDiagnosticCollection('bluejay-server');
  private readonly running = new Map<string, Promise<PushRun>>();
  private readonly again = new Set<string>();
  private client: { id: string; client: BluejayClient } | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** Documents whose next save is the id write-back, not a person's save. */
  readonly internalSaves = new Set<string>();

  constructor(private readonly keys: ApiKeys, private readonly diagnostics: Diagnostics, private readonly log: Logger, private readonly userAgent: string) {
    this.subscriptions = [this.server, vscode.workspace.onDidChangeTextDocument((e) => this.clearEdited(e))];
  }

  /**
   * Pushes `doc`; if a push of it is under way, the newest text is pushed once that one ends.
   * `quiet` leaves the telling to the caller (bulk pushes say it once, in a summary).
   */
  push(doc: vscode.TextDocument, options: { signal?: AbortSignal; quiet?: boolean } = {}): Promise<PushRun> {
    const key = doc.uri.toString();
    const current = this.running.get(key);
    if (current) {
      this.again.add(key);
      return current.then(() => this.running.get(key) ?? this.push(doc, options));
    }
    const run = this.pushNow(doc, options).finally(() => {
      this.running.delete(key);
      if (this.again.delete(key) && !doc.isClosed) void this.push(doc, options);
    });
    this.running.set(key, run);
    return run;
  }

  private async pushNow(doc: vscode.TextDocument, { signal, quiet }: { signal?: AbortSignal; quiet?: boolean }): Promise<PushRun> {
    const name = vscode.workspace.asRelativePath(doc.uri);
    if (!vscode.workspace.isTrusted) {
      if (!quiet) void vscode.window.showWarningMessage('Bluejay: pushing is disabled in an untrusted workspace. Trust the workspace to push.');
      return { outcome: undefined, reason: 'untrusted' };
    }
    const validated = this.diagnostics.ensure(doc);
    const errors = validated?.problems.filter((p) => p.severity === 'error').length ?? 1;
    if (errors) {
      this.log.info(`not pushed ${name}: ${errors} errors`);
      if (!quiet) void vscode.window.showWarningMessage(`Bluejay: ${name} was not pushed: it has ${errors} error${errors === 1 ? '' : 's'}. Fix them first.`, 'Show Problems').then((c) => c && vscode.commands.executeCommand('workbench.actions.view.problems'));
      return { outcome: undefined, reason: 'invalid' };
    }
    const creds = await this.keys.require();
    if (!creds) return { outcome: undefined, reason: 'no-key' };
    const { BluejayClient, pushText } = api();
    const id = `${creds.url}\u0000${creds.key}`;
    if (this.client?.id !== id) this.client = { id, client: new BluejayClient({ baseUrl: creds.url, apiKey: creds.key, userAgent: this.userAgent }) };
    const text = doc.getText();
    const outcome = await pushText(text, doc.fileName, this.client.client, { format: doc.languageId === 'json' ? 'json' : 'yaml', ...(signal && { signal }) });
    this.log.info(`push ${name}: ${outcome.request?.method ?? ''} ${creds.origin}${outcome.request?.path ?? ''} -> ${outcome.action}${outcome.status === null ? '' : ` (${outcome.status})`}`);
    this.showServerProblems(doc, outcome);
    if (outcome.action === 'created' && outcome.id !== null) await this.writeId(doc, outcome.id);
    return { outcome };
  }

  private showServerProblems(doc: vscode.TextDocument, outcome: PushOutcome): void {
    const severity = (s: string): vscode.DiagnosticSeverity => (s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
    const items = outcome.problems.filter((p) => SERVER_CODES.test(p.code)).map((p) => {
      const d = new vscode.Diagnostic(toRange(p.range), p.message, severity(p.severity));
      d.source = 'Bluejay (server)';
      d.code = p.code;
      return d;
    });
    if (items.length) this.server.set(doc.uri, items);
    else this.server.delete(doc.uri);
  }

  /** Writes the new id right after `kind` (one minimal edit on the current text) and saves the file. */
  private async writeId(doc: vscode.TextDocument, id: string | number): Promise<void> {
    const { idEdit } = api();
    const edit = idEdit(doc.getText(), doc.languageId === 'json' ? 'json' : 'yaml', id);
    if (!edit) {
      void vscode.window.showWarningMessage(`Bluejay created it with id ${String(id)}, but the id could not be written into ${vscode.workspace.asRelativePath(doc.uri)}: add it by hand.`);
      return;
    }
    const we = new vscode.WorkspaceEdit();
    we.replace(doc.uri, new vscode.Range(doc.positionAt(edit.offset), doc.positionAt(edit.offset + edit.length)), edit.newText);
    if (!(await vscode.workspace.applyEdit(we))) return;
    this.internalSaves.add(doc.uri.toString());
    if (!(await doc.save())) this.internalSaves.delete(doc.uri.toString());
  }

  /** A server problem goes once the text it marks is edited. */
  private clearEdited(e: vscode.TextDocumentChangeEvent): void {
    const current = this.server.get(e.document.uri);
    if (!current?.length || e.contentChanges.length === 0) return;
    const kept = current.filter((d) => !e.contentChanges.some((c) => d.range.intersection(c.range) !== undefined));
    if (kept.length !== current.length) this.server.set(e.document.uri, kept);
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
