/**
 * `npm start`: the product, on this machine. Starts a local Bluejay-compatible API and a real VS Code
 * (code-server) on 127.0.0.1, with the packaged extension installed, pointed at that API, and
 * examples/ open; prints the URL and the demo key; stops it all on Ctrl+C. Running a digital human from
 * the Testing view (angry-billing-customer, in simulations 57 and 61 with two runs each) shows a pass and a failure.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_RUN_STEP_MS, startBluejayServer } from '../server/index';
import { codeServerCli, ROOT, startCodeServer } from './codeServer';

const DEMO_KEY = 'bluejay-demo-key';

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bluejay-demo-'));
  const workspace = join(root, 'examples');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  const vsix = readdirSync(join(ROOT, 'out')).find((f) => f === 'bluejay-definitions.vsix');
  if (!vsix) throw new Error('no .vsix in out/ (npm start packages it first)');
  await codeServerCli(root, ['--install-extension', join(ROOT, 'out', vsix), '--extensions-dir', join(root, 'extensions')]);
  const port = Number(process.env['BLUEJAY_DEMO_PORT'] ?? 8123);
  const bluejay = await startBluejayServer({ port: port + 1, keys: { [DEMO_KEY]: { org: 'org-1' } }, runStepMs: DEMO_RUN_STEP_MS });
  const server = await startCodeServer({ folder: workspace, port, settings: { 'workbench.colorTheme': 'Default Dark Modern', 'bluejay.baseUrl': bluejay.url } }, root);
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`\nBluejay Definitions demo is running.\n\n  Open ${url}\n\nThe workspace is a copy of examples/ (${workspace}).\nA local Bluejay-compatible API runs on ${bluejay.url} (the extension's bluejay.baseUrl).\nTo push, run "Bluejay: Set API Key" and enter: ${DEMO_KEY}\nTo run a simulation, open the Testing view (the beaker) and run "Billing regressions" (or the CodeLens Run in\nangry-billing-customer.digital-human.yaml): a run takes about ten seconds and reports a pass and a failure.\nPress Ctrl+C to stop.\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping...');
    void Promise.all([server.stop(), bluejay.close()]).then(() => {
      rmSync(root, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
