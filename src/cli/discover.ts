/** Finds the definition files the CLI was pointed at: named files as they are, folders searched for the two suffixes. */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { isDefinitionFileName } from '../core/kinds';
import { parseLean } from '../core/parse/mapping';
import { MAX_FILE_BYTES, tooLargeResult, validateBytes } from '../core/validate';
import type { Io } from './io';
import { printable } from './output';

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
      else if (!s.isFile()) result.unreadable.push({ path: p, reason: notRegular(s) });
      else add(p, result, seen, await realpath(p).catch(() => p));
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
  // Paths as join(dir, name) writes them, the folder's part normalized once (not once per file).
  const base = join(dir, '.');
  for (const e of entries) {
    const name = e.name;
    if (e.isFile()) {
      // A file that is no link is where the folder really is: no stat and no realpath of its own.
      if (isDefinitionFileName(name)) add(under(base, name), out, seen, under(real, name));
      continue;
    }
    const full = under(base, name);
    let isDir = e.isDirectory();
    let isFile = false;
    if (e.isSymbolicLink()) {
      const s = await stat(full).catch(() => undefined);
      isDir = s?.isDirectory() ?? false;
      isFile = s?.isFile() ?? false;
    }
    if (isDir) {
      if (name !== 'node_modules' && !name.startsWith('.')) await walk(full, out, seen);
    } else if (isFile && isDefinitionFileName(name)) {
      add(full, out, seen, await realpath(full).catch(() => full));
    }
  }
}

/** `join(folder, name)` for a folder `join` already normalized and a name from its listing. */
function under(folder: string, name: string): string {
  return folder === '.' ? name : folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/** Adds a file once, however it was reached (`d` and `./d/a.yaml`, a symbolic link): pushing it twice could create it twice. */
function add(file: string, out: Discovery, seen: Set<string>, real: string): void {
  const key = `file:${real}`;
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

/** Why a path that is neither a folder nor a regular file is not read (reading /dev/zero never ends, a FIFO waits for a writer). */
function notRegular(s: Stats): string {
  const what = s.isFIFO()
    ? 'a named pipe'
    : s.isCharacterDevice()
      ? 'a character device'
      : s.isBlockDevice()
        ? 'a block device'
        : s.isSocket()
          ? 'a socket'
          : 'not a file';
  return `not a regular file (${what}); only regular files are read`;
}

export type Read = { readonly bytes: Uint8Array } | { readonly tooLarge: true } | { readonly error: string };

export interface HowToRead {
  /** The read call (tests: one that returns fewer bytes than asked). */
  readonly read?: typeof readSync;
  /**
   * The path was found a regular file a moment ago (every file `discover` lists): no fstat, the
   * bytes are read into this thread's scratch buffer and copied out (unless `borrow`). Should
   * something else have taken its place since, nothing waits either: a FIFO reads as empty, a
   * device up to the limit.
   */
  readonly known?: boolean;
  /**
   * With `known`: the bytes may be a view of the scratch buffer, good only until this thread's next
   * read (the caller decodes them at once), not a copy of them.
   */
  readonly borrow?: boolean;
}

/** 64 KB, reused by every read of this thread that knows its file is regular. */
let scratch: Buffer | undefined;

/**
 * A regular file's bytes, never more than MAX_FILE_BYTES (a file that grows while read included).
 * Synchronous: on a cached small file each call is a few microseconds, where a promise per call
 * cost more than the read (10,000 files); opened non-blocking, so nothing here waits for a writer.
 */
export function readRegular(path: string, { read = readSync, known = false, borrow = false }: HowToRead = {}): Read {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO that took the file's place returns at once (and is then refused).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { error: reason(e) };
  }
  try {
    // A known file is read into the scratch buffer first; one that fills it is stat'ed like any other.
    let buffer: Buffer = known ? (scratch ??= Buffer.allocUnsafe(65_536)) : Buffer.alloc(0);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > MAX_FILE_BYTES) return { tooLarge: true };
        // It grew (or the scratch buffer is full): room for as much again, and at least 64 KB more.
        let size = Math.max(2 * total, total + 65_536);
        if (total === 0 || buffer === scratch) {
          const s = fstatSync(fd);
          if (!s.isFile()) return { error: notRegular(s) };
          if (s.size > MAX_FILE_BYTES) return { tooLarge: true };
          // The size stat gave and a byte more (a file that grew shows), then on until a read of 0
          // bytes: a read may return fewer bytes than asked before the end.
          if (s.size + 1 > total) size = s.size + 1;
        }
        // Never more than a byte past the limit.
        const bigger = Buffer.allocUnsafe(Math.min(size, MAX_FILE_BYTES + 1));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const bytesRead = read(fd, buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    const bytes = buffer.subarray(0, total);
    return { bytes: buffer === scratch && !borrow ? Buffer.from(bytes) : bytes };
  } catch (e) {
    return { error: reason(e) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // closing a file only read cannot lose anything
    }
  }
}

/** A definition file's bytes, decoded and validated; undefined (said on stderr) when it cannot be read. */
export function readDefinition(path: string, io: Io): Promise<ReturnType<typeof validateBytes> | undefined> {
  return Promise.resolve(definitionOf(path, readRegular(path), io));
}

/** What readDefinition makes of what was read. */
export function definitionOf(
  path: string,
  read: Read,
  io: Pick<Io, 'err'>,
): ReturnType<typeof validateBytes> | undefined {
  if ('error' in read) {
    io.err(`bluejay: cannot read ${printable(path)}: ${printable(read.error)}\n`);
    return undefined;
  }
  if ('tooLarge' in read) return tooLargeResult(path);
  return validateBytes(read.bytes, path, { parse: parseLean });
}
