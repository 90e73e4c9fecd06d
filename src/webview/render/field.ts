/**
 * One field: its title (for the control) with the key in monospace, help on demand, whether it is
 * unset, null or set (with "Clear to null" and "Unset" where the schema allows), the control, and
 * the problems about it.
 */
import type { FieldSpec } from '../../core/form/model';
import type { FormProblem } from '../../core/form/protocol';
import { firstFocusable, flag, h, hasFocus, iconButton, replaceIfChanged, uid } from '../dom';
import { pathToPointer, presenceOf } from '../paths';
import { problemRow, worst } from './problems';
import type { Ctx, FieldNode } from './types';
import type { Path } from '../../core/edit/types';

export function makeField(spec: FieldSpec, path: Path, ctx: Ctx): FieldNode {
  const labelId = uid('label');
  const helpId = uid('help');
  const problemsId = uid('problems');
  let local: string | undefined;
  let problems: readonly FormProblem[] = [];

  const setLocalError = (message: string | undefined): void => {
    local = message;
    renderProblems();
  };
  const control = ctx.control(spec, path, { label: spec.title, labelId, setLocalError });
  const target = control.focusTarget;
  const controlId = uid('control');
  if (target) target.id = controlId;

  const label =
    target && !control.block
      ? h('label', { class: 'field-label', id: labelId, for: controlId }, spec.title)
      : h('span', { class: 'field-label', id: labelId }, spec.title);
  const help =
    spec.description !== undefined
      ? h('p', { class: 'field-help', id: helpId, hidden: true }, spec.description)
      : undefined;
  const helpToggle = help
    ? iconButton(
        'info',
        `About ${spec.title}`,
        () => {
          help.hidden = !help.hidden;
          helpToggle?.setAttribute('aria-expanded', String(!help.hidden));
        },
        'help-toggle',
      )
    : undefined;
  helpToggle?.setAttribute('aria-expanded', 'false');
  helpToggle?.setAttribute('aria-controls', helpId);

  const badge = h('span', { class: 'presence', hidden: true });
  const toNull = spec.nullable
    ? iconButton(
        'circle-slash',
        `Clear ${spec.title} to null`,
        () => ctx.send({ op: 'set', path, value: null }),
        'presence-action',
      )
    : undefined;
  const unset = !spec.required
    ? iconButton(
        'close',
        `Unset ${spec.title} (remove the key)`,
        () => ctx.send({ op: 'unset', path }),
        'presence-action',
      )
    : undefined;
  const actions = h('span', { class: 'field-actions' }, toNull, unset);

  const problemList = h('ul', { class: 'field-problems', id: problemsId, 'aria-live': 'polite' });
  const head = h(
    'div',
    { class: 'field-head' },
    h('span', { class: 'field-title' }, label, helpToggle),
    h('code', { class: 'field-key', title: pathToPointer(path) }, spec.key),
    badge,
  );
  const described = [help ? helpId : '', problemsId].filter(Boolean).join(' ');
  const element = h('div', {
    class: `field field-${spec.control}${control.block ? ' field-block' : ''}`,
    'data-key': spec.key,
  });
  if (control.block) {
    head.append(actions);
    control.element.setAttribute('role', 'group');
    control.element.setAttribute('aria-labelledby', labelId);
    control.element.setAttribute('aria-describedby', described);
    element.append(head, help ?? '', problemList, control.element);
  } else {
    target?.setAttribute('aria-describedby', described);
    element.append(
      head,
      h(
        'div',
        { class: 'field-main' },
        help ?? '',
        h('div', { class: 'field-row' }, control.element, actions),
        problemList,
      ),
    );
  }

  function renderProblems(): void {
    const rows = [
      ...(local !== undefined ? [problemRow({ severity: 'error', message: local })] : []),
      ...problems.map(problemRow),
    ];
    replaceIfChanged(problemList, rows);
    const sev = local !== undefined ? 'error' : worst(problems);
    for (const s of ['error', 'warning', 'information'] as const) element.classList.toggle(`has-${s}`, sev === s);
    const invalid = sev === 'error' || sev === 'warning';
    if (target) flag(target, 'aria-invalid', invalid);
    else flag(control.element, 'aria-invalid', invalid);
  }

  return {
    element,
    spec,
    pointer: pathToPointer(path),
    update(value, present) {
      const presence = presenceOf(value, present);
      badge.hidden = presence === 'value';
      badge.textContent = presence;
      badge.className = `presence presence-${presence}`;
      element.classList.toggle('is-unset', presence === 'unset');
      element.classList.toggle('is-null', presence === 'null');
      control.update(value, present);
      // A button that hides itself hands the keyboard on rather than dropping it.
      const fallback = (): HTMLElement | null | undefined => target ?? firstFocusable(control.element);
      hideKeepingFocus(toNull, presence === 'null', () => [unset, fallback()]);
      hideKeepingFocus(unset, presence === 'unset', () => [toNull, fallback()]);
    },
    showProblems(list) {
      problems = list;
      renderProblems();
    },
    children: () => control.children(),
  };
}

function hideKeepingFocus(
  button: HTMLButtonElement | undefined,
  hidden: boolean,
  next: () => readonly (HTMLElement | null | undefined)[],
): void {
  if (!button || button.hidden === hidden) return;
  const had = hasFocus(button);
  button.hidden = hidden;
  if (had && hidden)
    next()
      .find((e): e is HTMLElement => !!e && !e.hidden)
      ?.focus();
}
