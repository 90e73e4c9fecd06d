/**
 * The Testing view's controller in the main bundle: only a stub. Everything else (items, runs,
 * transcripts) is in dist/api.js (testing.ts), loaded when VS Code first asks for the items or a
 * run command is used, so activation never pays for it.
 */
import * as vscode from 'vscode';
import { isDigitalHumanPath } from '../core/kinds';
import { api } from './lazy';
import type { Ctx } from './ctx';
import type { Testing } from './api/testing/testing';

export function registerTesting(ctx: Ctx): { disposable: vscode.Disposable; testing: () => Testing } {
  const controller = vscode.tests.createTestController('bluejay', 'Bluejay');
  let t: Testing | undefined;
  const get = (): Testing => (t ??= new (api().Testing)(controller, ctx));
  controller.resolveHandler = (item) => get().resolve(item);
  controller.refreshHandler = () => get().refresh();
  // Gutter run buttons before the Testing view is first shown: a visible digital-human file gets its items (a cheap suffix check here, the rest lazily).
  const show = (editors: readonly vscode.TextEditor[]): void =>
    editors.forEach((e) => isDigitalHumanPath(e.document.uri.path) && get().showDocument(e.document));
  const first = setTimeout(() => show(vscode.window.visibleTextEditors), 0); // after activation, not during it
  const command = (name: string, run: (arg?: unknown, more?: unknown) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(`bluejay.${name}`, run);
  const disposable = vscode.Disposable.from(
    controller,
    vscode.window.onDidChangeVisibleTextEditors(show),
    command('runFile', (arg, options) => get().runFile(arg, options as never)),
    command('pushAndRunFile', (arg) => get().runFile(arg, { pushFirst: true })),
    command('showTranscript', (arg) => get().showTranscript(arg)),
    command('generateDigitalHumans', (arg) => get().generate(arg)),
    vscode.workspace.registerTextDocumentContentProvider('bluejay-transcript', {
      provideTextDocumentContent: (uri, token) => get().transcript(uri, token),
    }),
    {
      dispose: () => {
        clearTimeout(first);
        t?.dispose();
      },
    },
  );
  return { disposable, testing: get };
}
