/**
 * What a push of one text would do, without doing it: validate, read Bluejay's copy where the file
 * has an id, and list the fields that would change.
 */
import { getRequest, resourceOf } from '../api/request';
import { kindFromFileName, type Kind } from '../kinds';
import type { Problem } from '../problem';
import { internalError } from '../validate';
import { checkedText, type PushTextOptions, type Sender } from './push';
import { changesBetween, fromRemote, type Change } from './remote';
import { errorProblems, placed } from './serverProblems';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'invalid';

export interface PlanOutcome {
  readonly kind: Kind | null;
  readonly id: string | number | null;
  readonly action: PlanAction;
  readonly changes: Change[];
  readonly problems: Problem[];
  /** What was read from Bluejay (fromRemote), when it was. */
  readonly remote?: Record<string, unknown>;
}

export type PlanTextOptions = Omit<PushTextOptions, 'dryRun'>;

/**
 * The plan for one text. A file with errors is `invalid`; one without id is a `create` of every field
 * it sets; one with an id is read back with `reader` and is an `update` of the fields Bluejay holds
 * otherwise, or `unchanged`. A failed read is `invalid`, with Bluejay's answer as problems (a 404 on
 * the id). Without a reader the remote is not read: every field the file sets is listed, from null.
 */
export async function planText(
  text: string,
  fileName: string,
  reader: Sender | undefined,
  options: PlanTextOptions = {},
): Promise<PlanOutcome> {
  try {
    return await planUnguarded(text, fileName, reader, options);
  } catch (e) {
    // Never throws: an unexpected exception is an internal-error problem on the file.
    const kind = options.validated?.kind ?? kindFromFileName(fileName) ?? null;
    return {
      kind,
      id: null,
      action: 'invalid',
      changes: [],
      problems: [...(options.validated?.problems ?? []), internalError('The plan could not be made', e)],
    };
  }
}

async function planUnguarded(
  text: string,
  fileName: string,
  reader: Sender | undefined,
  options: PlanTextOptions,
): Promise<PlanOutcome> {
  const { result, kind, id, valid } = checkedText(text, fileName, options);
  const problems = [...result.problems];
  if (!kind || !result.value || !valid) return { kind, id, action: 'invalid', changes: [], problems };
  const value = result.value;
  if (id === null) return { kind, id, action: 'create', changes: changesBetween(value, undefined), problems };
  if (!reader) return { kind, id, action: 'update', changes: changesBetween(value, undefined), problems };
  let data: unknown;
  try {
    data = (await reader.send(getRequest(kind, id), options.signal)).data;
  } catch (e) {
    return {
      kind,
      id,
      action: 'invalid',
      changes: [],
      problems: [...problems, ...errorProblems(text, result.format, e).problems],
    };
  }
  const resource = resourceOf(kind, data);
  if (!resource) {
    const message = 'Bluejay answered the read without a definition in it; try again later.';
    return {
      kind,
      id,
      action: 'invalid',
      changes: [],
      problems: [...problems, ...placed(text, result.format, [{ code: 'server-unavailable', pointer: '', message }])],
    };
  }
  const remote = fromRemote(kind, resource);
  const changes = changesBetween(value, remote);
  return { kind, id, action: changes.length ? 'update' : 'unchanged', changes, problems, remote };
}
