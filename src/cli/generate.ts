/**
 * `bluejay generate --agent ID [--simulation ID] [--goal TEXT] [--count N] --out DIR`: asks Bluejay
 * to generate digital humans (generate-digital-humans) and writes each one it returns as a YAML file
 * in DIR, with its id and, in `.bluejay/state.json`, its baseline.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { apiFields, type ApiRequest } from '../core/api/request';
import { isValidId, shownValue } from '../core/ids';
import { idString } from '../core/run/api';
import { asRecord } from '../core/record';
import { fromRemote, renderDefinition } from '../core/sync/remote';
import { writeFileAtomic } from '../core/sync/files';
import { slug } from '../core/templates';
import { baselineFrom } from '../core/sync/state';
import { validateText } from '../core/validate';
import { apiKeyOf, baseUrlOf, clientFor } from './connect';
import { reason } from './discover';
import { EXIT, UsageError, type Io } from './io';
import { problemLine } from './output';
import { StateFiles } from './state';

export interface GenerateOptions {
  readonly agent?: string | undefined;
  readonly simulation?: string | undefined;
  readonly goal?: string | undefined;
  readonly count?: string | undefined;
  readonly out?: string | undefined;
  readonly baseUrl?: string | undefined;
  readonly extra?: readonly string[];
}

const digits = (name: string, v: string | undefined): string | undefined => {
  if (v !== undefined && !/^\d+$/.test(v)) throw new UsageError(`${name} must be an id (digits), got '${v}'`);
  return v;
};

export async function generateCommand(options: GenerateOptions, io: Io): Promise<number> {
  if (options.extra?.length) throw new UsageError(`generate takes no paths (got '${options.extra.join(' ')}'); use --out DIR`);
  const agent = digits('--agent', options.agent);
  if (agent === undefined) throw new UsageError('--agent ID is required');
  const simulation = digits('--simulation', options.simulation);
  if (!options.out) throw new UsageError('--out DIR is required');
  const count = options.count === undefined ? 1 : Number(options.count);
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new UsageError(`--count must be a whole number from 1 to 100 (got '${options.count ?? ''}')`);
  const base = baseUrlOf(options.baseUrl, io);
  const key = apiKeyOf(io);
  if (!key) throw new UsageError('set BLUEJAY_API_KEY to your Bluejay API key (generate creates digital humans on Bluejay)');
  const sender = await clientFor(base.url, key);

  // Without --goal, the agent's own goals (each asked `count` times).
  let goals = options.goal !== undefined && options.goal.trim() !== '' ? [options.goal.trim()] : [];
  try {
    if (goals.length === 0) {
      const a = asRecord((await sender.send({ method: 'GET', path: `/v1/agents/${agent}`, kind: 'digital-human', op: 'get' }, io.signal)).data);
      goals = Array.isArray(a?.['goals']) ? a['goals'].filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
      if (goals.length === 0) throw new UsageError(`agent ${agent} has no goals on Bluejay: say what the callers want with --goal TEXT`);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.err(`bluejay: could not read agent ${agent}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.problems;
  }
  const body = { agent_id: agent, ...(simulation !== undefined && { simulation_id: simulation }), goal_adherence: goals.map((goal) => ({ goal, num_calls: count })) };
  const req: ApiRequest = { method: 'POST', path: '/v1/generate-digital-humans', body, kind: 'digital-human', op: 'create' };
  // The folder first: what Bluejay creates must have somewhere to go.
  try {
    await mkdir(options.out, { recursive: true });
  } catch (e) {
    throw new UsageError(`cannot make the folder ${options.out}: ${reason(e)}`);
  }
  let data: unknown;
  try {
    data = (await sender.send(req, io.signal)).data;
  } catch (e) {
    io.err(`bluejay: Bluejay did not generate digital humans: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.problems;
  }
  const d = asRecord(data);
  if (typeof d?.['warning'] === 'string') io.err(`bluejay: Bluejay says: ${d['warning']}\n`);
  const made = Array.isArray(d?.['digital_humans']) ? d['digital_humans'] : [];
  const state = new StateFiles(base.origin, io);
  let failed = made.length === 0;
  if (made.length === 0) io.err('bluejay: Bluejay returned no digital humans\n');
  const used = new Set<string>();
  for (const item of made) {
    const wrapped = asRecord(item);
    const resource = asRecord(wrapped?.['digital_human']) ?? wrapped;
    if (!resource) continue;
    const withSims = resource['simulation_ids'] === undefined && simulation !== undefined ? { ...resource, simulation_ids: [Number(simulation)] } : resource;
    const remote = fromRemote('digital-human', withSims);
    // Only an id the schema accepts goes into the file (as for a push's created id).
    const badId = remote['id'] !== undefined && !isValidId('digital-human', remote['id']);
    if (badId) io.err(`bluejay: Bluejay answered a digital human with the id ${shownValue(remote['id'])}, which is not a digital human's id: it is written without one\n`);
    const def = badId ? Object.fromEntries(Object.entries(remote).filter(([k]) => k !== 'id')) : remote;
    const text = renderDefinition(def, 'yaml');
    // An existing file is never replaced: the next free name is taken instead (Bluejay has created it already).
    let path = '';
    let why: string | undefined;
    for (let tries = 0; tries < 100; tries++) {
      path = join(options.out, fileName(def, used));
      try {
        await writeFileAtomic(path, text, { exclusive: true }); // never over an existing file, never a partial one
        why = undefined;
        break;
      } catch (e) {
        why = reason(e);
        if ((e as { code?: unknown }).code !== 'EEXIST') break;
      }
    }
    if (why !== undefined) {
      io.err(`bluejay: could not write ${path}: ${why}; Bluejay created it${isValidId('digital-human', def['id']) ? ` with id ${String(def['id'])}` : ''}: pull it with bluejay pull\n`);
      failed = true;
      continue;
    }
    const id = isValidId('digital-human', def['id']) ? def['id'] : null;
    if (id !== null) await state.record(path, baselineFrom('digital-human', id, apiFields(def), undefined, new Date().toISOString()));
    if (badId) failed = true;
    const problems = validateText(text, path).problems;
    for (const p of problems) io.err(problemLine(path, p) + '\n');
    if (problems.some((p) => p.severity === 'error')) failed = true;
    io.out(`${path}${id === null ? '' : `: id ${String(id)}`}\n`);
  }
  await state.save();
  return failed ? EXIT.problems : EXIT.ok;
}

/** `<name as a slug>.digital-human.yaml`, made unique within this run (an existing file is never replaced: wx). */
function fileName(def: Readonly<Record<string, unknown>>, used: Set<string>): string {
  const name = typeof def['name'] === 'string' ? def['name'] : `digital-human-${idString(def['id']) ?? 'new'}`;
  const base = slug(name.normalize('NFKD'), 'digital-human').slice(0, 60);
  let candidate = `${base}.digital-human.yaml`;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}-${n}.digital-human.yaml`;
  used.add(candidate);
  return candidate;
}
