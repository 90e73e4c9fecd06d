/**
 * The demo's set-up, shared by `npm start` (test/host/demo.ts) and its end-to-end test
 * (test/e2e/demo.e2e.ts), so the test checks exactly what `npm start` gives: a copy of examples/ as
 * the workspace, the local Bluejay-compatible API with its sample data on the demo clock, and
 * code-server with the packaged extension, pointed at that API.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_RUN_STEP_MS, startBluejayServer, type BluejayServer } from '../server/index';
import { codeServerCli, ROOT, startCodeServer, type CodeServer } from './codeServer';

export const DEMO_KEY = 'bluejay-demo-key';

export interface DemoOptions {
  /** code-server's port (undefined: any free port). */
  readonly port?: number;
  /** The local API's port (0 or undefined: any free port). */
  readonly apiPort?: number;
}

export interface Demo {
  /** The workbench's address with the workspace open: what `npm start` tells the user to open. */
  readonly url: string;
  /** The workspace: a copy of examples/. */
  readonly workspace: string;
  /** The temporary root of it all (removed by stop). */
  readonly root: string;
  /** The local API's base URL (the extension's bluejay.baseUrl). */
  readonly apiUrl: string;
  readonly key: string;
  /** What `npm start` prints. */
  readonly text: string;
  stop(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const root = mkdtempSync(join(tmpdir(), 'bluejay-demo-'));
  const workspace = join(root, 'examples');
  let bluejay: BluejayServer | undefined;
  let server: CodeServer | undefined;
  try {
    cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
    const vsix = readdirSync(join(ROOT, 'out')).find((f) => f === 'bluejay-definitions.vsix');
    if (!vsix) throw new Error('no .vsix in out/ (npm start packages it first)');
    await codeServerCli(root, [
      '--install-extension',
      join(ROOT, 'out', vsix),
      '--extensions-dir',
      join(root, 'extensions'),
    ]);
    bluejay = await startBluejayServer({
      port: options.apiPort ?? 0,
      keys: { [DEMO_KEY]: { org: 'org-1' } },
      runStepMs: DEMO_RUN_STEP_MS,
    });
    server = await startCodeServer(
      {
        folder: workspace,
        ...(options.port !== undefined && { port: options.port }),
        settings: { 'workbench.colorTheme': 'Default Dark Modern', 'bluejay.baseUrl': bluejay.url },
      },
      root,
    );
  } catch (e) {
    await server?.stop();
    await bluejay?.close();
    rmSync(root, { recursive: true, force: true });
    throw e;
  }
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  const text = `\nBluejay Definitions demo is running.\n\n  Open ${url}\n\nThe workspace is a copy of examples/ (${workspace}).\nA local Bluejay-compatible API runs on ${bluejay.url} (the extension's bluejay.baseUrl).\nTo push, run "Bluejay: Set API Key" and enter: ${DEMO_KEY}\nTo run a simulation, open the Testing view (the beaker) and run "Billing regressions" (or the CodeLens Run in\nangry-billing-customer.digital-human.yaml): a run takes about ten seconds and reports a pass and a failure.\nPress Ctrl+C to stop.\n`;
  const s = server;
  const b = bluejay;
  let stopping: Promise<void> | undefined;
  return {
    url,
    workspace,
    root,
    apiUrl: b.url,
    key: DEMO_KEY,
    text,
    stop: () =>
      (stopping ??= Promise.all([s.stop(), b.close()]).then(() => {
        rmSync(root, { recursive: true, force: true });
      })),
  };
}
