/**
 * The README as the packaged extension shows it (issue 13): every relative link and image it has
 * points at a file inside the .vsix, because the package keeps relative links as they are
 * (`--no-rewrite-relative-links`) instead of pointing them at a repository that does not exist.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './support/cli';

interface Vsce {
  listFiles(options: { cwd: string; packageManager: number }): Promise<string[]>;
  PackageManager: { None: number };
}

/** The targets of `[..](target)` and `![..](target)` in markdown that are not URLs or anchors. */
function relativeTargets(markdown: string): string[] {
  const targets = [...markdown.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');
  return [...new Set(targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#')))];
}

void test('every relative link and image of the README is shipped in the .vsix, and none is rewritten to a made-up repository', async () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    repository?: unknown;
    scripts: Record<string, string>;
  };
  assert.match(manifest.scripts['package'] ?? '', /--no-rewrite-relative-links/);
  assert.equal(manifest.repository, undefined, 'no placeholder repository for vsce to rewrite links to');
  const vsce = (await import('@vscode/vsce')) as unknown as Vsce;
  const shipped = new Set(await vsce.listFiles({ cwd: ROOT, packageManager: vsce.PackageManager.None }));
  const links = relativeTargets(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  assert.ok(links.filter((l) => l.endsWith('.png')).length >= 8, 'the screenshots are among them');
  assert.deepEqual(
    links.filter((l) => !shipped.has(l.replace(/^\.\//, '').split('#')[0] ?? '')),
    [],
  );
});
