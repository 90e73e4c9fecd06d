/**
 * Drift: how a file and Bluejay's copy each moved since the file was last pushed or pulled (its
 * baseline), field by field, and the edits that take Bluejay's side where a person chooses it.
 */
import { sameId } from '../ids';
import { KINDS, type Kind } from '../kinds';
import { fromPointer, toPointer } from '../problem';
import { carries, definitionFields, keeps } from './remote';
import type { EditOp } from '../edit/types';
import type { Baseline } from './state';

export type FieldDrift = {
  pointer: string;
  /** The baseline's value; undefined when the baseline does not have the field (unknown). */
  base: unknown;
  /** The file's value, null when it does not set the field. */
  local: unknown;
  /** Bluejay's value (null for none); undefined when the remote does not carry the field (unknown). */
  remote: unknown;
  localChanged: boolean;
  remoteChanged: boolean;
  conflict: boolean;
};

export type DriftStatus = 'no-baseline' | 'in-sync' | 'local-changed' | 'remote-changed' | 'both-changed';

const FIELDS: ReadonlySet<string> = new Set(KINDS.flatMap((k) => definitionFields(k)));

const has = (r: Readonly<Record<string, unknown>> | undefined, k: string): boolean =>
  r !== undefined && Object.prototype.hasOwnProperty.call(r, k);

/**
 * The drift of each field of the schema that the baseline, the file (`local`, its API fields) or
 * Bluejay (`remote`, fromRemote's fields) has, in that order of first appearance. With keeps()
 * semantics throughout (null and absent alike, server-filled extra keys no change):
 * - the file changed a field when it no longer says what the baseline holds;
 * - Bluejay changed it when the baseline has the field and Bluejay, carrying it, holds it otherwise
 *   (a field the remote does not carry, or the baseline does not know, counts as unchanged);
 * - a conflict is a field both changed, to different values.
 * Without a baseline nothing can be told apart: every field where the file and Bluejay differ is
 * marked changed on both sides and a conflict, and the status is `no-baseline`.
 */
export function driftOf(
  baseline: Readonly<Record<string, unknown>> | undefined,
  local: Readonly<Record<string, unknown>>,
  remote: Readonly<Record<string, unknown>> | undefined,
): { status: DriftStatus; fields: FieldDrift[] } {
  // A set keeps each name at its first appearance.
  const ordered = [
    ...new Set([...Object.keys(local), ...Object.keys(baseline ?? {}), ...Object.keys(remote ?? {})]),
  ].filter((k) => FIELDS.has(k));
  const fields = ordered.map((k): FieldDrift => {
    const localValue = local[k] ?? null;
    const remoteKnown = remote !== undefined && carries(remote, k);
    const remoteValue = remoteKnown ? (remote[k] ?? null) : undefined;
    if (!baseline) {
      const differs = remoteKnown && !keeps(localValue, remoteValue);
      return {
        pointer: toPointer([k]),
        base: undefined,
        local: localValue,
        remote: remoteValue,
        localChanged: differs,
        remoteChanged: differs,
        conflict: differs,
      };
    }
    const baseKnown = has(baseline, k);
    const base = baseKnown ? (baseline[k] ?? null) : undefined;
    const localChanged = !keeps(localValue, base);
    const remoteChanged = baseKnown && remoteKnown && !keeps(base, remoteValue);
    return {
      pointer: toPointer([k]),
      base,
      local: localValue,
      remote: remoteValue,
      localChanged,
      remoteChanged,
      conflict: localChanged && remoteChanged && !keeps(localValue, remoteValue),
    };
  });
  if (!baseline) return { status: 'no-baseline', fields };
  const l = fields.some((f) => f.localChanged);
  const r = fields.some((f) => f.remoteChanged);
  return { status: l && r ? 'both-changed' : l ? 'local-changed' : r ? 'remote-changed' : 'in-sync', fields };
}

/** The baseline when it speaks of this resource (its kind and id), else undefined. */
export function baselineOfResource(
  baseline: Baseline | undefined,
  kind: Kind,
  id: string | number,
): Baseline | undefined {
  return baseline && baseline.kind === kind && sameId(baseline.id, id) ? baseline : undefined;
}

/**
 * What Bluejay changed since the baseline, when its copy moved on: the status (`remote-changed` or
 * `both-changed`), every field's drift and the names of the fields Bluejay changed; else undefined.
 * `local` and `remote` are API fields (apiFields).
 */
export function remoteChanges(
  baseline: Baseline,
  local: Readonly<Record<string, unknown>>,
  remote: Readonly<Record<string, unknown>>,
): { status: 'remote-changed' | 'both-changed'; fields: FieldDrift[]; changed: string[] } | undefined {
  const { status, fields } = driftOf(baseline.fields, local, remote);
  if (status !== 'remote-changed' && status !== 'both-changed') return undefined;
  return { status, fields, changed: fields.filter((f) => f.remoteChanged).map((f) => f.pointer.slice(1)) };
}

/**
 * The edits that make the file take Bluejay's value of each field chosen 'remote': a set of the
 * value, or an unset where Bluejay holds none. Fields whose remote value is unknown, or that the
 * file already gives as Bluejay holds them, need none.
 */
export function resolveDrift(
  fields: readonly FieldDrift[],
  choice: Readonly<Record<string, 'local' | 'remote'>>,
): EditOp[] {
  const ops: EditOp[] = [];
  for (const f of fields) {
    if (choice[f.pointer] !== 'remote' || f.remote === undefined || keeps(f.local, f.remote)) continue;
    const path = fromPointer(f.pointer);
    ops.push(f.remote === null ? { op: 'unset', path } : { op: 'set', path, value: structuredClone(f.remote) });
  }
  return ops;
}
