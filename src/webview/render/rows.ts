/**
 * Lists of scalars (hangup phrases, simulation ids): a row per item with the item's own control,
 * and an add row: type the new item and press Enter (or Add). Lists of free-form JSON items get
 * an Add button that appends an empty object to edit in its row.
 */
import type { FieldSpec } from '../../core/form/model';
import type { FormProblem } from '../../core/form/protocol';
import { flag, h, replaceIfChanged, textButton, uid } from '../dom';
import { defaultItem, parseNumber, pathToPointer } from '../paths';
import { listControl } from './list';
import { problemRow, worst } from './problems';
import type { Control, Ctx, Target } from './types';
import type { Path } from '../../core/edit/types';

export function rowListControl(spec: FieldSpec, path: Path, ctx: Ctx): Control {
  const item: FieldSpec = spec.item ?? { key: 'item', title: 'item', control: 'text', nullable: false, required: true };
  return listControl(spec, path, ctx, {
    className: 'rows',
    addArea: (add) => addRow(spec, item, add),
    make(index, itemPath, { up, down, remove }) {
      const problems = h('ul', { class: 'row-problems', 'aria-live': 'polite' });
      let local: string | undefined;
      let listed: readonly FormProblem[] = [];
      const element = h('div', { class: 'row' });
      const render = (): void => {
        const rows = [
          ...(local !== undefined ? [problemRow({ severity: 'error', message: local })] : []),
          ...listed.map(problemRow),
        ];
        replaceIfChanged(problems, rows);
        const sev = local !== undefined ? 'error' : worst(listed);
        for (const s of ['error', 'warning', 'information'] as const) element.classList.toggle(`has-${s}`, sev === s);
        if (control.focusTarget) flag(control.focusTarget, 'aria-invalid', sev === 'error' || sev === 'warning');
      };
      const label = `${spec.title} item ${index + 1}`;
      const setLocalError = (message: string | undefined): void => {
        local = message;
        render();
      };
      const control = ctx.control(item, itemPath, { label, setLocalError });
      const problemsId = uid('problems');
      problems.id = problemsId;
      control.focusTarget?.setAttribute('aria-label', label);
      control.focusTarget?.setAttribute('aria-describedby', problemsId);
      element.append(
        h('span', { class: 'row-index', 'aria-hidden': 'true' }, String(index + 1)),
        h('div', { class: 'row-control' }, control.element),
        h('span', { class: 'row-actions' }, up, down, remove),
        problems,
      );
      const target: Target = {
        pointer: pathToPointer(itemPath),
        showProblems(list) {
          listed = list;
          render();
        },
        children: () => control.children(),
      };
      return {
        element,
        target,
        up,
        down,
        remove,
        update(value, i, count) {
          up.disabled = i === 0;
          down.disabled = i === count - 1;
          control.update(value, true);
        },
      };
    },
  });
}

/** Where a new scalar item is typed; JSON and choice items just get an Add button. */
function addRow(spec: FieldSpec, item: FieldSpec, add: (item: unknown, focusNew: boolean) => void): HTMLElement {
  const typed =
    item.control === 'text' || item.control === 'textarea' || item.control === 'integer' || item.control === 'number';
  if (!typed) {
    const b = textButton('add', 'Add item', () => add(defaultItem(spec), true));
    b.setAttribute('aria-label', `Add an item to ${spec.title}`);
    return h('div', { class: 'list-add' }, b);
  }
  const numeric = item.control === 'integer' || item.control === 'number';
  const message = h('span', { class: 'add-error', 'aria-live': 'polite' });
  const box = h('input', {
    type: 'text',
    class: 'input add-input',
    placeholder: numeric ? 'New item (a number)' : 'New item',
    'aria-label': `New ${spec.title} item`,
    inputmode: numeric ? (item.control === 'integer' ? 'numeric' : 'decimal') : undefined,
  });
  const commit = (): void => {
    const text = box.value;
    if (text.trim() === '') {
      add(defaultItem(spec), true);
      return;
    }
    const value = numeric ? parseNumber(text) : text;
    flag(box, 'aria-invalid', value === undefined);
    message.textContent = value === undefined ? 'Not a number.' : '';
    if (value === undefined) return;
    add(value, false);
    box.value = '';
  };
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && box.value !== '') {
      e.preventDefault();
      box.value = '';
      flag(box, 'aria-invalid', false);
      message.textContent = '';
    }
  });
  const button = textButton('add', 'Add', commit);
  button.setAttribute('aria-label', `Add the new item to ${spec.title}`);
  return h('div', { class: 'list-add add-row' }, box, button, message);
}
