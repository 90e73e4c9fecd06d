/**
 * Which file defines a resource, kept file by file: a file created, changed or deleted updates its
 * own entry, so one file event costs one file read, not the whole workspace again. When two files
 * give the same resource, the first by path is the one (as a listing sorted by path would find it).
 */
export class FileIndex<F> {
  private readonly byFile = new Map<string, { readonly file: F; readonly path: string; readonly key: string }>();
  private readonly byKey = new Map<string, Set<string>>();

  /** Records that the file `id` (at `path`) gives the resource `key`, or none (undefined), replacing what it gave before. */
  set(id: string, file: F, path: string, key: string | undefined): void {
    this.delete(id);
    if (key === undefined) return;
    this.byFile.set(id, { file, path, key });
    const ids = this.byKey.get(key);
    if (ids) ids.add(id);
    else this.byKey.set(key, new Set([id]));
  }

  delete(id: string): void {
    const entry = this.byFile.get(id);
    if (!entry) return;
    this.byFile.delete(id);
    const ids = this.byKey.get(entry.key);
    ids?.delete(id);
    if (ids?.size === 0) this.byKey.delete(entry.key);
  }

  /** The file that gives `key`: of several, the first by path. */
  get(key: string): F | undefined {
    let first: { readonly file: F; readonly path: string } | undefined;
    for (const id of this.byKey.get(key) ?? []) {
      const entry = this.byFile.get(id);
      if (entry && (!first || entry.path.localeCompare(first.path) < 0)) first = entry;
    }
    return first?.file;
  }

  get size(): number {
    return this.byFile.size;
  }
}
