/**
 * Which simulation(s) a digital-human file runs in, and why a file is not run: a file with errors,
 * without an id (`run-not-pushed`), whose content differs from Bluejay's copy (`run-out-of-step`:
 * what plan calls an update), or in no simulation (`run-no-simulation`). Running an old version and
 * reading its results as the new one's is the mistake this prevents.
 */
import { formatFromFileName, type Kind } from '../kinds';
import type { Problem } from '../problem';
import { planText, type PlanTextOptions } from '../sync/plan';
import type { Sender } from '../sync/push';
import { placed } from '../sync/serverProblems';
import { idString } from './api';

export type TargetAction = 'run' | 'skipped' | 'invalid';

export interface RunTarget {
  readonly kind: Kind | null;
  readonly id: string | number | null;
  readonly action: TargetAction;
  /** The simulations to run it in (as strings), when the action is `run`. */
  readonly simulationIds: string[];
  readonly problems: Problem[];
}

export interface TargetOptions extends PlanTextOptions {
  /** Run only in this simulation (--simulation): a file not in it is `run-no-simulation`. */
  readonly simulation?: string;
}

/**
 * Decides whether a text runs and where. Personas are `skipped`. A digital human's simulations are
 * its `simulation_ids`, else (when the file does not set them) those Bluejay links it to.
 */
export async function runTarget(
  text: string,
  fileName: string,
  reader: Sender,
  options: TargetOptions = {},
): Promise<RunTarget> {
  const plan = await planText(text, fileName, reader, options);
  const { kind, id } = plan;
  const base = { kind, id, simulationIds: [] as string[] };
  if (kind === 'customer-persona') return { ...base, action: 'skipped', problems: plan.problems };
  const format = options.format ?? formatFromFileName(fileName);
  const refuse = (
    code: 'run-not-pushed' | 'run-out-of-step' | 'run-no-simulation',
    pointer: string,
    message: string,
  ): RunTarget => ({
    ...base,
    action: 'invalid',
    problems: [...plan.problems, ...placed(text, format, [{ code, pointer, message }])],
  });
  // Without an id it is not on Bluejay, whether or not it has errors too.
  if (kind === 'digital-human' && id === null)
    return refuse(
      'run-not-pushed',
      '',
      'This digital human has no id: it is not on Bluejay yet. Push it first (bluejay run --push, or Push and Run), then run it.',
    );
  if (plan.action === 'invalid' || kind === null) return { ...base, action: 'invalid', problems: plan.problems };
  if (plan.action === 'update') {
    const fields = plan.changes.map((c) => c.pointer.slice(1)).join(', ');
    return refuse(
      'run-out-of-step',
      plan.changes[0]?.pointer ?? '',
      `Bluejay's copy differs from this file (${fields}): a run would test the old version. Push first (bluejay run --push, or Push and Run), or pull Bluejay's copy.`,
    );
  }
  // Unchanged: the file's simulation_ids, when it sets them, are Bluejay's; else Bluejay's links count.
  const sims = plan.remote ? simulationIdsOf(plan.remote) : [];
  if (options.simulation !== undefined) {
    if (!sims.includes(options.simulation))
      return refuse(
        'run-no-simulation',
        '/simulation_ids',
        `This digital human is not in simulation ${options.simulation} (its simulation_ids: ${sims.length ? sims.join(', ') : 'none'}): add it to simulation_ids and push.`,
      );
    return { ...base, action: 'run', simulationIds: [options.simulation], problems: plan.problems };
  }
  if (sims.length === 0)
    return refuse(
      'run-no-simulation',
      '/simulation_ids',
      'This digital human is in no simulation: set simulation_ids (the simulations it belongs to) and push, or name one with --simulation.',
    );
  return { ...base, action: 'run', simulationIds: sims, problems: plan.problems };
}

/** A definition's simulation_ids as distinct strings. */
export function simulationIdsOf(def: Readonly<Record<string, unknown>>): string[] {
  const raw = def['simulation_ids'];
  const ids = Array.isArray(raw) ? raw.map(idString).filter((s): s is string => s !== null) : [];
  return [...new Set(ids)];
}

/** A digital human to run in one simulation, with whatever the caller keeps with it (a path, a test item). */
export interface Member<T> {
  readonly digitalHumanId: string;
  readonly ref: T;
}

/** Files grouped by simulation, in order of first appearance: one queue request per simulation. */
export function groupBySimulation<T>(targets: readonly { target: RunTarget; ref: T }[]): Map<string, Member<T>[]> {
  const groups = new Map<string, Member<T>[]>();
  for (const { target, ref } of targets) {
    const id = idString(target.id);
    if (target.action !== 'run' || id === null) continue;
    for (const sim of target.simulationIds) {
      const members = groups.get(sim) ?? [];
      if (!members.some((m) => m.digitalHumanId === id)) members.push({ digitalHumanId: id, ref });
      groups.set(sim, members);
    }
  }
  return groups;
}
