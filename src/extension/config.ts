/** The extension's settings, typed, in one place (`bluejay.*` in package.json). */
import * as vscode from 'vscode';
import { DEFAULT_BASE_URL } from '../core/api/endpoint';
import { environmentsFrom, type Environment } from '../core/environments';
import type { Logger } from './log';

const AUTO_SAVE = 'pushOnAutoSave';
/** Its old name, under `pushOnSave`: VS Code folds the two (see `pushOnSave`); moved by settingsMove.ts. */
export const LEGACY_AUTO_SAVE = 'pushOnSave.includeAutoSave';

/** `update`'s target `true`: the user's own (Global) settings, as ConfigurationTarget.Global (shorter in the main bundle). */
const GLOBAL = true;

/** The settings a change listener may name (`bluejay.<setting>`). */
export type Setting = 'environment' | 'environments' | 'baseUrl' | 'formEditor.openByDefault';

/** Where pushes go: the settings that change the push target. */
export const TARGET_SETTINGS: readonly Setting[] = ['environment', 'environments', 'baseUrl'];

export class Config {
  private static readonly SECTION = 'bluejay';
  /** The last `environments` value read, so its problems are logged once per change. */
  private envCache: { raw: string; environments: Environment[] } | undefined;

  constructor(private readonly log?: Pick<Logger, 'warn'>) {}

  private get raw(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(Config.SECTION);
  }

  /** Validate definition files as they are edited. */
  get validationEnabled(): boolean {
    return this.raw.get<boolean>('validation.enable', true);
  }

  /** Milliseconds to wait after a keystroke before validating (while typing, a slowly validated file is validated at most half the time: validationPace.ts). */
  get validationDelay(): number {
    const v = this.raw.get<number>('validation.delay', 0);
    return Number.isFinite(v) ? Math.min(Math.max(v, 0), 2000) : 0;
  }

  /**
   * Where pushes go. Only the user's own (application-wide) value counts: a workspace's
   * .vscode/settings.json can never redirect the API key (package.json scopes the setting so, and
   * this reads it so, in case a host ignores the scope).
   */
  get baseUrl(): string {
    const i = this.raw.inspect<string>('baseUrl');
    return i?.globalValue ?? i?.defaultValue ?? DEFAULT_BASE_URL;
  }

  /**
   * The named environments, `production` first. Like `baseUrl`, only the user's own value counts.
   * Unusable entries are skipped and logged (once per change of the setting).
   */
  get environments(): Environment[] {
    const value = this.userValue('environments');
    const raw = JSON.stringify(value) ?? '';
    if (this.envCache?.raw !== raw) {
      const { environments, problems } = environmentsFrom(value);
      for (const p of problems) this.log?.warn(p);
      this.envCache = { raw, environments };
    }
    return this.envCache.environments;
  }

  /** The active environment's name (the user's own `bluejay.environment`), undefined for none. */
  get activeEnvironmentName(): string | undefined {
    return this.userValue<string>('environment') || undefined;
  }

  async setActiveEnvironment(name: string | undefined): Promise<void> {
    await this.raw.update('environment', name || undefined, GLOBAL);
  }

  /** Ask before pushing to production. */
  get confirmPushToProduction(): boolean {
    return this.userValue<boolean>('confirmPushToProduction') ?? true;
  }

  /**
   * Push a definition when it is saved (manually; auto-saves only with `pushOnAutoSave`).
   * The user's own choice only: a repository's settings must not start pushing over their data.
   * Only `true` turns it on: VS Code folds the old `bluejay.pushOnSave.includeAutoSave` into this key,
   * which then reads `{ includeAutoSave: true }`, an object that must not count as on.
   */
  get pushOnSave(): boolean {
    return vscode.workspace.isTrusted && this.userValue('pushOnSave') === true;
  }

  /** With `pushOnSave`, also push on auto-saves (`bluejay.pushOnAutoSave`, the user's own value only). */
  get pushOnAutoSave(): boolean {
    return this.userValue(AUTO_SAVE) === true;
  }

  /** Whether the old `bluejay.pushOnSave.includeAutoSave` may be set (as its own key, or folded into `pushOnSave`). */
  get hasLegacyPushOnAutoSave(): boolean {
    const folded = this.userValue('pushOnSave');
    return this.userValue(LEGACY_AUTO_SAVE) !== undefined || (folded !== null && typeof folded === 'object');
  }

  /** Writes one of the user's own (application-wide) settings; undefined removes it. */
  async setUserValue(key: string, value: unknown): Promise<void> {
    await this.raw.update(key, value, GLOBAL);
  }

  /** The user's own value of a setting as written, for settings moved to a new name (settingsMove.ts). */
  userValue<T = unknown>(key: string): T | undefined {
    return this.raw.inspect<T>(key)?.globalValue;
  }

  async setPushOnSave(on: boolean): Promise<void> {
    await this.raw.update('pushOnSave', on, GLOBAL);
  }

  /** Open definitions in the Bluejay Form by default (`bluejay.formEditor.openByDefault`). */
  get formEditorOpenByDefault(): boolean {
    return this.raw.get<boolean>('formEditor.openByDefault', false);
  }

  /** The user's own `workbench.editorAssociations` (a copy), VS Code's setting the form's default maps onto. */
  get editorAssociations(): Record<string, string> {
    return {
      ...vscode.workspace.getConfiguration('workbench').inspect<Record<string, string>>('editorAssociations')
        ?.globalValue,
    };
  }

  /** Changes the user's own `workbench.editorAssociations`. */
  async updateEditorAssociations(change: (current: Record<string, string>) => void): Promise<void> {
    const current = this.editorAssociations;
    change(current);
    await vscode.workspace.getConfiguration('workbench').update('editorAssociations', current, GLOBAL);
  }

  /** Fires when any `bluejay.*` setting changes, or (with `settings`) one of those named. */
  onDidChange(listener: () => void, settings?: readonly Setting[]): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        settings
          ? settings.some((k) => e.affectsConfiguration(`${Config.SECTION}.${k}`))
          : e.affectsConfiguration(Config.SECTION)
      )
        listener();
    });
  }
}
