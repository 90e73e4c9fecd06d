/** Running the CLI in-process in unit tests, and temporary folders that are their own state root. */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../src/cli/main';

export const ROOT = join(__dirname, '..', '..', '..', '..');

/** `bluejay ...args` with `env`: its exit code and what it printed. */
export async function cli(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

/** A temporary folder with its own `.bluejay/` (so no state is written elsewhere), holding a copy of examples/ if asked. */
export function stateRootDir(prefix: string, examples = false): string {
  const dir = mkdtempSync(join(tmpdir(), `bluejay-${prefix}-`));
  mkdirSync(join(dir, '.bluejay'));
  if (examples) cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

/** `bluejay push --format json`: what the tests read of it. */
export interface PushResults {
  results: {
    path: string;
    kind: string | null;
    id: unknown;
    action: string;
    status: number | null;
    problems: {
      severity: string;
      code: string;
      message: string;
      pointer: string;
      range: { start: { line: number; character: number } };
    }[];
  }[];
}
