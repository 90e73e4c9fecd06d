/**
 * The same in-host suite under @vscode/test-electron, for machines that can download VS Code
 * (`npm run test:electron`). This machine cannot; `npm test` uses runInHost.ts instead.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = join(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const workspace = join(mkdtempSync(join(tmpdir(), 'bluejay-electron-')), 'workspace');
  cpSync(join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(__dirname, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
