/**
 * The editor's words are translatable (issue 13): every `vscode.l10n.t` message of src/extension is
 * in the checked-in English bundle l10n/bundle.l10n.json (the one translators start from), which
 * ships with the extension. The bundle is exported again here, so it never goes stale.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import { ROOT } from './support/cli';

interface Manifest {
  l10n?: string;
  scripts: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const BUNDLE = join(ROOT, 'l10n', 'bundle.l10n.json');

void describe('l10n', () => {
  const out = mkdtempSync(join(tmpdir(), 'bluejay-l10n-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  void test('package.json points VS Code at the bundles, and npm run l10n exports them from src/extension', () => {
    assert.equal(manifest.l10n, './l10n');
    assert.equal(manifest.scripts['l10n'], 'vscode-l10n-dev export --outDir ./l10n ./src/extension');
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!l10n\/\*\.json$/m, 'the bundles are packaged');
  });

  void test('the checked-in bundle is what the export makes of the sources today', async () => {
    // The script's own arguments, with a temporary folder for ./l10n.
    const args = (manifest.scripts['l10n'] ?? '')
      .split(' ')
      .slice(1)
      .map((a) => (a === './l10n' ? out : a));
    const cli = join(ROOT, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
    await promisify(execFile)(process.execPath, [cli, ...args], { cwd: ROOT });
    const fresh = readFileSync(join(out, 'bundle.l10n.json'), 'utf8');
    assert.equal(
      readFileSync(BUNDLE, 'utf8'),
      fresh,
      'l10n/bundle.l10n.json is stale: run `npm run l10n` and commit it',
    );
  });

  void test('the bundle holds the editor’s words, in English, with numbered or named placeholders only', () => {
    const bundle = JSON.parse(readFileSync(BUNDLE, 'utf8')) as Record<
      string,
      string | { message: string; comment: string[] }
    >;
    const messages = Object.values(bundle).map((v) => (typeof v === 'string' ? v : v.message));
    assert.ok(messages.length > 100, `only ${messages.length} strings`);
    for (const m of [
      'Bluejay Push on Save',
      'production (default)',
      'Bluejay: {0} Click to switch environment.',
      'Show Problems',
      'Bluejay API key',
    ])
      assert.ok(messages.includes(m), m);
    // A template literal's `${...}` inside l10n.t would be a placeholder translators cannot keep.
    assert.deepEqual(
      messages.filter((m) => m.includes('${')),
      [],
    );
  });
});
