/**
 * What a result says in the Testing view (no `vscode`): the markdown of a failure (goal reasoning,
 * call summary, custom metrics as a table, links to the transcript, the audio and the run in
 * Bluejay's app), the tool calls as expected and actual text for a diff, and the words for a file
 * that is not run.
 */
import type { Problem } from '../../../core/problem';
import type { ResultReport, RunReport } from '../../../core/run/runner';
import * as l10n from '@vscode/l10n';

/** Text put into markdown as text: no markup, no HTML, no links of its own. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

const cell = (v: unknown): string =>
  escapeMarkdown(typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v));
/** A link to http(s) only (a result's URLs come from Bluejay and are not trusted to be anything else). */
const safeUrl = (u: string | null): string | undefined => {
  if (!u) return undefined;
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? url.toString().replace(/[()\s]/g, encodeURIComponent)
      : undefined;
  } catch {
    return undefined;
  }
};

export const SHOW_TRANSCRIPT = 'bluejay.showTranscript';

/** The `command:` link that opens a result's transcript (a command the message's markdown is trusted to run). */
export function transcriptLink(resultId: string): string {
  return `command:${SHOW_TRANSCRIPT}?${encodeURIComponent(JSON.stringify([{ resultId }]))}`;
}

/** A result's message: why (goal reasoning), the call summary, metrics, links. */
export function resultMarkdown(
  r: ResultReport,
  run: Pick<RunReport, 'simulationId' | 'simulationName' | 'url'>,
): string {
  const head =
    r.outcome === 'passed'
      ? l10n.t('Goal met')
      : r.outcome === 'failed'
        ? l10n.t('Goal not met')
        : r.outcome === 'running'
          ? l10n.t('Still running when the wait ended')
          : r.status
            ? l10n.t('Ended as {0}', r.status)
            : l10n.t('Ended as an error');
  const sim = run.simulationName
    ? l10n.t('{0} (simulation {1})', run.simulationName, run.simulationId)
    : l10n.t('simulation {0}', run.simulationId);
  const lines = [
    `${l10n.t('**{0}** in {1}, conversation {2}', head, escapeMarkdown(sim), escapeMarkdown(r.resultId))}${r.status ? ` (${escapeMarkdown(r.status)})` : ''}`,
    '',
  ];
  if (r.reasoning) lines.push(l10n.t('**Why:** {0}', escapeMarkdown(r.reasoning)), '');
  if (r.summary) lines.push(l10n.t('**Call summary:** {0}', escapeMarkdown(r.summary)), '');
  if (r.metrics.length) {
    lines.push(l10n.t('| Metric | Value | Reasoning |'), '| --- | --- | --- |');
    for (const m of r.metrics) lines.push(`| ${cell(m.name)} | ${cell(m.value)} | ${cell(m.reasoning)} |`);
    lines.push('');
  }
  const links = [
    r.transcriptUrl ? l10n.t('[Show Transcript]({0})', transcriptLink(r.resultId)) : undefined,
    safeUrl(r.audioUrl) && l10n.t('[Audio]({0})', safeUrl(r.audioUrl) ?? ''),
    safeUrl(run.url) && l10n.t('[Run in Bluejay]({0})', safeUrl(run.url) ?? ''),
  ].filter((l): l is string => typeof l === 'string');
  if (links.length) lines.push(links.join(' · '));
  return lines.join('\n').trim();
}

/** Expected and actual tool calls as two texts for a diff; undefined when the result lists none or they agree. */
export function toolCallDiff(r: ResultReport): { expected: string; actual: string } | undefined {
  if (r.toolCalls.length === 0) return undefined;
  const side = (pick: 'expected' | 'actual'): string =>
    r.toolCalls
      .map(
        (t) =>
          `${t.name}:\n${t[pick].length ? t[pick].map((c) => `  ${JSON.stringify(c)}`).join('\n') : `  ${l10n.t('(not called)')}`}`,
      )
      .join('\n') + '\n';
  const expected = side('expected');
  const actual = side('actual');
  return expected === actual ? undefined : { expected, actual };
}

/** What to do about a file that was not run, by its problem code. */
export function refusalText(p: Pick<Problem, 'code' | 'message'>): string {
  const todo: Record<string, string> = {
    'run-not-pushed': l10n.t('Use "Push and Run in Bluejay" (or Push, then Run).'),
    'run-out-of-step': l10n.t('Use "Push and Run in Bluejay" to run this version, or Pull Bluejay\'s copy.'),
    'run-no-simulation': l10n.t('Add the simulation ids to simulation_ids and use "Push and Run in Bluejay".'),
  };
  const extra = todo[p.code];
  return `${p.code}: ${p.message}${extra ? ` ${extra}` : ''}`;
}
