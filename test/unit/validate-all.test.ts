import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateFiles, type FileIo, type Published } from '../../src/extension/editing/validateFiles';

const VALID = 'kind: digital-human\nid: 5\nname: Ann\n';
const BROKEN = 'kind: digital-human\nid: 5\nvoice_speed: fastt\n';

interface Fake {
  readonly io: FileIo<string>;
  readonly published: Published<string>[];
  readonly reads: string[];
  /** Fake milliseconds between one yield and the next (the longest the host was held). */
  readonly slices: number[];
  yields: number;
}

/**
 * Files by name (a string is its text; `gone` was deleted after the find; a number is the size of
 * a file too large to be read; `pipe` is no regular file). Each read holds the host `costMs` fake ms.
 */
function fake(files: Record<string, string | number>, o: { costMs?: number; cancelAfter?: number } = {}): Fake {
  let clock = 0;
  let sliceStart = 0;
  let asked = 0;
  const f: Fake = {
    published: [],
    reads: [],
    slices: [],
    yields: 0,
    io: {
      openProblems: () => undefined,
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
      publish: (files) => f.published.push(...files),
      path: (uri) => `/w/${uri}`,
      progress: () => undefined,
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
});
