/**
 * The `vscode` module for the editor code bundled into dist/api.js (loaded on the first push, pull,
 * switch or key prompt). Like dist/editing.js, that bundle leaves `vscode` external: the extension
 * host answers its require.
 */
export * as vscode from 'vscode';
