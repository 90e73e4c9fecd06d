/** Lock files (core/sync/files.ts): waiting, take-over of stale locks, release and exit, against a second holder. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { acquireLock, fileLockPath, lockHooks, withLock } from '../../src/core/sync/files';

const dir = (): string => mkdtempSync(join(tmpdir(), 'bluejay-files-'));

/** Runs node with `args`; resolves with its pid and exit code once it has exited. */
function node(...args: string[]): Promise<{ pid: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => resolve({ pid: child.pid ?? -1, code }));
  });
}

/** Resolves the next time an acquire starts waiting on a held lock. */
function nextWait(): Promise<string> {
  return new Promise((resolve) => {
    lockHooks.onWait = (p) => {
      delete lockHooks.onWait;
      resolve(p);
    };
  });
}

void describe('lock files', () => {
  void test('a second acquire waits until the first is released; the lock file is gone after', async () => {
    const lock = join(dir(), 'state.json.lock');
    const first = await acquireLock(lock);
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(lock, 'utf8')) as object), ['pid', 'host', 'at', 'nonce']);
    const waiting = nextWait();
    const second = acquireLock(lock);
    assert.equal(await waiting, lock);
    await first.release();
    const got = await second;
    assert.ok(existsSync(lock));
    await got.release();
    assert.equal(existsSync(lock), false);
  });

  void test('waiting stops when the signal aborts', async () => {
    const lock = join(dir(), 'x.lock');
    const held = await acquireLock(lock);
    const abort = new AbortController();
    const waiting = nextWait();
    const second = acquireLock(lock, { signal: abort.signal });
    await waiting;
    abort.abort();
    await assert.rejects(second, { name: 'AbortError' });
    await held.release();
  });

  void test('withLock releases the lock when the work throws', async () => {
    const lock = join(dir(), 'x.lock');
    await assert.rejects(
      withLock(lock, () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(existsSync(lock), false);
  });

  void test('a lock whose holder died is taken over; so is an old one; a fresh one of another host is waited for', async () => {
    const d = dir();
    const gone = await node('-e', '');
    const lock = join(d, 'dead.lock');
    writeFileSync(lock, JSON.stringify({ pid: gone.pid, host: hostname(), at: new Date().toISOString() }));
    await (await acquireLock(lock)).release();

    const old = join(d, 'old.lock');
    writeFileSync(old, JSON.stringify({ pid: process.pid, host: 'elsewhere', at: '2020-01-01T00:00:00.000Z' }));
    utimesSync(old, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    await (await acquireLock(old)).release();

    const fresh = join(d, 'fresh.lock');
    writeFileSync(fresh, JSON.stringify({ pid: gone.pid, host: 'elsewhere', at: new Date().toISOString() }));
    const abort = new AbortController();
    const waiting = nextWait();
    const p = acquireLock(fresh, { signal: abort.signal });
    await waiting;
    abort.abort();
    await assert.rejects(p, { name: 'AbortError' });
    assert.ok(existsSync(fresh));
  });

  /** Replaces the file at `path` by one with `text`, on the same inode number when the file system reuses it (ext4, tmpfs do at once). */
  const replaceReusingInode = (path: string, text: string): boolean => {
    const ino = statSync(path).ino;
    for (let i = 0; i < 50; i++) {
      unlinkSync(path);
      writeFileSync(path, text, { flag: 'wx' });
      if (statSync(path).ino === ino) return true;
    }
    return false;
  };

  void test('release never removes a lock that replaced its own on the same inode number (found in review)', async (t) => {
    const lock = join(dir(), 'reuse.lock');
    const mine = await acquireLock(lock);
    // Taken over meanwhile (as stale), and a new holder's lock made on the freed inode.
    const theirs = JSON.stringify({ pid: process.pid + 1, host: hostname(), at: new Date().toISOString() });
    if (!replaceReusingInode(lock, theirs)) return t.skip('this file system does not reuse inode numbers at once');
    await mine.release();
    assert.equal(existsSync(lock) && readFileSync(lock, 'utf8'), theirs, "the new holder's lock is kept");
  });

  void test('a stale lock replaced by a fresh one on the same inode number before the take-over is not removed (found in review)', async (t) => {
    const d = dir();
    const gone = await node('-e', '');
    const lock = join(d, 'stale.lock');
    writeFileSync(lock, JSON.stringify({ pid: gone.pid, host: hostname(), at: new Date().toISOString() }));
    const fresh = JSON.stringify({ pid: process.pid, host: 'elsewhere', at: new Date().toISOString() });
    let reused = true;
    lockHooks.beforeTakeOver = (path) => {
      delete lockHooks.beforeTakeOver;
      reused = replaceReusingInode(path, fresh); // another process took the stale lock over first
    };
    const abort = new AbortController();
    const waiting = nextWait();
    const p = acquireLock(lock, { signal: abort.signal });
    try {
      // The fresh lock is waited for, not removed.
      const first = await Promise.race([
        waiting.then(() => 'waited'),
        p.then(async (l) => {
          await l.release();
          return 'taken';
        }),
      ]);
      assert.equal(first, 'waited', 'the fresh lock was removed and taken');
      abort.abort();
      await assert.rejects(p, { name: 'AbortError' });
    } finally {
      delete lockHooks.beforeTakeOver;
    }
    if (!reused) return t.skip('this file system does not reuse inode numbers at once');
    assert.equal(readFileSync(lock, 'utf8'), fresh);
  });

  void test('a lock still held when the process exits is removed', async () => {
    const d = dir();
    const lock = join(d, 'held.lock');
    const files = join(__dirname, '..', '..', 'src', 'core', 'sync', 'files.js');
    const r = await node(
      '-e',
      `require(${JSON.stringify(files)}).acquireLock(${JSON.stringify(lock)}).then(() => process.exit(3))`,
    );
    assert.equal(r.code, 3);
    assert.equal(existsSync(lock), false);
  });

  void test('a lock taken over by another process is not removed at exit by its old holder (found in review)', async () => {
    const d = dir();
    const lock = join(d, 'held.lock');
    const theirs = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString(), nonce: 'x' });
    const files = join(__dirname, '..', '..', 'src', 'core', 'sync', 'files.js');
    // Held, then judged stale and taken over by another process (its own lock in its place), then exit.
    const r = await node(
      '-e',
      `const fs = require('node:fs');
       require(${JSON.stringify(files)}).acquireLock(${JSON.stringify(lock)}).then(() => {
         fs.unlinkSync(${JSON.stringify(lock)});
         fs.writeFileSync(${JSON.stringify(lock)}, ${JSON.stringify(theirs)}, { flag: 'wx' });
         process.exit(3);
       })`,
    );
    assert.equal(r.code, 3);
    assert.equal(existsSync(lock) && readFileSync(lock, 'utf8'), theirs, "the new holder's lock is kept");
  });

  void test('two processes taking over one stale lock: only one of them holds it (found in review)', async () => {
    const d = dir();
    const gone = await node('-e', '');
    const lock = join(d, 'stale.lock');
    writeFileSync(lock, JSON.stringify({ pid: gone.pid, host: hostname(), at: new Date().toISOString() }));
    let second: Awaited<ReturnType<typeof acquireLock>> | undefined;
    // The first judges the lock stale; just before it removes it, a second process judges it stale too, takes it over and holds it.
    lockHooks.beforeRemove = async (path) => {
      delete lockHooks.beforeRemove;
      second = await acquireLock(path);
    };
    const abort = new AbortController();
    const waiting = nextWait();
    const first = acquireLock(lock, { signal: abort.signal });
    try {
      const won = await Promise.race([
        waiting.then(() => 'waited'),
        first.then(async (l) => {
          await l.release();
          return 'taken';
        }),
      ]);
      assert.equal(won, 'waited', "the first removed the second's lock and took it too");
      abort.abort();
      await assert.rejects(first, { name: 'AbortError' });
      assert.ok(second, 'the second holds the lock');
      const mine = readFileSync(lock, 'utf8');
      assert.equal((JSON.parse(mine) as { pid: number }).pid, process.pid);
      await second.release();
      assert.equal(existsSync(lock), false);
      assert.deepEqual(readdirSync(d), [], 'nothing set aside is left');
    } finally {
      delete lockHooks.beforeRemove;
    }
  });

  void test("a definition file's lock is a hidden file beside it, the same through a symbolic link", async () => {
    const d = dir();
    writeFileSync(join(d, 'a.persona.yaml'), '');
    symlinkSync(join(d, 'a.persona.yaml'), join(d, 'l.persona.yaml'));
    assert.equal(await fileLockPath(join(d, 'a.persona.yaml')), join(d, '.a.persona.yaml.bluejay-lock'));
    assert.equal(await fileLockPath(join(d, 'l.persona.yaml')), join(d, '.a.persona.yaml.bluejay-lock'));
  });
});
