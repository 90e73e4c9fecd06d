/** Yes/no and one-of-a-list: a checkbox and a select, both sent at once. */
import type { FieldSpec } from '../../core/form/model';
import { h } from '../dom';
import { displayText, presenceOf } from '../paths';
import { placeholderFor } from './editable';
import type { Control, Ctx } from './types';
import type { Path } from '../../core/edit/types';

/** A checkbox; indeterminate while the value is unset or null (the field's badge says which). */
export function booleanControl(spec: FieldSpec, path: Path, ctx: Ctx): Control {
  const box = h('input', { type: 'checkbox', class: 'checkbox' });
  const caption = h('span', { class: 'checkbox-caption', 'aria-hidden': 'true' });
  box.addEventListener('change', () => ctx.send({ op: 'set', path, value: box.checked }));
  return {
    element: h('div', { class: 'checkbox-row' }, box, caption),
    focusTarget: box,
    block: false,
    update(value, present) {
      const known = typeof value === 'boolean';
      box.checked = value === true;
      box.indeterminate = !known;
      caption.textContent = known
        ? value
          ? 'yes'
          : 'no'
        : present && value !== null
          ? displayText(value)
          : placeholderFor(spec, presenceOf(value, present));
      caption.classList.toggle('is-placeholder', !known);
    },
    children: () => [],
  };
}

/** A select of the allowed values; a value not among them is shown as such, never silently changed. */
export function enumControl(spec: FieldSpec, path: Path, ctx: Ctx): Control {
  const extra = h('option', { disabled: true, value: '' });
  const options = (spec.options ?? []).map((o) => h('option', { value: o }, o));
  const select = h('select', { class: 'input select' }, extra, ...options);
  select.addEventListener('change', () => {
    const chosen = select.selectedOptions[0];
    if (chosen && chosen !== extra) ctx.send({ op: 'set', path, value: chosen.value });
  });
  return {
    element: select,
    focusTarget: select,
    block: false,
    update(value, present) {
      const i = typeof value === 'string' ? (spec.options ?? []).indexOf(value) : -1;
      const option = options[i];
      if (option) {
        extra.hidden = true;
        option.selected = true;
        select.classList.remove('is-placeholder');
        return;
      }
      extra.hidden = false;
      extra.textContent =
        present && value !== null
          ? `${displayText(value)} (not an allowed value)`
          : `(${placeholderFor(spec, presenceOf(value, present))})`;
      extra.selected = true;
      select.classList.add('is-placeholder');
    },
    children: () => [],
  };
}
