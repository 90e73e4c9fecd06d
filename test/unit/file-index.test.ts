/** FileIndex: the file of a resource, updated one file at a time. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FileIndex } from '../../src/core/sync/fileIndex';

void describe('FileIndex', () => {
  void test('a file gives a key; changing what it gives moves it; deleting it drops it', () => {
    const index = new FileIndex<string>();
    index.set('a', 'file-a', '/w/a.digital-human.yaml', 'dh:1');
    assert.equal(index.get('dh:1'), 'file-a');
    index.set('a', 'file-a', '/w/a.digital-human.yaml', 'dh:2');
    assert.equal(index.get('dh:1'), undefined);
    assert.equal(index.get('dh:2'), 'file-a');
    index.set('a', 'file-a', '/w/a.digital-human.yaml', undefined);
    assert.equal(index.get('dh:2'), undefined);
    assert.equal(index.size, 0);
    index.set('a', 'file-a', '/w/a.digital-human.yaml', 'dh:2');
    index.delete('a');
    index.delete('a');
    assert.equal(index.get('dh:2'), undefined);
    assert.equal(index.size, 0);
  });

  void test('of two files giving one key, the first by path, whatever order they came in', () => {
    const index = new FileIndex<string>();
    index.set('z', 'zebra', '/w/z.digital-human.yaml', 'dh:1');
    index.set('b', 'bee', '/w/b.digital-human.yaml', 'dh:1');
    assert.equal(index.get('dh:1'), 'bee');
    index.delete('b');
    assert.equal(index.get('dh:1'), 'zebra');
    index.set('b', 'bee', '/w/b.digital-human.yaml', 'dh:1');
    index.set('b', 'bee', '/w/b.digital-human.yaml', 'dh:9');
    assert.equal(index.get('dh:1'), 'zebra');
    assert.equal(index.get('dh:9'), 'bee');
  });
});
