/** `bluejay validate [--format text|json|sarif|github] <path>...` */
import { discover, readDefinition } from './discover';
import { EXIT, type Io } from './io';
import { plural, printable, problemJson, problemLine, tally, type OutputFormat } from './output';
import { githubAnnotations, sarifLog } from './sarif';

/** validate also speaks SARIF (code scanning) and GitHub Actions annotations. */
export type ValidateFormat = OutputFormat | 'sarif' | 'github';

export async function validateCommand(paths: readonly string[], format: ValidateFormat, io: Io, version = 'dev'): Promise<number> {
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
  else if (format === 'sarif') io.out(JSON.stringify(sarifLog(files, version, process.cwd()), null, 2) + '\n');
  else if (format === 'github') io.out(githubAnnotations(files, process.cwd()));
  if (format !== 'json' && format !== 'sarif') {
    const none = found.files.length === 0 && unreadable === 0 ? ' (no *.persona.* or *.digital-human.* files found)' : '';
    io.err(`${plural(files.length, 'file')} checked${none}: ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${totals.information} information.\n`);
  }
  if (unreadable > 0) return EXIT.usage;
  return totals.error > 0 ? EXIT.problems : EXIT.ok;
}
