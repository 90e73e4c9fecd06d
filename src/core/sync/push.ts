/**
 * Pushing one definition: validate, build the request, send it, and say what happened in the same
 * terms as validation (problems with ranges), including what Bluejay rejected, on the field it named.
 */
import { ApiError, type ApiErrorKind } from '../api/errors';
import { pushRequest, resourceOf, type ApiRequest } from '../api/request';
import { CODES, type Code } from '../codes';
import type { TextEdit } from '../fix/quickFixes';
import type { Format, Kind } from '../kinds';
import { rangesOf } from '../locate';
import type { Problem } from '../problem';
import { validateText, type ValidationResult } from '../validate';
import { applyEdits, idEdit } from './idEdit';

export type PushAction = 'created' | 'updated' | 'unchanged' | 'failed' | 'skipped';

/** Whatever sends requests (the axios client, or a stand-in in tests). */
export interface Sender {
  send(req: ApiRequest, signal?: AbortSignal): Promise<{ status: number; data: unknown }>;
}

export interface PushOutcome {
  readonly kind: Kind | null;
  readonly id: string | number | null;
  readonly action: PushAction;
  readonly status: number | null;
  readonly problems: readonly Problem[];
  /** The request, for --dry-run and logs (never with the key). */
  readonly request?: ApiRequest;
  /** A create's id write-back, and the text it gives. */
  readonly idEdit?: TextEdit;
  readonly newText?: string;
}

const CODE_OF: Readonly<Record<ApiErrorKind, Code>> = {
  validation: 'server-validation', rejected: 'server-rejected', 'not-found': 'server-not-found', unauthorized: 'server-auth', forbidden: 'server-auth',
  'rate-limited': 'server-unavailable', server: 'server-unavailable', network: 'server-unavailable', timeout: 'server-unavailable', unexpected: 'server-unavailable', cancelled: 'push-cancelled',
};

export interface PushTextOptions {
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
  readonly format?: Format;
  /** The validation of this very text, when the caller already has it (it is not repeated). */
  readonly validated?: ValidationResult;
}

export async function pushText(text: string, fileName: string, sender: Sender | undefined, options: PushTextOptions = {}): Promise<PushOutcome> {
  const result = options.validated ?? validateText(text, fileName, options.format ? { format: options.format } : {});
  const kind = result.kind ?? null;
  const rawId = result.value?.['id'];
  const fileId = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  if (!kind || !result.value || result.problems.some((p) => p.severity === 'error')) {
    return { kind, id: fileId, action: 'failed', status: null, problems: result.problems };
  }
  const request = pushRequest(kind, result.value);
  if (options.dryRun || !sender) return { kind, id: fileId, action: 'skipped', status: null, problems: result.problems, request };
  try {
    const res = await sender.send(request, options.signal);
    const resource = resourceOf(kind, res.data);
    const serverId = resource?.['id'];
    const id = typeof serverId === 'string' || typeof serverId === 'number' ? serverId : fileId;
    const unkept = resource ? unkeptFields(request, resource) : [];
    const problems = [...result.problems, ...placed(text, result.format, unkept.map((f) => ({ code: 'server-unkept' as const, pointer: `/${f}`, message: `Bluejay did not keep ${f} as it was sent; pull or compare to see what it holds.` })))];
    if (request.op === 'create') {
      const edit = id === null ? undefined : idEdit(text, result.format, id);
      if (!edit) {
        const why = id === null ? 'Bluejay created it but its answer holds no id' : `Bluejay created it with id ${String(id)}, but the id could not be placed in this file`;
        problems.push(...placed(text, result.format, [{ code: 'id-not-written', pointer: '', message: `${why}: add the id by hand, or the next push creates another.` }]));
      }
      return { kind, id, action: 'created', status: res.status, problems, request, ...(edit && { idEdit: edit, newText: applyEdits(text, [edit]) }) };
    }
    return { kind, id, action: 'updated', status: res.status, problems, request };
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError('unexpected', e instanceof Error ? e.message : String(e), null);
    const server = error.problems.map((p) => ({ code: CODE_OF[error.kind], pointer: p.pointer, message: p.message }));
    return { kind, id: fileId, action: 'failed', status: error.status, problems: [...result.problems, ...placed(text, result.format, server)], request };
  }
}

function placed(text: string, format: Format, items: readonly { code: Code; pointer: string; message: string }[]): Problem[] {
  if (items.length === 0) return [];
  const ranges = rangesOf(text, format, items.map((i) => i.pointer));
  return items.map((i, n) => ({ severity: CODES[i.code], code: i.code, message: i.message, pointer: i.pointer, range: ranges[n] ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
}

/**
 * Top-level fields the response holds differently from what was sent. Fields the response does not
 * carry at all (Bluejay's response leaves out num_runs and the always-on settings) say nothing.
 */
export function unkeptFields(request: ApiRequest, resource: Readonly<Record<string, unknown>>): string[] {
  const sent = request.kind === 'digital-human' && request.op === 'create' ? { ...(request.body?.['digital_human'] as Record<string, unknown>), ...(request.body?.['simulation_ids'] !== undefined && { simulation_ids: request.body['simulation_ids'] }) } : (request.body ?? {});
  return Object.keys(sent).filter((k) => Object.prototype.hasOwnProperty.call(resource, k) && !keeps(sent[k], resource[k]));
}

/**
 * Whether `got` keeps what was `sent`: equal scalars, lists of the same length whose items keep
 * theirs, and objects that keep every key sent (a default the server fills in, such as a trait's
 * is_sip_header, is not a change). Null and absent count as the same.
 */
function keeps(sent: unknown, got: unknown): boolean {
  if (sent === null || sent === undefined) return got === null || got === undefined;
  if (typeof sent !== 'object' || got === null || typeof got !== 'object') return sent === got;
  if (Array.isArray(sent) || Array.isArray(got)) return Array.isArray(sent) && Array.isArray(got) && sent.length === got.length && sent.every((x, i) => keeps(x, got[i]));
  return Object.entries(sent).every(([k, v]) => keeps(v, (got as Record<string, unknown>)[k]));
}
