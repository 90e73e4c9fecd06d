/** Lists of objects (scripted responses, traits, tool calls, transcript turns): a card per item. */
import type { FieldSpec } from '../../core/form/model';
import type { FormProblem } from '../../core/form/protocol';
import { h, replaceIfChanged, textButton, uid } from '../dom';
import { defaultItem, itemSummary, pathToPointer } from '../paths';
import { listControl } from './list';
import { FieldSet } from './object';
import { problemRow, worst } from './problems';
import type { Control, Ctx, Target } from './types';
import type { Path } from '../../core/edit/types';
import { isRecord } from '../../core/record';

export function cardListControl(spec: FieldSpec, path: Path, ctx: Ctx): Control {
  const fields = spec.fields ?? [];
  return listControl(spec, path, ctx, {
    className: 'cards',
    addArea: (add) =>
      h(
        'div',
        { class: 'list-add' },
        withLabel(
          textButton('add', 'Add item', () => add(defaultItem(spec), true)),
          `Add an item to ${spec.title}`,
        ),
      ),
    make(index, itemPath, { up, down, remove }) {
      const titleId = uid('card');
      const indexBadge = h('span', { class: 'card-index' }, String(index + 1));
      const summary = h('span', { class: 'card-summary' });
      const problems = h('ul', { class: 'card-problems', 'aria-live': 'polite' });
      const set = new FieldSet(fields, itemPath, ctx, 'nested card-fields');
      const note = h('p', { class: 'empty-list', hidden: true }, 'Not an object.');
      const element = h(
        'div',
        { class: 'card', role: 'group', 'aria-labelledby': titleId },
        h(
          'div',
          { class: 'card-head' },
          h(
            'span',
            { class: 'card-title', id: titleId },
            indexBadge,
            h('span', { class: 'visually-hidden' }, ` ${spec.title} item ${index + 1}: `),
            summary,
          ),
          h('span', { class: 'card-actions' }, up, down, remove),
        ),
        problems,
        note,
        set.element,
      );
      const target: Target = {
        pointer: pathToPointer(itemPath),
        showProblems(list: readonly FormProblem[]) {
          replaceIfChanged(problems, list.map(problemRow));
          const sev = worst(list);
          for (const s of ['error', 'warning', 'information'] as const) element.classList.toggle(`has-${s}`, sev === s);
        },
        children: () => set.nodes,
      };
      return {
        element,
        target,
        up,
        down,
        remove,
        update(value, i, count) {
          summary.textContent = itemSummary(fields, value);
          up.disabled = i === 0;
          down.disabled = i === count - 1;
          note.hidden = isRecord(value);
          set.update(isRecord(value) ? value : {});
        },
      };
    },
  });
}

function withLabel(button: HTMLButtonElement, label: string): HTMLButtonElement {
  button.setAttribute('aria-label', label);
  return button;
}
