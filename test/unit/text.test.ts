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

/** Line starts the slow, plain way: after each \n, \r\n and lone \r. */
function startsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

void describe('LineMap finds line starts only as far as it is asked', () => {
  void test('a position near the top of a long text does not scan the rest', () => {
    const text = 'kind: digital-human\nname: A\n' + 'x: 1\n'.repeat(200_000);
    const map = new LineMap(text);
    assert.deepEqual(map.position(22), { line: 1, character: 2 });
    assert.ok(map.scannedTo < 100, `scanned to ${map.scannedTo}`);
    assert.equal(map.lineCount, 200_003);
    assert.equal(map.scannedTo, text.length);
  });

  void test('answers as the whole scan would, in any order of questions, for every kind of line break', () => {
    let seed = 7;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const pieces = ['a', 'bc', '\n', '\r\n', '\r', '😀', ' '];
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = random(60); i > 0; i--) text += pieces[random(pieces.length)];
      const starts = startsOf(text);
      const map = new LineMap(text);
      for (let q = 0; q < 20; q++) {
        const offset = random(text.length + 3) - 1;
        const o = Math.max(0, Math.min(offset, text.length));
        let line = 0;
        while (line + 1 < starts.length && (starts[line + 1] ?? 0) <= o) line++;
        assert.deepEqual(map.position(offset), { line, character: o - (starts[line] ?? 0) }, JSON.stringify(text));
        const n = random(starts.length + 2);
        assert.equal(map.lineStart(n), starts[n] ?? text.length, JSON.stringify(text));
        if (n < starts.length) {
          const end = n + 1 < starts.length ? (starts[n + 1] ?? 0) : text.length;
          assert.equal(map.lineText(n), text.slice(starts[n], end).replace(/\r?\n$|\r$/, ''));
        }
      }
      assert.equal(map.lineCount, starts.length);
    }
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
