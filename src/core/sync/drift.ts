/**
 * Drift: how a file and Bluejay's copy each moved since the file was last pushed or pulled (its
 * baseline), field by field, and the edits that take Bluejay's side where a person chooses it.
 */
import { KINDS } from '../kinds';
import { fromPointer, toPointer } from '../problem';
import { carries, definitionFields, keeps } from './remote';
import type { EditOp } from '../edit/types';

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
  const names = [...new Set([...Object.keys(baseline ?? {}), ...Object.keys(local), ...Object.keys(remote ?? {})])];
  const ordered = [...Object.keys(local), ...Object.keys(baseline ?? {}), ...Object.keys(remote ?? {})].filter(
    (k, i, all) => all.indexOf(k) === i && names.includes(k) && FIELDS.has(k),
  );
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
