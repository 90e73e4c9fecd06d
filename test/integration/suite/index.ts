/**
 * The in-host suite's entry (the `run()` contract of @vscode/test-electron): mocha runs every
 * *.test.js beside this file inside the extension host, then the totals are written and printed.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // BLUEJAY_TEST_GREP (the host inherits the environment) runs only the tests whose title matches, while developing.
  const grep = process.env['BLUEJAY_TEST_GREP'];
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec', ...(grep && { grep }) });
  for (const f of readdirSync(__dirname)
    .filter((n) => n.endsWith('.test.js'))
    .sort())
    mocha.addFile(join(__dirname, f));
  const failures: { title: string; error: string }[] = [];
  let passed = 0;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    runner.on('fail', (t, err: Error) => failures.push({ title: t.fullTitle(), error: err.stack ?? err.message }));
  });
  const summary = `${passed} passed, ${failures.length} failed`;
  const file = process.env['BLUEJAY_TEST_RESULTS'];
  if (file) writeFileSync(file, JSON.stringify({ passed, failed: failures.length, failures }));
  console.log(`BLUEJAY in-host ${summary}`);
  if (failures.length) throw new Error(summary);
}
