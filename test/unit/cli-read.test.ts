/**
 * How the CLI reads a definition file (`readRegular`): a read that returns fewer bytes than asked is
 * not the end of the file (a file system may answer in pieces); only a read of 0 bytes is, or the
 * size limit.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync, readSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readRegular } from '../../src/cli/discover';
import { MAX_FILE_BYTES } from '../../src/core/validate';
import { stateRootDir } from './support/cli';

/** A readSync that never returns more than `most` bytes at a time, counting its calls. */
function shortReads(most: number): { read: typeof readSync; calls: () => number } {
  let calls = 0;
  const read = ((fd: number, buffer: Uint8Array, offset: number, length: number, position: null) => {
    calls++;
    return readSync(fd, buffer, offset, Math.min(length, most), position);
  }) as typeof readSync;
  return { read, calls: () => calls };
}

void describe('reading a file in pieces', () => {
  const dir = stateRootDir('short-reads');

  void test('a short read is not the end of the file: it is read to the end (a read of 0 bytes)', () => {
    const file = join(dir, 'pieces.persona.yaml');
    const text = `kind: customer-persona\nname: ${'x'.repeat(5000)}\n`;
    writeFileSync(file, text);
    for (const known of [false, true])
      for (const most of [1, 7, 4096, 5000]) {
        const r = shortReads(most);
        const read = readRegular(file, { read: r.read, known });
        assert.ok('bytes' in read, JSON.stringify(read));
        assert.equal(Buffer.from(read.bytes).toString('utf8'), text, `at most ${most} bytes a read (${known})`);
        assert.ok(r.calls() > Math.ceil(text.length / most), `the last read returned 0 bytes (${most}, ${known})`);
      }
  });

  void test('an empty file is one read of 0 bytes', () => {
    const file = join(dir, 'empty.persona.yaml');
    writeFileSync(file, '');
    for (const known of [false, true]) {
      const read = readRegular(file, { read: shortReads(10).read, known });
      assert.ok('bytes' in read);
      assert.equal(read.bytes.length, 0);
    }
  });

  void test(`read in pieces, a file of exactly ${MAX_FILE_BYTES / 1024 / 1024} MB is read whole, one byte more is too large`, () => {
    const file = join(dir, 'limit.persona.yaml');
    closeSync(openSync(file, 'w')); // made sparse below: no 64 MB written
    for (const known of [false, true]) {
      truncateSync(file, MAX_FILE_BYTES);
      const read = readRegular(file, { read: shortReads(3 * 1024 * 1024 + 17).read, known });
      assert.ok('bytes' in read);
      assert.equal(read.bytes.length, MAX_FILE_BYTES);
      truncateSync(file, MAX_FILE_BYTES + 1);
      const r = shortReads(3 * 1024 * 1024 + 17);
      assert.deepEqual(readRegular(file, { read: r.read, known }), { tooLarge: true });
      // Not read: what stat says is enough (after the first 64 KB for a file known to be regular).
      assert.equal(r.calls(), known ? 1 : 0);
    }
  });
});

void describe('borrowed bytes', () => {
  const dir = stateRootDir('borrowed-reads');

  void test('a borrowed read is a view good until the next read; a kept read is a copy of its own', () => {
    const a = join(dir, 'a.persona.yaml');
    const b = join(dir, 'b.persona.yaml');
    writeFileSync(a, 'kind: customer-persona\nname: A\n');
    writeFileSync(b, 'kind: customer-persona\nname: B\n');
    const kept = readRegular(a, { known: true });
    const borrowed = readRegular(a, { known: true, borrow: true });
    assert.ok('bytes' in kept && 'bytes' in borrowed);
    assert.equal(Buffer.from(borrowed.bytes).toString('utf8'), 'kind: customer-persona\nname: A\n');
    readRegular(b, { known: true, borrow: true });
    // The next read wrote over the borrowed view; the kept copy is unchanged.
    assert.equal(Buffer.from(borrowed.bytes).toString('utf8'), 'kind: customer-persona\nname: B\n');
    assert.equal(Buffer.from(kept.bytes).toString('utf8'), 'kind: customer-persona\nname: A\n');
  });
});
