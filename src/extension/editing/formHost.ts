/**
 * "Bluejay Form", the host side (loaded lazily with dist/editing.js): a custom text editor that
 * shows a definition as a form generated from its JSON Schema. The document stays the only source
 * of truth: every form change becomes one minimal WorkspaceEdit (so undo, redo, dirty state and
 * save are VS Code's own), and every text change, from any editor or from git, re-renders the form.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { FormCommand, FormState, HostMessage } from '../../core/form/protocol';
import { isWebviewMessage } from '../../core/form/protocol';
import { documentKind, formatOf } from '../definitions';
import type { Ctx } from '../ctx';
import { editsFor } from '../../core/edit/engine';
import { formModel, type FormModel } from '../../core/form/model';
import { cutFields, PAGE, type Held } from '../../core/form/paging';
import { patchBetween } from '../../core/edit/values';
import type { EditOp } from '../../core/edit/types';
import { toWorkspaceEdit } from '../edits';
import { serverProblemsOf } from '../api/sync/serverDiagnostics';

export class FormEditorProvider implements vscode.CustomTextEditorProvider {
  constructor(private readonly ctx: Ctx) {}

  resolveCustomTextEditor(doc: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const opened = performance.now();
    const kind = documentKind(doc);
    const web = panel.webview;
    const assets = vscode.Uri.joinPath(this.ctx.extensionUri, 'dist', 'webview');
    const media = vscode.Uri.joinPath(this.ctx.extensionUri, 'media');
    web.options = { enableScripts: true, localResourceRoots: [assets, media] };
    web.html = html(web, assets, media);
    const post = (m: HostMessage): void => void web.postMessage(m);
    const state = (): FormState => this.state(doc);
    // Long top-level lists go cut to what the webview holds (a page, more on request, and the items
    // added at the end): a change of a 1,000-item list carries and redraws only those.
    const model: FormModel | undefined = kind && formModel(kind);
    const lists = new Set(model?.groups.flatMap((g) => g.fields.filter((f) => f.control === 'list').map((f) => f.key)));
    const held = new Map<string, Held>();
    const heldOf = (key: string): Held => held.get(key) ?? { head: PAGE };
    const whole = (st: FormState): FormState => {
      if (!st.value) return st;
      const { value, cuts } = cutFields(st.value, lists, heldOf);
      return { ...st, value, cuts };
    };
    const patchOf = (st: FormState, set: Record<string, unknown>, unset: string[]): HostMessage => {
      const { value, cuts } = cutFields(set, lists, heldOf);
      return { type: 'patch', state: { ...st, value: null, cuts }, patch: { set: value, unset } };
    };
    // The state is built while the webview starts (they run in different processes), not after.
    let prepared: FormState | undefined;
    const preparing = setImmediate(() => {
      if (kind) prepared = state();
    });
    // A state goes to the webview only once it is ready, and only when something in it changed: on
    // a 1 MB file each copy of the value is a megabyte to carry and draw.
    let ready = false;
    let sent = '';
    /** The value the webview holds; a new one goes as the top-level fields that changed. */
    let shown: FormState['value'] = null;
    let last: FormState | undefined;
    /** The version of the value last sent (an early patch's is ahead of `last`'s). */
    let version = 0;
    const signature = (st: FormState): string => `${st.version}\u0000${st.canPush}\u0000${JSON.stringify(st.target)}\u0000${JSON.stringify(st.problems)}`;
    const update = (uri?: vscode.Uri, all = false): void => {
      if (uri && uri.toString() !== doc.uri.toString()) return;
      prepared = undefined;
      if (!ready) return;
      const st = state();
      const sig = signature(st);
      if (sig === sent && !all) return;
      sent = sig;
      if (shown && st.value && !all) {
        const p = patchBetween(shown, st.value);
        post(patchOf(st, p.set, p.unset));
      } else post({ type: 'state', state: whole(st) });
      shown = st.value;
      last = st;
      version = st.version;
    };
    /** The value the edit gives goes back before the text is even changed (the edit reads as it). */
    const early = (value: unknown, at: number): void => {
      if (!shown || !last || value === null || typeof value !== 'object' || Array.isArray(value)) return;
      const next = value as Record<string, unknown>;
      const p = patchBetween(shown, next);
      post(patchOf({ ...last, version: at }, p.set, p.unset));
      shown = next;
      version = at;
    };
    let queue: Promise<unknown> = Promise.resolve();
    const subs: vscode.Disposable[] = [
      web.onDidReceiveMessage((raw: unknown) => {
        if (!isWebviewMessage(raw)) {
          this.ctx.log.warn(`form editor: ignored a malformed message from the webview`);
          return;
        }
        switch (raw.type) {
          case 'ready': {
            if (!kind || !model) return;
            const started = performance.now();
            clearImmediate(preparing);
            // Built while the webview started, unless the text or its problems changed since.
            const st = prepared?.version === doc.version ? prepared : state();
            prepared = undefined;
            ready = true;
            held.clear();
            sent = signature(st);
            shown = st.value;
            last = st;
            version = st.version;
            post({ type: 'init', model, state: whole(st) });
            this.ctx.log.info(`form: ${vscode.workspace.asRelativePath(doc.uri)} asked for at ${new Date(Date.now() - (performance.now() - opened)).toISOString()}, webview ready after ${Math.round(started - opened)} ms, init built in ${Math.round(performance.now() - started)} ms`);
            return;
          }
          case 'more': {
            // The next page of a list the webview holds cut: sent as a patch of that list alone.
            const list = shown?.[raw.key];
            if (!ready || !last || !lists.has(raw.key) || !Array.isArray(list)) return;
            const h = heldOf(raw.key);
            held.set(raw.key, { ...h, head: Math.max(h.head, raw.from + PAGE) });
            post(patchOf({ ...last, version }, { [raw.key]: list }, []));
            return;
          }
          case 'edit': {
            // One change at a time: each is computed on the text the one before left.
            const { version, edit } = raw;
            // An item added at the end of a long list is held, and so sent, from then on.
            const key = edit.path[0];
            if (edit.op === 'insert' && edit.path.length === 1 && key !== undefined && lists.has(key) && edit.index >= heldOf(key).head) {
              const h = heldOf(key);
              held.set(key, { ...h, tail: Math.min(h.tail ?? edit.index, edit.index) });
            }
            queue = queue.then(() => this.apply(doc, version, edit, early)).then((landed) => {
              // It did not land as told: the form shows a change that is not there, so send the truth.
              if (!landed) return update(undefined, true);
              // The problems of the new text follow as soon as it is validated, without the typing delay.
              sent = '';
              setTimeout(() => update(), 0);
            }).catch((e: unknown) => {
              this.ctx.log.error(e instanceof Error ? e : String(e));
              update(undefined, true);
            });
            return;
          }
          case 'command':
            if (raw.command === 'showSource') void vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
            else void vscode.commands.executeCommand(COMMANDS[raw.command], doc.uri);
            return;
        }
      }),
      // Validation follows every text change (debounced); the form follows validation.
      this.ctx.diagnostics.onDidUpdate(update),
      serverProblemsOf(this.ctx).onDidChange(update),
      // The environment shown in the toolbar.
      this.ctx.config.onDidChange(() => update()),
    ];
    panel.onDidDispose(() => {
      clearImmediate(preparing);
      vscode.Disposable.from(...subs).dispose();
    });
  }

  private state(doc: vscode.TextDocument): FormState {
    const result = this.ctx.diagnostics.ensure(doc);
    const readable = result?.value !== undefined;
    const id = result?.value?.['id'];
    const problems = [...(result?.problems ?? []), ...serverProblemsOf(this.ctx).get(doc.uri)].map((p) => ({ pointer: p.pointer, severity: p.severity, code: p.code, message: p.message }));
    const target = this.ctx.keys.endpoint();
    const unreadable = readable ? undefined : (result?.problems.find((p) => p.severity === 'error')?.message ?? vscode.l10n.t('The text cannot be read as a definition.'));
    return {
      version: doc.version,
      value: result?.value ?? null,
      ...(unreadable !== undefined && { unreadable }),
      problems,
      id: typeof id === 'string' || typeof id === 'number' ? id : null,
      format: formatOf(doc),
      canPush: vscode.workspace.isTrusted,
      ...(target.ok && { target: { label: target.name ?? target.origin.replace(/^https?:\/\//, ''), production: target.production } }),
    };
  }

  /**
   * Applies a form change as one minimal edit; false when it cannot be made or did not land as the
   * only change. Changes name paths, not offsets, so one made on an older version (two quick
   * changes before the form heard of the first) still applies to today's text: nothing the person
   * did is dropped. `early` hears the value the text is about to read as, and its version.
   */
  private async apply(doc: vscode.TextDocument, version: number, op: EditOp, early: (value: unknown, version: number) => void): Promise<boolean> {
    if (version > doc.version + 1) return false; // from the future: a confused webview
    const result = editsFor(doc.getText(), formatOf(doc), op);
    if (!result.ok) {
      this.ctx.log.warn(`form editor: ${result.reason}`);
      void vscode.window.showWarningMessage(vscode.l10n.t('Bluejay: that change could not be made in the text: {0}', result.reason));
      return false;
    }
    if (result.edits.length === 0) return true;
    const before = doc.version;
    early(result.value, before + 1);
    return (await vscode.workspace.applyEdit(toWorkspaceEdit(doc, result.edits))) && doc.version === before + 1;
  }
}

const COMMANDS: Readonly<Record<Exclude<FormCommand, 'showSource'>, string>> = { push: 'bluejay.pushFile', diff: 'bluejay.diffWithRemote', pull: 'bluejay.pullIntoFile', run: 'bluejay.runFile' };

/** The page: a strict CSP with a fresh nonce, and only our own script, styles and icon font. */
function html(web: vscode.Webview, assets: vscode.Uri, media: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const uri = (base: vscode.Uri, file: string): string => web.asWebviewUri(vscode.Uri.joinPath(base, file)).toString();
  const csp = [`default-src 'none'`, `style-src ${web.cspSource}`, `font-src ${web.cspSource}`, `img-src ${web.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri(assets, 'codicon.css')}">
<link rel="stylesheet" href="${uri(media, 'form.css')}">
<title>Bluejay Form</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${uri(assets, 'form.js')}"></script>
</body>
</html>`;
}

