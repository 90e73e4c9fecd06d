/**
 * What `bluejay push` checks before it sends a file: the environment a file is pinned to, what
 * looks like a secret in it, and whether Bluejay's copy changed since the file was last pushed or
 * pulled (drift); and the baseline it records after.
 */
import { apiFields, getRequest, resourceOf } from '../core/api/request';
import { pinnedProblem } from '../core/environments';
import type { Kind } from '../core/kinds';
import { toPointer } from '../core/problem';
import { ownKeyFindings } from '../core/rules/ownKey';
import { baselineOfResource, remoteChanges } from '../core/sync/drift';
import type { PushOutcome, Sender } from '../core/sync/push';
import { fromRemote } from '../core/sync/remote';
import { errorProblems, placed } from '../core/sync/serverProblems';
import { baselineFrom } from '../core/sync/state';
import type { ValidationResult } from '../core/validate';
import type { StateFiles } from './state';

export interface GuardOptions {
  readonly sender: Sender | undefined;
  readonly state: StateFiles | undefined;
  /** --env or BLUEJAY_ENV: the environment being pushed to (pins are checked only when one is named). */
  readonly env: string | undefined;
  readonly force: boolean;
  /** --allow-secrets: send files with possible-secret warnings. */
  readonly allowSecrets?: boolean;
  /** BLUEJAY_API_KEY, looked for in the file's values (never shown). */
  readonly apiKey?: string | undefined;
  readonly signal?: AbortSignal;
}

const NOT_SENT = ' Not sent: push with --allow-secrets to send it anyway.';

/** A failed outcome when the file must not be sent (pinned elsewhere, or Bluejay's copy drifted); undefined to go ahead. */
export async function refusal(
  path: string,
  text: string,
  result: ValidationResult,
  options: GuardOptions,
): Promise<PushOutcome | undefined> {
  const kind = result.kind;
  const value = result.value;
  if (!kind || !value || result.problems.some((p) => p.severity === 'error')) return undefined; // pushText reports it
  const rawId = value['id'];
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  const fail = (status: number | null, problems: PushOutcome['problems']): PushOutcome => ({
    kind,
    id,
    action: 'failed',
    status,
    problems: [...result.problems, ...problems],
  });
  if (options.env !== undefined) {
    const pinned = pinnedProblem(text, result.format, value, options.env);
    if (pinned) return fail(null, [pinned]);
  }
  if (!options.allowSecrets) {
    const own = options.apiKey ? ownKeyFindings(value, options.apiKey) : [];
    const placedOwn = placed(
      text,
      result.format,
      own.map((f) => ({ code: 'possible-secret' as const, pointer: toPointer(f.path), message: f.message })),
    );
    if (own.length || result.problems.some((p) => p.code === 'possible-secret')) {
      const problems = [...result.problems, ...placedOwn].map((p) =>
        p.code === 'possible-secret' ? { ...p, message: p.message + NOT_SENT } : p,
      );
      return { kind, id, action: 'failed', status: null, problems };
    }
  }
  if (options.force || id === null || !options.sender || !options.state) return undefined;
  const baseline = baselineOfResource(await options.state.baseline(path), kind, id);
  if (!baseline) return undefined;
  let data: unknown;
  try {
    data = (await options.sender.send(getRequest(kind, id), options.signal)).data;
  } catch (e) {
    const failed = errorProblems(text, result.format, e);
    return fail(failed.status, failed.problems);
  }
  const resource = resourceOf(kind, data);
  if (!resource) return undefined; // nothing to compare with: the push itself will say what Bluejay answers
  const fields = remoteChanges(baseline, apiFields(value), apiFields(fromRemote(kind, resource)))?.changed;
  if (!fields) return undefined;
  const message = `Bluejay's copy changed since this file was last pushed or pulled (${fields.join(', ')}): pull it (bluejay pull ${kind} ${String(id)} --out <file>) and compare, or push with --force to overwrite Bluejay's changes.`;
  return fail(null, placed(text, result.format, [{ code: 'remote-drift', pointer: '/id', message }]));
}

/** Records what a successful create or update left Bluejay holding for this file. */
export async function recordPush(
  path: string,
  kind: Kind,
  value: Readonly<Record<string, unknown>>,
  outcome: PushOutcome,
  state: StateFiles,
): Promise<void> {
  if ((outcome.action !== 'created' && outcome.action !== 'updated') || outcome.id === null) return;
  await state.record(
    path,
    baselineFrom(kind, outcome.id, apiFields(value), outcome.resource, new Date().toISOString()),
  );
}
