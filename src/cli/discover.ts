/** Finds the definition files the CLI was pointed at: named files as they are, folders searched for the two suffixes. */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDefinitionFileName } from '../core/kinds';
import { validateBytes } from '../core/validate';
import type { Io } from './io';

export interface Discovery {
  /** Files to validate, in a stable order. */
  readonly files: string[];
  /** Paths that could not be read, with the reason. */
  readonly unreadable: { path: string; reason: string }[];
}

/**
 * Files named explicitly are taken whatever their name; folders are searched recursively for
 * `*.persona.*` and `*.digital-human.*` files, skipping `node_modules` and dot-folders.
 */
export async function discover(paths: readonly string[]): Promise<Discovery> {
  const result: Discovery = { files: [], unreadable: [] };
  const seen = new Set<string>();
  for (const p of paths) {
    try {
      const s = await stat(p);
      if (s.isDirectory()) await walk(p, result, seen);
      else await add(p, result, seen);
    } catch (e) {
      result.unreadable.push({ path: p, reason: reason(e) });
    }
  }
  return result;
}

async function walk(dir: string, out: Discovery, seen: Set<string>): Promise<void> {
  const real = await realpath(dir);
  if (seen.has(real)) return; // a symbolic link back up the tree
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.unreadable.push({ path: dir, reason: reason(e) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const s = await stat(full).catch(() => undefined);
      isDir = s?.isDirectory() ?? false;
      isFile = s?.isFile() ?? false;
    }
    if (isDir) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) await walk(full, out, seen);
    } else if (isFile && isDefinitionFileName(e.name)) await add(full, out, seen);
  }
}

/** Adds a file once, however it was reached (`d` and `./d/a.yaml`, a symbolic link): pushing it twice could create it twice. */
async function add(file: string, out: Discovery, seen: Set<string>): Promise<void> {
  const key = `file:${await realpath(file).catch(() => file)}`;
  if (seen.has(key)) return;
  seen.add(key);
  out.files.push(file);
}

export function reason(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return e instanceof Error ? e.message : String(e);
}

/** A definition file's bytes, decoded and validated; undefined (said on stderr) when it cannot be read. */
export async function readDefinition(path: string, io: Io): Promise<ReturnType<typeof validateBytes> | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    io.err(`bluejay: cannot read ${path}: ${reason(e)}\n`);
    return undefined;
  }
  return validateBytes(bytes, path);
}
