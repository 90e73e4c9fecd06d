/**
 * The editor's one context, made once by `activate()` (extension.ts) and handed to the features
 * that need it: the typed settings, the log, the push target and its keys, the live diagnostics,
 * the workspace state (memento), the user agent, the push queue, and the current API client.
 * What the lazy bundles make on first use (the state file, Bluejay's answers as diagnostics) is
 * kept here too, so every bundle shares one, and it is disposed with the context.
 */
import * as vscode from 'vscode';
import type { BluejayClient } from '../core/api/client';
import { Config } from './config';
import { Diagnostics } from './diagnostics';
import { api } from './lazy';
import type { Logger } from './log';
import { ApiKeys } from './apiKeys';
import { Pusher } from './pusher';
import type { ServerProblems } from './api/sync/serverDiagnostics';
import type { EditorState } from './api/sync/stateFile';

/** What the lazy bundles make once per window and keep on the context (see `service`). */
export interface Services {
  readonly editorState: EditorState;
  readonly serverProblems: ServerProblems;
}

export class Ctx implements vscode.Disposable {
  /** One push per file at a time (pushNow.ts, in dist/api.js, does each push). */
  readonly pusher = new Pusher((doc, options) => api().pushNow(this, doc, options));
  /** Documents whose next save is the id write-back, not a person's save. */
  readonly internalSaves = new Set<string>();
  private held: { readonly id: string; readonly client: BluejayClient } | undefined;
  private readonly services = new Map<keyof Services, Services[keyof Services]>();

  readonly extensionUri: vscode.Uri;
  readonly config: Config;
  /** Where pushes go, and their keys. */
  readonly keys: ApiKeys;
  readonly diagnostics: Diagnostics;
  /** The workspace's state (whether adding .bluejay/ to .gitignore was offered, the Remote view's agents). */
  readonly memento: vscode.Memento;
  /** The extension's version (package.json), undefined when it gives none. */
  readonly version: string | undefined;

  constructor(
    context: vscode.ExtensionContext,
    readonly log: Logger,
  ) {
    this.extensionUri = context.extensionUri;
    this.config = new Config(log);
    this.keys = new ApiKeys(context.secrets, this.config, log);
    this.diagnostics = new Diagnostics(this.config, log);
    this.memento = context.workspaceState;
    this.version = (context.extension.packageJSON as { version?: string }).version;
  }

  /** How the API client names itself to Bluejay. */
  get userAgent(): string {
    return `bluejay-definitions/${this.version ?? 'dev'} (vscode/${vscode.version})`;
  }

  /** The client for `id` (a target and key): the current one when it is for them, else one made by `make`, which becomes current. */
  clientFor(id: string, make: () => BluejayClient): BluejayClient {
    if (this.held?.id !== id) this.held = { id, client: make() };
    return this.held.client;
  }

  /** The one `name` service of this window, made by `make` on first use (by whichever lazy bundle needs it first). */
  service<K extends keyof Services>(name: K, make: () => Services[K]): Services[K] {
    let s = this.services.get(name) as Services[K] | undefined;
    if (!s) this.services.set(name, (s = make()));
    return s;
  }

  dispose(): void {
    for (const s of this.services.values()) s.dispose();
    this.services.clear();
    this.diagnostics.dispose();
  }
}
