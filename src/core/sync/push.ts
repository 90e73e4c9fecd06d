/**
 * Pushing one definition: validate, build the request, send it, and say what happened in the same
 * terms as validation (problems with ranges), including what Bluejay rejected, on the field it named.
 */
import { pushRequest, resourceOf, type ApiRequest } from '../api/request';
import { isValidId, shownValue } from '../ids';
import { kindFromFileName, type Format, type Kind } from '../kinds';
import type { Problem } from '../problem';
import { internalError, validateText, type ValidationResult } from '../validate';
import { idEdit } from './idEdit';
import { keeps } from './remote';
import { errorProblems, placed } from './serverProblems';
import type { TextEdit } from '../edit/types';
import { applyEdits } from '../edit/apply';

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
  /** The resource Bluejay answered a create or update with (resourceOf), when the answer held one. */
  readonly resource?: Readonly<Record<string, unknown>>;
}

export interface PushTextOptions {
  readonly dryRun?: boolean;
  readonly signal?: AbortSignal;
  readonly format?: Format;
  /** The validation of this very text, when the caller already has it (it is not repeated). */
  readonly validated?: ValidationResult;
}

/** A text checked before it is pushed or planned: its validation, kind and id, and whether it may go. */
export function checkedText(
  text: string,
  fileName: string,
  options: Pick<PushTextOptions, 'format' | 'validated'>,
): { result: ValidationResult; kind: Kind | null; id: string | number | null; valid: boolean } {
  const result = options.validated ?? validateText(text, fileName, options.format ? { format: options.format } : {});
  const kind = result.kind ?? null;
  const rawId = result.value?.['id'];
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  return {
    result,
    kind,
    id,
    valid: kind !== null && result.value !== undefined && !result.problems.some((p) => p.severity === 'error'),
  };
}

/** Pushes one text; never throws: an unexpected exception is an `internal-error` problem on the file. */
export async function pushText(
  text: string,
  fileName: string,
  sender: Sender | undefined,
  options: PushTextOptions = {},
): Promise<PushOutcome> {
  try {
    return await pushUnguarded(text, fileName, sender, options);
  } catch (e) {
    const kind = options.validated?.kind ?? kindFromFileName(fileName) ?? null;
    return {
      kind,
      id: null,
      action: 'failed',
      status: null,
      problems: [...(options.validated?.problems ?? []), internalError('The push could not be completed', e)],
    };
  }
}

async function pushUnguarded(
  text: string,
  fileName: string,
  sender: Sender | undefined,
  options: PushTextOptions,
): Promise<PushOutcome> {
  const { result, kind, id: fileId, valid } = checkedText(text, fileName, options);
  if (!kind || !result.value || !valid) {
    return { kind, id: fileId, action: 'failed', status: null, problems: result.problems };
  }
  const request = pushRequest(kind, result.value);
  if (options.dryRun || !sender)
    return { kind, id: fileId, action: 'skipped', status: null, problems: result.problems, request };
  try {
    const res = await sender.send(request, options.signal);
    const resource = resourceOf(kind, res.data);
    const serverId = resource?.['id'];
    const unkept = resource ? unkeptFields(request, resource) : [];
    const problems = [
      ...result.problems,
      ...placed(
        text,
        result.format,
        unkept.map((f) => ({
          code: 'server-unkept' as const,
          pointer: `/${f}`,
          message: `Bluejay did not keep ${f} as it was sent; pull or compare to see what it holds.`,
        })),
      ),
    ];
    if (request.op === 'create') {
      // Only an id the schema accepts is written into the file (or reported as the id).
      const id = isValidId(kind, serverId) ? serverId : null;
      const edit = id === null ? undefined : idEdit(text, result.format, id);
      if (!edit) {
        const why =
          serverId === undefined || serverId === null
            ? 'Bluejay created it but its answer holds no id'
            : id === null
              ? `Bluejay created it, but answered with the id ${shownValue(serverId)}, which is not a ${kind} id (${kind === 'customer-persona' ? 'a UUID' : 'an integer >= 1'}), so it was not written into the file`
              : `Bluejay created it with id ${String(id)}, but the id could not be placed in this file`;
        problems.push(
          ...placed(text, result.format, [
            {
              code: 'id-not-written',
              pointer: '',
              message: `${why}: add the id by hand, or the next push creates another.`,
            },
          ]),
        );
      }
      return {
        kind,
        id,
        action: 'created',
        status: res.status,
        problems,
        request,
        ...(edit && { idEdit: edit, newText: applyEdits(text, [edit]) }),
        ...(resource && { resource }),
      };
    }
    return {
      kind,
      id: fileId,
      action: 'updated',
      status: res.status,
      problems,
      request,
      ...(resource && { resource }),
    };
  } catch (e) {
    const failed = errorProblems(text, result.format, e);
    return {
      kind,
      id: fileId,
      action: 'failed',
      status: failed.status,
      problems: [...result.problems, ...failed.problems],
      request,
    };
  }
}

/** The API fields a request sends (a digital human's create unwrapped: its fields and simulation_ids). */
export function sentFields(request: ApiRequest): Record<string, unknown> {
  if (request.kind === 'digital-human' && request.op === 'create') {
    const body = request.body ?? {};
    return {
      ...(body['digital_human'] as Record<string, unknown>),
      ...(body['simulation_ids'] !== undefined && { simulation_ids: body['simulation_ids'] }),
    };
  }
  return { ...request.body };
}

/**
 * Top-level fields the response holds differently from what was sent. Fields the response does not
 * carry at all (Bluejay's response leaves out num_runs and the always-on settings) say nothing.
 */
export function unkeptFields(request: ApiRequest, resource: Readonly<Record<string, unknown>>): string[] {
  const sent = sentFields(request);
  return Object.keys(sent).filter(
    (k) => Object.prototype.hasOwnProperty.call(resource, k) && !keeps(sent[k], resource[k]),
  );
}
