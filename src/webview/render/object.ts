/** Objects: their fields in a bordered sub-section, and a button to create the object when it is not there. */
import type { FieldSpec } from '../../core/form/model';
import { firstFocusable, h, textButton } from '../dom';
import { childOf, defaultValue } from '../paths';
import type { Control, Ctx, FieldNode, Target } from './types';
import type { Path } from '../../core/edit/types';
import { isRecord } from '../../core/record';

/** Fields of one object at `path`, each updated with its own value. */
export class FieldSet {
  readonly element: HTMLDivElement;
  readonly nodes: readonly FieldNode[];

  constructor(fields: readonly FieldSpec[], path: Path, ctx: Ctx, extraClass = '') {
    this.nodes = fields.map((f) => ctx.field(f, [...path, f.key]));
    this.element = h(
      'div',
      { class: `fields${extraClass ? ' ' + extraClass : ''}` },
      ...this.nodes.map((n) => n.element),
    );
  }

  update(value: unknown): void {
    for (const n of this.nodes) {
      const c = childOf(value, n.spec.key);
      n.update(c.value, c.present);
    }
  }
}

export function objectControl(spec: FieldSpec, path: Path, ctx: Ctx): Control {
  let set: FieldSet | undefined;
  let focusFirst = false;
  const empty = h('div', { class: 'empty-object' });
  const message = h('span', { class: 'empty-message' });
  const create = textButton('add', `Set ${spec.title}`, () => {
    focusFirst = true;
    ctx.send({ op: 'set', path, value: defaultValue(spec) });
  });
  empty.append(message, create);
  const element = h('div', { class: 'object' }, empty);
  return {
    element,
    block: true,
    update(value, present) {
      const isObject = isRecord(value);
      if (isObject && !set) {
        set = new FieldSet(spec.fields ?? [], path, ctx, 'nested');
        element.append(set.element);
      }
      if (set) set.element.hidden = !isObject;
      empty.hidden = isObject;
      if (isObject) set?.update(value);
      else
        message.textContent = !present ? 'Not set.' : value === null ? 'Null.' : 'Not an object; set it to start over.';
      if (isObject && focusFirst && set) {
        focusFirst = false;
        firstFocusable(set.element)?.focus();
      }
    },
    children: () => (set && !set.element.hidden ? set.nodes : ([] as Target[])),
  };
}
