/**
 * Settings moved to a new name (dist/api.js, loaded only when an old name is found).
 */
import * as vscode from 'vscode';
import { LEGACY_AUTO_SAVE, type Config } from '../../config';
import type { Logger } from '../../log';

let moving = false;

/**
 * The user's value of the old `bluejay.pushOnSave.includeAutoSave`, however VS Code folded it: as its
 * own key, or inside `pushOnSave` read as an object. Undefined when it is not set.
 */
export function legacyPushOnAutoSave(config: Config): boolean | undefined {
  const own = config.userValue(LEGACY_AUTO_SAVE);
  if (typeof own === 'boolean') return own;
  const folded = config.userValue('pushOnSave');
  const inside =
    folded !== null && typeof folded === 'object' ? (folded as Record<string, unknown>)['includeAutoSave'] : undefined;
  return typeof inside === 'boolean' ? inside : undefined;
}

/** Moves the old value to `pushOnAutoSave` (unless that is set already) and removes it; the value moved, if any. */
async function moveLegacyPushOnAutoSave(config: Config): Promise<boolean | undefined> {
  const old = legacyPushOnAutoSave(config);
  if (old === undefined) return undefined;
  if (config.userValue('pushOnAutoSave') === undefined) await config.setUserValue('pushOnAutoSave', old);
  await config.setUserValue(LEGACY_AUTO_SAVE, undefined);
  return old;
}

/**
 * `bluejay.pushOnSave.includeAutoSave` is now `bluejay.pushOnAutoSave`: under the old name VS Code
 * folded it into `pushOnSave` (dropping one of the two, or making `pushOnSave` an object). Its value
 * is read once, moved to the new name and the old one removed, with a warning.
 */
export async function moveLegacySetting(config: Config, log: Logger): Promise<void> {
  if (moving || legacyPushOnAutoSave(config) === undefined) return;
  moving = true;
  try {
    const value = await moveLegacyPushOnAutoSave(config);
    if (value === undefined) return;
    log.warn(
      `The setting bluejay.pushOnSave.includeAutoSave is now bluejay.pushOnAutoSave: its value (${String(value)}) was moved there and the old one removed.`,
    );
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'Bluejay: The setting bluejay.pushOnSave.includeAutoSave is now bluejay.pushOnAutoSave: its value ({0}) was moved there and the old one removed.',
        String(value),
      ),
    );
  } catch (e) {
    log.warn(
      `could not move bluejay.pushOnSave.includeAutoSave to bluejay.pushOnAutoSave: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    moving = false;
  }
}
