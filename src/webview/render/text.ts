/** Text, long text and free-form JSON: boxes that commit on change, Enter or blur. */
import type { FieldSpec } from '../../core/form/model';
import { autoGrow, h } from '../dom';
import { displayText, jsonText, parseJson, presenceOf } from '../paths';
import { Editable, placeholderFor } from './editable';
import type { Control, ControlHost, Ctx } from './types';
import type { Path } from '../../core/edit/types';

export function textControl(spec: FieldSpec, path: Path, ctx: Ctx, host: ControlHost): Control {
  const multiline = spec.control === 'textarea';
  const box = multiline
    ? h('textarea', { class: 'input textarea', rows: 2, spellcheck: 'true' })
    : h('input', { type: 'text', class: 'input', spellcheck: 'false' });
  if (box instanceof HTMLTextAreaElement) autoGrow(box);
  const editable = new Editable(
    box,
    host,
    (text) => {
      ctx.send({ op: 'set', path, value: text });
      return { sent: true };
    },
    multiline,
  );
  return {
    element: box,
    focusTarget: box,
    block: false,
    update(value, present) {
      box.placeholder = placeholderFor(spec, presenceOf(value, present));
      editable.setModel(displayText(value));
    },
    children: () => [],
  };
}

/** A free-form value as JSON text, sent only when it parses; the text is kept when it does not. */
export function jsonControl(spec: FieldSpec, path: Path, ctx: Ctx, host: ControlHost): Control {
  const box = h('textarea', {
    class: 'input textarea json',
    rows: 1,
    spellcheck: 'false',
    autocapitalize: 'off',
    autocomplete: 'off',
  });
  autoGrow(box);
  let present = false;
  const editable = new Editable(
    box,
    host,
    (text) => {
      if (text.trim() === '') {
        if (!present) return { revert: true };
        return { error: 'Empty: write a JSON value (null, "text", 1, true, [..] or {..}), or use Unset.' };
      }
      const parsed = parseJson(text);
      if (!parsed.ok) return { error: `Not valid JSON: ${parsed.error}` };
      ctx.send({ op: 'set', path, value: parsed.value });
      return { sent: true };
    },
    true,
  );
  return {
    element: box,
    focusTarget: box,
    block: false,
    update(value, isPresent) {
      present = isPresent;
      box.placeholder = isPresent ? '' : placeholderFor(spec, 'unset') + ' (JSON)';
      editable.setModel(jsonText(value, isPresent));
    },
    children: () => [],
  };
}
