/**
 * Push on save and its auto-save switch as VS Code really reads them from the user's settings.json:
 * the old `bluejay.pushOnSave.includeAutoSave` was folded into `bluejay.pushOnSave` (issue 10.5).
 */
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { Config } from '../../../src/extension/config';
import { legacyPushOnAutoSave } from '../../../src/extension/api/sync/settingsMove';
import { applyDefaultAtStart } from '../../../src/extension/formEditor';
import { waitFor } from './util';

const Global = vscode.ConfigurationTarget.Global;
const section = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('bluejay');
const KEYS = ['pushOnSave', 'pushOnAutoSave', 'pushOnSave.includeAutoSave'] as const;
type Values = Partial<Record<(typeof KEYS)[number], boolean>>;

/** The user's values of the three keys, as the settings file holds them after VS Code reads it. */
function userValues(): Record<string, unknown> {
  return Object.fromEntries(KEYS.map((k) => [k, section().inspect<unknown>(k)?.globalValue]));
}

/** Writes the keys given (in this order, as a person would add lines) and waits until the old name is gone (moved by the extension). */
async function set(values: Values): Promise<void> {
  for (const [k, v] of Object.entries(values)) await section().update(k, v, Global);
  await waitFor(
    vscode.workspace.onDidChangeConfiguration,
    () => section().inspect('pushOnSave.includeAutoSave')?.globalValue === undefined,
    'the old setting to be moved',
  );
}

describe('push on save settings (real settings.json)', () => {
  const config = new Config();

  afterEach(async () => {
    for (const k of KEYS) await section().update(k, undefined, Global);
  });

  const cases: { given: Values; pushOnSave: boolean; pushOnAutoSave: boolean }[] = [
    { given: {}, pushOnSave: false, pushOnAutoSave: false },
    { given: { pushOnSave: true }, pushOnSave: true, pushOnAutoSave: false },
    { given: { pushOnAutoSave: true }, pushOnSave: false, pushOnAutoSave: true },
    { given: { pushOnSave: true, pushOnAutoSave: true }, pushOnSave: true, pushOnAutoSave: true },
    { given: { 'pushOnSave.includeAutoSave': true }, pushOnSave: false, pushOnAutoSave: true },
    // `pushOnSave` written first: VS Code drops the old key unread (its line shows as deprecated in settings.json).
    { given: { pushOnSave: true, 'pushOnSave.includeAutoSave': true }, pushOnSave: true, pushOnAutoSave: false },
    { given: { 'pushOnSave.includeAutoSave': true, pushOnSave: true }, pushOnSave: true, pushOnAutoSave: true },
    { given: { pushOnSave: false, 'pushOnSave.includeAutoSave': true }, pushOnSave: false, pushOnAutoSave: false },
    { given: { 'pushOnSave.includeAutoSave': true, pushOnSave: false }, pushOnSave: false, pushOnAutoSave: true },
    { given: { pushOnAutoSave: false, 'pushOnSave.includeAutoSave': true }, pushOnSave: false, pushOnAutoSave: false },
  ];
  for (const c of cases) {
    it(`reads ${JSON.stringify(c.given)} as pushOnSave ${String(c.pushOnSave)}, pushOnAutoSave ${String(c.pushOnAutoSave)}`, async () => {
      await set(c.given);
      assert.deepEqual(
        { pushOnSave: config.pushOnSave, pushOnAutoSave: config.pushOnAutoSave },
        { pushOnSave: c.pushOnSave, pushOnAutoSave: c.pushOnAutoSave },
        JSON.stringify(userValues()),
      );
      assert.equal(legacyPushOnAutoSave(config), undefined, 'the old name is gone from the settings');
    });
  }

  it('the old name set alone never reads as push on save, even before it is moved', async () => {
    const seen: boolean[] = [];
    const sub = vscode.workspace.onDidChangeConfiguration(() => seen.push(config.pushOnSave));
    try {
      await section().update('pushOnSave.includeAutoSave', true, Global);
      seen.push(config.pushOnSave);
      await set({});
    } finally {
      sub.dispose();
    }
    assert.deepEqual([...new Set(seen)], [false]);
    assert.equal(section().inspect('pushOnAutoSave')?.globalValue, true);
  });
});

describe('the form as the default editor', () => {
  const workbench = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('workbench');
  const associations = (): Record<string, string> | undefined =>
    workbench().inspect<Record<string, string>>('editorAssociations')?.globalValue;

  afterEach(async () => {
    await section().update('formEditor.openByDefault', undefined, Global);
    await workbench().update('editorAssociations', undefined, Global);
  });

  it('turned on while the extension was not running, it takes effect at the start; off, an association made by hand stays', async () => {
    await section().update('formEditor.openByDefault', true, Global);
    await waitFor(
      vscode.workspace.onDidChangeConfiguration,
      () => associations()?.['*.persona.yaml'] === 'bluejay.form',
      'the associations the setting makes',
    );
    // As if written while the extension was not running: the setting on, no associations but one
    // made by hand to another editor, which stays.
    await workbench().update('editorAssociations', { '*.md': 'default', '*.persona.json': 'default' }, Global);
    await applyDefaultAtStart(new Config());
    assert.equal(associations()?.['*.digital-human.json'], 'bluejay.form');
    assert.equal(associations()?.['*.persona.json'], 'default', 'the one made by hand kept');
    assert.equal(associations()?.['*.md'], 'default', 'the others kept');
    // Off, with one made by hand: left as it is.
    await section().update('formEditor.openByDefault', undefined, Global);
    await waitFor(
      vscode.workspace.onDidChangeConfiguration,
      () => associations()?.['*.digital-human.json'] === undefined,
      'the extension to take its associations out',
    );
    await workbench().update('editorAssociations', { '*.persona.yaml': 'bluejay.form' }, Global);
    await applyDefaultAtStart(new Config());
    assert.deepEqual(associations(), { '*.persona.yaml': 'bluejay.form' });
  });

  it('is a user setting: a workspace cannot set it (and so cannot rewrite the user’s editor associations)', async () => {
    await assert.rejects(
      async () => section().update('formEditor.openByDefault', true, vscode.ConfigurationTarget.Workspace),
      /user settings|application/i,
    );
    assert.equal(section().inspect('formEditor.openByDefault')?.workspaceValue, undefined);
  });
});
