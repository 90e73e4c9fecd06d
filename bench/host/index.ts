/**
 * In-host benchmark (run by `npm run bench` through test/integration/runInHost.js): the time from an
 * edit to updated diagnostics in a real VS Code extension host, debounce included, on a ~150 KB and
 * a ~1 MB digital human. Prints figures; it is not a test.
 */
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { BluejayApi } from '../../src/extension/extension';
import { keystrokes } from './keystroke';
import { requireInHost } from './requireInHost';
import { profiled } from './stats';
import { validateAll } from './validateAll';

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<BluejayApi>('bluejay.bluejay-definitions');
  if (!ext) throw new Error('the extension is not loaded');
  const api = await ext.activate();
  const only = process.env['BLUEJAY_BENCH_ONLY'];
  const cases: [string, () => Promise<string>][] = [
    [
      'keys-150k',
      () => keystrokes(api, { label: '150 KB', bytes: 150_000, runs: 100, goal: 'p90 <= 100 ms, p99 <= 200 ms' }),
    ],
    [
      'keys-150k-control',
      () => keystrokes(api, { label: '150 KB', bytes: 150_000, runs: 100, control: true, goal: '(none)' }),
    ],
    ['keys-1m', () => keystrokes(api, { label: '1 MB', bytes: 1_000_000, runs: 40, goal: 'p50 <= 100 ms' })],
    [
      'keys-1m-control',
      () => keystrokes(api, { label: '1 MB', bytes: 1_000_000, runs: 40, control: true, goal: '(none)' }),
    ],
    [
      'keys-150k-form',
      () =>
        keystrokes(api, {
          label: '150 KB',
          bytes: 150_000,
          runs: 60,
          withForm: true,
          goal: 'p90 <= 100 ms, p99 <= 200 ms',
        }),
    ],
    ['validate-all', () => validateAll()],
    ['require', () => requireInHost()],
  ];
  const lines: string[] = [];
  // The workbench's own code warms up on its first large file: a file the extension ignores is
  // opened and edited first (not counted), so ours and the control meet the same warm workbench.
  if (cases.some(([name]) => name.startsWith('keys') && (!only || only.split(',').includes(name))))
    await keystrokes(api, { label: 'warm-up', bytes: 150_000, runs: 30, control: true, goal: '(none)' });
  for (const [name, fn] of cases) {
    if (only && !only.split(',').includes(name)) continue;
    const line = await profiled(name, fn);
    console.log(line);
    lines.push(line);
  }
  const file = process.env['BLUEJAY_TEST_RESULTS'];
  if (file) writeFileSync(file, JSON.stringify({ passed: lines.length, failed: 0, failures: [], lines }));
}
