import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationPace } from '../../src/extension/validationPace';

/** Records validations of `cost` ms, one after another from `at`, each `gap` ms after the last ended; returns when the last ended. */
function ran(pace: ValidationPace, costs: readonly number[], at = 0, gap = 1000): number {
  let t = at;
  for (const c of costs) {
    t += gap;
    pace.record(t, t + c);
    t += c;
  }
  return t;
}

void describe('validation pace (when a changed document is validated)', () => {
  void it('an edit after a pause waits only the configured delay, however long the file takes to validate', () => {
    const pace = new ValidationPace();
    const ended = ran(pace, [60, 60, 60]);
    // Before: twice the last validation (120 ms) after every edit, pause or not.
    assert.equal(pace.delay(25, ended + 500), 25);
  });

  void it('while typing, a slow file is validated at most half of the time', () => {
    const pace = new ValidationPace();
    const ended = ran(pace, [60, 60, 60]);
    // A change 10 ms after a 60 ms validation ended waits until 60 ms have passed since then.
    assert.equal(pace.delay(25, ended + 10), 50);
    // A small file keeps the configured delay.
    const small = new ValidationPace();
    const smallEnded = ran(small, [4, 4, 4]);
    assert.equal(small.delay(25, smallEnded + 1), 25);
  });

  void it('one slow validation (a GC pause, a busy machine) does not slow the edits after it', () => {
    const pace = new ValidationPace();
    const ended = ran(pace, [5, 5, 5, 5, 300]);
    assert.equal(pace.delay(25, ended + 1), 25);
  });

  void it('with only two validations known, one slow one (the second) does not double the wait', () => {
    const pace = new ValidationPace();
    const ended = ran(pace, [5, 300]);
    assert.equal(pace.cost, 5);
    assert.equal(pace.delay(25, ended + 1), 25);
  });

  void it('a file never validated waits the configured delay; the delay is never negative', () => {
    const pace = new ValidationPace();
    assert.equal(pace.delay(25, 0), 25);
    assert.equal(pace.delay(0, 0), 0);
    ran(pace, [40]);
    assert.ok(pace.delay(0, 1e9) >= 0);
  });
});
