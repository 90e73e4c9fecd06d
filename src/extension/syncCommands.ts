/**
 * Palette commands and the CodeLens (`Push | Diff | Pull | Run`) for pushing and staying in step: Set/Clear API Key, Push Current
 * File, Push All Definitions, Switch Environment, Pull (into a new file, into the current one), Diff
 * with Remote, Plan, and the `bluejay-remote:` documents (Bluejay's copy, plans). Their work is in
 * dist/api.js (through lazy.ts), loaded on first use.
 */
import * as vscode from 'vscode';
import type { Ctx } from './ctx';
import { ALL_SELECTOR, definitions, documentKind, isDefinition } from './definitions';
import { api } from './lazy';
import { lensCommands, type LensCommand } from './lensCommands';

export function registerSyncCommands(ctx: Ctx): vscode.Disposable {
  const { config, keys, pusher, diagnostics } = ctx;
  const defs = definitions;
  const lenses = new vscode.EventEmitter<void>();
  const command = (name: string, run: (arg?: unknown, more?: unknown) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(`bluejay.${name}`, run);
  /** Whether a file's resource is on Bluejay (it has an id): Diff and Pull (and Run) show then. */
  const onBluejayOf = (doc: vscode.TextDocument): boolean => {
    const id = diagnostics.get(doc)?.value?.['id'];
    return typeof id === 'string' || typeof id === 'number';
  };
  /** What a file's lenses depend on, as last provided per shown file. */
  const lensState = (doc: vscode.TextDocument): string =>
    isDefinition(doc) ? `${onBluejayOf(doc) ? 'id' : 'new'} ${documentKind(doc) ?? ''}` : '';
  const provided = new Map<string, string>();
  const lens = (doc: vscode.TextDocument, title: string, name: string): vscode.CodeLens =>
    new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: `bluejay.${name}`, arguments: [doc.uri] });
  return vscode.Disposable.from(
    lenses,
    command('setApiKey', (key) => api().promptKey(keys, key)),
    command('clearApiKey', () => api().clearKey(keys)),
    command('pushFile', (uri, options) => api().pushFile(pusher, defs, uri, options)),
    command('pushAll', () => api().pushAll(ctx, defs)),
    command('switchEnvironment', (name) => api().switchEnvironment(config, name)),
    command('pull', (arg) => api().pullNew(ctx, defs, arg)),
    command('pullIntoFile', (uri) => api().pullIntoFile(ctx, defs, uri)),
    command('diffWithRemote', (uri) => api().diffWithRemote(ctx, defs, uri)),
    command('plan', (uri) => api().planCommand(ctx, defs, uri)),
    vscode.workspace.registerTextDocumentContentProvider('bluejay-remote', {
      provideTextDocumentContent: (uri, token) => api().remoteContent(ctx, uri, token),
    }),
    // Push | Diff | Pull | Run (lensCommands.ts); Diff and Pull once the file has an id (known from its validation).
    // Lenses are asked for again only when a shown file's would change (an id appeared or went):
    // VS Code asks again after each edit and when an editor is shown, and each ask redraws them.
    // Validate All publishes thousands of files, each an update.
    diagnostics.onDidUpdate((uri) => {
      const doc = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.document;
      if (doc && provided.get(uri.toString()) !== lensState(doc)) lenses.fire();
    }),
    // Push and Run are offered once the workspace is trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(() => lenses.fire()),
    vscode.window.onDidChangeVisibleTextEditors((shown) => {
      const keep = new Set(shown.map((e) => e.document.uri.toString()));
      for (const key of provided.keys()) if (!keep.has(key)) provided.delete(key);
    }),
    vscode.languages.registerCodeLensProvider(ALL_SELECTOR, {
      onDidChangeCodeLenses: lenses.event,
      provideCodeLenses: (doc) => {
        provided.set(doc.uri.toString(), lensState(doc));
        if (!isDefinition(doc)) return [];
        const titles: Record<LensCommand, string> = {
          pushFile: vscode.l10n.t('$(cloud-upload) Push'),
          diffWithRemote: vscode.l10n.t('$(diff) Diff'),
          pullIntoFile: vscode.l10n.t('$(cloud-download) Pull'),
          runFile: vscode.l10n.t('$(play) Run'),
        };
        return lensCommands({
          onBluejay: onBluejayOf(doc),
          digitalHuman: documentKind(doc) === 'digital-human',
          trusted: vscode.workspace.isTrusted,
        }).map((name) => lens(doc, titles[name], name));
      },
    }),
  );
}
