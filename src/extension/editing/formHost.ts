/**
 * "Bluejay Form", the host side (loaded lazily with dist/editing.js): a custom text editor that
 * shows a definition as a form generated from its JSON Schema. The document stays the only source
 * of truth: every form change becomes one minimal WorkspaceEdit (so undo, redo, dirty state and
 * save are VS Code's own), and every text change, from any editor or from git, re-renders the form.
 */
import * as vscode from 'vscode';
import type { FormCommand, FormState, HostMessage } from '../../core/form/protocol';
import { isWebviewMessage } from '../../core/form/protocol';
import { documentKind, formatOf } from '../definitions';
import type { Ctx } from '../ctx';
import { editsFor } from '../../core/edit/engine';
import { formModel, type FormModel } from '../../core/form/model';
import { cutFields, heldAfter, lengthBefore, listChangeOf, PAGE, type Held } from '../../core/form/paging';
import { patchBetween } from '../../core/edit/values';
import type { EditOp } from '../../core/edit/types';
import { landsOn, toWorkspaceEdit } from '../edits';
import { serverProblemsOf } from '../api/sync/serverDiagnostics';
import { formPage } from './formPage';

export class FormEditorProvider implements vscode.CustomTextEditorProvider {
  constructor(private readonly ctx: Ctx) {}

  resolveCustomTextEditor(doc: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const session = new FormSession(this.ctx, doc, panel);
    panel.onDidDispose(() => session.dispose());
  }
}

/**
 * One open form: its webview, what the webview holds (the value shown, the lists it holds cut,
 * the last state and version sent) and the queue of its changes. Made when VS Code opens the
 * form, disposed with its panel.
 */
class FormSession implements vscode.Disposable {
  private readonly opened = performance.now();
  private readonly kind: ReturnType<typeof documentKind>;
  private readonly model: FormModel | undefined;
  /** The model's list fields: long top-level lists go cut to what the webview holds (a page, more on request, the items added at the end). */
  private readonly lists: Set<string>;
  private readonly held = new Map<string, Held>();
  /** Builds the state and sends it while the webview starts (they run in different processes), not after it says ready. */
  private readonly preparing: NodeJS.Immediate;
  /** Whether the page has been sent its form (`init`); after that a state goes only when something in it changed: on a 1 MB file each copy is a megabyte to carry and draw. */
  private ready = false;
  /** The init went before the page said `ready` (VS Code hands messages over once the page has loaded). */
  private sentFirst = false;
  private sent = '';
  /** The value the webview holds; a new one goes as the top-level fields that changed. */
  private shown: FormState['value'] = null;
  /** The state last sent (after an early patch, with that patch's version, ahead of the text's). */
  private last: FormState | undefined;
  /** One change at a time: each is computed on the text the one before left. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly subs: vscode.Disposable[];

  constructor(
    private readonly ctx: Ctx,
    private readonly doc: vscode.TextDocument,
    panel: vscode.WebviewPanel,
  ) {
    this.kind = documentKind(doc);
    const web = panel.webview;
    const assets = vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'webview');
    const media = vscode.Uri.joinPath(ctx.extensionUri, 'media');
    // The page fetches nothing from the extension's folder (formPage.ts): no local resource roots.
    web.options = { enableScripts: true, localResourceRoots: [] };
    web.html = formPage(assets, media);
    this.post = (m) => void web.postMessage(m);
    this.model = this.kind && formModel(this.kind);
    this.lists = new Set(
      this.model?.groups.flatMap((g) => g.fields.filter((f) => f.control === 'list').map((f) => f.key)),
    );
    this.preparing = setImmediate(() => {
      if (!this.model) return;
      this.start(this.model, this.state());
      this.sentFirst = true;
    });
    const update = (uri?: vscode.Uri): void => this.update(uri);
    this.subs = [
      web.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // Validation follows every text change (debounced); the form follows validation.
      ctx.diagnostics.onDidUpdate(update),
      serverProblemsOf(ctx).onDidChange(update),
      // The environment shown in the toolbar.
      ctx.config.onDidChange(() => this.update()),
    ];
  }

  private readonly post: (m: HostMessage) => void;

  dispose(): void {
    clearImmediate(this.preparing);
    vscode.Disposable.from(...this.subs).dispose();
  }

  private heldOf(key: string): Held {
    return this.held.get(key) ?? { head: PAGE };
  }

  /** What the webview holds of a long list follows its items through the change (`value`: the value after it). */
  private follow(op: EditOp, value: unknown): void {
    const list = listChangeOf(op);
    if (!list || !this.lists.has(list.key) || value === null || typeof value !== 'object') return;
    const after = (value as Record<string, unknown>)[list.key];
    if (!Array.isArray(after)) return;
    const length = lengthBefore(after.length, list.change);
    this.held.set(list.key, heldAfter(this.heldOf(list.key), length, list.change));
  }

  private whole(st: FormState): FormState {
    if (!st.value) return st;
    const { value, cuts } = cutFields(st.value, this.lists, (k) => this.heldOf(k));
    return { ...st, value, cuts };
  }

  private patchOf(st: FormState, set: Record<string, unknown>, unset: string[]): HostMessage {
    const { value, cuts } = cutFields(set, this.lists, (k) => this.heldOf(k));
    return { type: 'patch', state: { ...st, value: null, cuts }, patch: { set: value, unset } };
  }

  private update(uri?: vscode.Uri, all = false): void {
    if (uri && uri.toString() !== this.doc.uri.toString()) return;
    if (!this.ready) return;
    const st = this.state();
    const sig = signature(st);
    if (sig === this.sent && !all) return;
    this.sent = sig;
    if (this.shown && st.value && !all) {
      const p = patchBetween(this.shown, st.value);
      this.post(this.patchOf(st, p.set, p.unset));
    } else {
      // Never older than what the page holds: after a change that did not land, the page holds the
      // early patch's version, one ahead of the text's, and would drop the truth as stale.
      const version = Math.max(st.version, this.last?.version ?? st.version);
      this.post({ type: 'state', state: this.whole({ ...st, version }) });
    }
    this.shown = st.value;
    this.last = st;
  }

  /** Sends the page its form and `st`; what it holds starts from there. */
  private start(model: FormModel, st: FormState): void {
    this.ready = true;
    this.held.clear();
    this.sent = signature(st);
    this.shown = st.value;
    this.last = st;
    this.post({ type: 'init', model, state: this.whole(st) });
  }

  /** The value the edit gives goes back before the text is even changed (the edit reads as it). */
  private early(value: unknown, at: number): void {
    if (!this.shown || !this.last || value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const next = value as Record<string, unknown>;
    const p = patchBetween(this.shown, next);
    this.last = { ...this.last, version: at }; // an early patch's version is ahead of the text's
    this.post(this.patchOf(this.last, p.set, p.unset));
    this.shown = next;
  }

  private receive(raw: unknown): void {
    if (!isWebviewMessage(raw)) {
      this.ctx.log.warn(`form editor: ignored a malformed message from the webview`);
      return;
    }
    switch (raw.type) {
      case 'ready': {
        if (!this.kind || !this.model) return;
        const started = performance.now();
        clearImmediate(this.preparing);
        const early = this.sentFirst && this.last;
        this.sentFirst = false;
        // The init sent early comes with the page. A patch of nothing confirms it: the page that
        // has its form takes it as is, one that lost it on the way (its frame replaced before it
        // loaded) asks again. Any later ready (a page loaded again) gets an init.
        if (early) this.post(this.patchOf(early, {}, []));
        else {
          // Not ready while the state is built: a validation it runs publishes, and that goes in
          // the init, not ahead of it as a patch to a page without its form.
          this.ready = false;
          this.start(this.model, this.state());
        }
        this.ctx.log.info(
          `form: ${vscode.workspace.asRelativePath(this.doc.uri)} asked for at ${new Date(Date.now() - (performance.now() - this.opened)).toISOString()}, webview ready after ${Math.round(started - this.opened)} ms, ${early ? 'init sent before' : `init built in ${Math.round(performance.now() - started)} ms`}`,
        );
        return;
      }
      case 'more': {
        // The next page of a list the webview holds cut: sent as a patch of that list alone.
        const list = this.shown?.[raw.key];
        if (!this.ready || !this.last || !this.lists.has(raw.key) || !Array.isArray(list)) return;
        const h = this.heldOf(raw.key);
        this.held.set(raw.key, { ...h, head: Math.max(h.head, raw.from + PAGE) });
        this.post(this.patchOf(this.last, { [raw.key]: list }, []));
        return;
      }
      case 'edit': {
        const { version, edit } = raw;
        this.queue = this.queue
          .then(() => this.apply(version, edit))
          .then((landed) => {
            // It did not land as told: the form shows a change that is not there, so send the truth.
            if (!landed) return this.update(undefined, true);
            // The problems of the new text follow as soon as it is validated, without the typing delay.
            this.sent = '';
            setTimeout(() => this.update(), 0);
          })
          .catch((e: unknown) => {
            this.ctx.log.error(e instanceof Error ? e : String(e));
            this.update(undefined, true);
          });
        return;
      }
      case 'command':
        if (raw.command === 'showSource')
          void vscode.window.showTextDocument(this.doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
        else void vscode.commands.executeCommand(COMMANDS[raw.command], this.doc.uri);
        return;
    }
  }

  private state(): FormState {
    const doc = this.doc;
    const result = this.ctx.diagnostics.ensure(doc);
    const readable = result?.value !== undefined;
    const id = result?.value?.['id'];
    const problems = [...(result?.problems ?? []), ...serverProblemsOf(this.ctx).get(doc.uri)].map((p) => ({
      pointer: p.pointer,
      severity: p.severity,
      code: p.code,
      message: p.message,
    }));
    const target = this.ctx.keys.endpoint();
    const unreadable = readable
      ? undefined
      : (result?.problems.find((p) => p.severity === 'error')?.message ??
        vscode.l10n.t('The text cannot be read as a definition.'));
    return {
      version: doc.version,
      value: result?.value ?? null,
      ...(unreadable !== undefined && { unreadable }),
      problems,
      id: typeof id === 'string' || typeof id === 'number' ? id : null,
      format: formatOf(doc),
      canPush: vscode.workspace.isTrusted,
      ...(target.ok && {
        target: { label: target.name ?? target.origin.replace(/^https?:\/\//, ''), production: target.production },
      }),
    };
  }

  /**
   * Applies a form change as one minimal edit; false when it cannot be made or did not land as the
   * only change. Changes name paths, not offsets, so one made on an older version (two quick
   * changes before the form heard of the first) still applies to today's text: nothing the person
   * did is dropped. The webview hears the value the text is about to read as first (`early`).
   */
  private async apply(version: number, op: EditOp): Promise<boolean> {
    const doc = this.doc;
    if (version > doc.version + 1) return false; // from the future: a confused webview
    // The text kept in step with the document (getText joins a 1 MB file again, 10-30 ms), when
    // its edits land on the document's same text; else, or when it gives no edit, the document's own.
    const kept = this.ctx.diagnostics.textOf(doc);
    let result = kept !== undefined ? editsFor(kept, formatOf(doc), op) : undefined;
    if (!result?.ok || !landsOn(doc, kept ?? '', result.edits)) result = editsFor(doc.getText(), formatOf(doc), op);
    if (!result.ok) {
      this.ctx.log.warn(`form editor: ${result.reason}`);
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Bluejay: that change could not be made in the text: {0}', result.reason),
      );
      return false;
    }
    if (result.edits.length === 0) return true;
    this.follow(op, result.value);
    const before = doc.version;
    this.early(result.value, before + 1);
    return (await vscode.workspace.applyEdit(toWorkspaceEdit(doc, result.edits))) && doc.version === before + 1;
  }
}

function signature(st: FormState): string {
  return `${st.version}\u0000${st.canPush}\u0000${JSON.stringify(st.target)}\u0000${JSON.stringify(st.problems)}`;
}

const COMMANDS: Readonly<Record<Exclude<FormCommand, 'showSource'>, string>> = {
  push: 'bluejay.pushFile',
  diff: 'bluejay.diffWithRemote',
  pull: 'bluejay.pullIntoFile',
  run: 'bluejay.runFile',
};
