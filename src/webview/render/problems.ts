/** Problems on the form: rows with a severity icon, and handing each problem to its field. */
import type { FormProblem } from '../../core/form/protocol';
import { h, icon } from '../dom';
import type { IconName } from '../icons';
import { nearestTarget, pointerToPath } from '../paths';
import type { Target } from './types';

export type Severity = FormProblem['severity'];

const ICONS: Readonly<Record<Severity, IconName>> = { error: 'error', warning: 'warning', information: 'info' };
const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, information: 1 };

/** One problem as a list row: icon, message, code. */
export function problemRow(p: Pick<FormProblem, 'severity' | 'message'> & { readonly code?: string }): HTMLLIElement {
  return h(
    'li',
    { class: `problem problem-${p.severity}` },
    icon(ICONS[p.severity], 'problem-icon'),
    h(
      'span',
      { class: 'visually-hidden' },
      `${p.severity === 'information' ? 'Info' : p.severity === 'error' ? 'Error' : 'Warning'}: `,
    ),
    h('span', { class: 'problem-message' }, p.message),
    p.code ? h('code', { class: 'problem-code' }, p.code) : undefined,
  );
}

/** The worst severity among problems, if any. */
export function worst(problems: readonly Pick<FormProblem, 'severity'>[]): Severity | undefined {
  let out: Severity | undefined;
  for (const p of problems) if (!out || RANK[p.severity] > RANK[out]) out = p.severity;
  return out;
}

/**
 * Shows each problem on the field it is about (or its nearest ancestor that is shown, e.g. the list
 * when the item is past the items shown, saying where below it) and clears the others; returns the
 * problems that belong to the whole file. One pass over the problems and one over the targets.
 */
export function distribute(roots: Iterable<Target>, problems: readonly FormProblem[]): FormProblem[] {
  const targets = new Map<string, Target>();
  const visit = (t: Target): void => {
    targets.set(t.pointer, t);
    for (const c of t.children()) visit(c);
  };
  for (const r of roots) visit(r);
  const byTarget = new Map<string, FormProblem[]>();
  const whole: FormProblem[] = [];
  for (const p of problems) {
    const at = nearestTarget(p.pointer, (q) => targets.has(q));
    if (at === '') {
      whole.push(p);
      continue;
    }
    const shown = at === p.pointer ? p : { ...p, message: `${where(at, p.pointer)}: ${p.message}` };
    const list = byTarget.get(at);
    if (list) list.push(shown);
    else byTarget.set(at, [shown]);
  }
  for (const [pointer, t] of targets) t.showProblems(byTarget.get(pointer) ?? []);
  return whole;
}

/** Where `pointer` is below `ancestor`, for people: list items counted from 1 ("item 73 › text"). */
function where(ancestor: string, pointer: string): string {
  const below = pointerToPath(pointer).slice(pointerToPath(ancestor).length);
  return below.map((k) => (/^(0|[1-9]\d*)$/.test(k) ? `item ${Number(k) + 1}` : k)).join(' › ');
}
