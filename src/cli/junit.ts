/** `bluejay run --format junit`: JUnit XML as CI systems read it, a testsuite per run and a testcase per result. */
import type { FileRow, RunRow } from './runOutput';

const esc = (s: string): string =>
  s
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const attrs = (a: Record<string, string | number>): string =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');

/**
 * One testsuite per run (`failure` for a failed result, `error` for an errored or still running one,
 * with the reasoning as message), one testcase `queue` with an error for a run that could not be
 * queued or read, and a testsuite of the files that were not run.
 */
export function renderJunit(files: readonly FileRow[], runs: readonly RunRow[]): string {
  const suites: string[] = [];
  for (const run of runs) {
    const cases: string[] = [];
    let failures = 0;
    let errors = 0;
    let time = 0;
    for (const r of run.results) {
      const seconds = (r.duration_ms ?? 0) / 1000;
      time += seconds;
      const head = `    <testcase${attrs({ name: `${r.path ?? `digital human ${String(r.digital_human_id)}`} (result ${r.result_id})`, classname: `bluejay.simulation.${run.simulation_id}`, time: seconds.toFixed(3) })}`;
      const message = r.reasoning ?? r.summary ?? `status ${r.status ?? 'unknown'}`;
      if (r.outcome === 'passed') cases.push(`${head}/>`);
      else if (r.outcome === 'failed') {
        failures++;
        cases.push(
          `${head}>\n      <failure${attrs({ message, type: 'goal-not-met' })}>${esc(r.summary ?? message)}</failure>\n    </testcase>`,
        );
      } else {
        errors++;
        const what =
          r.outcome === 'running'
            ? `still ${r.status ?? 'running'} when the wait ended`
            : `ended ${r.status ?? 'without a status'}`;
        cases.push(
          `${head}>\n      <error${attrs({ message: `${what}${r.reasoning ? `: ${r.reasoning}` : ''}`, type: r.status ?? 'unknown' })}/>\n    </testcase>`,
        );
      }
    }
    if (run.error !== undefined || (run.state !== 'finished' && run.results.length === 0)) {
      errors++;
      cases.push(
        `    <testcase${attrs({ name: 'queue', classname: `bluejay.simulation.${run.simulation_id}` })}>\n      <error${attrs({ message: run.error ?? `run ${run.state ?? ''}`, type: run.state ?? 'failed' })}/>\n    </testcase>`,
      );
    }
    const name = `simulation ${run.simulation_id}${run.simulation_name ? ` (${run.simulation_name})` : ''}${run.run_id ? ` run ${run.run_id}` : ''}`;
    suites.push(
      `  <testsuite${attrs({ name, tests: cases.length, failures, errors, skipped: 0, time: time.toFixed(3) })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const notRun = files.filter((f) => f.action === 'invalid');
  if (notRun.length) {
    const cases = notRun.map((f) => {
      const p = f.problems.find((x) => x.severity === 'error');
      return `    <testcase${attrs({ name: f.path, classname: 'bluejay.files' })}>\n      <error${attrs({ message: p ? `${p.code}: ${p.message}` : 'not run', type: p?.code ?? 'not-run' })}/>\n    </testcase>`;
    });
    suites.push(
      `  <testsuite${attrs({ name: 'files not run', tests: cases.length, failures: 0, errors: cases.length, skipped: 0, time: '0.000' })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name: 'bluejay run' })}>\n${suites.join('\n')}\n</testsuites>\n`;
}
