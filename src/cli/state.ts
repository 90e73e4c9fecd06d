/**
 * The drift state files the CLI reads and writes: each file's state root is the nearest folder
 * above it that holds a `.bluejay` folder, else a `.git`, else the working folder; its baselines
 * live in that root's `.bluejay/state.json`, under the API origin and the file's path from the root.
 * Writers (other runs, the editor) merge their changes under the lock `.bluejay/state.json.lock`.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { withLock, writeFileAtomic } from '../core/sync/files';
import {
  baselineOf,
  mergeBaselines,
  parseState,
  serializeState,
  STATE_FILE,
  STATE_LOCK,
  withBaseline,
  type Baseline,
  type SyncState,
} from '../core/sync/state';
import { reason } from './discover';
import type { Io } from './io';

interface Root {
  /** The state as read, with this run's changes applied (what baseline() answers). */
  state: SyncState;
  /** This run's changes (path -> baseline, undefined to forget), merged into the file by save(). */
  readonly changes: Map<string, Baseline | undefined>;
  /** Why the file must not be written over (it could not be read, or a newer tool wrote it). */
  readonly keep?: string;
}

const exists = (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    () => false,
  );

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
  private readonly said = new Set<string>();

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
    r.changes.set(path, baseline);
  }

  /**
   * Writes this run's changes into every state file they touch (creating `.bluejay/`): under the
   * state lock, the file is read again, the changes merged into what it holds now (other writers'
   * baselines kept) and the result written to a temporary file renamed over it. A failure is said
   * on stderr, not thrown.
   */
  async save(): Promise<void> {
    for (const [root, pending] of this.roots) {
      const r = await pending;
      if (!r.changes.size) continue;
      const file = join(root, STATE_FILE);
      try {
        await mkdir(dirname(file), { recursive: true });
        await withLock(
          join(root, STATE_LOCK),
          async () => {
            const now = await this.read(root);
            // A file that could not be read (or a newer tool's) is never written over: its baselines would be lost.
            if (now.keep) throw new Error(now.keep);
            await writeFileAtomic(file, serializeState(mergeBaselines(now.state, this.origin, r.changes)));
          },
          { staleMs: 60_000 },
        );
        r.changes.clear();
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
      if ((e as { code?: unknown }).code !== 'ENOENT') {
        this.say(`bluejay: cannot read ${file}: ${reason(e)}; no baseline is read from it or written to it.\n`);
        return { state: parseState(undefined).state, changes: new Map(), keep: `it could not be read (${reason(e)})` };
      }
    }
    const parsed = parseState(text);
    if (parsed.problem) this.say(`bluejay: ${parsed.problem} (in ${root})\n`);
    return {
      state: parsed.state,
      changes: new Map(),
      ...(parsed.keep && { keep: 'it was written by a newer Bluejay tool' }),
    };
  }

  /** Says a problem with a state file once (it is read again when saved). */
  private say(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.io.err(message);
  }
}
