/**
 * Edit to published diagnostics in the real extension host, debounce included: one-character edits
 * on a digital human, each waiting for its diagnostics, timed from the edit call and from the
 * change event the extension hears. Prints p50/p90/p99 of all edits, and apart from them the first
 * edits after the file is opened and the typing after them: VS Code's own work on a file it has
 * just opened holds its first edits back (the control, a file the extension ignores, shows the same).
 */
import * as vscode from 'vscode';
import type { BluejayApi } from '../../src/extension/extension';
import { validateText } from '../../src/core/validate';
import { makeDocuments } from '../documents';
import { forgetParses } from '../timing';
import { percentile, percentiles } from './stats';

function bluejayCount(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Bluejay').length;
}

/**
 * Resolves when the extension has published `count` Bluejay diagnostics for `uri` (bounded). It
 * listens to the extension's own onDidValidate: VS Code's onDidChangeDiagnostics batches by 50 ms,
 * which the user never sees (the diagnostics reach the editor at once).
 */
export function diagnosticsReach(api: BluejayApi, uri: vscode.Uri, count: number, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (bluejayCount(uri) === count) return resolve();
    const timer = setTimeout(
      () => (sub.dispose(), reject(new Error(`diagnostics of ${uri.path} did not reach ${count}`))),
      ms,
    );
    const sub = api.onDidValidate((u) => {
      if (u.toString() === uri.toString() && bluejayCount(uri) === count) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  });
}

/** Resolves at the next change event of `uri` (bounded). */
function changeOf(uri: vscode.Uri, ms = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (sub.dispose(), reject(new Error(`no change event for ${uri.path}`))), ms);
    const sub = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== uri.toString() || e.contentChanges.length === 0) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

/** The edits that count as "just after opening": the rest are typing in an open file. */
const FIRST_EDITS = 10;

/** "p50 ..., p99 ... over N edits; the first 10 after opening: max X ms; after them: p50 ..., p99 ..." */
function split(xs: readonly number[]): string {
  const first = xs.slice(0, FIRST_EDITS);
  return `${percentiles(xs)} over ${xs.length} edits; the first ${first.length} after opening: median ${percentile(first, 50).toFixed(1)} ms, max ${Math.max(...first).toFixed(1)} ms; after them: ${percentiles(xs.slice(FIRST_EDITS))}`;
}

export interface KeystrokeOptions {
  readonly label: string;
  readonly bytes: number;
  readonly runs: number;
  /** Also open the file in the Bluejay Form beside the text editor. */
  readonly withForm?: boolean;
  /**
   * The same edits on the same text in a YAML file the extension ignores (no `kind:`, no suffix):
   * what VS Code alone takes from an edit to its change event, beside which ours is read.
   */
  readonly control?: boolean;
  readonly goal: string;
}

export async function keystrokes(api: BluejayApi, o: KeystrokeOptions): Promise<string> {
  const [valid] = makeDocuments(o.label, o.bytes, 'yaml', 7);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no workspace');
  const name = o.control
    ? `bench-${o.bytes}-control.yaml`
    : `bench-${o.bytes}${o.withForm ? '-form' : ''}.digital-human.yaml`;
  const uri = vscode.Uri.joinPath(folder, name);
  const text = o.control ? valid.text.replace(/^kind:/m, 'sort:') : valid.text;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const editor = await vscode.window.showTextDocument(uri);
  if (!o.control) await diagnosticsReach(api, uri, 0);
  if (o.withForm) {
    await vscode.commands.executeCommand('vscode.openWith', uri, 'bluejay.form', {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
    });
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  }
  const line = editor.document
    .getText()
    .split('\n')
    .findIndex((l) => l.startsWith('voice_speed:'));
  const end = editor.document.lineAt(line).range.end;
  const times: number[] = [];
  const inHost: number[] = [];
  const toEvent: number[] = [];
  let changedAt = 0;
  const sub = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() === uri.toString()) changedAt = performance.now();
  });
  for (let i = 0; i < o.runs; i++) {
    const broken = i % 2 === 0;
    const started = performance.now();
    const reached = o.control ? changeOf(uri) : diagnosticsReach(api, uri, broken ? 1 : 0);
    await editor.edit((e) => (broken ? e.insert(end, 'x') : e.delete(new vscode.Range(end, end.translate(0, 1)))));
    await reached;
    const done = performance.now();
    times.push(done - started);
    inHost.push(done - changedAt);
    toEvent.push(changedAt - started);
  }
  sub.dispose();
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(uri);
  const costs: number[] = [];
  for (let i = 0; i < 10; i++) {
    const text = `${valid.text}# ${i}\n`;
    forgetParses(); // the whole text, as on opening the file
    const t = performance.now();
    validateText(text, 'b.digital-human.yaml');
    costs.push(performance.now() - t);
  }
  const kb = (valid.text.length / 1024).toFixed(0);
  if (o.control)
    return `BLUEJAY bench edit-to-change-event ${o.label} YAML (${kb} KB), a YAML file the extension ignores (VS Code alone): ${split(toEvent)}`;
  return `BLUEJAY bench edit-to-diagnostics ${o.label} YAML (${kb} KB)${o.withForm ? ', form open beside' : ''}: ${split(times)} (goal: ${o.goal}); edit to its change event: ${percentiles(toEvent)}; change event to diagnostics: ${percentiles(inHost)}; validating the whole text alone here (as on opening it): median ${percentile(costs, 50).toFixed(1)} ms`;
}
