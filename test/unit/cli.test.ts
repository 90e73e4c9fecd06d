/** The `bluejay validate` contract: arguments, exit codes, text and JSON output. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isMissing } from '../../src/cli/loadRemote';
import { run } from '../../src/cli/main';

const ROOT = join(__dirname, '..', '..', '..');
const FIX = join(ROOT, 'test', 'fixtures', 'cli');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

interface JsonOutput {
  files: {
    path: string;
    kind: string | null;
    problems: {
      severity: string;
      code: string;
      message: string;
      pointer: string;
      range: { start: { line: number; character: number }; end: { line: number; character: number } };
    }[];
  }[];
}

void describe('bluejay validate', () => {
  void test('a folder: finds both suffixes recursively, skips node_modules, dot-folders and other files', async () => {
    const r = await cli('validate', '--format', 'json', join(FIX, 'project'));
    const json = JSON.parse(r.out) as JsonOutput;
    const names = json.files.map((f) => f.path.slice(FIX.length + 1));
    assert.deepEqual(names, [
      'project/agents/caller.digital-human.json',
      'project/agents/support.persona.yaml',
      'project/broken/typo.digital-human.yml',
      'project/warned.digital-human.yaml',
    ]);
    assert.deepEqual(
      json.files.map((f) => f.kind),
      ['digital-human', 'customer-persona', 'digital-human', 'digital-human'],
    );
    assert.equal(r.code, 1);
  });

  void test('JSON output has exactly the documented shape, with 0-based LSP positions', async () => {
    const r = await cli('validate', '--format', 'json', join(FIX, 'project', 'broken'));
    const json = JSON.parse(r.out) as JsonOutput;
    assert.deepEqual(Object.keys(json), ['files']);
    const file = json.files[0];
    assert.ok(file);
    assert.deepEqual(Object.keys(file), ['path', 'kind', 'problems']);
    const p = file.problems.find((x) => x.code === 'invalid-enum');
    assert.deepEqual(p, {
      severity: 'error',
      code: 'invalid-enum',
      message: "voice_speed must be one of slowest, slow, normal, fast, fastest (got 'fastt'); did you mean 'fast'?",
      pointer: '/voice_speed',
      range: { start: { line: 2, character: 13 }, end: { line: 2, character: 18 } },
    });
  });

  void test('text output: path:line:col severity code message, 1-based; summary on stderr', async () => {
    const file = join(FIX, 'project', 'broken', 'typo.digital-human.yml');
    const r = await cli('validate', file);
    assert.equal(r.code, 1);
    assert.deepEqual(r.out.trimEnd().split('\n'), [
      `${file}:3:14 error invalid-enum voice_speed must be one of slowest, slow, normal, fast, fastest (got 'fastt'); did you mean 'fast'?`,
      `${file}:4:18 error out-of-range silence_timeout must be >= 15 (got 10).`,
    ]);
    assert.match(r.err, /1 file checked: 2 errors, 0 warnings/);
  });

  void test('exit 0 when there are only warnings', async () => {
    const r = await cli('validate', join(FIX, 'project', 'warned.digital-human.yaml'), join(FIX, 'project', 'agents'));
    assert.equal(r.code, 0);
    assert.match(r.out, /warned\.digital-human\.yaml:3:15 warning phone-number-format /);
  });

  void test('a file named explicitly is validated whatever its name', async () => {
    const r = await cli('validate', '--format', 'json', join(FIX, 'other', 'any-name.yaml'));
    const json = JSON.parse(r.out) as JsonOutput;
    assert.equal(json.files[0]?.kind, 'customer-persona');
    assert.deepEqual(
      json.files[0]?.problems.map((p) => p.code),
      ['invalid-format'],
    );
    assert.equal(r.code, 1);
  });

  void test('unreadable paths exit 2 and still report the rest', async () => {
    const r = await cli('validate', '--format', 'json', join(FIX, 'nope'), join(FIX, 'project', 'agents'));
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read .*nope: no such file or folder/);
    assert.equal((JSON.parse(r.out) as JsonOutput).files.length, 2);
  });

  void test('binary and non-UTF-8 files are problems, not crashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bluejay-cli-'));
    writeFileSync(join(dir, 'bin.persona.yaml'), Uint8Array.from([0x6b, 0x00, 0xff]));
    writeFileSync(join(dir, 'latin1.persona.yaml'), Uint8Array.from([0x6e, 0x3a, 0x20, 0xe9, 0x0a]));
    const r = await cli('validate', '--format', 'json', dir);
    const json = JSON.parse(r.out) as JsonOutput;
    assert.deepEqual(
      json.files.map((f) => f.problems.map((p) => p.code)),
      [['binary-file'], ['encoding']],
    );
    assert.equal(r.code, 1);
  });

  void test('an empty folder is fine and says so', async () => {
    const r = await cli('validate', mkdtempSync(join(tmpdir(), 'bluejay-empty-')));
    assert.equal(r.code, 0);
    assert.match(r.err, /0 files checked \(no \*\.persona\.\* or \*\.digital-human\.\* files found\)/);
  });

  void test('usage errors exit 2 with a message', async () => {
    for (const args of [
      [],
      ['validate'],
      ['frobnicate', 'x'],
      ['validate', '--format', 'xml', 'x'],
      ['validate', '--bogus', 'x'],
    ]) {
      const r = await cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^bluejay: .+\n\nUsage: bluejay/);
      assert.equal(r.out, '');
    }
  });

  void test('--help prints the usage and exits 0', async () => {
    const r = await cli('--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /validate \[--format text\|json\|sarif\|github\] <path>\.\.\./);
  });
});

void describe('dist/cli.js (the built binary)', () => {
  void test('runs as a program with the same exit codes and output', () => {
    const bin = join(ROOT, 'dist', 'cli.js');
    const ok = spawnSync(process.execPath, [bin, 'validate', join(FIX, 'project', 'agents')], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, '');
    const bad = spawnSync(process.execPath, [bin, 'validate', '--format', 'json', join(FIX, 'project', 'broken')], {
      encoding: 'utf8',
    });
    assert.equal(bad.status, 1);
    assert.equal((JSON.parse(bad.stdout) as JsonOutput).files[0]?.problems.length, 2);
    const usage = spawnSync(process.execPath, [bin, 'validate'], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
  });
});

void describe('the remote bundle missing', () => {
  const file = '/opt/ci/bluejay/cli-remote.js';
  const error = (message: string, code = 'MODULE_NOT_FOUND'): Error => Object.assign(new Error(message), { code });

  void test('is the file itself not found, not a module missing inside it', () => {
    assert.equal(
      isMissing(error(`Cannot find module '${file}'\nRequire stack:\n- /opt/ci/bluejay/cli.js`), file),
      true,
    );
    // A dependency the bundle requires is missing: its stack names the file, and that is no install problem.
    assert.equal(isMissing(error(`Cannot find module 'left-pad'\nRequire stack:\n- ${file}`), file), false);
    assert.equal(isMissing(error(`Cannot find module '${file}'`, 'ERR_REQUIRE_ESM'), file), false);
    assert.equal(isMissing('no error at all', file), false);
  });
});
