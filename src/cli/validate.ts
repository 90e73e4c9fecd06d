/** `bluejay validate [--format text|json] <path>...` */
import { discover, readDefinition } from './discover';
import { EXIT, type Io } from './io';
import { plural, printable, problemJson, problemLine, tally, type OutputFormat } from './output';

export async function validateCommand(paths: readonly string[], format: OutputFormat, io: Io): Promise<number> {
  const found = await discover(paths);
  const files: { path: string; kind: string | null; problems: ReturnType<typeof problemJson>[] }[] = [];
  let unreadable = found.unreadable.length;
  for (const u of found.unreadable) io.err(`bluejay: cannot read ${printable(u.path)}: ${printable(u.reason)}\n`);
  const totals = tally([]);
  for (const path of found.files) {
    const result = await readDefinition(path, io);
    if (!result) {
      unreadable++;
      continue;
    }
    tally(result.problems, totals);
    files.push({ path, kind: result.kind ?? null, problems: result.problems.map(problemJson) });
    if (format === 'text') for (const p of result.problems) io.out(problemLine(path, p) + '\n');
  }
  if (format === 'json') io.out(JSON.stringify({ files }) + '\n');
  else {
    const none = found.files.length === 0 && unreadable === 0 ? ' (no *.persona.* or *.digital-human.* files found)' : '';
    io.err(`${plural(files.length, 'file')} checked${none}: ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${totals.information} information.\n`);
  }
  if (unreadable > 0) return EXIT.usage;
  return totals.error > 0 ? EXIT.problems : EXIT.ok;
}
