/**
 * `node out/test/server/main.js [--port N] [--key KEY]`: the Bluejay-compatible API for the demo and
 * for trying the CLI by hand. Adds KEY (default bluejay-demo-key, organization org-1, which holds the
 * sample data) to the test keys; port 0 (the default) picks a free port. Stops on SIGINT/SIGTERM.
 */
import { DEFAULT_KEYS, DEFAULT_ORG, DEMO_RUN_STEP_MS, startBluejayServer } from './index';

function parseArgs(argv: readonly string[]): { port: number; key: string } {
  let port = 0;
  let key = 'bluejay-demo-key';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--port' || arg === '--key') && value === undefined) throw new Error(`${arg} needs a value`);
    if (arg === '--port') {
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port must be 0..65535 (got ${String(value)})`);
      i++;
    } else if (arg === '--key') {
      key = value ?? key;
      if (key === '') throw new Error('--key must not be empty');
      i++;
    } else if (arg === '--help' || arg === '-h') {
      console.log('usage: node out/test/server/main.js [--port N] [--key KEY]');
      process.exit(0);
    } else throw new Error(`unknown argument ${String(arg)} (usage: [--port N] [--key KEY])`);
  }
  return { port, key };
}

async function main(): Promise<void> {
  const { port, key } = parseArgs(process.argv.slice(2));
  const server = await startBluejayServer({
    port,
    keys: { ...DEFAULT_KEYS, [key]: { org: DEFAULT_ORG } },
    runStepMs: DEMO_RUN_STEP_MS,
  });
  console.log(`Bluejay-compatible API on ${server.url} (API key: ${key})`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
