/**
 * The Testing view's items (dist/api.js): each simulation a digital human names in its
 * simulation_ids is an item, with that simulation's digital-human files as children (uri and a range
 * on the file's `name` line, so the gutter shows a run button); a file in no simulation is a
 * top-level item. Built with a cheap parse of the workspace's files and the open documents, kept up
 * to date on change, create, delete and rename. Simulations are labelled by their name once known.
 */
import * as vscode from 'vscode';
import { isDigitalHumanPath } from '../../../core/kinds';
import { parseAside } from '../../../core/parse/mapping';
import { EXCLUDE, isDefinition } from '../../definitions';
import { scanDigitalHuman, type Scanned } from './scan';

/** What the tree needs of the live validation: an edited document is scanned after it (one parse, shared). */
export interface Validation {
  /** Fires after a document's diagnostics were replaced or cleared (its text just parsed). */
  readonly onDidUpdate: vscode.Event<vscode.Uri>;
  readonly enabled: () => boolean;
  /** The text its validation read or the changes since give, while current (saves building a 1 MB string again). */
  readonly textOf: (doc: vscode.TextDocument) => string | undefined;
}

export const DH_GLOB = '**/*.digital-human.{yaml,yml,json}';

/** What an item stands for. */
export type ItemRef =
  | { readonly type: 'simulation'; readonly simulationId: string }
  | { readonly type: 'file'; readonly uri: vscode.Uri; readonly simulationId: string | undefined }
  | { readonly type: 'conversation'; readonly parent: vscode.TestItem };

const simItemId = (sim: string): string => `sim:${sim}`;
const fileItemId = (uri: vscode.Uri, sim: string | undefined): string =>
  sim === undefined ? `file:${uri.toString()}` : `sim:${sim}|${uri.toString()}`;

/** A document the tree looks at: a digital human's file name, in a scheme it can be read in. */
function isScanned(doc: vscode.TextDocument): boolean {
  const scheme = doc.uri.scheme;
  return isDigitalHumanPath(doc.uri.path) && (scheme === 'file' || scheme === 'untitled' || scheme === 'vscode-vfs');
}

export class TestTree implements vscode.Disposable {
  private readonly files = new Map<string, { uri: vscode.Uri; scanned: Scanned }>();
  private readonly refs = new WeakMap<vscode.TestItem, ItemRef>();
  private readonly names = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  /** After the items change (tests wait on it). */
  readonly onDidChange = this.changed.event;
  private loaded: Promise<void> | undefined;
  /** Open documents edited since their last scan: scanned when their validation publishes. */
  private readonly edited = new Set<string>();

  constructor(
    private readonly controller: vscode.TestController,
    private readonly validation: Validation,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(DH_GLOB);
    const fromDisk = (uri: vscode.Uri): void => void this.scanUri(uri);
    this.subscriptions.push(
      this.changed,
      watcher,
      watcher.onDidCreate(fromDisk),
      watcher.onDidChange((uri) => !this.openDoc(uri) && fromDisk(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidRenameFiles((e) =>
        e.files.forEach((f) => {
          this.remove(f.oldUri);
          fromDisk(f.newUri);
        }),
      ),
      vscode.workspace.onDidOpenTextDocument((d) => this.scanDoc(d)),
      // Not on the keystroke: a scan parses the whole text, which on a 1 MB file held the change
      // event (and the next edit) for as long as a validation. The validation that follows the edit
      // parses the same text; scanned after it, the parse is answered from the memo.
      vscode.workspace.onDidChangeTextDocument((e) => this.changedDoc(e.document)),
      validation.onDidUpdate((uri) => this.validated(uri)),
      // Unsaved changes dropped with the tab: what is on disk counts again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.edited.delete(d.uri.toString());
        if (d.uri.scheme === 'file' && this.files.has(d.uri.toString())) fromDisk(d.uri);
      }),
    );
  }

  /** Finds the workspace's digital humans once (and again after `refresh`). */
  load(): Promise<void> {
    return (this.loaded ??= (async () => {
      const uris = await vscode.workspace.findFiles(DH_GLOB, EXCLUDE);
      await Promise.all(uris.map((u) => this.scanUri(u)));
      for (const d of vscode.workspace.textDocuments) this.scanDoc(d);
    })());
  }

  async refresh(): Promise<void> {
    this.loaded = undefined;
    for (const f of [...this.files.values()]) this.remove(f.uri);
    await this.load();
  }

  refOf(item: vscode.TestItem): ItemRef | undefined {
    return this.refs.get(item);
  }

  /** The item of `uri` in `sim` (the top-level one when sim is undefined), if there is one. */
  fileItem(uri: vscode.Uri, sim?: string): vscode.TestItem | undefined {
    if (sim === undefined) return this.controller.items.get(fileItemId(uri, undefined));
    return this.controller.items.get(simItemId(sim))?.children.get(fileItemId(uri, sim));
  }

  /** Every item of a file: under each of its simulations, or the top-level one. */
  itemsOf(uri: vscode.Uri): vscode.TestItem[] {
    const f = this.files.get(uri.toString());
    if (!f) return [];
    const sims = f.scanned.simulationIds;
    return (sims.length ? sims.map((s) => this.fileItem(uri, s)) : [this.fileItem(uri)]).filter(
      (i): i is vscode.TestItem => i !== undefined,
    );
  }

  /** A simulation's name, once read: its item is relabelled. */
  setName(sim: string, name: string | null): void {
    if (!name || this.names.get(sim) === name) return;
    this.names.set(sim, name);
    const item = this.controller.items.get(simItemId(sim));
    if (item) item.label = name;
  }

  simulations(): string[] {
    return [...new Set([...this.files.values()].flatMap((f) => f.scanned.simulationIds))];
  }

  /** A conversation child of a file's item (made or reused), for one result. */
  conversation(parent: vscode.TestItem, key: string, label: string): vscode.TestItem {
    const id = `${parent.id}#${key}`;
    let item = parent.children.get(id);
    if (!item) {
      item = this.controller.createTestItem(id, label, parent.uri);
      this.refs.set(item, { type: 'conversation', parent });
      parent.children.add(item);
    }
    return item;
  }

  private openDoc(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  }

  private async scanUri(uri: vscode.Uri): Promise<void> {
    const open = this.openDoc(uri);
    if (open) return this.scanDoc(open);
    try {
      this.set(
        uri,
        scanDigitalHuman(
          new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)),
          uri.path,
          undefined,
          parseAside,
        ),
      );
    } catch {
      this.remove(uri); // gone or unreadable
    }
  }

  /** An open document's items, without scanning the workspace. */
  addDocument(doc: vscode.TextDocument): void {
    this.scanDoc(doc);
  }

  private changedDoc(doc: vscode.TextDocument): void {
    if (!isScanned(doc)) return;
    // Only a document the validation checks gets its update: any other is scanned now.
    if (!this.validation.enabled() || !isDefinition(doc)) return this.scanDoc(doc);
    this.edited.add(doc.uri.toString());
  }

  private validated(uri: vscode.Uri): void {
    if (!this.edited.delete(uri.toString())) return;
    const doc = this.openDoc(uri);
    if (doc) this.scanDoc(doc);
  }

  private scanDoc(doc: vscode.TextDocument): void {
    if (!isScanned(doc)) return;
    this.edited.delete(doc.uri.toString());
    const text = this.validation.textOf(doc) ?? doc.getText();
    this.set(doc.uri, scanDigitalHuman(text, doc.uri.path, doc.languageId));
  }

  private set(uri: vscode.Uri, scanned: Scanned | undefined): void {
    const key = uri.toString();
    const before = this.files.get(key)?.scanned;
    if (!scanned) return this.remove(uri);
    if (before && JSON.stringify(before) === JSON.stringify(scanned)) return;
    const label = vscode.workspace.asRelativePath(uri);
    const decorate = (item: vscode.TestItem): void => {
      item.label = scanned.name ?? label;
      item.range = new vscode.Range(
        scanned.range.start.line,
        scanned.range.start.character,
        scanned.range.end.line,
        scanned.range.end.character,
      );
      item.description = scanned.id === null ? vscode.l10n.t('{0} (not pushed)', label) : label;
    };
    // The same simulations: the items stay (with their results), only their label and range move.
    if (before && before.simulationIds.join() === scanned.simulationIds.join()) {
      this.files.set(key, { uri, scanned });
      this.itemsOf(uri).forEach(decorate);
      return this.changed.fire();
    }
    this.removeItems(uri, before);
    this.files.set(key, { uri, scanned });
    const add = (collection: vscode.TestItemCollection, sim: string | undefined): void => {
      const item = this.controller.createTestItem(fileItemId(uri, sim), label, uri);
      decorate(item);
      item.sortText = label;
      this.refs.set(item, { type: 'file', uri, simulationId: sim });
      collection.add(item);
    };
    if (scanned.simulationIds.length === 0) add(this.controller.items, undefined);
    for (const sim of scanned.simulationIds) add(this.simItem(sim).children, sim);
    this.changed.fire();
  }

  private simItem(sim: string): vscode.TestItem {
    let item = this.controller.items.get(simItemId(sim));
    if (!item) {
      item = this.controller.createTestItem(
        simItemId(sim),
        this.names.get(sim) ?? vscode.l10n.t('Simulation {0}', sim),
      );
      item.description = vscode.l10n.t('simulation {0}', sim);
      item.sortText = `0 ${sim.padStart(12, '0')}`;
      this.refs.set(item, { type: 'simulation', simulationId: sim });
      this.controller.items.add(item);
    }
    return item;
  }

  private remove(uri: vscode.Uri): void {
    const f = this.files.get(uri.toString());
    if (!f) return;
    this.files.delete(uri.toString());
    this.removeItems(uri, f.scanned);
    this.changed.fire();
  }

  private removeItems(uri: vscode.Uri, scanned: Scanned | undefined): void {
    if (!scanned) return;
    this.controller.items.delete(fileItemId(uri, undefined));
    for (const sim of scanned.simulationIds) {
      const parent = this.controller.items.get(simItemId(sim));
      parent?.children.delete(fileItemId(uri, sim));
      if (parent && parent.children.size === 0) this.controller.items.delete(parent.id);
    }
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
