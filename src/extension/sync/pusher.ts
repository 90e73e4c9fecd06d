/**
 * Pushes documents to Bluejay: one request in flight per file (a save during a push queues one more
 * push of the newest text), server problems in their own diagnostic collection on the field they
 * name, and a created id written back into the file.
 */
import * as vscode from 'vscode';
import type { BluejayClient } from '../../core/api/client';
import type { Problem } from '../../core/problem';
import type { PushOutcome } from '../../core/sync/push';
import { rangesOf } from '../../core/locate';
import { validateText } from '../../core/validate';
import { toDiagnostic, toRange, type Diagnostics } from '../diagnostics';
import { api } from '../lazy';
import type { Logger } from '../log';
import type { ApiKeys } from './apiKeys';

const SERVER_CODES = /^(server-|push-cancelled)/;

export interface PushOptions {
  readonly signal?: AbortSignal;
  readonly quiet?: boolean;
  /** The text to push (what was saved); the document's current text otherwise. */
  readonly text?: string;
}

export interface PushRun {
  readonly outcome: PushOutcome | undefined;
  /** Why nothing was sent, when nothing was. */
  readonly reason?: 'untrusted' | 'invalid' | 'no-key';
}

export class Pusher implements vscode.Disposable {
  private readonly server = vscode.languages.createDiagnosticCollection('bluejay-server');
  /** The server's problems of each file's last push, with their pointers (the form editor shows them by field). */
  private readonly lastServer = new Map<string, readonly Problem[]>();
  private readonly changedServer = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeServerProblems = this.changedServer.event;
  private readonly running = new Map<string, Promise<PushRun>>();
  private readonly again = new Map<string, PushOptions>();
  private client: { id: string; client: BluejayClient } | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** Documents whose next save is the id write-back, not a person's save. */
  readonly internalSaves = new Set<string>();

  constructor(private readonly keys: ApiKeys, private readonly diagnostics: Diagnostics, private readonly log: Logger, private readonly userAgent: string) {
    const forget = (uri: vscode.Uri): void => {
      this.server.delete(uri);
      this.lastServer.delete(uri.toString());
    };
    this.subscriptions = [
      this.server,
      this.changedServer,
      vscode.workspace.onDidChangeTextDocument((e) => this.clearEdited(e)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(forget)),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => forget(f.oldUri))),
    ];
  }

  /**
   * Pushes `doc` (or the `text` given, such as what was just saved); if a push of it is under way,
   * one more push follows it with the newest request's options. `quiet` leaves the telling to the
   * caller (bulk pushes say it once, in a summary).
   */
  push(doc: vscode.TextDocument, options: PushOptions = {}): Promise<PushRun> {
    const key = doc.uri.toString();
    const current = this.running.get(key);
    if (current) {
      this.again.set(key, options);
      return current.then(() => this.running.get(key) ?? this.push(doc, options));
    }
    const run = this.pushNow(doc, options).finally(() => {
      this.running.delete(key);
      const next = this.again.get(key);
      this.again.delete(key);
      if (next && !doc.isClosed) void this.push(doc, next);
    });
    this.running.set(key, run);
    return run;
  }

  private async pushNow(doc: vscode.TextDocument, { signal, quiet, text: given }: PushOptions): Promise<PushRun> {
    const name = vscode.workspace.asRelativePath(doc.uri);
    if (!vscode.workspace.isTrusted) {
      if (!quiet) void vscode.window.showWarningMessage('Bluejay: pushing is disabled in an untrusted workspace. Trust the workspace to push.');
      return { outcome: undefined, reason: 'untrusted' };
    }
    const text = given ?? doc.getText();
    const format = doc.languageId === 'json' ? 'json' : 'yaml';
    // With live validation off there is no cached result: validate here.
    const validated = given === undefined ? (this.diagnostics.ensure(doc) ?? validateText(text, doc.fileName, { format })) : validateText(text, doc.fileName, { format });
    const errors = validated.problems.filter((p) => p.severity === 'error').length;
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
    const version = doc.version;
    const outcome = await pushText(text, doc.fileName, this.client.client, { format, validated, ...(signal && { signal }) });
    this.log.info(`push ${name}: ${outcome.request?.method ?? ''} ${creds.origin}${outcome.request?.path ?? ''} -> ${outcome.action}${outcome.status === null ? '' : ` (${outcome.status})`}`);
    this.showServerProblems(doc, outcome, doc.version === version && given === undefined ? undefined : format);
    if (outcome.action === 'created' && outcome.id !== null) await this.writeId(doc.uri, outcome.id);
    return { outcome };
  }

  /** Shows the server's problems; `relocate` (the format) when the text moved on since the push: place them on today's text. */
  private showServerProblems(doc: vscode.TextDocument, outcome: PushOutcome, relocate?: 'yaml' | 'json'): void {
    let server = outcome.problems.filter((p) => SERVER_CODES.test(p.code));
    if (relocate && server.length) {
      const ranges = rangesOf(doc.getText(), relocate, server.map((p) => p.pointer));
      server = server.map((p, i) => ({ ...p, range: ranges[i] ?? p.range }));
    }
    const items = server.map((p) => toDiagnostic(p, undefined, 'Bluejay (server)'));
    if (items.length) this.server.set(doc.uri, items);
    else this.server.delete(doc.uri);
    this.lastServer.set(doc.uri.toString(), server);
    this.changedServer.fire(doc.uri);
  }

  serverProblems(uri: vscode.Uri): readonly Problem[] {
    const diagnostics = this.server.get(uri) ?? [];
    // Only those still shown (an edit of their field clears them).
    return (this.lastServer.get(uri.toString()) ?? []).filter((p) => diagnostics.some((d) => d.code === p.code && d.range.isEqual(toRange(p.range))));
  }

  /**
   * Writes the new id right after `kind` (one minimal edit on the current text) and saves the file,
   * unless it holds other unsaved edits, which must not be written behind the person's back.
   */
  private async writeId(uri: vscode.Uri, id: string | number): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(uri); // the live document, even if its tab closed meanwhile
    const { idEdit } = api();
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
    this.internalSaves.add(uri.toString());
    if (!(await doc.save())) this.internalSaves.delete(uri.toString());
  }

  /** A server problem goes once the text it marks is edited. */
  private clearEdited(e: vscode.TextDocumentChangeEvent): void {
    const current = this.server.get(e.document.uri);
    if (!current?.length || e.contentChanges.length === 0) return;
    const kept = current.filter((d) => !e.contentChanges.some((c) => d.range.intersection(c.range) !== undefined));
    if (kept.length !== current.length) {
      this.server.set(e.document.uri, kept);
      this.changedServer.fire(e.document.uri);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
