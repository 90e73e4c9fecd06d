/** The push, key and environment UI in dist/api.js (loaded lazily), given the `vscode` module it cannot import. */
import * as vscode from 'vscode';
import { api, type Api } from '../lazy';

export function ui(): Api {
  const lazy = api();
  lazy.useVscode(vscode);
  return lazy;
}
