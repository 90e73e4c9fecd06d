/** Finds the definition files the CLI was pointed at: named files as they are, folders searched for the two suffixes. */
import { constants, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CODES } from '../core/codes';
import { formatFromFileName, isDefinitionFileName, kindFromFileName } from '../core/kinds';
import { validateBytes } from '../core/validate';
import type { Io } from './io';
import { printable } from './output';

/** The largest definition file read: far above any real one, and a clear problem past it rather than memory without bound. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

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

/** Why a path that is neither a folder nor a regular file is not read (reading /dev/zero never ends, a FIFO waits for a writer). */
function notRegular(s: Stats): string {
  const what = s.isFIFO() ? 'a named pipe' : s.isCharacterDevice() ? 'a character device' : s.isBlockDevice() ? 'a block device' : s.isSocket() ? 'a socket' : 'not a file';
  return `not a regular file (${what}); only regular files are read`;
}

type Read = { readonly bytes: Uint8Array } | { readonly tooLarge: true } | { readonly error: string };

/** A regular file's bytes, never more than MAX_FILE_BYTES (a file that grows while read included). */
async function readRegular(path: string): Promise<Read> {
  let handle;
  try {
    // Non-blocking, so opening a FIFO that took the file's place returns at once (and is then refused).
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { error: reason(e) };
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) return { error: notRegular(s) };
    if (s.size > MAX_FILE_BYTES) return { tooLarge: true };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // The size stat gave in one read, then until the end (a file may grow while it is read), one byte past the limit at most.
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(s.size + 1 - total, 65_536), MAX_FILE_BYTES + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > MAX_FILE_BYTES) return { tooLarge: true };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { error: reason(e) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A definition file's bytes, decoded and validated; undefined (said on stderr) when it cannot be read. */
export async function readDefinition(path: string, io: Io): Promise<ReturnType<typeof validateBytes> | undefined> {
  const read = await readRegular(path);
  if ('error' in read) {
    io.err(`bluejay: cannot read ${printable(path)}: ${printable(read.error)}\n`);
    return undefined;
  }
  if ('tooLarge' in read) {
    const message = `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, the most a definition file may be; it is not read.`;
    const zero = { line: 0, character: 0 };
    return { kind: kindFromFileName(path), format: formatFromFileName(path), problems: [{ severity: CODES['file-too-large'], code: 'file-too-large', message, pointer: '', range: { start: zero, end: zero } }] };
  }
  return validateBytes(read.bytes, path);
}
