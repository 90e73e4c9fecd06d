/**
 * `bluejay validate --format sarif` and `--format github`: the problems as code scanning and GitHub
 * Actions read them. SARIF 2.1.0: one run, every problem code a rule (described from the codes
 * registry), one result per problem with a 1-based region in UTF-16 code units; paths inside the
 * working folder are relative to it (`%SRCROOT%`), so code scanning places them in the repository.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_MEANINGS } from '../core/codeDocs';
import { CODES, type Code } from '../core/codes';
import type { Problem, Severity } from '../core/problem';

export interface FileProblems {
  readonly path: string;
  readonly problems: readonly Problem[];
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
};
const INFORMATION_URI = 'https://docs.getbluejay.ai';

/** A path as code scanning wants it: relative to `cwd` with forward slashes (URI-encoded), else a file URI. */
function artifact(path: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel))
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(abs).href };
}

export function sarifLog(files: readonly FileProblems[], version: string, cwd: string): object {
  const codes = Object.keys(CODES) as Code[];
  const index = new Map(codes.map((c, i) => [c as string, i]));
  const rules = codes.map((id) => ({
    id,
    name: id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: CODE_MEANINGS[id].replace(/`/g, '') },
    fullDescription: { text: CODE_MEANINGS[id].replace(/`/g, ''), markdown: CODE_MEANINGS[id] },
    defaultConfiguration: { level: LEVEL[CODES[id]] },
  }));
  const results = files.flatMap(({ path, problems }) =>
    problems.map((p) => ({
      ruleId: p.code,
      ...(index.has(p.code) && { ruleIndex: index.get(p.code) }),
      level: LEVEL[p.severity],
      message: { text: p.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact(path, cwd),
            region: {
              startLine: p.range.start.line + 1,
              startColumn: p.range.start.character + 1,
              endLine: p.range.end.line + 1,
              endColumn: p.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bluejay',
            semanticVersion: /^\d+\.\d+\.\d+/.test(version) ? version : undefined,
            version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

const GH_LEVEL: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'notice' };

/** One GitHub Actions workflow command a problem: `::error file=PATH,line=L,col=C,endLine=..,endColumn=..,title=CODE::MESSAGE`. */
export function githubAnnotations(files: readonly FileProblems[], cwd: string): string {
  const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  let out = '';
  for (const { path, problems } of files) {
    const abs = resolve(cwd, path);
    const rel = relative(cwd, abs);
    const file = (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs).split(sep).join('/');
    for (const p of problems) {
      const r = p.range;
      out += `::${GH_LEVEL[p.severity]} file=${property(file)},line=${r.start.line + 1},col=${r.start.character + 1},endLine=${r.end.line + 1},endColumn=${r.end.character + 1},title=${property(p.code)}::${data(p.message)}\n`;
    }
  }
  return out;
}
