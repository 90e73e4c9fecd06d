/**
 * The messages between the form editor's host and its webview: one discriminated union each way,
 * defined once and checked at runtime on arrival (a webview is another process, and a message is
 * only data until checked). Pure TypeScript: the webview bundles this file too.
 */
import type { EditOp, Path } from '../edit/types';
import type { FormModel } from './model';
import { expandList, isCut, type Cut } from './paging';

export interface FormProblem {
  readonly pointer: string;
  readonly severity: 'error' | 'warning' | 'information';
  readonly code: string;
  readonly message: string;
}

/** What the form shows: the document's value (null when the text cannot be read), its problems, its state. */
export interface FormState {
  readonly version: number;
  readonly value: Readonly<Record<string, unknown>> | null;
  /** Why the text could not be read as a definition, when it cannot. */
  readonly unreadable?: string;
  readonly problems: readonly FormProblem[];
  readonly id: string | number | null;
  readonly format: 'yaml' | 'json';
  readonly canPush: boolean;
  /** Where a push goes: the active environment's name, or the API's origin when none is chosen. */
  readonly target?: { readonly label: string; readonly production: boolean };
  /**
   * The long top-level lists cut on the wire (`paging.ts`), by key: in `value`, or in a patch's
   * `set`. Absent for a list that went whole.
   */
  readonly cuts?: Readonly<Record<string, Cut>>;
}

/** What the toolbar's buttons ask the host to do (`run`: run a digital human in its simulations, through the Testing view's controller). */
export const FORM_COMMANDS = ['push', 'diff', 'pull', 'run', 'showSource'] as const;
export type FormCommand = (typeof FORM_COMMANDS)[number];

/**
 * A state whose value is given as the top-level fields that changed since the value last sent
 * (`value` is then null and ignored): on a large file, one field's change does not carry a megabyte.
 */
export interface ValuePatch {
  readonly set: Readonly<Record<string, unknown>>;
  readonly unset: readonly string[];
}

export type HostMessage =
  | { readonly type: 'init'; readonly model: FormModel; readonly state: FormState }
  | { readonly type: 'state'; readonly state: FormState }
  | { readonly type: 'patch'; readonly state: FormState; readonly patch: ValuePatch };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'edit'; readonly version: number; readonly edit: EditOp }
  | { readonly type: 'command'; readonly command: FormCommand }
  /** The next page of a top-level list the host cut: its items from `from` on. */
  | { readonly type: 'more'; readonly key: string; readonly from: number };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isPath(v: unknown): v is Path {
  return Array.isArray(v) && v.length <= 64 && v.every((s) => typeof s === 'string' && s.length <= 200);
}

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1_000_000;
}

export function isEditOp(v: unknown): v is EditOp {
  if (!isObject(v) || !isPath(v['path'])) return false;
  switch (v['op']) {
    case 'set':
      return 'value' in v;
    case 'unset':
      return true;
    case 'insert':
      return isIndex(v['index']) && 'value' in v;
    case 'move':
      return isIndex(v['from']) && isIndex(v['to']);
    default:
      return false;
  }
}

/** The host's check of what the webview sent. */
export function isWebviewMessage(v: unknown): v is WebviewMessage {
  if (!isObject(v)) return false;
  switch (v['type']) {
    case 'ready':
      return true;
    case 'edit':
      return typeof v['version'] === 'number' && isEditOp(v['edit']);
    case 'command':
      return (FORM_COMMANDS as readonly unknown[]).includes(v['command']);
    case 'more':
      return typeof v['key'] === 'string' && v['key'].length <= 200 && isIndex(v['from']);
    default:
      return false;
  }
}

/** Applies a patch to the value it was made against; unchanged fields keep their identity. */
export function patched(
  value: Readonly<Record<string, unknown>>,
  patch: ValuePatch,
  cuts?: FormState['cuts'],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value, ...expanded(patch.set, cuts) };
  for (const k of patch.unset) delete out[k];
  return out;
}

/** The fields with each list cut on the wire as the sparse list of its real length (`paging.ts`). */
export function expanded(fields: Readonly<Record<string, unknown>>, cuts: FormState['cuts']): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  for (const [key, cut] of Object.entries(cuts ?? {})) {
    const items = out[key];
    if (Array.isArray(items) && isCut(cut)) out[key] = expandList(items, cut);
  }
  return out;
}

/** The webview's check of what the host sent (shallow: the host is trusted, but not a stale bundle). */
export function isHostMessage(v: unknown): v is HostMessage {
  if (!isObject(v)) return false;
  const state = v['state'];
  const stateOk = isObject(state) && typeof state['version'] === 'number' && Array.isArray(state['problems']);
  if (v['type'] === 'state') return stateOk;
  if (v['type'] === 'patch') {
    const patch = v['patch'];
    return (
      stateOk &&
      isObject(patch) &&
      isObject(patch['set']) &&
      Array.isArray(patch['unset']) &&
      patch['unset'].every((k) => typeof k === 'string')
    );
  }
  return v['type'] === 'init' && stateOk && isObject(v['model']) && Array.isArray(v['model']['groups']);
}
