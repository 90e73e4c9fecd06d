/** Atomic writes (core/sync/files.ts): what a kill, a failure or a second writer can and cannot do to a file. */
import assert from 'node:assert/strict';
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { afterWrites, writeFileAtomic, writeHooks } from '../../src/core/sync/files';

const dir = (): string => mkdtempSync(join(tmpdir(), 'bluejay-files-'));

void describe('writeFileAtomic', () => {
  void test('replaces the content, keeps the mode, leaves no temporary file', async () => {
    const d = dir();
    const file = join(d, 'a.persona.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, 'new\n');
    assert.equal(readFileSync(file, 'utf8'), 'new\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(d), ['a.persona.yaml']);
    await writeFileAtomic(join(d, 'b.json'), new Uint8Array([123, 125]));
    assert.equal(readFileSync(join(d, 'b.json'), 'utf8'), '{}');
  });

  void test('a failure between the write and the rename (a kill) leaves the original intact and no temporary file', async () => {
    const d = dir();
    const file = join(d, 'big.digital-human.yaml');
    const original = 'kind: digital-human\n' + 'x'.repeat(1 << 20);
    writeFileSync(file, original);
    let temp = '';
    writeHooks.beforeRename = (t) => {
      temp = t;
      assert.equal(readFileSync(t, 'utf8'), 'new');
      throw new Error('killed');
    };
    try {
      await assert.rejects(writeFileAtomic(file, 'new'), /killed/);
    } finally {
      delete writeHooks.beforeRename;
    }
    assert.equal(readFileSync(file, 'utf8'), original);
    assert.ok(temp.startsWith(join(d, '.big.digital-human.yaml.')), temp);
    assert.deepEqual(readdirSync(d), ['big.digital-human.yaml']);
  });

  void test('exclusive: writes a new file whole, refuses one that exists or appears during the write, leaves no temporary file', async () => {
    const d = dir();
    const file = join(d, 'new.digital-human.yaml');
    await writeFileAtomic(file, 'first\n', { exclusive: true });
    assert.equal(readFileSync(file, 'utf8'), 'first\n');
    await assert.rejects(writeFileAtomic(file, 'second\n', { exclusive: true }), { code: 'EEXIST' });
    const late = join(d, 'late.digital-human.yaml');
    writeHooks.beforeRename = () => writeFileSync(late, 'someone else\n');
    try {
      await assert.rejects(writeFileAtomic(late, 'mine\n', { exclusive: true }), { code: 'EEXIST' });
    } finally {
      delete writeHooks.beforeRename;
    }
    assert.equal(readFileSync(late, 'utf8'), 'someone else\n');
    assert.equal(readFileSync(file, 'utf8'), 'first\n');
    assert.deepEqual(readdirSync(d).sort(), ['late.digital-human.yaml', 'new.digital-human.yaml']);
  });

  void test('through a symbolic link: the file it points to is replaced, the link stays', async () => {
    const d = dir();
    writeFileSync(join(d, 'real.persona.yaml'), 'old');
    symlinkSync(join(d, 'real.persona.yaml'), join(d, 'link.persona.yaml'));
    await writeFileAtomic(join(d, 'link.persona.yaml'), 'new');
    assert.ok(lstatSync(join(d, 'link.persona.yaml')).isSymbolicLink());
    assert.equal(readFileSync(join(d, 'real.persona.yaml'), 'utf8'), 'new');
  });

  void test('afterWrites: at once when idle; during a write, only once it is done', async () => {
    let idle = false;
    afterWrites(() => (idle = true));
    assert.equal(idle, true);
    const file = join(dir(), 'a.yaml');
    writeFileSync(file, 'old');
    const seen: string[] = [];
    writeHooks.beforeRename = () => {
      afterWrites(() => seen.push(readFileSync(file, 'utf8')));
      assert.deepEqual(seen, []);
    };
    try {
      await writeFileAtomic(file, 'new');
    } finally {
      delete writeHooks.beforeRename;
    }
    assert.deepEqual(seen, ['new']);
  });
});
