/**
 * The `vscode` module for the editor code bundled into dist/api.js (loaded on the first push, switch
 * or key prompt): that bundle cannot import `vscode` itself, so the main bundle hands it over
 * (`ui.ts`) before each use. Only modules that are reached from src/extension/api/index.ts use it.
 */
import type * as Vscode from 'vscode';

export let vscode: typeof Vscode;

export function useVscode(host: typeof Vscode): void {
  vscode = host;
}
