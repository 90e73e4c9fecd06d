/**
 * Validate All Definitions in Workspace on 10,000 small definitions in the real extension host:
 * the total time, and the longest the host was held at a time (the largest gap a 1 ms timer saw).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { percentile } from './stats';

const FILES = 10_000;

/**
 * Watches the event loop: the stretches (ms) between two turns of a 1 ms timer, until stopped. On
 * a busy machine they include the time the OS gave the process no CPU, hence the p99 beside the max.
 */
function loopWatch(): () => number[] {
  const gaps: number[] = [];
  let last = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = (): void => {
    const now = performance.now();
    gaps.push(Math.max(0, now - last - 1));
    last = now;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return () => {
    clearTimeout(timer);
    return gaps;
  };
}

function definition(i: number): string {
  const broken = i % 10 === 0;
  return `kind: digital-human\nid: ${1000 + i}\nname: Caller ${i}\nvoice_speed: ${broken ? 'fastt' : 'fast'}\nphone_number: "+1415555${String(i % 10_000).padStart(4, '0')}"\n`;
}

export async function validateAll(): Promise<string> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('no workspace');
  const dir = join(folder.fsPath, 'bench-many');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `caller-${i}.digital-human.yaml`), definition(i));
  try {
    const stop = loopWatch();
    const started = performance.now();
    const totals = await vscode.commands.executeCommand<{ files: number; errors: number }>('bluejay.validateWorkspace');
    const total = performance.now() - started;
    const gaps = stop();
    return `BLUEJAY bench Validate All on ${FILES.toLocaleString('en')} files: ${(total / 1000).toFixed(2)} s in all; the extension host held at most ${percentile(gaps, 100).toFixed(0)} ms at a time (p99 ${percentile(gaps, 99).toFixed(0)} ms) (goal: <= 50 ms at a time, with progress and Cancel); ${totals.files} files, ${totals.errors} errors`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}
