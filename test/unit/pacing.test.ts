/** The Pacer on events and a fake clock: how many tasks run at once, and the least gap between starts. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Pacer, type Clock } from '../../src/core/api/pacing';

/** A clock that stands still and never waits: it records each sleep asked of it. */
function fakeClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return {
    slept,
    now: () => 1_000,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
  };
}

/** A task the test finishes when it wants; `started` resolves when the pacer starts it. */
function task(): { run: () => Promise<void>; finish: () => void; started: Promise<void>; running: () => boolean } {
  let finish = (): void => undefined;
  let markStarted = (): void => undefined;
  let state: 'waiting' | 'running' | 'done' = 'waiting';
  const started = new Promise<void>((r) => (markStarted = r));
  const done = new Promise<void>((r) => (finish = r));
  return {
    run: () => {
      state = 'running';
      markStarted();
      return done.then(() => void (state = 'done'));
    },
    finish: () => finish(),
    started,
    running: () => state === 'running',
  };
}

void describe('Pacer', () => {
  void test('runs at most `concurrency` tasks at once; a finished one lets the next start', async () => {
    const pacer = new Pacer(2, 0, fakeClock());
    const tasks = Array.from({ length: 6 }, task);
    const all = Promise.all(tasks.map((t) => pacer.run(t.run)));
    let peak = 0;
    for (let i = 0; i < tasks.length; i++) {
      await tasks[i]?.started;
      const now = tasks.filter((t) => t.running()).length;
      peak = Math.max(peak, now);
      assert.ok(now <= 2, `${now} in flight`);
      // Task i+2 cannot start before task i finishes.
      if (i + 2 < tasks.length) assert.equal(tasks[i + 2]?.running(), false);
      tasks[i]?.finish();
    }
    await all;
    assert.equal(peak, 2);
  });

  void test('leaves at least `minIntervalMs` between two starts', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(4, 40, clock);
    // Four tasks asked for at the same moment: the first starts at once, each next one 40 ms later.
    await Promise.all(Array.from({ length: 4 }, () => pacer.run(() => Promise.resolve())));
    assert.deepEqual(clock.slept, [40, 80, 120]);
    // Later tasks keep the gap from the last start, not from when they were asked.
    await pacer.run(() => Promise.resolve());
    assert.deepEqual(clock.slept, [40, 80, 120, 160]);
  });
});
