import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, read as fsRead, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Problem } from '../../src/core/problem';
import {
  readLocal,
  readThrough,
  validateFiles,
  type FileIo,
  type Published,
} from '../../src/extension/editing/validateFiles';

const VALID = 'kind: digital-human\nid: 5\nname: Ann\n';
const BROKEN = 'kind: digital-human\nid: 5\nvoice_speed: fastt\n';

interface Fake {
  readonly io: FileIo<string>;
  readonly published: Published<string>[];
  readonly reads: string[];
  /** Fake milliseconds between one yield and the next (the longest the host was held). */
  readonly slices: number[];
  /** Each progress report: [done, total]. */
  readonly progress: [number, number][];
  yields: number;
}

/**
 * Files by name (a string is its text; `gone` was deleted after the find; a number is the size of
 * a file too large to be read; `pipe` is no regular file). Each read holds the host `costMs` fake ms.
 */
function fake(
  files: Record<string, string | number>,
  o: { costMs?: number; cancelAfter?: number; openProblems?: FileIo<string>['openProblems'] } = {},
): Fake {
  let clock = 0;
  let sliceStart = 0;
  let asked = 0;
  const f: Fake = {
    published: [],
    reads: [],
    slices: [],
    progress: [],
    yields: 0,
    io: {
      openProblems: o.openProblems ?? (() => undefined),
      // As VS Code's file system API reads (a virtual workspace's files).
      read: (uri) =>
        readThrough(uri, {
          stat: (uri) => {
            const v = files[uri];
            if (v === undefined || v === 'gone')
              return Promise.reject(Object.assign(new Error(`ENOENT: ${uri}`), { code: 'FileNotFound' }));
            return Promise.resolve({ file: v !== 'pipe', size: typeof v === 'number' ? v : Buffer.byteLength(v) });
          },
          readFile: (uri) => {
            f.reads.push(uri);
            const v = files[uri];
            if (v === undefined || v === 'gone') return Promise.reject(new Error(`ENOENT: ${uri}`));
            if (v === 'pipe') return new Promise(() => undefined); // a named pipe: never ends
            if (typeof v === 'number') throw new Error(`read whole: ${uri} (${v} bytes)`);
            clock += o.costMs ?? 0;
            return Promise.resolve(new TextEncoder().encode(v));
          },
        }),
      publish: (files) => f.published.push(...files),
      path: (uri) => `/w/${uri}`,
      progress: (done, total) => f.progress.push([done, total]),
      skipped: () => undefined,
      // Cancel is pressed once `cancelAfter` files were taken up.
      cancelled: () => o.cancelAfter !== undefined && asked++ >= o.cancelAfter,
      now: () => clock,
      yield: () => {
        f.yields++;
        f.slices.push(clock - sliceStart);
        sliceStart = clock;
        return new Promise((resolve) => setImmediate(resolve));
      },
    },
  };
  return f;
}

void describe('Validate All Definitions in Workspace (the loop)', () => {
  void it('skips a file deleted between the find and the read, and validates the rest', async () => {
    const f = fake({ 'a.digital-human.yaml': VALID, 'b.digital-human.yaml': 'gone', 'c.digital-human.yaml': BROKEN });
    const totals = await validateFiles(
      Object.keys({ 'a.digital-human.yaml': 1, 'b.digital-human.yaml': 1, 'c.digital-human.yaml': 1 }),
      f.io,
    );
    assert.deepEqual(totals, { files: 2, errors: 1, warnings: 0 });
    assert.deepEqual(
      f.published.map((p) => p.uri),
      ['a.digital-human.yaml', 'c.digital-human.yaml'],
    );
  });

  void it('gives a file over 64 MB file-too-large, as the CLI does, without reading it', async () => {
    const big = 64 * 1024 * 1024 + 1;
    const f = fake({ 'huge.digital-human.yaml': big, 'a.digital-human.yaml': VALID });
    const totals = await validateFiles(['huge.digital-human.yaml', 'a.digital-human.yaml'], f.io);
    assert.deepEqual(f.reads, ['a.digital-human.yaml']);
    const huge = f.published.find((p) => p.uri === 'huge.digital-human.yaml');
    assert.deepEqual(
      huge?.problems.map((p) => [p.code, p.severity, p.pointer]),
      [['file-too-large', 'error', '']],
    );
    assert.equal(huge?.kind, 'digital-human');
    assert.match(huge?.problems[0]?.message ?? '', /larger than 64 MB/);
    assert.deepEqual(totals, { files: 2, errors: 1, warnings: 0 });
  });

  void it('never reads what is not a regular file (a named pipe would never end)', async () => {
    const f = fake({ 'p.digital-human.yaml': 'pipe', 'a.digital-human.yaml': VALID });
    const totals = await validateFiles(['p.digital-human.yaml', 'a.digital-human.yaml'], f.io);
    assert.deepEqual(f.reads, ['a.digital-human.yaml']);
    assert.equal(totals.files, 1);
  });

  void it('on 2,000 files, never holds the host more than 50 ms at a time', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`f${i}.digital-human.yaml`] = i % 10 ? VALID : BROKEN;
    const f = fake(files, { costMs: 1 });
    const totals = await validateFiles(Object.keys(files), f.io);
    assert.deepEqual(totals, { files: 2000, errors: 200, warnings: 0 });
    assert.ok(f.yields >= 40, `yielded ${f.yields} times in 2,000 fake ms`);
    assert.ok(Math.max(...f.slices) <= 50, `longest slice ${Math.max(...f.slices)} ms`);
    assert.equal(f.published.length, 2000);
  });

  void it('stops when cancelled, with the totals so far', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`f${i}.persona.yaml`] = 'kind: customer-persona\nname: x\n';
    const f = fake(files, { cancelAfter: 30 });
    const totals = await validateFiles(Object.keys(files), f.io);
    assert.equal(totals.files, 30);
    assert.equal(f.published.length, 30); // what was validated is shown
  });

  void it('counts skipped files in the progress, which reaches 100%', async () => {
    const names = ['a.digital-human.yaml', 'gone.digital-human.yaml', 'p.digital-human.yaml', 'b.digital-human.yaml'];
    const f = fake({ [names[0]!]: VALID, [names[1]!]: 'gone', [names[2]!]: 'pipe', [names[3]!]: 'gone' });
    const totals = await validateFiles(names, f.io);
    assert.equal(totals.files, 1);
    assert.deepEqual(f.progress.at(-1), [4, 4]);
  });

  void it('a file opened after its disk read shows its editor text problems, not the disk ones', async () => {
    const editor: Problem = {
      severity: 'warning',
      code: 'possible-secret',
      message: 'from the editor',
      pointer: '/name',
      range: { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } },
    };
    let opened = false;
    // b.digital-human.yaml is opened (and edited) in the editor just after the loop took it up from disk.
    const f = fake(
      { 'a.digital-human.yaml': VALID, 'b.digital-human.yaml': BROKEN, 'c.digital-human.yaml': VALID },
      {
        openProblems: (uri) => {
          if (uri !== 'b.digital-human.yaml') return undefined;
          if (opened) return [editor];
          opened = true;
          return undefined;
        },
      },
    );
    const totals = await validateFiles(['a.digital-human.yaml', 'b.digital-human.yaml', 'c.digital-human.yaml'], f.io);
    assert.deepEqual(
      f.published.map((p) => p.uri),
      ['a.digital-human.yaml', 'c.digital-human.yaml'],
    );
    assert.deepEqual(totals, { files: 3, errors: 0, warnings: 1 });
  });
});

void describe('Validate All reads a file on this disk with Node (readLocal)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bluejay-vall-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  void it('reads a regular file whole', async () => {
    const path = join(dir, 'a.digital-human.yaml');
    writeFileSync(path, VALID);
    const read = await readLocal(path);
    assert.ok('bytes' in read);
    assert.equal(Buffer.from(read.bytes).toString(), VALID);
  });

  void it('reads an empty file and one larger than a read', async () => {
    writeFileSync(join(dir, 'empty.persona.yaml'), '');
    const empty = await readLocal(join(dir, 'empty.persona.yaml'));
    assert.ok('bytes' in empty && empty.bytes.length === 0);
    const big = `kind: digital-human\nname: ${'x'.repeat(200_000)}\n`;
    writeFileSync(join(dir, 'big.digital-human.yaml'), big);
    const read = await readLocal(join(dir, 'big.digital-human.yaml'));
    assert.ok('bytes' in read);
    assert.equal(Buffer.from(read.bytes).toString(), big);
  });

  void it('skips a file that is gone and a folder, and never opens a named pipe for long', async () => {
    assert.match(JSON.stringify(await readLocal(join(dir, 'gone.persona.yaml'))), /"skipped":"ENOENT/);
    mkdirSync(join(dir, 'folder.persona.yaml'));
    assert.deepEqual(await readLocal(join(dir, 'folder.persona.yaml')), { skipped: 'not a regular file' });
    if (process.platform === 'win32') return;
    execFileSync('mkfifo', [join(dir, 'pipe.persona.yaml')]);
    assert.deepEqual(await readLocal(join(dir, 'pipe.persona.yaml')), { skipped: 'not a regular file' });
  });

  void it('a short read is not the end of a file: it reads on to the size fstat gave', async () => {
    const path = join(dir, 'pieces.digital-human.yaml');
    const text = `kind: digital-human\nname: ${'x'.repeat(5000)}\n`;
    writeFileSync(path, text);
    for (const most of [1, 7, 4096, 5000]) {
      // A file system that answers at most `most` bytes a read (a network one may).
      const pieces: typeof fsRead = ((fd: number, buf: Buffer, off: number, len: number, pos: null, cb: never) =>
        fsRead(fd, buf, off, Math.min(len, most), pos, cb)) as typeof fsRead;
      const read = await readLocal(path, pieces);
      assert.ok('bytes' in read, JSON.stringify(read));
      assert.equal(Buffer.from(read.bytes).toString(), text, `at most ${most} bytes a read`);
    }
  });

  void it('does not read a file over 64 MB', async () => {
    const path = join(dir, 'huge.digital-human.yaml');
    writeFileSync(path, '');
    truncateSync(path, 64 * 1024 * 1024 + 1); // sparse: no 64 MB written
    assert.deepEqual(await readLocal(path), { tooLarge: true });
  });
});
