/** The documentation stays true: README lists every problem code the core can report. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CODES } from '../../src/core/codes';

void test('README has a row for every problem code, with its severity', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  for (const [code, severity] of Object.entries(CODES)) {
    assert.ok(readme.includes(`| \`${code}\` | ${severity} |`), `README.md lacks the row for ${code}`);
  }
});
