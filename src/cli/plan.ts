/** `bluejay plan [--format text|json] [--base-url URL] <path>...`: what a push would do, sending nothing that changes anything. */
import { Pacer } from '../core/api/pacing';
import { planText, type PlanOutcome } from '../core/sync/plan';
import type { Sender } from '../core/sync/push';
import type { Change } from '../core/sync/remote';
import { apiKeyOf, baseUrlOf, clientFor } from './connect';
import { discover, readDefinition } from './discover';
import { EXIT, UsageError, type Io } from './io';
import { plural, printable, problemJson, problemLine, type OutputFormat } from './output';

export interface PlanOptions {
  readonly format: OutputFormat;
  readonly baseUrl: string | undefined;
}

export async function planCommand(paths: readonly string[], options: PlanOptions, io: Io): Promise<number> {
  const base = baseUrlOf(options.baseUrl, io);
  const key = apiKeyOf(io);
  if (!key) throw new UsageError('set BLUEJAY_API_KEY to your Bluejay API key (plan reads what Bluejay holds)');
  const found = await discover(paths);
  for (const u of found.unreadable) io.err(`bluejay: cannot read ${printable(u.path)}: ${printable(u.reason)}\n`);
  const reader = await clientFor(base.url, key);
  const files = new Pacer(8, 0);
  const settled = await Promise.all(found.files.map((path) => files.run(() => planOne(path, reader, io))));
  const results = settled.filter((r): r is { path: string; plan: PlanOutcome } => r !== undefined);
  const unreadable = found.unreadable.length + settled.length - results.length;

  if (options.format === 'json') {
    const plans = results.map(({ path, plan }) => ({
      path,
      kind: plan.kind,
      id: plan.id,
      action: plan.action,
      changes: plan.changes.map((c) => ({ pointer: c.pointer, from: c.from, to: c.to })),
      problems: plan.problems.map(problemJson),
    }));
    io.out(JSON.stringify({ plans }) + '\n');
  } else {
    for (const { path, plan } of results) {
      io.out(`${printable(path)}: ${[plan.action, plan.kind, plan.id].filter((x) => x !== null).join(' ')}\n`);
      for (const c of plan.changes) io.out(changeLine(c) + '\n');
      for (const p of plan.problems) io.out(problemLine(path, p) + '\n');
    }
    const count = (a: string): number => results.filter((r) => r.plan.action === a).length;
    io.err(
      `${plural(results.length, 'file')}: ${count('create')} to create, ${count('update')} to update, ${count('unchanged')} unchanged, ${count('invalid')} invalid (nothing sent to ${base.origin}).\n`,
    );
  }
  if (unreadable) return EXIT.usage;
  return results.some((r) => r.plan.action === 'invalid') ? EXIT.problems : EXIT.ok;
}

async function planOne(path: string, reader: Sender, io: Io): Promise<{ path: string; plan: PlanOutcome } | undefined> {
  const decoded = await readDefinition(path, io);
  if (!decoded) return undefined;
  if (decoded.text === undefined)
    return {
      path,
      plan: { kind: decoded.kind ?? null, id: null, action: 'invalid', changes: [], problems: [...decoded.problems] },
    };
  return {
    path,
    plan: await planText(decoded.text, path, reader, { validated: decoded, ...(io.signal && { signal: io.signal }) }),
  };
}

/** `  /field: <from> -> <to>`, each value as JSON, cut to about 60 characters. */
export function changeLine(c: Change): string {
  return `  ${printable(c.pointer)}: ${printable(short(c.from))} -> ${printable(short(c.to))}`;
}

function short(v: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(v) ?? 'null';
  } catch {
    return '(a value too deep to show)'; // Bluejay's copy may nest deeper than JSON.stringify writes
  }
  const chars = [...json];
  return chars.length > 60 ? `${chars.slice(0, 57).join('')}...` : json;
}
