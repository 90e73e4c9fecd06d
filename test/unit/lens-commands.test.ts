/** The CodeLens of a definition (src/extension/lensCommands.ts): what it offers, and not untrusted. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lensCommands } from '../../src/extension/lensCommands';

void describe('the CodeLens of a definition', () => {
  void test('Push | Diff | Pull | Run: Diff and Pull once on Bluejay, Run for a digital human on Bluejay', () => {
    assert.deepEqual(lensCommands({ onBluejay: false, digitalHuman: true, trusted: true }), ['pushFile']);
    assert.deepEqual(lensCommands({ onBluejay: true, digitalHuman: false, trusted: true }), [
      'pushFile',
      'diffWithRemote',
      'pullIntoFile',
    ]);
    assert.deepEqual(lensCommands({ onBluejay: true, digitalHuman: true, trusted: true }), [
      'pushFile',
      'diffWithRemote',
      'pullIntoFile',
      'runFile',
    ]);
  });

  void test('untrusted: no Push and no Run (both refused there), Diff and Pull still (they work)', () => {
    assert.deepEqual(lensCommands({ onBluejay: true, digitalHuman: true, trusted: false }), [
      'diffWithRemote',
      'pullIntoFile',
    ]);
    assert.deepEqual(lensCommands({ onBluejay: false, digitalHuman: true, trusted: false }), []);
  });
});
