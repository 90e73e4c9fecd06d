/**
 * The drift state file, `.bluejay/state.json`: per API origin and per file (its path from the state
 * root, with forward slashes), the API fields last pushed or pulled. Pure: reading and writing the
 * file is the caller's; a missing or broken file is an empty state, never an exception.
 *
 * ```json
 * { "version": 1, "baselines": { "https://api.getbluejay.ai": { "agents/caller.persona.yaml":
 *   { "kind": "customer-persona", "id": "…", "fields": { "name": "…" }, "at": "2025-01-01T00:00:00.000Z" } } } }
 * ```
 */
import { isKind, type Kind } from '../kinds';
import { isRecord } from '../record';

export const STATE_FILE = '.bluejay/state.json';
/** The lock every writer of the state file holds while it reads, merges and replaces it (core/sync/files.ts). */
export const STATE_LOCK = '.bluejay/state.json.lock';

/** What Bluejay held for one file when it was last pushed or pulled. */
export interface Baseline {
  readonly kind: Kind;
  readonly id: string | number;
  /** The API fields (no kind, id, $schema or environment). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** ISO time. */
  readonly at: string;
}

export interface SyncState {
  readonly version: 1;
  /** Origin -> path from the state root -> baseline. */
  readonly baselines: Readonly<Record<string, Readonly<Record<string, Baseline>>>>;
}

export const EMPTY_STATE: SyncState = { version: 1, baselines: {} };

function isBaseline(v: unknown): v is Baseline {
  if (!isRecord(v)) return false;
  const id = v['id'];
  return (
    isKind(v['kind']) &&
    (typeof id === 'string' || typeof id === 'number') &&
    isRecord(v['fields']) &&
    typeof v['at'] === 'string'
  );
}

/**
 * The state in a file's text (undefined: there is no file yet, which is no problem). A file that
 * cannot be read as a state gives the empty state and a one-line problem; entries that are not
 * baselines are left out, and said so. `keep`: the file must not be written over (a newer version).
 */
export function parseState(text: string | undefined): { state: SyncState; problem?: string; keep?: true } {
  if (text === undefined) return { state: EMPTY_STATE };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return {
      state: EMPTY_STATE,
      problem: `${STATE_FILE} is not valid JSON (${e instanceof Error ? e.message : String(e)}); it is ignored and will be rewritten.`,
    };
  }
  if (!isRecord(raw))
    return {
      state: EMPTY_STATE,
      problem: `${STATE_FILE} does not hold an object; it is ignored and will be rewritten.`,
    };
  // A newer tool's file is left as it is (rewriting it as version 1 would lose what it holds).
  if (typeof raw['version'] === 'number' && raw['version'] > 1)
    return {
      state: EMPTY_STATE,
      problem: `${STATE_FILE} has version ${raw['version']}, written by a newer Bluejay tool; it is not read and not written: update this tool.`,
      keep: true,
    };
  if (raw['version'] !== 1)
    return {
      state: EMPTY_STATE,
      problem: `${STATE_FILE} has version ${JSON.stringify(raw['version']) ?? 'none'}, not 1; it is ignored and will be rewritten.`,
    };
  const all = raw['baselines'] ?? {};
  if (!isRecord(all))
    return {
      state: EMPTY_STATE,
      problem: `${STATE_FILE}: "baselines" is not an object; it is ignored and will be rewritten.`,
    };
  const baselines: Record<string, Record<string, Baseline>> = {};
  let skipped = 0;
  for (const [origin, files] of Object.entries(all)) {
    if (!isRecord(files) || origin === '__proto__') {
      skipped++;
      continue;
    }
    const kept: Record<string, Baseline> = {};
    for (const [path, b] of Object.entries(files)) {
      if (isBaseline(b) && path !== '__proto__') kept[path] = { kind: b.kind, id: b.id, fields: b.fields, at: b.at };
      else skipped++;
    }
    if (Object.keys(kept).length) baselines[origin] = kept;
  }
  const state: SyncState = { version: 1, baselines };
  return skipped
    ? {
        state,
        problem: `${STATE_FILE}: ${skipped} ${skipped === 1 ? 'entry is' : 'entries are'} not a baseline and ignored.`,
      }
    : { state };
}

/** The file's text: origins and paths sorted, each baseline as kind, id, fields, at; 2-space indent, final newline. */
export function serializeState(state: SyncState): string {
  const baselines: Record<string, Record<string, Baseline>> = {};
  for (const origin of Object.keys(state.baselines).sort()) {
    const files = state.baselines[origin] ?? {};
    const paths = Object.keys(files).sort();
    if (!paths.length) continue;
    const out: Record<string, Baseline> = {};
    for (const path of paths) {
      const b = files[path];
      if (b) out[path] = { kind: b.kind, id: b.id, fields: b.fields, at: b.at };
    }
    baselines[origin] = out;
  }
  return JSON.stringify({ version: 1, baselines }, null, 2) + '\n';
}

export function baselineOf(state: SyncState, origin: string, relPath: string): Baseline | undefined {
  const files = state.baselines[origin];
  return files && Object.prototype.hasOwnProperty.call(files, relPath) ? files[relPath] : undefined;
}

/**
 * The baseline after a push or a pull of a file whose API fields are `local`: those fields, each with
 * the value Bluejay answered where its answer (`answered`, as resourceOf gives it) carries the field.
 */
export function baselineFrom(
  kind: Kind,
  id: string | number,
  local: Readonly<Record<string, unknown>>,
  answered: Readonly<Record<string, unknown>> | undefined,
  at: string,
): Baseline {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(local))
    fields[k] = structuredClone(
      answered && Object.prototype.hasOwnProperty.call(answered, k) ? (answered[k] ?? null) : v,
    );
  return { kind, id, fields, at };
}

/** The state with the baseline of one file replaced (undefined removes it); `state` is left as it is. */
export function withBaseline(
  state: SyncState,
  origin: string,
  relPath: string,
  baseline: Baseline | undefined,
): SyncState {
  const files: Record<string, Baseline> = { ...state.baselines[origin] };
  if (baseline) files[relPath] = baseline;
  else delete files[relPath];
  const baselines: Record<string, Readonly<Record<string, Baseline>>> = { ...state.baselines };
  if (Object.keys(files).length) baselines[origin] = files;
  else delete baselines[origin];
  return { version: 1, baselines };
}

/**
 * A writer's changes (path -> baseline, undefined to forget) for one origin, merged into the state as
 * the file holds it now: what other writers recorded meanwhile is kept. `state` is left as it is.
 */
export function mergeBaselines(
  state: SyncState,
  origin: string,
  changes: ReadonlyMap<string, Baseline | undefined>,
): SyncState {
  let out = state;
  for (const [path, baseline] of changes) out = withBaseline(out, origin, path, baseline);
  return out;
}
