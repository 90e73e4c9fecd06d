/**
 * Runs the in-host suite (test/integration/suite) inside a real VS Code extension host: code-server
 * with the smoke-test driver, opened by headless Chromium with a test payload, exactly as
 * @vscode/test-electron's runTests would on a machine that can download VS Code.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../host/browser';
import { ROOT, startCodeServer } from '../host/codeServer';

/** The suite to run (default: the in-host tests; the benchmark passes its own) and the label of its closing line. */
const SUITE = resolve(process.argv[2] ?? join(ROOT, 'out', 'test', 'integration', 'suite', 'index.js'));
const LABEL = process.argv[3] ?? 'in-host';
const TIMEOUT_MS = 240_000;

interface Results {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

async function main(): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'bluejay-inhost-'));
  const workspace = join(root, 'workspace');
  cpSync(join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  const resultsFile = join(root, 'results.json');
  const server = await startCodeServer(
    {
      folder: workspace,
      testDriver: true,
      env: { BLUEJAY_TEST_RESULTS: resultsFile, BLUEJAY_TEST_WORKSPACE: workspace },
    },
    root,
  );
  const browser = await launchBrowser(root);
  try {
    const page = await browser.newPage();
    const exit = new Promise<number>(
      (resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)),
    );
    page.on('console', (msg) => {
      const text = msg
        .text()
        .replace(/%c\s*/g, '')
        .replace(/color:\s*[^ ]+\s*/g, '');
      if (/\[Extension Host\]|BLUEJAY|passing|failing|✓|✔|[0-9]+\) /.test(text))
        process.stdout.write(`${text.replace(/^INFO /, '')}\n`);
    });
    const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(SUITE)],
    ];
    await page.goto(
      `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), TIMEOUT_MS)));
    const code = await Promise.race([exit, timeout]);
    clearTimeout(timer);
    if (code === -1) {
      await page.screenshot({ path: join(ROOT, 'test-results', 'in-host-timeout.png') }).catch(() => undefined);
      console.error(`in-host tests did not finish within ${TIMEOUT_MS} ms\n${server.log.join('').slice(-4000)}`);
    }
    const results: Results = existsSync(resultsFile)
      ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Results)
      : { passed: 0, failed: 1, failures: [{ title: 'suite', error: 'no results were written' }] };
    for (const f of results.failures) console.error(`FAILED ${f.title}\n  ${f.error.replace(/\n/g, '\n  ')}`);
    console.log(`${LABEL}: ${results.passed} passed, ${results.failed} failed`);
    return code === 0 && results.failed === 0 && results.passed > 0 ? 0 : 1;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e);
    console.log(`${LABEL}: 0 passed, 1 failed`);
    process.exitCode = 1;
  },
);
