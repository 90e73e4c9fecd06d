/**
 * Settings moved to a new name (dist/api.js, loaded only when an old name is found).
 */
import * as vscode from 'vscode';
import type { Config } from '../config';
import type { Logger } from '../log';

let moving = false;

/**
 * `bluejay.pushOnSave.includeAutoSave` is now `bluejay.pushOnAutoSave`: under the old name VS Code
 * folded it into `pushOnSave` (dropping one of the two, or making `pushOnSave` an object). Its value
 * is read once, moved to the new name and the old one removed, with a warning.
 */
export async function moveLegacySetting(config: Config, log: Logger): Promise<void> {
  if (moving || config.legacyPushOnAutoSave === undefined) return;
  moving = true;
  try {
    const value = await config.moveLegacyPushOnAutoSave();
    if (value === undefined) return;
    const message = `The setting bluejay.pushOnSave.includeAutoSave is now bluejay.pushOnAutoSave: its value (${String(value)}) was moved there and the old one removed.`;
    log.warn(message);
    void vscode.window.showWarningMessage(`Bluejay: ${message}`);
  } catch (e) {
    log.warn(`could not move bluejay.pushOnSave.includeAutoSave to bluejay.pushOnAutoSave: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    moving = false;
  }
}
