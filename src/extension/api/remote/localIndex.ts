/**
 * Which remote resources have a local file (dist/api.js): the workspace's definition files indexed
 * by kind and id with a cheap parse (no validation), built on first use; a file a watcher sees
 * created, changed or deleted is read again on its own (core/sync/fileIndex.ts).
 */
import type { Disposable, FileSystemWatcher, Uri } from 'vscode';
import { idKey } from '../../../core/ids';
import { formatFromFileName, isKind, kindFromFileName, type Kind } from '../../../core/kinds';
import * as vscode from 'vscode';
import type { Definitions } from '../../definitions';
import { mappingOf } from '../../../core/parse/mapping';
import { FileIndex } from '../../../core/sync/fileIndex';

const keyOf = (kind: Kind, id: string | number): string => `${kind}\u0000${idKey(id)}`;

/** The kind and id a definition's text gives (undefined when it gives none). */
export function kindAndId(text: string, fileName: string): { kind: Kind; id: string | number } | undefined {
  const v = mappingOf(text, formatFromFileName(fileName));
  if (!v) return undefined;
  const kind = isKind(v['kind']) ? v['kind'] : kindFromFileName(fileName);
  const id = v['id'];
  return kind && (typeof id === 'string' || typeof id === 'number') ? { kind, id } : undefined;
}

/** A file's text: the open document's (perhaps unsaved), else what is on disk. */
export async function localText(uri: Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export class LocalIndex implements Disposable {
  private readonly index = new FileIndex<Uri>();
  /** The first build: finding the workspace's definitions and reading each. */
  private built: Promise<void> | undefined;
  /** Files a watcher reported since, by URI: read again (a Uri) or dropped (null). */
  private readonly dirty = new Map<string, Uri | null>();
  /** Applying `dirty`, when under way. */
  private applying: Promise<void> | undefined;
  private readonly watcher: FileSystemWatcher;

  constructor(
    private readonly defs: Definitions,
    private readonly onChange: () => void,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher(defs.glob);
    this.watcher.onDidCreate((uri) => this.changed(uri, uri));
    this.watcher.onDidChange((uri) => this.changed(uri, uri));
    this.watcher.onDidDelete((uri) => this.changed(uri, null));
  }

  /** The local file of a resource, if the workspace has one. */
  async find(kind: Kind, id: string | number): Promise<Uri | undefined> {
    await (this.built ??= this.build());
    await this.applying;
    return this.index.get(keyOf(kind, id));
  }

  /**
   * One file's event: only that file is read again (a checkout that writes thousands of files costs
   * one read each, not the workspace each). Events that come while reads are under way are taken in
   * the same pass; the view is told once the pass is done. Before the first build nothing is kept.
   */
  private changed(uri: Uri, now: Uri | null): void {
    if (!this.built) return;
    this.dirty.set(uri.toString(), now);
    this.applying ??= this.apply();
  }

  private async apply(): Promise<void> {
    try {
      await this.built;
      while (this.dirty.size) {
        const batch = [...this.dirty];
        this.dirty.clear();
        for (const [id, uri] of batch) if (!uri) this.index.delete(id);
        await Promise.all(batch.flatMap(([id, uri]) => (uri ? [this.read(id, uri)] : [])));
      }
    } catch {
      // The build failed: the next find builds again, reading every file as it is then.
    } finally {
      this.applying = undefined;
    }
    this.onChange();
  }

  private async build(): Promise<void> {
    try {
      const uris = await this.defs.find();
      await Promise.all(uris.map((uri) => this.read(uri.toString(), uri)));
    } catch (e) {
      this.built = undefined;
      throw e;
    }
  }

  private async read(id: string, uri: Uri): Promise<void> {
    let key: string | undefined;
    try {
      const found = kindAndId(await localText(uri), uri.path);
      key = found && keyOf(found.kind, found.id);
    } catch {
      key = undefined; // unreadable (or deleted meanwhile): not indexed
    }
    this.index.set(id, uri, uri.path, key);
  }

  dispose(): void {
    this.watcher.dispose();
  }
}
