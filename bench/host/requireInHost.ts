/**
 * `require` of dist/extension.js (and of dist/editing.js and dist/api.js, loaded on first use) in
 * the real extension host, where `vscode` is VS Code's API object with its ~350 members
 * (bench/activation.ts's fresh-process figure stands in a small fake of it). Each run requires a
 * new copy of the file, so it is read, compiled and run anew; the copies sit in the extension's own
 * folder, so `require('vscode')` in them gets the extension's API object, made already: a warm
 * host, not the very first load. A bundle's top level only defines things (activate() wires them).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { percentile } from './stats';

const RUNS = 7;

interface Timed {
  readonly wall: number[];
  readonly cpu: number[];
}

/** Wall and CPU time of requiring a fresh copy of `source`, RUNS times. */
function timed(source: string, scratch: string): Timed {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const copy = join(scratch, `${i}-${basename(source)}`);
    copyFileSync(source, copy);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the very require being timed
    require(copy);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall, cpu };
}

function said(r: Timed): string {
  return `median ${percentile(r.wall, 50).toFixed(1)} ms (CPU ${percentile(r.cpu, 50).toFixed(1)} ms)`;
}

export function requireInHost(): Promise<string> {
  const ext = vscode.extensions.getExtension('bluejay.bluejay-definitions');
  if (!ext) throw new Error('the extension is not loaded');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the API object itself, as the bundles get it
  const members = Object.getOwnPropertyNames(require('vscode') as object).length;
  const dist = join(ext.extensionPath, 'dist');
  const scratch = mkdtempSync(join(dist, '.bench-require-'));
  try {
    const main = timed(join(dist, 'extension.js'), scratch);
    const editing = timed(join(dist, 'editing.js'), scratch);
    const api = timed(join(dist, 'api.js'), scratch);
    return Promise.resolve(
      `BLUEJAY bench require in the real extension host (vscode has ${members} members), a fresh copy in each of ${RUNS} runs: dist/extension.js ${said(main)} (goal: <= 15 ms); dist/editing.js ${said(editing)}, dist/api.js ${said(api)} (no goal)`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
