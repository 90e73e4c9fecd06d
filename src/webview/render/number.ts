/**
 * Numbers: a number box (step 1 for integers), and with a minimum and a maximum also a slider,
 * the two kept in step. The box sends what was typed, in range or not; text that is not a number
 * sends nothing and is marked. The slider sends when let go (`change`), not while it moves.
 */
import type { FieldSpec } from '../../core/form/model';
import { h } from '../dom';
import { displayText, parseNumber, presenceOf, sliderStep } from '../paths';
import { Editable, placeholderFor } from './editable';
import type { Control, ControlHost, Ctx } from './types';
import type { Path } from '../../core/edit/types';

export function numberControl(spec: FieldSpec, path: Path, ctx: Ctx, host: ControlHost): Control {
  const integer = spec.control === 'integer';
  const box = h('input', {
    type: 'number',
    class: 'input number',
    step: integer ? 1 : 'any',
    min: spec.minimum,
    max: spec.maximum,
    inputmode: integer ? 'numeric' : 'decimal',
  });
  const ranged = spec.minimum !== undefined && spec.maximum !== undefined;
  const slider = ranged
    ? h('input', {
        type: 'range',
        class: 'slider',
        min: spec.minimum,
        max: spec.maximum,
        step: sliderStep(spec),
        'aria-label': `${host.label} (slider)`,
      })
    : undefined;
  /** The slider moved since the last state (it is being dragged or keyed): leave it alone. */
  let sliding = false;
  let shown: unknown;

  const syncSlider = (value: unknown): void => {
    if (!slider || sliding) return;
    const n = typeof value === 'number' ? value : undefined;
    slider.value = String(n ?? (typeof spec.default === 'number' ? spec.default : spec.minimum));
    slider.classList.toggle('is-placeholder', n === undefined);
  };

  const editable = new Editable(
    box,
    host,
    (text) => {
      if (box.validity.badInput) return { error: integer ? 'Not a whole number.' : 'Not a number.' };
      const n = parseNumber(text);
      if (n === undefined) return text.trim() === '' ? { revert: true } : { error: 'Not a number.' };
      ctx.send({ op: 'set', path, value: n });
      syncSlider(n);
      return { sent: true };
    },
    false,
  );
  box.addEventListener('input', () => {
    const n = parseNumber(box.value);
    if (n !== undefined) syncSlider(n);
  });
  box.addEventListener('blur', () => syncSlider(shown));

  if (slider) {
    slider.addEventListener('input', () => {
      sliding = true;
      box.value = slider.value;
    });
    slider.addEventListener('change', () => {
      sliding = false;
      const n = Number(slider.value);
      box.value = slider.value;
      if (n !== shown) ctx.send({ op: 'set', path, value: n });
    });
    slider.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && sliding) {
        sliding = false;
        syncSlider(shown);
        box.value = displayText(shown);
      }
    });
  }

  const element = slider ? h('div', { class: 'number-row' }, slider, box) : box;
  return {
    element,
    focusTarget: box,
    block: false,
    update(value, present) {
      shown = value;
      box.placeholder = placeholderFor(spec, presenceOf(value, present));
      editable.setModel(typeof value === 'number' || value === undefined || value === null ? displayText(value) : '');
      if (typeof value !== 'number' && value !== undefined && value !== null)
        box.placeholder = `not a number: ${displayText(value)}`;
      syncSlider(value);
    },
    children: () => [],
  };
}
