/** What `bluejay run` prints: the JSON rows (a contract), text lines, and the exit code. */
import type { Problem } from '../core/problem';
import type { RunReport } from '../core/run/runner';
import { EXIT } from './io';
import { problemJson, problemLine } from './output';

export interface FileRow {
  path: string;
  kind: string | null;
  id: string | number | null;
  action: 'run' | 'skipped' | 'invalid';
  problems: Problem[];
}

export interface ResultRow {
  path: string | null;
  digital_human_id: number | string | null;
  result_id: string;
  status: string | null;
  outcome: string;
  goal_success: boolean | null;
  reasoning: string | null;
  summary: string | null;
  duration_ms: number | null;
  transcript_url: string | null;
  audio_url: string | null;
  metrics: { name: string; value: unknown; reasoning: string | null }[];
}

export interface RunRow {
  simulation_id: string;
  run_id: string | null;
  status: string | null;
  url: string | null;
  total: number;
  passed: number;
  results: ResultRow[];
  /** Optional extras: the simulation's name, how the wait ended, what went wrong. */
  simulation_name?: string;
  state?: string;
  error?: string;
}

const dhId = (id: string | null): number | string | null => (id !== null && /^\d+$/.test(id) ? Number(id) : id);

export function fileRow(
  path: string,
  kind: string | null,
  id: string | number | null,
  action: FileRow['action'],
  problems: readonly Problem[],
): FileRow {
  return { path, kind, id, action, problems: problems.map(problemJson) };
}

/** A run as JSON; `pathOf` maps a digital-human id to the file it came from. */
export function runRow(r: RunReport, pathOf: (id: string | null) => string | null): RunRow {
  const results = r.results.map((x) => ({
    path: pathOf(x.digitalHumanId),
    digital_human_id: dhId(x.digitalHumanId),
    result_id: x.resultId,
    status: x.status,
    outcome: x.outcome,
    goal_success: x.goalSuccess,
    reasoning: x.reasoning,
    summary: x.summary,
    duration_ms: x.durationMs,
    transcript_url: x.transcriptUrl,
    audio_url: x.audioUrl,
    metrics: x.metrics.map((m) => ({ name: m.name, value: m.value, reasoning: m.reasoning })),
  }));
  return {
    simulation_id: r.simulationId,
    run_id: r.runId,
    status: r.status,
    url: r.url,
    total: r.total,
    passed: r.passed,
    results,
    ...(r.simulationName !== null && { simulation_name: r.simulationName }),
    state: r.state,
    ...(r.error !== undefined && { error: r.error }),
  };
}

/** Text lines: each file's action and problems, then each run and its results. */
export function textOf(files: readonly FileRow[], runs: readonly RunRow[]): string {
  const lines: string[] = [];
  for (const f of files) {
    lines.push(`${f.path}: ${f.action}`);
    for (const p of f.problems) lines.push(problemLine(f.path, p));
  }
  for (const r of runs) {
    const name = r.simulation_name ? ` (${r.simulation_name})` : '';
    lines.push(
      `simulation ${r.simulation_id}${name}${r.run_id ? ` run ${r.run_id}` : ''}: ${r.status ?? r.state ?? 'not queued'}, ${r.passed}/${r.total} passed${r.url ? ` ${r.url}` : ''}`,
    );
    if (r.error) lines.push(`  ${r.error}`);
    for (const x of r.results) {
      const why = x.outcome === 'passed' ? '' : `: ${x.reasoning ?? x.status ?? ''}`;
      lines.push(
        `  ${x.outcome.padEnd(7)} ${x.path ?? `digital human ${String(x.digital_human_id)}`} (result ${x.result_id}, ${x.status ?? 'no status'})${why}`,
      );
    }
  }
  return lines.map((l) => l + '\n').join('');
}

/** 0 when every result passed (or each run's pass rate reaches `minPassRate`), 1 for anything else. */
export function exitOf(files: readonly FileRow[], runs: readonly RunRow[], minPassRate: number | undefined): number {
  if (files.some((f) => f.action === 'invalid')) return EXIT.problems;
  for (const r of runs) {
    if (r.state !== 'finished' || r.total === 0 || r.results.length < r.total) return EXIT.problems;
    if (minPassRate === undefined ? r.results.some((x) => x.outcome !== 'passed') : r.passed / r.total < minPassRate)
      return EXIT.problems;
  }
  return EXIT.ok;
}
