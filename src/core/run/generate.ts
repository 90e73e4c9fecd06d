/**
 * Generating digital humans (generate-digital-humans), shared by `bluejay generate` and the editor's
 * "Generate Digital Humans...": the request (from goals, customer personas or red-teaming callers),
 * the answer read as definitions (only an id the schema accepts is kept), and each one written as a
 * new YAML file under the next free name (never over an existing file, never a partial one).
 */
import { join } from 'node:path';
import type { ApiRequest } from '../api/request';
import { isValidId, shownValue } from '../ids';
import { asRecord } from '../record';
import { writeFileAtomic } from '../sync/files';
import { fromRemote, renderDefinition } from '../sync/remote';
import { slug } from '../templates';
import { idString } from './api';

/** What the callers are made from: goals (each asked `count` times), customer personas, or red-teaming callers. */
export type GenerateSource =
  | { readonly type: 'goals'; readonly goals: readonly string[] }
  | {
      readonly type: 'personas';
      readonly personas: readonly {
        readonly name: string;
        readonly description?: string | null;
        readonly goal?: string | null;
      }[];
    }
  | { readonly type: 'red-teaming' };

/** The generate request (a create: never repeated once it may have reached Bluejay). `count` is per goal or persona, or in all for red teaming. */
export function generateRequest(
  agentId: string,
  simulationId: string | undefined,
  source: GenerateSource,
  count: number,
): ApiRequest {
  const how =
    source.type === 'goals'
      ? { goal_adherence: source.goals.map((goal) => ({ goal, num_calls: count })) }
      : source.type === 'personas'
        ? {
            customer_personas: source.personas.map((p) => ({
              name: p.name,
              description: p.description ?? null,
              goal: p.goal ?? null,
              num_calls: count,
            })),
          }
        : { red_teaming: count };
  const body = { agent_id: agentId, ...(simulationId !== undefined && { simulation_id: simulationId }), ...how };
  return { method: 'POST', path: '/v1/generate-digital-humans', body, kind: 'digital-human', op: 'create' };
}

export interface Generated {
  /** The definition to write (without an id Bluejay answered that is no digital human's id). */
  readonly def: Record<string, unknown>;
  /** Its id, when Bluejay gave a valid one. */
  readonly id: string | number | null;
  /** Bluejay answered an id that is not a digital human's (shown, never written). */
  readonly badId: string | null;
}

/** The answer: Bluejay's warning, and each digital human as a definition (linked to `simulationId` when the answer does not say). */
export function readGenerated(
  data: unknown,
  simulationId: string | undefined,
): { warning: string | null; items: Generated[] } {
  const d = asRecord(data);
  const made = Array.isArray(d?.['digital_humans']) ? d['digital_humans'] : [];
  const items: Generated[] = [];
  for (const item of made) {
    const wrapped = asRecord(item);
    const resource = asRecord(wrapped?.['digital_human']) ?? wrapped;
    if (!resource) continue;
    const withSims =
      resource['simulation_ids'] === undefined && simulationId !== undefined
        ? { ...resource, simulation_ids: [Number(simulationId)] }
        : resource;
    const remote = fromRemote('digital-human', withSims);
    // Only an id the schema accepts goes into the file (as for a push's created id).
    const bad = remote['id'] !== undefined && !isValidId('digital-human', remote['id']);
    const def = bad ? Object.fromEntries(Object.entries(remote).filter(([k]) => k !== 'id')) : remote;
    const id = isValidId('digital-human', def['id']) ? def['id'] : null;
    items.push({ def, id, badId: bad ? shownValue(remote['id']) : null });
  }
  return { warning: typeof d?.['warning'] === 'string' ? d['warning'] : null, items };
}

/** What can go wrong with what Bluejay generated, by code: the editor words each code in the display language. */
export const GENERATE_ISSUE_CODES = [
  'generate-warning',
  'generate-none',
  'generate-bad-id',
  'generate-not-written',
] as const;

export type GenerateIssue =
  /** Bluejay's own warning (its words are data, shown as they are). */
  | { readonly code: 'generate-warning'; readonly said: string }
  /** The answer held no digital humans. */
  | { readonly code: 'generate-none' }
  /** Bluejay answered an id that is not a digital human's: the file is written without it. */
  | { readonly code: 'generate-bad-id'; readonly badId: string }
  /** A file could not be written (Bluejay has created the digital human all the same). */
  | {
      readonly code: 'generate-not-written';
      readonly path: string;
      readonly error: unknown;
      readonly id: string | number | null;
    };

/** The issues of an answer before anything is written: Bluejay's warning, and an answer with none. */
export function answerIssues(read: {
  readonly warning: string | null;
  readonly items: readonly Generated[];
}): GenerateIssue[] {
  return [
    ...(read.warning !== null ? [{ code: 'generate-warning', said: read.warning } as const] : []),
    ...(read.items.length === 0 ? [{ code: 'generate-none' } as const] : []),
  ];
}

/** Why a file was not written, as a code where the system gave one (EACCES, ENOSPC, ...), else its message. */
export function writeReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
  return error instanceof Error ? error.message : String(error);
}

/** An issue in English (the log, the CLI's words). */
export function issueMessage(issue: GenerateIssue): string {
  switch (issue.code) {
    case 'generate-warning':
      return `Bluejay says: ${issue.said}`;
    case 'generate-none':
      return 'Bluejay returned no digital humans.';
    case 'generate-bad-id':
      return `Bluejay answered a digital human with the id ${issue.badId}, which is not a digital human's id: it is written without one.`;
    case 'generate-not-written':
      return `Could not write ${issue.path}: ${issue.error instanceof Error ? issue.error.message : String(issue.error)}; Bluejay created it${issue.id !== null ? ` with id ${String(issue.id)}` : ''}: pull it (Bluejay: Pull).`;
  }
}

/**
 * Writes one generated definition as YAML in `dir` under `<name as a slug>.digital-human.yaml`, or
 * the next free name: an existing file is never replaced (Bluejay has created it already). `used`
 * holds the names taken in this run. The path written, or the last error and the path tried.
 */
export async function writeGenerated(
  dir: string,
  def: Readonly<Record<string, unknown>>,
  used: Set<string>,
): Promise<{ path: string; text: string } | { path: string; error: unknown }> {
  const text = renderDefinition(def, 'yaml');
  let path = '';
  let error: unknown;
  for (let tries = 0; tries < 100; tries++) {
    path = join(dir, generatedFileName(def, used));
    try {
      await writeFileAtomic(path, text, { exclusive: true }); // never over an existing file, never a partial one
      return { path, text };
    } catch (e) {
      error = e;
      if ((e as { code?: unknown }).code !== 'EEXIST') break;
    }
  }
  return { path, error };
}

/** `<name as a slug>.digital-human.yaml`, made unique within this run. */
function generatedFileName(def: Readonly<Record<string, unknown>>, used: Set<string>): string {
  const name = typeof def['name'] === 'string' ? def['name'] : `digital-human-${idString(def['id']) ?? 'new'}`;
  const base = slug(name.normalize('NFKD'), 'digital-human').slice(0, 60);
  let candidate = `${base}.digital-human.yaml`;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}.digital-human.yaml`;
  used.add(candidate);
  return candidate;
}
