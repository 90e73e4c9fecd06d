/**
 * Paths that are not regular files (a FIFO, /dev/zero) are refused at once, never read (exit 2, as
 * any unreadable path); a file above the size limit gets file-too-large without being read whole.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { MAX_FILE_BYTES } from '../../src/core/validate';
import { cli, stateRootDir } from './support/cli';

const COMMANDS = [['validate'], ['push', '--dry-run'], ['plan']] as const;
const ENV = { BLUEJAY_API_KEY: 'test-key' };
// plan reads Bluejay only for files it can read; none here is, so no server is needed (and none is reached).
const BASE = ['--base-url', 'http://127.0.0.1:9'];

void describe('files that are not regular files', () => {
  void test(
    'a FIFO named explicitly is refused at once (it is never opened for a writer that never comes): exit 2',
    { skip: process.platform === 'win32' },
    async () => {
      const dir = stateRootDir('fifo');
      const fifo = join(dir, 'pipe.persona.yaml');
      execFileSync('mkfifo', [fifo]);
      const ok = join(dir, 'ok.persona.yaml');
      writeFileSync(ok, 'kind: customer-persona\nid: 3c90c3cc-0d44-4b50-8888-8dd25736052a\nname: x\n');
      for (const args of COMMANDS) {
        const r = await cli(ENV, ...args, ...(args[0] === 'validate' ? [] : BASE), fifo);
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
        assert.match(
          r.err,
          new RegExp(
            `^bluejay: cannot read ${fifo.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not a regular file \\(a named pipe\\); only regular files are read\\n`,
          ),
        );
      }
      // In a folder, a FIFO with a definition's name is passed over, and the rest is read.
      const folder = await cli(ENV, 'validate', dir);
      assert.equal(folder.code, 0, folder.err);
      assert.match(folder.err, /^1 file checked/);
    },
  );

  void test(
    '/dev/zero is refused at once, not read without end: exit 2',
    { skip: !existsSync('/dev/zero') },
    async () => {
      for (const args of COMMANDS) {
        const r = await cli(ENV, ...args, ...(args[0] === 'validate' ? [] : BASE), '/dev/zero');
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(
          r.err.split('\n')[0],
          'bluejay: cannot read /dev/zero: not a regular file (a character device); only regular files are read',
        );
      }
    },
  );

  void test(`a file above ${MAX_FILE_BYTES / 1024 / 1024} MB gets file-too-large (exit 1) and is not read`, async () => {
    const dir = stateRootDir('large');
    const big = join(dir, 'big.persona.yaml');
    closeSync(openSync(big, 'w'));
    truncateSync(big, MAX_FILE_BYTES + 1); // sparse: no 64 MB written
    const v = await cli(ENV, 'validate', '--format', 'json', big);
    assert.equal(v.code, 1, v.err);
    const file = (
      JSON.parse(v.out) as {
        files: { kind: string | null; problems: { code: string; message: string; pointer: string }[] }[];
      }
    ).files[0];
    assert.equal(file?.kind, 'customer-persona');
    assert.deepEqual(
      file?.problems.map((p) => [p.code, p.pointer]),
      [['file-too-large', '']],
    );
    assert.match(file?.problems[0]?.message ?? '', /larger than 64 MB/);
    const push = await cli(ENV, 'push', '--dry-run', big);
    assert.equal(push.code, 1);
    assert.match(push.out, /^.*big\.persona\.yaml: failed\n.*file-too-large/);
    truncateSync(big, MAX_FILE_BYTES); // at the limit: read (and, being all NUL bytes, binary)
    assert.match((await cli(ENV, 'validate', big)).out, /error binary-file /);
  });
});
