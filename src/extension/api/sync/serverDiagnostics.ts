/**
 * Bluejay's answers to a push as diagnostics (source "Bluejay (server)") on the field they name,
 * kept with their pointers for the form. Made on first use (the first push, pull or form), by
 * whichever lazy bundle needs it first, and kept on the context (ctx.ts) so every bundle shares one: nothing
 * of it loads at activation. A problem goes once the text it marks is edited, or its file deleted.
 */
import type { Disposable, Event, TextDocument, TextDocumentChangeEvent, Uri } from 'vscode';
import * as vscode from 'vscode';
import type { Format } from '../../../core/kinds';
import { rangesOf } from '../../../core/locate';
import type { Problem } from '../../../core/problem';
import { toDiagnostic, toRange } from '../../diagnostics';
import type { Config } from '../../config';
import type { Ctx } from '../../ctx';

const MISMATCH = 'environment-mismatch';

export class ServerProblems implements Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('bluejay-server');
  /** The problems of each file's last push, with their pointers (the form shows them by field). */
  private readonly last = new Map<string, readonly Problem[]>();
  private readonly changed = new vscode.EventEmitter<Uri>();
  readonly onDidChange: Event<Uri> = this.changed.event;
  private readonly subscriptions: Disposable[];

  constructor(config: Config) {
    const forget = (uri: Uri): void => {
      this.collection.delete(uri);
      this.last.delete(uri.toString());
    };
    this.subscriptions = [
      this.collection,
      this.changed,
      vscode.workspace.onDidChangeTextDocument((e) => this.clearEdited(e)),
      vscode.workspace.onDidDeleteFiles((e) => e.files.forEach(forget)),
      vscode.workspace.onDidRenameFiles((e) => e.files.forEach((f) => forget(f.oldUri))),
      // A refusal described the environment switched away from; the next push checks again.
      config.onDidChange(() => this.dropMismatches(), ['environment']),
    ];
  }

  /** Shows the problems; `relocate` (the format) when the text moved on since the push: place them on today's text. */
  show(doc: TextDocument, problems: readonly Problem[], relocate?: Format): void {
    let server = problems;
    if (relocate && server.length) {
      const ranges = rangesOf(
        doc.getText(),
        relocate,
        server.map((p) => p.pointer),
      );
      server = server.map((p, i) => ({ ...p, range: ranges[i] ?? p.range }));
    }
    const items = server.map((p) => toDiagnostic(p, undefined, 'Bluejay (server)'));
    if (items.length) this.collection.set(doc.uri, items);
    else this.collection.delete(doc.uri);
    this.last.set(doc.uri.toString(), server);
    this.changed.fire(doc.uri);
  }

  /** The problems still shown for `uri` (an edit of their field clears them). */
  get(uri: Uri): readonly Problem[] {
    const diagnostics = this.collection.get(uri) ?? [];
    return (this.last.get(uri.toString()) ?? []).filter((p) =>
      diagnostics.some((d) => d.code === p.code && d.range.isEqual(toRange(p.range))),
    );
  }

  private dropMismatches(): void {
    this.collection.forEach((uri, ds) => {
      const kept = ds.filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) !== MISMATCH);
      if (kept.length === ds.length) return;
      this.collection.set(uri, kept);
      this.last.set(
        uri.toString(),
        (this.last.get(uri.toString()) ?? []).filter((p) => p.code !== MISMATCH),
      );
      this.changed.fire(uri);
    });
  }

  private clearEdited(e: TextDocumentChangeEvent): void {
    const current = this.collection.get(e.document.uri);
    if (!current?.length || e.contentChanges.length === 0) return;
    const kept = current.filter((d) => !e.contentChanges.some((c) => d.range.intersection(c.range) !== undefined));
    if (kept.length !== current.length) {
      this.collection.set(e.document.uri, kept);
      this.changed.fire(e.document.uri);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}

/** The one ServerProblems of this window, made on first use and disposed with the context. */
export function serverProblemsOf(ctx: Ctx): ServerProblems {
  return ctx.service('serverProblems', () => new ServerProblems(ctx.config));
}
