/**
 * Writing the files a push or a pull changes, shared by the CLI and the editor (plain Node `fs`):
 *
 * - `writeFileAtomic`: the new bytes go to a temporary file beside the target, are flushed, and
 *   replace the target by a rename, keeping its mode. A kill at any moment leaves the old file or
 *   the new one, never a truncated one. Writes under way are counted (`afterWrites`: the CLI's second
 *   Ctrl+C waits for them), and a temporary file is removed on failure and at exit.
 * - `acquireLock` / `withLock`: a lock file made with O_EXCL, holding its holder's pid, host and
 *   time. A lock whose holder's process is gone (same host) or that is older than `staleMs` is taken
 *   over; a held lock is waited for (until the signal aborts). Locks are released on every path,
 *   and any still held when the process exits are removed.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, open, readFile, realpath, rename, rm, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Temporary files and locks this process holds: removed if it exits while holding them. */
const held = new Set<string>();
let exitHook = false;

function hold(path: string): void {
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const p of held) {
        try {
          unlinkSync(p);
        } catch {
          // already gone
        }
      }
    });
  }
  held.add(path);
}

let writing = 0;
const idle: (() => void)[] = [];

/** Runs `then` now if no write is under way, else as soon as the last one ends (synchronously, before any other starts). */
export function afterWrites(then: () => void): void {
  if (writing === 0) then();
  else idle.push(then);
}

async function counted<T>(work: () => Promise<T>): Promise<T> {
  writing++;
  try {
    return await work();
  } finally {
    writing--;
    if (writing === 0) for (const f of idle.splice(0)) f();
  }
}

/** Test hooks: called between writing the temporary file and renaming it (a throw there is a failed write). */
export const writeHooks: { beforeRename?: (temp: string, target: string) => Promise<void> | void } = {};

/**
 * Replaces `path`'s content atomically: a temporary file beside it (through a symbolic link, beside
 * the file it points to), flushed, given the old file's mode, then renamed over it. On failure the
 * old file is as it was and the temporary file is gone; the error is thrown. `exclusive`: only a
 * new file (EEXIST when `path` exists, also if it appears during the write).
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: { readonly exclusive?: boolean } = {},
): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const mode = await stat(target).then(
    (s) => s.mode & 0o7777,
    () => undefined,
  );
  if (options.exclusive && mode !== undefined)
    throw Object.assign(new Error(`${path} already exists`), { code: 'EEXIST' });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  await counted(async () => {
    hold(temp);
    try {
      const handle = await open(temp, 'wx', mode ?? 0o666);
      try {
        await handle.writeFile(data);
        if (mode !== undefined) await handle.chmod(mode); // the umask may have narrowed it
        await handle.sync();
      } finally {
        await handle.close();
      }
      await writeHooks.beforeRename?.(temp, target);
      if (options.exclusive) {
        // A new file: linked into place, which fails (EEXIST) if one appeared meanwhile.
        await link(temp, target);
        await rm(temp, { force: true });
      } else await rename(temp, target);
    } catch (e) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw e;
    } finally {
      held.delete(temp);
    }
  });
}

export interface Lock {
  readonly path: string;
  /** Removes the lock file (if it is still this one); never throws. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** A lock older than this is taken over whoever holds it (default 10 minutes). */
  readonly staleMs?: number;
  /** Stops waiting (the promise rejects with the signal's reason). */
  readonly signal?: AbortSignal;
  /** How often a held lock is looked at again (default 50 ms). */
  readonly pollMs?: number;
}

/** Test hooks: each time an acquire finds the lock held and starts waiting; after a lock was judged stale, before it is removed. */
export const lockHooks: { onWait?: (path: string) => void; beforeTakeOver?: (path: string) => void } = {};

/** The lock file of a definition file (beside it, hidden): one per file, however the file is named. */
export async function fileLockPath(file: string): Promise<string> {
  const real = await realpath(file).catch(() => file);
  return join(dirname(real), `.${basename(real)}.bluejay-lock`);
}

/** Takes the lock file `path` (its folder must exist), waiting while another live holder has it. */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<Lock> {
  // The nonce makes the content unique: a lock is told from another by its content, never by its inode number alone (numbers are reused).
  const me = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    at: new Date().toISOString(),
    nonce: randomBytes(6).toString('hex'),
  });
  for (;;) {
    options.signal?.throwIfAborted();
    const handle = await open(path, 'wx').catch((e: unknown) => {
      if ((e as { code?: unknown }).code === 'EEXIST') return undefined;
      throw e;
    });
    if (handle) {
      hold(path);
      try {
        try {
          await handle.writeFile(me);
        } finally {
          await handle.close();
        }
        return { path, release: () => release(path, me) };
      } catch (e) {
        held.delete(path);
        await rm(path, { force: true }).catch(() => undefined);
        throw e;
      }
    }
    if (await takeOverStale(path, options.staleMs ?? 10 * 60_000)) continue;
    lockHooks.onWait?.(path);
    await delay(options.pollMs ?? 50, undefined, options.signal ? { signal: options.signal } : {});
  }
}

/** Runs `work` holding the lock `path`, releasing it however `work` ends. */
export async function withLock<T>(path: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = await acquireLock(path, options);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

async function release(path: string, me: string): Promise<void> {
  try {
    // Still this lock (not one another holder made after a take-over, maybe on the same inode number).
    if ((await readFile(path, 'utf8')) === me) await unlink(path);
  } catch {
    // gone already (taken over as stale, or removed by hand)
  } finally {
    // Only now: a process that exits while the lock is being removed (a second Ctrl+C) still removes it at exit.
    held.delete(path);
  }
}

/** What tells one lock file from another: its content, and its inode number and change time (for a lock not readable yet). */
async function identity(path: string): Promise<string> {
  const s = await stat(path, { bigint: true });
  const text = await readFile(path, 'utf8').catch(() => '');
  return `${s.ino}:${s.ctimeNs}:${s.size}:${text}`;
}

/** Removes the lock at `path` if its holder is gone or it is too old; whether it did (or the lock vanished). */
async function takeOverStale(path: string, staleMs: number): Promise<boolean> {
  let seen: string;
  let age: number;
  let holder: { pid?: unknown; host?: unknown } | undefined;
  try {
    const s = await stat(path);
    seen = await identity(path);
    age = Date.now() - s.mtimeMs;
    holder = JSON.parse(await readFile(path, 'utf8')) as typeof holder;
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return true; // released meanwhile: try again
    holder = undefined; // being written, or not ours to read: only its age can tell
    age = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    seen = await identity(path).catch(() => '');
  }
  const dead =
    holder !== undefined && holder.host === hostname() && typeof holder.pid === 'number' && !alive(holder.pid);
  if (!dead && age < staleMs) return false;
  lockHooks.beforeTakeOver?.(path);
  try {
    // The very lock judged stale, not a fresh one made meanwhile (perhaps on the same inode number).
    if (seen !== '' && (await identity(path)) === seen) await unlink(path);
  } catch {
    // someone else took it over first
  }
  return true;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}
