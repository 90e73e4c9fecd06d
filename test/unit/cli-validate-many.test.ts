/**
 * `bluejay validate` on many files: a second thread takes batches of them, and what is printed (text,
 * JSON, SARIF, GitHub annotations, stderr, exit code) is exactly what one thread prints, in the same
 * order; files that cannot be read (a FIFO, a folder named like a definition) are said in their place.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { validateCommand } from '../../src/cli/validate';
import { stateRootDir } from './support/cli';

function folderOfMany(n: number): string {
  const dir = stateRootDir('many');
  for (let i = 0; i < n; i++) {
    const name = `dh-${String(i).padStart(4, '0')}.digital-human.${i % 2 ? 'json' : 'yaml'}`;
    const value = {
      kind: 'digital-human',
      id: i + 1,
      phone_number: '+14155550123',
      voice_speed: i % 7 === 3 ? 'fastt' : 'fast',
      ...(i % 11 === 5 && { intent: `token sk-proj-${'aB3'.repeat(10)}` }),
    };
    const text =
      i % 2
        ? JSON.stringify(value, null, 2)
        : Object.entries(value)
            .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
            .join('\n');
    writeFileSync(join(dir, name), i % 97 === 13 ? '{ not: [closed' : text);
  }
  if (process.platform !== 'win32') execFileSync('mkfifo', [join(dir, 'dh-0100.5.digital-human.yaml')]);
  mkdirSync(join(dir, 'dh-0200.5.digital-human.yaml', 'nested'), { recursive: true });
  writeFileSync(
    join(dir, 'dh-0200.5.digital-human.yaml', 'nested', 'x.persona.yaml'),
    'kind: customer-persona\nname: x\n',
  );
  return dir;
}

async function validate(
  dir: string,
  format: 'text' | 'json' | 'sarif' | 'github',
  workersFrom: number,
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await validateCommand(
    [dir],
    format,
    { out: (t) => (out += t), err: (t) => (err += t), env: {} },
    'test',
    { workersFrom },
  );
  return { code, out, err };
}

void describe('bluejay validate on many files', () => {
  const dir = folderOfMany(700);
  for (const format of ['text', 'json', 'sarif', 'github'] as const) {
    void test(`${format}: two threads print exactly what one thread prints`, async () => {
      const one = await validate(dir, format, Infinity);
      const two = await validate(dir, format, 0);
      assert.equal(one.code, 1);
      assert.match(
        one.err,
        format === 'json' || format === 'sarif' ? /^$/ : /701 files checked: \d+ errors, \d+ warnings/,
      );
      assert.ok(one.out.length > 1000);
      assert.deepEqual(two, one);
    });
  }
});
