/**
 * Writing the files a push or a pull changes, shared by the CLI and the editor (plain Node `fs`):
 *
 * - `writeFileAtomic`: the new bytes go to a temporary file beside the target, are flushed, and
 *   replace the target by a rename, keeping its mode. A kill at any moment leaves the old file or
 *   the new one, never a truncated one. Writes under way are counted (`afterWrites`: the CLI's second
 *   Ctrl+C waits for them), and a temporary file is removed on failure and at exit.
 * - `acquireLock` / `withLock`: a lock file made with O_EXCL, holding its holder's pid, host and
 *   time. A lock whose holder's process is gone (same host) or that is older than `staleMs` is taken
 *   over (atomically: renamed aside, then checked); a held lock is waited for (until the signal
 *   aborts). Locks are released on every path, and any still held when the process exits are
 *   removed, each only if it is still this process's (its nonce).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, realpath, rename, rm, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Temporary files and locks this process holds: removed if it exits while holding them. A lock
 * maps to its content: removed at exit only if it is still this process's (not one another
 * process made after taking this one over as stale).
 */
const held = new Map<string, string | undefined>();
let exitHook = false;

function hold(path: string, content?: string): void {
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => {
      for (const [p, content] of held) {
        try {
          if (content === undefined || readFileSync(p, 'utf8') === content) unlinkSync(p);
        } catch {
          // already gone
        }
      }
    });
  }
  held.set(path, content);
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

/**
 * Test hooks: each time an acquire finds the lock held and starts waiting; after a lock was judged
 * stale; and just before the lock judged stale is removed (where another process may act).
 */
export const lockHooks: {
  onWait?: (path: string) => void;
  beforeTakeOver?: (path: string) => void;
  beforeRemove?: (path: string) => Promise<void> | void;
} = {};

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
      hold(path, me);
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
    if (held.get(path) === me) held.delete(path);
  }
}

/**
 * What tells one lock file from another: its content, and its inode number and modification time
 * (for a lock not readable yet). Not its change time: a rename changes that.
 */
async function identity(path: string): Promise<string> {
  const s = await stat(path, { bigint: true });
  const text = await readFile(path, 'utf8').catch(() => '');
  return `${s.ino}:${s.mtimeNs}:${s.size}:${text}`;
}

/**
 * Takes the lock at `path` away if its holder is gone or it is too old; whether the lock may be
 * tried again (it was taken away, or vanished). Atomic: the lock is renamed to a name of this
 * process's own, and only then is what was renamed checked to be the lock judged stale. Of two
 * processes taking one stale lock over, one renames it; the other renames nothing, or a fresh lock
 * the first made meanwhile, which it sees and puts back (never over a newer one).
 */
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
  // Not the lock judged stale any more (perhaps a fresh one on the same inode number): wait for it.
  if (seen === '' || (await identity(path).catch(() => '')) !== seen) return true;
  await lockHooks.beforeRemove?.(path);
  const aside = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.stale`;
  hold(aside);
  try {
    try {
      await rename(path, aside);
    } catch {
      return true; // someone else took it over first
    }
    if ((await identity(aside).catch(() => '')) === seen) return true;
    // A fresh lock another process made after taking the stale one over first: back in its place.
    await link(aside, path).catch(() => undefined);
    return false;
  } finally {
    await rm(aside, { force: true }).catch(() => undefined);
    held.delete(aside);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}
