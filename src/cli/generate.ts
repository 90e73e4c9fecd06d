/**
 * `bluejay generate --agent ID [--simulation ID] [--goal TEXT] [--count N] --out DIR`: asks Bluejay
 * to generate digital humans (generate-digital-humans) and writes each one it returns as a YAML file
 * in DIR, with its id and, in `.bluejay/state.json`, its baseline.
 */
import { mkdir } from 'node:fs/promises';
import { apiFields } from '../core/api/request';
import { generateRequest, readGenerated, writeGenerated } from '../core/run/generate';
import { asRecord } from '../core/record';
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
  if (options.extra?.length)
    throw new UsageError(`generate takes no paths (got '${options.extra.join(' ')}'); use --out DIR`);
  const agent = digits('--agent', options.agent);
  if (agent === undefined) throw new UsageError('--agent ID is required');
  const simulation = digits('--simulation', options.simulation);
  if (!options.out) throw new UsageError('--out DIR is required');
  const count = options.count === undefined ? 1 : Number(options.count);
  if (!Number.isInteger(count) || count < 1 || count > 100)
    throw new UsageError(`--count must be a whole number from 1 to 100 (got '${options.count ?? ''}')`);
  const base = baseUrlOf(options.baseUrl, io);
  const key = apiKeyOf(io);
  if (!key)
    throw new UsageError('set BLUEJAY_API_KEY to your Bluejay API key (generate creates digital humans on Bluejay)');
  const sender = await clientFor(base.url, key);

  // Without --goal, the agent's own goals (each asked `count` times).
  let goals = options.goal !== undefined && options.goal.trim() !== '' ? [options.goal.trim()] : [];
  try {
    if (goals.length === 0) {
      const a = asRecord(
        (await sender.send({ method: 'GET', path: `/v1/agents/${agent}`, kind: 'digital-human', op: 'get' }, io.signal))
          .data,
      );
      goals = Array.isArray(a?.['goals'])
        ? a['goals'].filter((g): g is string => typeof g === 'string' && g.trim() !== '')
        : [];
      if (goals.length === 0)
        throw new UsageError(`agent ${agent} has no goals on Bluejay: say what the callers want with --goal TEXT`);
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    io.err(`bluejay: could not read agent ${agent}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.problems;
  }
  const req = generateRequest(agent, simulation, { type: 'goals', goals }, count);
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
  const { warning, items } = readGenerated(data, simulation);
  if (warning !== null) io.err(`bluejay: Bluejay says: ${warning}\n`);
  const state = new StateFiles(base.origin, io);
  let failed = items.length === 0;
  if (items.length === 0) io.err('bluejay: Bluejay returned no digital humans\n');
  const used = new Set<string>();
  for (const { def, id, badId } of items) {
    if (badId !== null)
      io.err(
        `bluejay: Bluejay answered a digital human with the id ${badId}, which is not a digital human's id: it is written without one\n`,
      );
    const written = await writeGenerated(options.out, def, used);
    if ('error' in written) {
      io.err(
        `bluejay: could not write ${written.path}: ${reason(written.error)}; Bluejay created it${id !== null ? ` with id ${String(id)}` : ''}: pull it with bluejay pull\n`,
      );
      failed = true;
      continue;
    }
    const path = written.path;
    if (id !== null)
      await state.record(path, baselineFrom('digital-human', id, apiFields(def), undefined, new Date().toISOString()));
    if (badId !== null) failed = true;
    const problems = validateText(written.text, path).problems;
    for (const p of problems) io.err(problemLine(path, p) + '\n');
    if (problems.some((p) => p.severity === 'error')) failed = true;
    io.out(`${path}${id === null ? '' : `: id ${String(id)}`}\n`);
  }
  await state.save();
  return failed ? EXIT.problems : EXIT.ok;
}
