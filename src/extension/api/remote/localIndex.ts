/**
 * Which remote resources have a local file (dist/api.js): the workspace's definition files indexed
 * by kind and id with a cheap parse (no validation), built on first use and again after a file
 * watcher sees a definition created, changed or deleted.
 */
import type { Disposable, FileSystemWatcher, Uri } from 'vscode';
import { idKey } from '../../../core/ids';
import { formatFromFileName, isKind, kindFromFileName, type Kind } from '../../../core/kinds';
import * as vscode from 'vscode';
import type { Definitions } from '../../definitions';
import { mappingOf } from '../../../core/parse/mapping';

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
  private files: Promise<Map<string, Uri>> | undefined;
  private readonly watcher: FileSystemWatcher;

  constructor(
    private readonly defs: Definitions,
    onChange: () => void,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher(defs.glob);
    const changed = (): void => {
      this.files = undefined;
      onChange();
    };
    this.watcher.onDidCreate(changed);
    this.watcher.onDidChange(changed);
    this.watcher.onDidDelete(changed);
  }

  /** The local file of a resource, if the workspace has one. */
  async find(kind: Kind, id: string | number): Promise<Uri | undefined> {
    return (await (this.files ??= this.build())).get(keyOf(kind, id));
  }

  private async build(): Promise<Map<string, Uri>> {
    const uris = [...(await this.defs.find())].sort((a, b) => a.path.localeCompare(b.path));
    const keys = await Promise.all(
      uris.map(async (uri) => {
        try {
          const found = kindAndId(await localText(uri), uri.path);
          return found && keyOf(found.kind, found.id);
        } catch {
          return undefined; // unreadable: not indexed
        }
      }),
    );
    const map = new Map<string, Uri>();
    keys.forEach((key, i) => {
      const uri = uris[i];
      if (key && uri && !map.has(key)) map.set(key, uri); // two files for one resource: the first by path
    });
    return map;
  }

  dispose(): void {
    this.watcher.dispose();
  }
}
