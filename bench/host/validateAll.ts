/**
 * Validate All Definitions in Workspace on 10,000 small definitions in the real extension host:
 * the total time, and the longest the host was held at a time (the largest gap a 1 ms timer saw).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { percentile, writeGaps, type Gap } from './stats';

const FILES = 10_000;

/** The CPU time (µs) the calling thread has used, where Node tells it (24: `process.threadCpuUsage`). */
const threadCpu = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage;
const cpuUs = (): number => {
  const u = threadCpu?.call(process);
  return u ? u.user + u.system : NaN;
};

/**
 * Watches the event loop: the stretches between two turns of a 1 ms timer, until stopped. On a
 * busy machine they include the time the OS gave the process no CPU, hence the p99 beside the max,
 * and the CPU time the host's thread used in each: what the host itself spent of the stretch.
 */
function loopWatch(): () => Gap[] {
  const gaps: Gap[] = [];
  let last = process.hrtime.bigint();
  let lastCpu = cpuUs();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = (): void => {
    const now = process.hrtime.bigint();
    const cpu = cpuUs();
    gaps.push({
      ms: Math.max(0, Number(now - last) / 1e6 - 1),
      cpuMs: (cpu - lastCpu) / 1000,
      endUs: Number(now / 1000n),
    });
    last = now;
    lastCpu = cpu;
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  return () => {
    clearTimeout(timer);
    return gaps;
  };
}

/**
 * Resolves true once `count` files matching `pattern` were reported created, or false when the
 * events stop short (VS Code may coalesce them): no create for 10 s after the last. A bench's
 * bound, not a test's wait.
 */
function createdEvents(pattern: vscode.RelativePattern, count: number): Promise<boolean> {
  const watcher = vscode.workspace.createFileSystemWatcher(pattern, false, true, true);
  return new Promise<boolean>((resolve) => {
    let seen = 0;
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const end = (all: boolean): void => {
      clearTimeout(quiet);
      watcher.dispose();
      resolve(all);
    };
    const arm = (): void => {
      clearTimeout(quiet);
      quiet = setTimeout(() => end(false), 10_000);
    };
    arm();
    watcher.onDidCreate(() => {
      if (++seen === count) end(true);
      else arm();
    });
  });
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
  // VS Code hands the file events of the files just written to the extension host in throttled
  // chunks, for seconds: the run starts once they are in, as it would in a workspace made earlier.
  const created = createdEvents(new vscode.RelativePattern(folder, 'bench-many/*.yaml'), FILES);
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `caller-${i}.digital-human.yaml`), definition(i));
  try {
    const settled = await created;
    const stop = loopWatch();
    const started = performance.now();
    const totals = await vscode.commands.executeCommand<{ files: number; errors: number }>('bluejay.validateWorkspace');
    const total = performance.now() - started;
    const gaps = stop();
    writeGaps('validate-all', gaps);
    const ms = gaps.map((g) => g.ms);
    const cpu = gaps.map((g) => g.cpuMs);
    const busy = Number.isNaN(percentile(cpu, 100))
      ? ''
      : `; its thread ran at most ${percentile(cpu, 100).toFixed(0)} ms of CPU at a time (p99 ${percentile(cpu, 99).toFixed(0)} ms)`;
    return `BLUEJAY bench Validate All on ${FILES.toLocaleString('en')} files: ${(total / 1000).toFixed(2)} s in all; the extension host held at most ${percentile(ms, 100).toFixed(0)} ms at a time (p99 ${percentile(ms, 99).toFixed(0)} ms)${busy} (goal: <= 50 ms at a time, with progress and Cancel); ${totals.files} files, ${totals.errors} errors${settled ? '' : ' (not every file event of the files written came through before it)'}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}
