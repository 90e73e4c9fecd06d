/** The documentation stays true: README lists every problem code the core can report. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CODE_MEANINGS } from '../../src/core/codeDocs';
import { CODES, type Code } from '../../src/core/codes';

void test('README has a row for every problem code, with its severity and exactly the meaning the registry gives', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  for (const [code, severity] of Object.entries(CODES)) {
    const row = `| \`${code}\` | ${severity} | ${CODE_MEANINGS[code as Code]} |`;
    assert.ok(readme.includes(row), `README.md lacks the row ${row}`);
  }
  const rows = readme.match(/^\| `[a-z0-9-]+` \| (error|warning|information) \|/gm) ?? [];
  assert.equal(rows.length, Object.keys(CODES).length, 'no row for a code the registry does not have');
});
