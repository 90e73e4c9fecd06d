/** `bluejay generate` against the local server: the files it writes, their ids and baselines. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, stateRootDir } from './support/cli';
import { startProxy } from './support/gatingProxy';
import { env, type Json } from './support/run';
import { withServer } from './support/server';

void describe('bluejay generate', () => {
  void test('each digital human returned becomes a valid YAML file with its id and baseline', () =>
    withServer(async (s) => {
      const dir = stateRootDir('gen');
      const out = join(dir, 'generated');
      const r = await cli(
        env(s.url),
        'generate',
        '--agent',
        '1042',
        '--simulation',
        '57',
        '--goal',
        'cancel a subscription',
        '--count',
        '2',
        '--out',
        out,
      );
      assert.equal(r.code, 0, r.err);
      const paths = r.out
        .trim()
        .split('\n')
        .map((l) => l.replace(/: id \d+$/, ''));
      assert.equal(paths.length, 2);
      assert.equal((await cli({}, 'validate', ...paths)).code, 0);
      const state = JSON.parse(readFileSync(join(dir, '.bluejay', 'state.json'), 'utf8')) as {
        baselines: Record<string, Record<string, unknown>>;
      };
      assert.equal(Object.keys(state.baselines[s.url] ?? {}).length, 2);
      // In step right away: it runs without a push.
      assert.equal(
        (
          JSON.parse((await cli(env(s.url), 'run', '--no-wait', '--format', 'json', paths[0] ?? '')).out) as {
            files: Json[];
          }
        ).files[0]?.['action'],
        'run',
      );
      assert.equal(
        (await cli(env(s.url), 'generate', '--agent', '1042', '--out', out)).code,
        0,
        "the agent's goals when --goal is not given",
      );
      assert.equal((await cli(env(s.url), 'generate', '--agent', 'x', '--out', out)).code, 2);
    }));

  void test('run twice into one folder: nothing replaced, nothing Bluejay created is lost (the next free name is taken)', () =>
    withServer(async (s) => {
      const dir = stateRootDir('gen');
      const out = join(dir, 'generated');
      const args = ['generate', '--agent', '1042', '--goal', 'cancel a subscription', '--count', '1', '--out', out];
      const first = await cli(env(s.url), ...args);
      const second = await cli(env(s.url), ...args);
      assert.equal(second.code, 0, second.err);
      const paths = [...first.out.trim().split('\n'), ...second.out.trim().split('\n')].map((l) =>
        l.replace(/: id \d+$/, ''),
      );
      assert.equal(new Set(paths).size, 2, paths.join(', '));
      assert.equal(readdirSync(out).length, 2);
      assert.equal((await cli({}, 'validate', ...paths)).code, 0);
    }));

  void test("an id Bluejay answers that is not a digital human's id is not written: the file has none, no baseline, exit 1", () =>
    withServer(async (s) => {
      const dir = stateRootDir('gen');
      const out = join(dir, 'generated');
      const proxy = await startProxy(s.url, {
        answer: (req, body) =>
          req.path === '/v1/generate-digital-humans'
            ? {
                ...(body as Json),
                digital_humans: ((body as { digital_humans: Json[] }).digital_humans ?? []).map((d) => ({
                  ...d,
                  id: '5\nname: injected',
                })),
              }
            : body,
      });
      try {
        const r = await cli(
          env(proxy.url),
          'generate',
          '--agent',
          '1042',
          '--goal',
          'cancel',
          '--count',
          '1',
          '--out',
          out,
        );
        assert.equal(r.code, 1, r.err);
        assert.match(r.err, /not a digital human's id: it is written without one/);
        const [path] = r.out.trim().split('\n');
        const text = readFileSync(path ?? '', 'utf8');
        assert.doesNotMatch(text, /^id:|injected/m);
        assert.equal(existsSync(join(dir, '.bluejay', 'state.json')), false, 'no baseline');
      } finally {
        await proxy.close();
      }
    }));
});
