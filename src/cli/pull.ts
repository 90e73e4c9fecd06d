/** `bluejay pull <kind> <id> [--out FILE] [--base-url URL]`: Bluejay's copy as a definition file. */
import { readFile } from 'node:fs/promises';
import { ApiError } from '../core/api/errors';
import { apiFields, getRequest, resourceOf } from '../core/api/request';
import { idKey, isValidId, sameId } from '../core/ids';
import { formatFromFileName, isKind, type Kind } from '../core/kinds';
import { withLock, fileLockPath, writeFileAtomic } from '../core/sync/files';
import { refreshEdits } from '../core/sync/refresh';
import { fromRemote, renderDefinition } from '../core/sync/remote';
import { baselineFrom } from '../core/sync/state';
import { decodeUtf8 } from '../core/text';
import { validateText } from '../core/validate';
import { apiKeyOf, baseUrlOf, clientFor } from './connect';
import { reason } from './discover';
import { EXIT, UsageError, type Io } from './io';
import { StateFiles } from './state';
import { applyEdits } from '../core/edit/apply';

export interface PullOptions {
  readonly baseUrl: string | undefined;
  readonly out: string | undefined;
}

export async function pullCommand(args: readonly string[], options: PullOptions, io: Io): Promise<number> {
  const [kind, rawId, ...extra] = args;
  if (kind === undefined || rawId === undefined || extra.length)
    throw new UsageError('pull takes a kind and an id: bluejay pull customer-persona|digital-human <id>');
  if (!isKind(kind)) throw new UsageError(`the kind must be customer-persona or digital-human (got '${kind}')`);
  const id = idOf(kind, rawId);
  const base = baseUrlOf(options.baseUrl, io);
  const key = apiKeyOf(io);
  if (!key) throw new UsageError('set BLUEJAY_API_KEY to your Bluejay API key');
  // An existing --out file is checked before anything is asked of Bluejay.
  const existing = options.out === undefined ? undefined : await readExisting(options.out, kind, id);

  let data: unknown;
  try {
    data = (await (await clientFor(base.url, key)).send(getRequest(kind, id), io.signal)).data;
  } catch (e) {
    io.err(
      `bluejay: ${e instanceof ApiError ? e.message : `the request failed: ${e instanceof Error ? e.message : String(e)}`}\n`,
    );
    return EXIT.problems;
  }
  const resource = resourceOf(kind, data);
  if (!resource) {
    io.err('bluejay: Bluejay answered without a definition in it; try again later.\n');
    return EXIT.problems;
  }
  const remote = fromRemote(kind, resource);
  if (options.out === undefined) {
    io.out(renderDefinition(remote, 'yaml'));
    return EXIT.ok;
  }
  const out = options.out;
  const format = formatFromFileName(out);
  let text: string;
  let said: string;
  if (existing === undefined) {
    text = renderDefinition(remote, format);
    said = 'created';
  } else {
    const refreshed = refreshEdits(existing, format, remote);
    if (!refreshed.ok) throw new UsageError(`${out} cannot be brought in step with Bluejay: ${refreshed.reason}`);
    text = applyEdits(existing, refreshed.edits);
    said = refreshed.edits.length ? `updated ${refreshed.changed.join(', ')}` : 'unchanged';
  }
  if (text !== existing) {
    const refused = await writeOut(out, existing, text, io.signal);
    if (refused) {
      io.err(`bluejay: ${refused.message}\n`);
      return refused.code;
    }
  }
  io.out(`${out}: ${said}\n`);
  const value = validateText(text, out).value ?? remote;
  const state = new StateFiles(base.origin, io);
  await state.record(out, baselineFrom(kind, id, apiFields(value), resource, new Date().toISOString()));
  await state.save();
  return EXIT.ok;
}

function idOf(kind: Kind, raw: string): string | number {
  if (kind === 'digital-human') {
    // Beyond 2^53 - 1 a number is rounded to another id: refused, not rounded.
    if (!/^[1-9]\d{0,15}$/.test(raw) || !Number.isSafeInteger(Number(raw)))
      throw new UsageError(`a digital human's id is an integer from 1 to ${Number.MAX_SAFE_INTEGER} (got '${raw}')`);
    return Number(raw);
  }
  // Any form the schema accepts (either case, `urn:uuid:`); Bluejay is asked by the canonical one.
  const given: string = raw; // isValidId narrows `raw` to never when it fails
  if (!isValidId(kind, raw)) throw new UsageError(`a customer persona's id is a UUID (got '${given}')`);
  return idKey(raw);
}

/** The text of an existing --out file that defines the same kind (and, if it has an id, the same id); undefined when there is no such file. */
async function readExisting(out: string, kind: Kind, id: string | number): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(out);
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${out}: ${reason(e)}`);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new UsageError(`${out} is not a UTF-8 text file: ${decoded.message}`);
  const result = validateText(decoded.text, out);
  if (!result.value)
    throw new UsageError(`${out} cannot be read as a definition: ${result.problems[0]?.message ?? 'unknown problem'}`);
  if (result.kind !== kind) throw new UsageError(`${out} defines ${result.kind ?? 'an unknown kind'}, not ${kind}`);
  const fileId = result.value['id'];
  if (
    fileId !== undefined &&
    fileId !== null &&
    !((typeof fileId === 'string' || typeof fileId === 'number') && sameId(fileId, id))
  )
    throw new UsageError(`${out} is for id ${JSON.stringify(fileId)}, not ${String(id)}`);
  return decoded.hadBom ? `\uFEFF${decoded.text}` : decoded.text;
}

/**
 * Writes the --out file atomically, holding its lock, unless it changed since it was read (or,
 * new then, was created meanwhile): a refusal (message and exit code) when not written.
 */
async function writeOut(
  out: string,
  before: string | undefined,
  text: string,
  signal: AbortSignal | undefined,
): Promise<{ message: string; code: number } | undefined> {
  try {
    return await withLock(
      await fileLockPath(out),
      async () => {
        const now = await readFile(out).catch((e: unknown) => {
          if ((e as { code?: unknown }).code === 'ENOENT') return undefined;
          throw e;
        });
        if (before === undefined ? now !== undefined : now === undefined || !now.equals(Buffer.from(before, 'utf8'))) {
          return {
            message: `${out} ${before === undefined ? 'was created' : 'changed'} while Bluejay's copy was read; nothing was written: pull again.`,
            code: EXIT.usage,
          };
        }
        await writeFileAtomic(out, text);
        return undefined;
      },
      signal ? { signal } : {},
    );
  } catch (e) {
    if ((e as { name?: unknown }).name === 'AbortError')
      return { message: `cancelled; ${out} was not written.`, code: EXIT.problems };
    return { message: `cannot write ${out}: ${reason(e)}`, code: EXIT.usage };
  }
}
