/**
 * Where pushes go and with which key. The target is the active environment (its name and base URL),
 * or `bluejay.baseUrl` when none is active. A key lives in VS Code's SecretStorage only, in a slot
 * of its own: `bluejay.apiKey:<origin>` with no environment, `bluejay.apiKey:<name>@<origin>` for a
 * named one. So a key is never sent to an origin it was not entered for, and two environments never
 * share one. It never reaches settings, logs, messages or the webview. Asking for it is in
 * keyPrompts.ts (loaded lazily).
 */
import * as vscode from 'vscode';
import { checkBaseUrl } from '../core/api/endpoint';
import { isProduction } from '../core/environments';
import type { Config } from './config';
import type { Logger } from './log';

export interface Target {
  /** The active environment, undefined when none is (pushes then go to bluejay.baseUrl). */
  readonly name: string | undefined;
  readonly url: string;
  readonly origin: string;
  /** The SecretStorage slot of its key (names no key, so it may be logged). */
  readonly slot: string;
  readonly production: boolean;
  /** Production, and the user wants to be asked first (bluejay.confirmPushToProduction). */
  readonly confirm: boolean;
  /** For messages: "the environment 'staging' (https://...)", or the origin. */
  readonly label: string;
}

export type TargetResult = ({ readonly ok: true } & Target) | { readonly ok: false; readonly message: string };

export class ApiKeys {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly config: Config,
    private readonly log: Logger,
  ) {}

  /** Fires when a key is stored or removed (in this window or another). */
  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((e) => e.key.startsWith('bluejay.apiKey:') && listener());
  }

  /** The active environment's name (undefined: none), whether or not it is defined. */
  get activeName(): string | undefined {
    return this.config.activeEnvironmentName;
  }

  /** The push target, or a message saying why there is none usable. */
  endpoint(): TargetResult {
    const name = this.config.activeEnvironmentName;
    const environments = this.config.environments; // read even when unused: a broken entry is logged as soon as it is set
    let baseUrl = this.config.baseUrl;
    if (name !== undefined) {
      const env = environments.find((e) => e.name === name);
      if (!env)
        return {
          ok: false,
          message: vscode.l10n.t(
            "The active environment '{0}' is not defined: add it to the setting bluejay.environments, or switch environment (bluejay.environment).",
            name,
          ),
        };
      baseUrl = env.baseUrl;
    }
    const checked = checkBaseUrl(baseUrl);
    if (!checked.ok)
      return {
        ok: false,
        message: `${checked.message} ${name === undefined ? vscode.l10n.t('Check the setting bluejay.baseUrl.') : vscode.l10n.t("Check the baseUrl of '{0}' in the setting bluejay.environments.", name)}`,
      };
    const production = isProduction(name, checked.url);
    return {
      ok: true,
      name,
      url: checked.url,
      origin: checked.origin,
      slot: `bluejay.apiKey:${name === undefined ? '' : `${name}@`}${checked.origin}`,
      production,
      confirm: production && this.config.confirmPushToProduction,
      label: name === undefined ? checked.origin : vscode.l10n.t("the environment '{0}' ({1})", name, checked.origin),
    };
  }

  async get(target: Target): Promise<string | undefined> {
    return (await this.secrets.get(target.slot)) || undefined;
  }

  async store(target: Target, key: string): Promise<void> {
    await this.secrets.store(target.slot, key);
    this.log.info(`API key stored for ${target.label}`);
  }

  async delete(target: Target): Promise<void> {
    await this.secrets.delete(target.slot);
    this.log.info(`API key cleared for ${target.label}`);
  }
}
