/**
 * `npm start`: the product, on this machine. Starts a local Bluejay-compatible API and a real VS Code
 * (code-server) on 127.0.0.1, with the packaged extension installed, pointed at that API, and
 * examples/ open; prints the URL and the demo key; stops it all on Ctrl+C. Running a digital human from
 * the Testing view (angry-billing-customer, in simulations 57 and 61 with two runs each) shows a pass and a failure
 * (test/e2e/demo.e2e.ts checks it on the same set-up, demoSetup.ts).
 */
import { startDemo } from './demoSetup';

async function main(): Promise<void> {
  const port = Number(process.env['BLUEJAY_DEMO_PORT'] ?? 8123);
  const demo = await startDemo({ port, apiPort: port + 1 });
  console.log(demo.text);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping...');
    void demo.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
