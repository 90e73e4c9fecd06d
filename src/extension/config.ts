/** The extension's settings, typed, in one place (`bluejay.*` in package.json). */
import * as vscode from 'vscode';

export class Config {
  private static readonly SECTION = 'bluejay';

  private get raw(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(Config.SECTION);
  }

  /** Validate definition files as they are edited. */
  get validationEnabled(): boolean {
    return this.raw.get<boolean>('validation.enable', true);
  }

  /** Milliseconds to wait after a keystroke before validating (a large file also waits twice as long as its last validation took). */
  get validationDelay(): number {
    const v = this.raw.get<number>('validation.delay', 25);
    return Number.isFinite(v) ? Math.min(Math.max(v, 0), 2000) : 25;
  }

  /** Fires when any `bluejay.*` setting changes. */
  onDidChange(listener: () => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(Config.SECTION)) listener();
    });
  }
}
