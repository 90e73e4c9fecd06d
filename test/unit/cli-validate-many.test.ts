/**
 * `bluejay validate` on many files: a second thread takes batches of them, and what is printed (text,
 * JSON, SARIF, GitHub annotations, stderr, exit code) is exactly what one thread prints, in the same
 * order; files that cannot be read (a FIFO, a folder named like a definition) are said in their place.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { validateCommand, type ValidateOptions } from '../../src/cli/validate';
import type { Split } from '../../src/cli/validateWorker';
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
  options: ValidateOptions = {},
): Promise<{ code: number; out: string; err: string; split: Split | undefined }> {
  let out = '';
  let err = '';
  let split: Split | undefined;
  const code = await validateCommand(
    [dir],
    format,
    { out: (t) => (out += t), err: (t) => (err += t), env: {} },
    'test',
    { workersFrom, onSplit: (s) => (split = s), ...options },
  );
  return { code, out, err, split };
}

/** What the comparison looks at: all that is printed, and the exit code. */
function printed(r: { code: number; out: string; err: string }): { code: number; out: string; err: string } {
  return { code: r.code, out: r.out, err: r.err };
}

void describe('bluejay validate on many files', () => {
  const dir = folderOfMany(700);
  for (const format of ['text', 'json', 'sarif', 'github'] as const) {
    void test(`${format}: two threads print exactly what one thread prints`, async () => {
      const one = await validate(dir, format, Infinity);
      // The worker answers a chunk before this thread starts: it surely takes part.
      const two = await validate(dir, format, 0, { workerTest: 'first' });
      assert.ok((two.split?.worker ?? 0) > 0, JSON.stringify(two.split));
      assert.equal(one.split?.worker, 0);
      assert.equal(one.code, 1);
      assert.match(
        one.err,
        format === 'json' || format === 'sarif' ? /^$/ : /701 files checked: \d+ errors, \d+ warnings/,
      );
      assert.ok(one.out.length > 1000);
      assert.deepEqual(printed(two), printed(one));
    });
  }
});

/** 330 files: valid, broken (schema, rules, syntax, binary, not UTF-8), and unreadable ones among them. */
function folderOfMixed(): { dir: string; unreadable: number } {
  const dir = stateRootDir('mixed');
  let unreadable = 0;
  for (let i = 0; i < 330; i++) {
    const name = join(dir, `m-${String(i).padStart(3, '0')}.persona.${i % 3 ? 'yaml' : 'json'}`);
    const kind = i % 5 ? `kind: customer-persona\nname: p${i}\n` : `kind: customer-persona\nname: [p${i}\n`;
    const text = i % 3 ? kind : JSON.stringify({ kind: 'customer-persona', name: i % 4 ? `p${i}` : 42 });
    if (i % 41 === 7) writeFileSync(name, Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x01]));
    else if (i % 43 === 9) writeFileSync(name, Buffer.from([0x6b, 0x3a, 0x20, 0xc3, 0x28]));
    else if (i === 111 && existsSync('/proc/self/mem')) {
      // A regular file whose read fails (EIO), for every user: said in its place, exit 2 (once: links to one file are one file).
      symlinkSync('/proc/self/mem', name);
      unreadable++;
    } else {
      writeFileSync(name, text);
      // Unreadable too when not run as root (root reads it anyway).
      if (i % 53 === 13) {
        chmodSync(name, 0);
        if (!isRoot()) unreadable++;
      }
    }
  }
  return { dir, unreadable };
}

void describe('bluejay validate on 330 mixed files, with and without the worker', () => {
  const { dir, unreadable } = folderOfMixed();
  for (const format of ['text', 'json', 'sarif', 'github'] as const) {
    void test(`${format}: the same output in the same order, unreadable files in their place`, async () => {
      const one = await validate(dir, format, Infinity);
      const two = await validate(dir, format, 0, { workerTest: 'first' });
      assert.ok((two.split?.worker ?? 0) > 0, JSON.stringify(two.split));
      assert.equal(one.code, unreadable > 0 ? 2 : 1);
      assert.equal(one.err.match(/^bluejay: cannot read /gm)?.length ?? 0, unreadable);
      assert.deepEqual(printed(two), printed(one));
    });
  }

  void test('text is written a chunk of files at a time, not a line at a time', async () => {
    let writes = 0;
    let lines = 0;
    await validateCommand(
      [dir],
      'text',
      { out: (t) => (writes++, (lines += t.split('\n').length - 1)), err: () => undefined, env: {} },
      'test',
      { workersFrom: Infinity },
    );
    assert.ok(lines > 300, String(lines));
    // 330 files are 11 chunks of 32; an unreadable file's line on stderr splits its chunk's text in two (the order kept).
    assert.ok(writes <= 11 + unreadable, `${writes} writes for ${lines} lines`);
  });

  void test('a worker that takes a chunk and never answers is not waited for: its chunk is done here', async () => {
    const one = await validate(dir, 'text', Infinity);
    const stalled = await validate(dir, 'text', 0, { workerTest: 'stalls' });
    assert.equal(stalled.split?.worker, 0);
    assert.deepEqual(printed(stalled), printed(one));
  });
});

function isRoot(): boolean {
  return process.getuid?.() === 0;
}
