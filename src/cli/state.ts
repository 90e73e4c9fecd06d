/**
 * The drift state files the CLI reads and writes: each file's state root is the nearest folder
 * above it that holds a `.bluejay` folder, else a `.git`, else the working folder; its baselines
 * live in that root's `.bluejay/state.json`, under the API origin and the file's path from the root.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { baselineOf, parseState, serializeState, STATE_FILE, withBaseline, type Baseline, type SyncState } from '../core/sync/state';
import { reason } from './discover';
import type { Io } from './io';

interface Root {
  state: SyncState;
  dirty: boolean;
}

const exists = (p: string): Promise<boolean> => stat(p).then(() => true, () => false);

/** The folder whose `.bluejay/state.json` holds `file`'s baseline. */
export async function stateRoot(file: string, cwd: string = process.cwd()): Promise<string> {
  const start = dirname(resolve(cwd, file));
  for (const marker of ['.bluejay', '.git']) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (await exists(join(dir, marker))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return resolve(cwd);
}

export class StateFiles {
  private readonly roots = new Map<string, Promise<Root>>();

  constructor(
    private readonly origin: string,
    private readonly io: Io,
  ) {}

  /** The file's baseline for this origin, if one was recorded. */
  async baseline(file: string): Promise<Baseline | undefined> {
    const { root, path } = await this.where(file);
    return baselineOf((await this.load(root)).state, this.origin, path);
  }

  /** Records (or, with undefined, forgets) the file's baseline; written by save(). */
  async record(file: string, baseline: Baseline | undefined): Promise<void> {
    const { root, path } = await this.where(file);
    const r = await this.load(root);
    r.state = withBaseline(r.state, this.origin, path, baseline);
    r.dirty = true;
  }

  /** Writes every state file that changed (creating `.bluejay/`); a failure is said on stderr, not thrown. */
  async save(): Promise<void> {
    for (const [root, pending] of this.roots) {
      const r = await pending;
      if (!r.dirty) continue;
      const file = join(root, STATE_FILE);
      try {
        await mkdir(dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        await writeFile(temp, serializeState(r.state));
        await rename(temp, file);
        r.dirty = false;
      } catch (e) {
        this.io.err(`bluejay: could not write ${file}: ${reason(e)}\n`);
      }
    }
  }

  private async where(file: string): Promise<{ root: string; path: string }> {
    const root = await stateRoot(file);
    return { root, path: relative(root, resolve(file)).split(sep).join('/') };
  }

  private load(root: string): Promise<Root> {
    let r = this.roots.get(root);
    if (!r) this.roots.set(root, (r = this.read(root)));
    return r;
  }

  private async read(root: string): Promise<Root> {
    const file = join(root, STATE_FILE);
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'ENOENT') this.io.err(`bluejay: cannot read ${file}: ${reason(e)}; it is ignored.\n`);
    }
    const parsed = parseState(text);
    if (parsed.problem) this.io.err(`bluejay: ${parsed.problem} (in ${root})\n`);
    return { state: parsed.state, dirty: false };
  }
}
