/** `bluejay push` and the definition file: the id written back atomically, only a valid id, a byte-order mark kept. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { writeHooks } from '../../src/core/sync/files';
import { cli, ROOT, stateRootDir } from './support/cli';
import { startProxy } from './support/gatingProxy';
import { withServer } from './support/server';

interface Results {
  results: { path: string; id: unknown; action: string; problems: { code: string; message: string }[] }[];
}

const PERSONA = 'kind: customer-persona\nname: n\ndescription: d\ngoal: g\n';
const rows = (out: string): Results['results'] => (JSON.parse(out) as Results).results;
const state = (dir: string): string => {
  try {
    return readFileSync(join(dir, '.bluejay', 'state.json'), 'utf8');
  } catch {
    return '';
  }
};

void describe('bluejay push: the file', () => {
  void test('a failure between writing the id and the rename (a kill) leaves the file as it was, and no temporary file', () =>
    withServer(async (s) => {
      const dir = stateRootDir('files');
      const file = join(dir, 'a.persona.yaml');
      writeFileSync(file, PERSONA);
      chmodSync(file, 0o600);
      writeHooks.beforeRename = () => {
        throw new Error('killed');
      };
      let r;
      try {
        r = await cli({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url }, 'push', '--format', 'json', file);
      } finally {
        delete writeHooks.beforeRename;
      }
      assert.equal(r.code, 1);
      const [row] = rows(r.out);
      assert.equal(row?.action, 'created');
      assert.match(
        row?.problems[0]?.message ?? '',
        /^Bluejay created it with id [0-9a-f-]{36}, but it could not be written into the file \(killed\)/,
      );
      assert.equal(readFileSync(file, 'utf8'), PERSONA);
      assert.deepEqual(readdirSync(dir).sort(), ['.bluejay', 'a.persona.yaml']);
      // Written for real: the id is in, the mode kept.
      writeFileSync(file, PERSONA);
      assert.equal((await cli({ BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url }, 'push', file)).code, 0);
      assert.match(readFileSync(file, 'utf8'), /^kind: customer-persona\nid: "?[0-9a-f-]{36}"?\nname: n\n/);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.deepEqual(readdirSync(dir).sort(), ['.bluejay', 'a.persona.yaml']);
    }));

  void test('a file with a byte-order mark gets its id (the mark kept), and the next push updates it', () =>
    withServer(async (s) => {
      const dir = stateRootDir('files');
      const file = join(dir, 'bom.persona.yaml');
      writeFileSync(file, `\uFEFF${PERSONA}`);
      const env = { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: s.url };
      const r = await cli(env, 'push', '--format', 'json', file);
      assert.equal(r.code, 0, r.out);
      const [row] = rows(r.out);
      assert.deepEqual([row?.action, row?.problems.map((p) => p.code)], ['created', []]);
      // (yamlValue quotes a UUID that could read as something else, such as 5e12...)
      assert.equal(
        readFileSync(file, 'utf8').replace(/"/g, ''),
        `\uFEFFkind: customer-persona\nid: ${String(row?.id)}\nname: n\ndescription: d\ngoal: g\n`,
      );
      assert.equal(rows((await cli(env, 'push', '--format', 'json', file)).out)[0]?.action, 'updated');
      assert.deepEqual(
        (await s.requests()).map((x) => x.method),
        ['POST', 'GET', 'PUT'],
      );
    }));

  void test('an id Bluejay answers that is not a valid id is not written: id-not-written with the value, exit 1, no baseline', () =>
    withServer(async (s) => {
      const dir = stateRootDir('files');
      writeFileSync(join(dir, 'a.persona.yaml'), PERSONA);
      writeFileSync(join(dir, 'b.digital-human.yaml'), 'kind: digital-human\nname: n\nphone_number: "+14155550123"\n');
      const bad: Record<string, unknown> = {
        '/v1/create-customer-persona': 42,
        '/v1/create-digital-human': `1\n${'x'.repeat(1 << 20)}`,
      };
      const proxy = await startProxy(s.url, {
        answer: (req, body) => {
          const id = bad[req.path];
          if (id === undefined) return body;
          const b = body as Record<string, Record<string, unknown>>;
          if (b['digital_human']) b['digital_human']['id'] = id;
          else (b as Record<string, unknown>)['id'] = id;
          return b;
        },
      });
      try {
        const r = await cli(
          { BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: proxy.url },
          'push',
          '--format',
          'json',
          dir,
        );
        assert.equal(r.code, 1);
        const [a, b] = rows(r.out);
        assert.deepEqual([a?.action, a?.id, a?.problems.map((p) => p.code)], ['created', null, ['id-not-written']]);
        assert.match(
          a?.problems[0]?.message ?? '',
          /answered with the id 42, which is not a customer-persona id \(a UUID\)/,
        );
        assert.deepEqual([b?.action, b?.id, b?.problems.map((p) => p.code)], ['created', null, ['id-not-written']]);
        assert.match(
          b?.problems[0]?.message ?? '',
          /answered with the id "1\\nxxx+… \(1048581 characters\), which is not a digital-human id \(an integer >= 1\)/,
        );
        assert.ok(r.out.length < 2000);
        assert.equal(readFileSync(join(dir, 'a.persona.yaml'), 'utf8'), PERSONA);
        assert.equal(
          readFileSync(join(dir, 'b.digital-human.yaml'), 'utf8'),
          'kind: digital-human\nname: n\nphone_number: "+14155550123"\n',
        );
        assert.equal(state(dir), '');
      } finally {
        await proxy.close();
      }
    }));

  void test('Ctrl+C twice while a new file is being created (the built binary): it quits, leaving no lock and no temporary file', () =>
    withServer(async (s) => {
      const dir = stateRootDir('files');
      const file = join(dir, 'a.persona.yaml');
      writeFileSync(file, PERSONA);
      let seen: () => void = () => undefined;
      const posted = new Promise<void>((resolve) => (seen = resolve));
      const proxy = await startProxy(s.url, {
        hold: (req) => (req.method === 'POST' ? (seen(), new Promise<void>(() => undefined)) : undefined),
      });
      try {
        const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'push', file], {
          env: { PATH: process.env['PATH'] ?? '', BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: proxy.url },
          stdio: 'ignore',
        });
        const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
        await posted;
        assert.ok(readdirSync(dir).includes('.a.persona.yaml.bluejay-lock'));
        child.kill('SIGINT');
        child.kill('SIGINT');
        const code = await closed;
        assert.ok(code === 130 || code === 1, String(code));
        assert.deepEqual(readdirSync(dir).sort(), ['.bluejay', 'a.persona.yaml']);
        assert.equal(readFileSync(file, 'utf8'), PERSONA);
      } finally {
        await proxy.close();
      }
    }));
});
