/**
 * One of several shapes (interruptions): a select of the variants' titles, then the chosen
 * variant's own fields. Switching sets the whole object: the new discriminator value and the
 * variant's required fields.
 */
import type { FieldSpec } from '../../core/form/model';
import { h, uid } from '../dom';
import { displayText, variantIndex, variantValue } from '../paths';
import { FieldSet } from './object';
import type { Control, ControlHost, Ctx, Target } from './types';
import type { Path } from '../../core/edit/types';
import { isRecord } from '../../core/record';

export function variantControl(spec: FieldSpec, path: Path, ctx: Ctx, host: ControlHost): Control {
  const variants = spec.variants ?? [];
  const key = spec.discriminator ?? 'type';
  const selectId = uid('variant');
  const extra = h('option', { disabled: true, value: '' });
  const options = variants.map((v, i) => h('option', { value: String(i) }, v.title));
  const captionId = uid('caption');
  const select = h(
    'select',
    {
      class: 'input select',
      id: selectId,
      'aria-labelledby': host.labelId ? `${host.labelId} ${captionId}` : captionId,
    },
    extra,
    ...options,
  );
  let current = -2;
  select.addEventListener('change', () => {
    const i = Number(select.value);
    if (Number.isInteger(i) && i >= 0 && i !== current) ctx.send({ op: 'set', path, value: variantValue(spec, i) });
  });
  const picker = h(
    'div',
    { class: 'variant-picker' },
    h('label', { class: 'variant-caption', id: captionId, for: selectId }, 'Kind'),
    select,
  );
  const body = h('div', { class: 'variant-body' });
  let set: FieldSet | undefined;

  return {
    element: h('div', { class: 'variant' }, picker, body),
    block: true,
    update(value, present) {
      const i = variantIndex(spec, value);
      const option = options[i];
      if (option) option.selected = true;
      else {
        extra.textContent = !present
          ? '(unset)'
          : value === null
            ? '(null)'
            : isRecord(value)
              ? `${displayText(value[key])} (unknown kind)`
              : '(not an object)';
        extra.selected = true;
      }
      select.classList.toggle('is-placeholder', !option);
      if (i !== current) {
        current = i;
        const v = variants[i];
        // The discriminator has its own field only when the variant allows more than one value.
        set = v
          ? new FieldSet(
              v.fields.filter((f) => f.key !== key || v.values.length > 1),
              path,
              ctx,
              'nested',
            )
          : undefined;
        body.replaceChildren(set?.element ?? '');
        body.hidden = !set || set.nodes.length === 0;
      }
      set?.update(value);
    },
    children: () => (set ? set.nodes : ([] as Target[])),
  };
}
