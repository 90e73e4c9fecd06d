/**
 * The editor's side of the drift state (dist/api.js): the baselines in
 * `.bluejay/state.json` of the workspace folder that holds the file, under the push target's origin
 * and the file's path from that folder (forward slashes), the same entries the CLI reads and writes.
 * The file is read afresh for each use (the CLI may have written it meanwhile), one read or write at
 * a time per folder; a write re-reads and replaces it under the lock the CLI takes too. A broken file is said once in the log and read as empty; nothing here throws.
 * The first time it creates `.bluejay/`, it offers (once per workspace) to add it to `.gitignore`.
 */
import type { Event, Memento, Uri } from 'vscode';
import { join } from 'node:path';
import { withLock, writeFileAtomic } from '../../../core/sync/files';
import {
  baselineOf,
  parseState,
  serializeState,
  STATE_FILE,
  STATE_LOCK,
  withBaseline,
  type Baseline,
  type SyncState,
} from '../../../core/sync/state';
import type { Logger } from '../../log';
import * as vscode from 'vscode';
import type { Ctx } from '../../ctx';

const OFFERED = 'bluejay.gitignoreOffered';

export class EditorState implements vscode.Disposable {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly said = new Set<string>();
  /** Folders whose `.bluejay/` is known to exist (no need to look again). */
  private readonly made = new Set<string>();
  private readonly changed = new vscode.EventEmitter<Uri>();
  /** Fires with the file whose baseline was recorded. */
  readonly onDidChange: Event<Uri> = this.changed.event;

  constructor(
    private readonly log: Logger,
    private readonly memento: Memento,
  ) {}

  /** The workspace folder whose state holds `uri`'s baseline, and the file's path from it; undefined outside the workspace. */
  where(uri: Uri): { folder: Uri; path: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
    if (!folder) return undefined;
    const root = folder.path.replace(/\/+$/, '');
    if (!uri.path.startsWith(`${root}/`)) return undefined;
    return { folder, path: uri.path.slice(root.length + 1) };
  }

  async baseline(uri: Uri, origin: string): Promise<Baseline | undefined> {
    const w = this.where(uri);
    if (!w) return undefined;
    return this.serial(w.folder, async () => baselineOf(await this.read(w.folder), origin, w.path));
  }

  /** Records (or, with undefined, forgets) `uri`'s baseline for `origin`. A failure is logged, never thrown. */
  async record(uri: Uri, origin: string, baseline: Baseline | undefined): Promise<void> {
    const w = this.where(uri);
    if (!w) return;
    await this.serial(w.folder, async () => {
      const dir = vscode.Uri.joinPath(w.folder, '.bluejay');
      const created = !this.made.has(dir.toString()) && !(await exists(dir));
      try {
        if (created) await vscode.workspace.fs.createDirectory(dir);
        this.made.add(dir.toString());
        await this.merge(w.folder, origin, w.path, baseline);
      } catch (e) {
        this.made.delete(dir.toString());
        this.log.warn(
          `could not write ${STATE_FILE} in ${w.folder.fsPath}: ${e instanceof Error ? e.message : String(e)}`,
        );
        return;
      }
      if (created) this.offerGitignore(w.folder);
    });
    this.changed.fire(uri);
  }

  /**
   * Re-reads the state, changes this one baseline and writes it. On disk (file: URIs) this is done
   * as the CLI does it: under `.bluejay/state.json.lock`, written to a temporary file renamed over it.
   */
  private async merge(folder: Uri, origin: string, path: string, baseline: Baseline | undefined): Promise<void> {
    if (folder.scheme !== 'file') {
      const next = withBaseline(await this.read(folder, true), origin, path, baseline);
      await vscode.workspace.fs.writeFile(
        vscode.Uri.joinPath(folder, STATE_FILE),
        new TextEncoder().encode(serializeState(next)),
      );
      return;
    }
    await withLock(
      join(folder.fsPath, STATE_LOCK),
      async () => {
        const next = withBaseline(await this.read(folder, true), origin, path, baseline);
        await writeFileAtomic(join(folder.fsPath, STATE_FILE), serializeState(next));
      },
      { staleMs: 60_000 },
    );
  }

  private serial<T>(folder: Uri, work: () => Promise<T>): Promise<T> {
    const key = folder.toString();
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work, work);
    this.queues.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  }

  /** The state; `forWrite`: throws instead when the file must not be written over (unreadable, or a newer tool's). */
  private async read(folder: Uri, forWrite = false): Promise<SyncState> {
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, STATE_FILE)));
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) {
        const why = `cannot read ${STATE_FILE} in ${folder.fsPath} (${e instanceof Error ? e.message : String(e)}): no baseline is read from it or written to it.`;
        this.once(why);
        if (forWrite) throw new Error(why);
      }
    }
    const parsed = parseState(text);
    if (parsed.problem) this.once(`${parsed.problem} (in ${folder.fsPath})`);
    if (forWrite && parsed.keep) throw new Error(parsed.problem);
    return parsed.state;
  }

  private once(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.log.warn(message);
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** Offers once per workspace to add `.bluejay/` to the folder's .gitignore (a line appended; the file created if missing). */
  private offerGitignore(folder: Uri): void {
    if (this.memento.get<boolean>(OFFERED)) return;
    void this.memento.update(OFFERED, true);
    const file = vscode.Uri.joinPath(folder, '.gitignore');
    void (async () => {
      const current = await readText(file);
      if (current !== undefined && /^\/?\.bluejay\/?\s*$/m.test(current)) return;
      const add = vscode.l10n.t('Add to .gitignore');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Bluejay keeps what was last pushed or pulled in .bluejay/state.json, a record of your copy of Bluejay, not of the definitions. Add .bluejay/ to .gitignore?',
        ),
        add,
        vscode.l10n.t('Not Now'),
      );
      if (choice !== add) return;
      const before = (await readText(file)) ?? '';
      const text = `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}.bluejay/\n`;
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    })().catch((e: unknown) =>
      this.log.warn(`could not update .gitignore: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function readText(uri: Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The one EditorState of this window (kept on the context). */
export function editorState(ctx: Ctx): EditorState {
  return ctx.service('editorState', () => new EditorState(ctx.log, ctx.memento));
}
