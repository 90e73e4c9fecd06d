/**
 * What the text output shows of a file's own keys, values and name: control characters escaped
 * (never raw terminal escape sequences), overlong keys cut in messages and pointers.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { problemJson, problemLine } from '../../src/cli/output';
import type { Problem } from '../../src/core/problem';
import { validateText } from '../../src/core/validate';
import { cli, ROOT, stateRootDir } from './support/cli';

/** Control characters but tab and newline (C0, DEL, C1) and the bidirectional overrides. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

interface Files {
  files: { path: string; problems: { code: string; message: string; pointer: string }[] }[];
}

void describe('text output of what a file holds', () => {
  void test('escape sequences in keys, values and the file name are shown escaped (\\u001b), never raw', async () => {
    const dir = stateRootDir('escapes');
    const file = join(dir, 'red\u001b[31m.digital-human.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: 'digital-human',
        id: 1,
        '\u001b[31mred\u001b[0m\u009b2J': 2,
        voice_speed: 'fast\u001b]0;title\u0007',
        traits: [
          { trait_name: 'a\u202eb', trait_data_type: 'STRING', value: 'x' },
          { trait_name: 'a\u202eb', trait_data_type: 'STRING', value: 'y' },
        ],
      }),
    );
    const r = await cli({}, 'validate', file);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.out, RAW);
    assert.match(
      r.out,
      /red\\u001b\[31m\.digital-human\.json:1:\d+ error unknown-key Unknown key '\\u001b\[31mred\\u001b\[0m\\u009b2J'/,
    );
    assert.match(r.out, /\(got 'fast\\u001b\]0;title\\u0007'\)/);
    assert.match(r.out, /trait_name 'a\\u202eb'/);
    // JSON output keeps the exact text (JSON escapes it itself).
    const json = JSON.parse((await cli({}, 'validate', '--format', 'json', file)).out) as Files;
    assert.equal(json.files[0]?.path, file);
    assert.ok(json.files[0]?.problems.some((p) => p.pointer === '/\u001b[31mred\u001b[0m\u009b2J'));
  });

  void test('the built binary escapes every line it prints: push --dry-run of a file named with escapes, JSON still parses', () => {
    const dir = stateRootDir('escapes');
    const file = join(dir, 'red\u001b[31m\u202e.persona.yaml');
    writeFileSync(file, 'kind: customer-persona\nname: n\ndescription: d\ngoal: g\n');
    const bin = join(ROOT, 'dist', 'cli.js');
    const text = spawnSync(process.execPath, [bin, 'push', '--dry-run', file], { encoding: 'utf8' });
    assert.equal(text.status, 0, text.stderr);
    assert.doesNotMatch(text.stdout + text.stderr, RAW);
    assert.match(text.stdout, /red\\u001b\[31m\\u202e\.persona\.yaml: would POST/);
    const json = spawnSync(process.execPath, [bin, 'push', '--dry-run', '--format', 'json', file], {
      encoding: 'utf8',
    });
    assert.doesNotMatch(json.stdout, RAW);
    assert.equal((JSON.parse(json.stdout) as { results: { path: string }[] }).results[0]?.path, file);
  });

  void test('an unreadable path with escapes in its name is shown escaped on stderr', async () => {
    const r = await cli({}, 'validate', '/nonexistent/\u001b[2Jgone.persona.yaml');
    assert.equal(r.code, 2);
    assert.doesNotMatch(r.err, RAW);
    assert.match(r.err, /cannot read \/nonexistent\/\\u001b\[2Jgone\.persona\.yaml: no such file or folder/);
  });

  void test('a 5 MB unknown key is cut in the message and the pointer, with its length; ordinary pointers stay exact', async () => {
    const dir = stateRootDir('long-key');
    const key = 'k'.repeat(5_000_000);
    const file = join(dir, 'long.digital-human.json');
    writeFileSync(file, JSON.stringify({ kind: 'digital-human', id: 1, [key]: 1, voice_speed: 'fastt' }));
    const r = await cli({}, 'validate', '--format', 'json', file);
    assert.ok(r.out.length < 5_000, `output of ${r.out.length} characters`);
    const problems = (JSON.parse(r.out) as Files).files[0]?.problems ?? [];
    const unknown = problems.find((p) => p.code === 'unknown-key');
    assert.match(
      unknown?.message ?? '',
      /^Unknown key 'k{200}\.\.\. \(5000000 characters\)': Bluejay would silently ignore it\.$/,
    );
    assert.equal(unknown?.pointer, `/${'k'.repeat(200)}... (5000000 characters)`);
    assert.equal(problems.find((p) => p.code === 'invalid-enum')?.pointer, '/voice_speed');
    const text = await cli({}, 'validate', file);
    assert.ok(text.out.length < 5_000, `output of ${text.out.length} characters`);
  });

  void test('problemLine and problemJson: ordinary problems are unchanged', () => {
    const p = validateText('kind: digital-human\nid: 1\nvoice_speed: fastt\n', 'x.digital-human.yaml')
      .problems[0] as Problem;
    assert.equal(
      problemLine('a/b c.yaml', p),
      "a/b c.yaml:3:14 error invalid-enum voice_speed must be one of slowest, slow, normal, fast, fastest (got 'fastt'); did you mean 'fast'?",
    );
    assert.equal(problemJson({ ...p, pointer: '/a~1b/0/~0c' }).pointer, '/a~1b/0/~0c');
  });
});
