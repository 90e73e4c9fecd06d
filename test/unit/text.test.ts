import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeUtf8, LineMap } from '../../src/core/text';

void describe('LineMap', () => {
  void test('maps offsets across \\n, \\r\\n and lone \\r line breaks', () => {
    const map = new LineMap('ab\ncd\r\nef\rgh');
    assert.deepEqual(map.position(0), { line: 0, character: 0 });
    assert.deepEqual(map.position(3), { line: 1, character: 0 });
    assert.deepEqual(map.position(5), { line: 1, character: 2 });
    assert.deepEqual(map.position(7), { line: 2, character: 0 });
    assert.deepEqual(map.position(10), { line: 3, character: 0 });
    assert.equal(map.lineCount, 4);
  });

  void test('counts characters in UTF-16 code units, as the Language Server Protocol does', () => {
    const map = new LineMap('😀x');
    assert.deepEqual(map.position(2), { line: 0, character: 2 });
  });

  void test('clamps offsets outside the text', () => {
    const map = new LineMap('abc');
    assert.deepEqual(map.position(-5), { line: 0, character: 0 });
    assert.deepEqual(map.position(99), { line: 0, character: 3 });
  });
});

void describe('decodeUtf8', () => {
  void test('decodes UTF-8 and drops a byte-order mark', () => {
    const r = decodeUtf8(Buffer.from('\uFEFFname: é'));
    assert.deepEqual(r, { ok: true, text: 'name: é', hadBom: true });
  });

  void test('refuses binary, UTF-16 and invalid UTF-8 with a reason', () => {
    assert.deepEqual(pick(decodeUtf8(Uint8Array.from([0x61, 0, 0x62]))), 'binary');
    assert.deepEqual(pick(decodeUtf8(Buffer.from('\uFEFFa: 1', 'utf16le'))), 'utf16');
    const bad = decodeUtf8(Uint8Array.from([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    assert.equal(pick(bad), 'encoding');
    assert.match(bad.ok ? '' : bad.message, /offset 3/);
  });
});

function pick(r: ReturnType<typeof decodeUtf8>): string {
  return r.ok ? 'ok' : r.reason;
}
