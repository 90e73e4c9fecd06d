/**
 * The API key, in VS Code's SecretStorage only, one per API origin: a key is never sent to an origin
 * it was not entered for. It never reaches settings, logs, messages or the webview.
 */
import * as vscode from 'vscode';
import { checkBaseUrl } from '../../core/api/endpoint';
import type { Config } from '../config';
import type { Logger } from '../log';

export class ApiKeys {
  constructor(private readonly secrets: vscode.SecretStorage, private readonly config: Config, private readonly log: Logger) {}

  /** The configured origin, or a message saying why it cannot be used. */
  endpoint(): { ok: true; url: string; origin: string } | { ok: false; message: string } {
    return checkBaseUrl(this.config.baseUrl);
  }

  private slot(origin: string): string {
    return `bluejay.apiKey:${origin}`;
  }

  async get(origin: string): Promise<string | undefined> {
    return (await this.secrets.get(this.slot(origin))) || undefined;
  }

  /**
   * Asks for the key (a password box) and stores it for the configured origin. A key passed as the
   * command's argument (automation, tests) skips the box.
   */
  async prompt(given?: unknown): Promise<boolean> {
    const ep = this.endpoint();
    if (!ep.ok) {
      void vscode.window.showErrorMessage(`Bluejay: ${ep.message}`);
      return false;
    }
    const key = typeof given === 'string' ? given : await vscode.window.showInputBox({
      title: 'Bluejay API key',
      prompt: `The key for ${ep.origin}. It is kept in VS Code's secret storage, never in settings.`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim().length < 8 ? 'That is too short to be a Bluejay API key.' : undefined),
    });
    if (!key || key.trim().length < 8) return false;
    await this.secrets.store(this.slot(ep.origin), key.trim());
    this.log.info(`API key stored for ${ep.origin}`);
    return true;
  }

  async clear(): Promise<void> {
    const ep = this.endpoint();
    if (!ep.ok) return;
    await this.secrets.delete(this.slot(ep.origin));
    this.log.info(`API key cleared for ${ep.origin}`);
    void vscode.window.showInformationMessage(`Bluejay: the API key for ${ep.origin} was removed.`);
  }

  /** The key for the configured origin, asking for it when there is none. */
  async require(): Promise<{ url: string; origin: string; key: string } | undefined> {
    const ep = this.endpoint();
    if (!ep.ok) {
      void vscode.window.showErrorMessage(`Bluejay: ${ep.message} Check the setting bluejay.baseUrl.`);
      return undefined;
    }
    let key = await this.get(ep.origin);
    if (!key) {
      const choice = await vscode.window.showWarningMessage(`Bluejay: no API key is set for ${ep.origin}.`, 'Set API Key');
      if (choice !== 'Set API Key' || !(await this.prompt())) return undefined;
      key = await this.get(ep.origin);
    }
    return key ? { url: ep.url, origin: ep.origin, key } : undefined;
  }
}
