/**
 * Benchmark: our validateText against yaml-language-server (YAML) and vscode-json-languageservice
 * (JSON), same schema, on generated digital humans of ~2 KB, ~150 KB and ~1 MB, valid and with ~1 %
 * of list items broken. Prints figures; exits 0 even when a goal is missed (it is not a test).
 * Run with `npm run bench`.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { load } from 'js-yaml';
import { parseDocument } from 'yaml';
import { validateText } from '../src/core/validate';
import { checkOurs, checkRoundTrip, describeDoc, fileName } from './check';
import {
  jsonLanguageService,
  unexpectedFetches,
  yamlLanguageServer,
  type Competitor,
  type Counts,
} from './competitors';
import { makeConverted } from './converted';
import { makeDocuments, type BenchDocument, type Format } from './documents';
import { forgetParses, median, sample, type Plan, type Sample } from './timing';

interface Size {
  readonly label: string;
  readonly bytes: number;
  readonly plan: Plan;
  /** Counts for the goals (the small document is only shown). */
  readonly goal: boolean;
}

/** A file converted from another tool: a wrong enum in each of about 3,000 transcript turns. */
const CONVERTED: Size = {
  label: '150 KB converted',
  bytes: 150_000,
  goal: true,
  plan: { warmup: 5, runs: 30, budgetMs: 5_000, minRuns: 10 },
};

const SIZES: readonly Size[] = [
  { label: '2 KB', bytes: 2_000, goal: false, plan: { warmup: 50, runs: 100, budgetMs: 1_000, minRuns: 20 } },
  { label: '150 KB', bytes: 150_000, goal: true, plan: { warmup: 10, runs: 30, budgetMs: 5_000, minRuns: 10 } },
  { label: '1 MB', bytes: 1_000_000, goal: true, plan: { warmup: 4, runs: 20, budgetMs: 7_000, minRuns: 5 } },
];

/** How many times faster than the competitor we mean to be, by format. */
const GOALS: Readonly<Record<Format, number>> = { yaml: 8, json: 2 };

const SEED = 20_240_315;

/** What the report needs of a case (not the document itself, so finished cases do not weigh on the heap). */
interface Row {
  readonly name: string;
  readonly format: Format;
  readonly bytes: number;
  readonly items: number;
  /** Broken items, or undefined for a valid document. */
  readonly broken: number | undefined;
  readonly goal: boolean;
  readonly competitor: string;
  readonly ours: Sample;
  readonly theirs: Sample;
  /** Error-severity problems we report. */
  readonly oursErrors: number;
  readonly theirsCounts: Counts;
}

async function runCase(doc: BenchDocument, competitor: Competitor, size: Size, findings: string[]): Promise<Row> {
  checkRoundTrip(doc);
  const name = fileName(doc);
  const problems = validateText(doc.text, name).problems;
  findings.push(...checkOurs(doc, problems));
  const theirsCounts = await competitor.validate(doc.text);
  if (!doc.valid && theirsCounts.total === 0)
    throw new Error(
      `${describeDoc(doc)}: ${competitor.name} reports no problem on a broken document; is the schema applied?`,
    );
  if (doc.valid && theirsCounts.total > 0)
    findings.push(
      `${describeDoc(doc)}: ${competitor.name} reports ${theirsCounts.total} problem(s) on a valid document`,
    );
  const ours = await sample(doc.text, doc.format, size.plan, (text) => validateText(text, name));
  const theirs = await sample(doc.text, doc.format, size.plan, (text) => competitor.validate(text));
  await competitor.release();
  const oursErrors = problems.filter((p) => p.severity === 'error').length;
  const summary = {
    name: describeDoc(doc),
    format: doc.format,
    bytes: Buffer.byteLength(doc.text),
    items: doc.items,
    broken: doc.valid ? undefined : doc.breakages.length,
  };
  return { ...summary, goal: size.goal, competitor: competitor.name, ours, theirs, oursErrors, theirsCounts };
}

function kb(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} KB`;
}

function ms(x: number): string {
  return x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0);
}

function ratio(r: Row): number {
  return r.theirs.medianMs / r.ours.medianMs;
}

function faster(r: Row): string {
  const x = ratio(r);
  return x >= 1 ? `${x.toFixed(1)}x faster than` : `${(1 / x).toFixed(1)}x slower than`;
}

function table(rows: readonly Row[]): string {
  const head = [
    'document',
    'bytes',
    'items',
    'broken',
    'ours ms',
    'competitor',
    'theirs ms',
    'ratio',
    'problems ours/theirs',
    'runs',
  ];
  const body = rows.map((r) => [
    r.name,
    kb(r.bytes),
    String(r.items),
    r.broken === undefined ? '-' : String(r.broken),
    ms(r.ours.medianMs),
    r.competitor,
    ms(r.theirs.medianMs),
    `${ratio(r).toFixed(1)}x`,
    `${r.oursErrors}/${r.theirsCounts.total}`,
    `${r.ours.runs}/${r.theirs.runs}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function goals(rows: readonly Row[]): { lines: string[]; missed: number } {
  const lines: string[] = [];
  let missed = 0;
  for (const r of rows.filter((x) => x.goal)) {
    const want = GOALS[r.format];
    const ok = ratio(r) >= want;
    if (!ok) missed++;
    lines.push(
      `  ${ok ? 'met        ' : 'GOAL MISSED'}  ${r.name.padEnd(24)} ${faster(r)} ${r.competitor} (goal: at least ${want}x faster)`,
    );
  }
  return { lines, missed };
}

function readmeLine(r: Row): string {
  return `- ${r.name} (${kb(r.bytes)}): ${ms(r.ours.medianMs)} ms vs ${ms(r.theirs.medianMs)} ms with ${r.competitor} (${faster(r).replace(/ than$/, '')})`;
}

/** Where the YAML cost is: the two YAML parsers alone on the 150 KB document, next to our whole validation. */
async function parseCost(doc: BenchDocument): Promise<string[]> {
  const plan: Plan = { warmup: 5, runs: 30, budgetMs: 4_000, minRuns: 10 };
  const name = fileName(doc);
  const jsYaml = await sample(doc.text, 'yaml', plan, (text) => load(text));
  const yamlPkg = await sample(doc.text, 'yaml', plan, (text) => parseDocument(text).toJS());
  const ours = await sample(doc.text, 'yaml', plan, (text) => validateText(text, name));
  return [
    `Parse cost, ${describeDoc(doc)} (${kb(Buffer.byteLength(doc.text))}), median ms:`,
    `  js-yaml load (parse alone)          ${ms(jsYaml.medianMs).padStart(7)}`,
    `  yaml parseDocument + toJS           ${ms(yamlPkg.medianMs).padStart(7)}`,
    `  ours validateText (parse+validate)  ${ms(ours.medianMs).padStart(7)}`,
  ];
}

/**
 * A keystroke's validation, in Node: letters typed and deleted at the end of a top-level value and
 * at a line in the middle of the file, each text validated right after the last (the parse memo
 * then reads only the entry that changed). Median ms.
 */
function keystrokeCost(doc: BenchDocument): number {
  const name = fileName(doc);
  const top = doc.text.indexOf('\n', doc.text.indexOf('\nvoice_speed:') + 1);
  const spots = [top, doc.text.indexOf('\n', doc.text.length >> 1)];
  let text = doc.text;
  forgetParses();
  validateText(text, name);
  const times: number[] = [];
  for (let i = 0; i < 80; i++) {
    const at = spots[(i >> 1) % 2] ?? 0;
    text = i % 2 === 0 ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    const t = performance.now();
    validateText(text, name);
    times.push(performance.now() - t);
  }
  return median(times);
}

function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

async function main(): Promise<void> {
  const started = performance.now();
  const cpu = cpus();
  console.log(
    `Bluejay validation benchmark: node ${process.version}, ${cpu.length} x ${cpu[0]?.model ?? 'unknown CPU'}`,
  );
  console.log(
    'Median of N runs after warm-up, each on a fresh copy of the text (competitors: a new TextDocument version each run).',
  );
  console.log(
    `Load average before starting: ${loadAverage()} (it includes the build; other work on the ${cpu.length} CPUs skews the figures).\n`,
  );
  const competitors: Readonly<Record<Format, Competitor>> = { yaml: yamlLanguageServer(), json: jsonLanguageService() };
  const rows: Row[] = [];
  const findings: string[] = [];
  let parseRows: string[] = [];
  const keyRows: string[] = [];
  // `node out/bench/validate.bench.js converted` runs only the converted documents.
  const sizes = process.argv[2] === 'converted' ? [] : SIZES;
  for (const size of sizes) {
    for (const format of ['yaml', 'json'] as const) {
      const docs = makeDocuments(size.label, size.bytes, format, SEED);
      for (let doc = docs.shift(); doc; doc = docs.shift()) {
        const row = await runCase(doc, competitors[format], size, findings);
        rows.push(row);
        console.log(
          `  done: ${describeDoc(doc).padEnd(24)} ours ${ms(row.ours.medianMs).padStart(6)} ms, ${row.competitor} ${ms(row.theirs.medianMs).padStart(6)} ms`,
        );
        if (size.label === '150 KB' && format === 'yaml' && doc.valid) parseRows = await parseCost(doc);
        if (size.label !== '2 KB' && format === 'yaml' && doc.valid)
          keyRows.push(
            `  ${size.label} YAML: ${ms(keystrokeCost(doc))} ms a keystroke (the whole text: ${ms(row.ours.medianMs)} ms)`,
          );
      }
    }
  }
  for (const format of ['yaml', 'json'] as const) {
    const doc = makeConverted(CONVERTED.label, CONVERTED.bytes, format, SEED);
    const row = await runCase(doc, competitors[format], CONVERTED, findings);
    rows.push(row);
    console.log(
      `  done: ${describeDoc(doc).padEnd(24)} ours ${ms(row.ours.medianMs).padStart(6)} ms, ${row.competitor} ${ms(row.theirs.medianMs).padStart(6)} ms`,
    );
  }
  console.log('\n' + table(rows) + '\n');
  console.log(
    'items = list items (scripted responses, traits, turns, tool calls, phrases, keywords, ids); broken = items broken.',
  );
  console.log('ratio = competitor median / our median. problems: ours = errors reported, theirs = all diagnostics');
  console.log('(yaml-language-server reports schema violations as warnings). runs = timed runs ours/theirs.\n');
  const { lines, missed } = goals(rows);
  console.log(
    'Goals (150 KB, 1 MB and converted documents): YAML at least 8x faster than yaml-language-server, JSON at least 2x faster than vscode-json-languageservice',
  );
  console.log(lines.join('\n'));
  console.log(missed ? `\n${missed} goal(s) missed.\n` : '\nAll goals met.\n');
  console.log(parseRows.join('\n') + '\n');
  console.log(
    `Validating after a keystroke, in Node (the text differs from the last in one value), median:\n${keyRows.join('\n')}\n`,
  );
  console.log('For the README:');
  console.log(rows.map(readmeLine).join('\n') + '\n');
  if (unexpectedFetches.length)
    findings.push(`the language services tried to fetch: ${[...new Set(unexpectedFetches)].join(', ')}`);
  console.log(
    findings.length
      ? `Sanity notes (${findings.length}):\n  ${findings.join('\n  ')}`
      : 'Sanity: every broken item got its error at the expected place; valid documents got no problem.',
  );
  console.log(`\nTotal time ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

main().catch((e: unknown) => {
  console.error('\nBenchmark aborted:', e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
