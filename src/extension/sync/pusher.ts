/**
 * Pushes documents to Bluejay: one request in flight per file (a save during a push queues one more
 * push of the newest text), server problems in their own diagnostic collection on the field they
 * name, and a created id written back into the file. A file pinned to another environment is
 * refused (its problem in the same collection), and a push to production may ask first.
 */
import * as vscode from 'vscode';
import type { BluejayClient } from '../../core/api/client';
import type { Format } from '../../core/kinds';
import { rangesOf } from '../../core/locate';
import type { Problem } from '../../core/problem';
import type { PushOutcome } from '../../core/sync/push';
import { toDiagnostic, toRange, type Diagnostics } from '../diagnostics';
import type { Logger } from '../log';
import type { ApiKeys } from './apiKeys';
import { api } from '../lazy';

const MISMATCH = 'environment-mismatch';

export interface PushOptions {
  readonly signal?: AbortSignal;
  readonly quiet?: boolean;
  /** The text to push (what was saved); the document's current text otherwise. */
  readonly text?: string;
  /** The target (its key slot) the person already agreed to push to, when it is production. */
  readonly confirmed?: string;
  /**
   * When Bluejay's copy changed since the file was last pushed or pulled (drift.ts): `ask` (the
   * default for a push of the document's own text) lets the person choose per field, `warn` (the
   * default with `text` given: push on save) says so with actions, `fail` (the default when quiet:
   * Push All) only marks it `remote-drift`; none of them sends. `force` pushes all the same.
   */
  readonly onDrift?: DriftMode;
  /** Send a file whose values look like secrets without asking (automation); by default the person is asked. */
  readonly allowSecrets?: boolean;
}

/**
 * What a push does when Bluejay's copy changed since the baseline: ask (per field), warn, fail,
 * force, or take Bluejay's value for the fields named (pointers) and push the rest (automation).
 */
export type DriftMode = 'ask' | 'warn' | 'fail' | 'force' | { readonly take: readonly string[] };

export interface PushRun {
  readonly outcome: PushOutcome | undefined;
  /** Why nothing was sent, when nothing was. */
  readonly reason?: 'untrusted' | 'invalid' | 'pinned' | 'no-key' | 'cancelled' | 'drift' | 'secret';
}

export class Pusher implements vscode.Disposable {
  private readonly server = vscode.languages.createDiagnosticCollection('bluejay-server');
  /** The server's problems of each file's last push, with their pointers (the form editor shows them by field). */
  private readonly lastServer = new Map<string, readonly Problem[]>();
  private readonly changedServer = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeServerProblems = this.changedServer.event;
  private readonly running = new Map<string, Promise<PushRun>>();
  private readonly again = new Map<string, PushOptions>();
  /** The client of the last target and key (pushNow.ts makes it). */
  client: { id: string; client: BluejayClient } | undefined;
  private readonly subscriptions: vscode.Disposable[];
  /** Documents whose next save is the id write-back, not a person's save. */
  readonly internalSaves = new Set<string>();

  /** `memento`: the workspace's state (whether adding .bluejay/ to .gitignore was offered, the Remote view's agents). */
  constructor(readonly keys: ApiKeys, readonly diagnostics: Diagnostics, readonly log: Logger, readonly userAgent: string, readonly memento: vscode.Memento) {
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
      // A refusal described the environment switched away from; the next push checks again.
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('bluejay.environment') && this.dropMismatches()),
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

  /** The push itself lives in dist/api.js (pushNow.ts), loaded on the first push. */
  private async pushNow(doc: vscode.TextDocument, options: PushOptions): Promise<PushRun> {
    return api().pushNow(this, doc, options);
  }

  /** Shows the server's problems; `relocate` (the format) when the text moved on since the push: place them on today's text. */
  showServerProblems(doc: vscode.TextDocument, problems: readonly Problem[], relocate?: Format): void {
    let server = problems;
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

  private dropMismatches(): void {
    this.server.forEach((uri, ds) => {
      const kept = ds.filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) !== MISMATCH);
      if (kept.length === ds.length) return;
      this.server.set(uri, kept);
      this.lastServer.set(uri.toString(), (this.lastServer.get(uri.toString()) ?? []).filter((p) => p.code !== MISMATCH));
      this.changedServer.fire(uri);
    });
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
