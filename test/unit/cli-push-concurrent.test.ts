/** Two `bluejay push` runs at once on one folder: every baseline kept, every new file created once. */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { StateFiles } from '../../src/cli/state';
import { lockHooks } from '../../src/core/sync/files';
import type { Baseline } from '../../src/core/sync/state';
import { cli, stateRootDir } from './support/cli';
import { gate, startProxy } from './support/gatingProxy';
import { withServer } from './support/server';

const baselines = (dir: string, origin: string): Record<string, Baseline> =>
  (
    JSON.parse(readFileSync(join(dir, '.bluejay', 'state.json'), 'utf8')) as {
      baselines: Record<string, Record<string, Baseline>>;
    }
  ).baselines[origin] ?? {};
const io = { out: (): void => undefined, err: (): void => undefined, env: {} };
const B = (id: number): Baseline => ({
  kind: 'digital-human',
  id,
  fields: { name: String(id) },
  at: '2025-01-01T00:00:00.000Z',
});

void describe('two writers of one folder', () => {
  void test('two StateFiles of one root saving one after the other: both baselines kept, a forgotten one removed', async () => {
    const dir = stateRootDir('merge');
    const first = new StateFiles('https://o', io);
    const second = new StateFiles('https://o', io);
    await first.record(join(dir, 'gone.digital-human.yaml'), B(3));
    await first.save();
    // Both read the state file before either writes it.
    await first.record(join(dir, 'a.digital-human.yaml'), B(1));
    await second.record(join(dir, 'b.digital-human.yaml'), B(2));
    await second.record(join(dir, 'gone.digital-human.yaml'), undefined);
    await first.save();
    await second.save();
    assert.deepEqual(Object.keys(baselines(dir, 'https://o')), ['a.digital-human.yaml', 'b.digital-human.yaml']);
    assert.deepEqual(readdirSync(join(dir, '.bluejay')), ['state.json']);
  });

  void test('a state file that cannot be read, or that a newer tool wrote, is never written over (its baselines would be lost)', async () => {
    const dir = stateRootDir('keep');
    const file = join(dir, '.bluejay', 'state.json');
    const newer = '{"version": 2, "baselines": {"https://o": {"x.persona.yaml": {"something": "new"}}}}\n';
    writeFileSync(file, newer);
    const said: string[] = [];
    const quiet = { ...io, err: (t: string) => void said.push(t) };
    const state = new StateFiles('https://o', quiet);
    await state.record(join(dir, 'a.digital-human.yaml'), B(1));
    await state.save();
    assert.equal(readFileSync(file, 'utf8'), newer);
    assert.match(said.join(''), /could not write .*newer Bluejay tool/);
    // Unreadable (a folder where the file should be stands in for EACCES, which root ignores).
    const other = stateRootDir('keep');
    mkdirSync(join(other, '.bluejay', 'state.json'));
    const again = new StateFiles('https://o', quiet);
    await again.record(join(other, 'a.digital-human.yaml'), B(1));
    await again.save();
    assert.ok(statSync(join(other, '.bluejay', 'state.json')).isDirectory(), 'left as it was');
    assert.match(said.join(''), /cannot read .*no baseline is read from it or written to it/);
  });

  void test('two pushes of different files at once: all four baselines kept', () =>
    withServer(async (s) => {
      const dir = stateRootDir('concurrent', true);
      // Every request waits until all four are out: both runs have read the state before either writes it.
      const all = gate(4);
      const proxy = await startProxy(s.url, { hold: all.hold });
      try {
        const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: proxy.url };
        const f = (name: string): string => join(dir, name);
        const [a, b] = await Promise.all([
          cli(env, 'push', f('refund-seeker.persona.yaml'), f('angry-billing-customer.digital-human.yaml')),
          cli(env, 'push', f('workflow-replay.digital-human.yaml'), f('first-time-caller.persona.json')),
        ]);
        assert.deepEqual([a.code, b.code], [0, 0], a.err + b.err);
        assert.deepEqual(Object.keys(baselines(dir, proxy.url)), [
          'angry-billing-customer.digital-human.yaml',
          'first-time-caller.persona.json',
          'refund-seeker.persona.yaml',
          'workflow-replay.digital-human.yaml',
        ]);
      } finally {
        await proxy.close();
      }
    }));

  void test('two pushes of one folder at once: each new file created exactly once, every baseline kept', () =>
    withServer(async (s) => {
      const dir = stateRootDir('concurrent', true);
      writeFileSync(join(dir, 'third.persona.yaml'), 'kind: customer-persona\nname: n\ndescription: d\ngoal: g\n');
      // Creates wait until both runs have sent one, or until one run waits for the other's lock.
      const creates = gate(2);
      lockHooks.onWait = creates.open;
      const proxy = await startProxy(s.url, { hold: (req) => (req.method === 'POST' ? creates.hold(req) : undefined) });
      try {
        const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: proxy.url };
        const runs = await Promise.all([
          cli(env, 'push', '--format', 'json', dir),
          cli(env, 'push', '--format', 'json', dir),
        ]);
        assert.deepEqual(
          runs.map((r) => r.code),
          [0, 0],
          runs.map((r) => r.out + r.err).join('\n'),
        );
        const posts = (await s.requests())
          .filter((r) => r.method === 'POST')
          .map((r) => r.path)
          .sort();
        assert.deepEqual(posts, [
          '/v1/create-customer-persona',
          '/v1/create-customer-persona',
          '/v1/create-digital-human',
        ]);
        for (const name of [
          'first-time-caller.persona.json',
          'spanish-booking.digital-human.json',
          'third.persona.yaml',
        ]) {
          assert.match(readFileSync(join(dir, name), 'utf8'), /"?id"?: /, name);
        }
        assert.equal(Object.keys(baselines(dir, proxy.url)).length, 6);
        assert.ok(!readdirSync(dir).some((n) => n.includes('lock') || n.endsWith('.tmp')), readdirSync(dir).join(', '));
      } finally {
        delete lockHooks.onWait;
        await proxy.close();
      }
    }));
});
