/** The one place a field's control is chosen: by the model's `control`, never by the field's name. */
import type { FieldSpec } from '../../core/form/model';
import { cardListControl } from './cards';
import { booleanControl, enumControl } from './choice';
import { numberControl } from './number';
import { objectControl } from './object';
import { rowListControl } from './rows';
import { jsonControl, textControl } from './text';
import type { Control, ControlHost, Ctx } from './types';
import { variantControl } from './variant';
import type { Path } from '../../core/edit/types';

export function createControl(spec: FieldSpec, path: Path, ctx: Ctx, host: ControlHost): Control {
  switch (spec.control) {
    case 'text':
    case 'textarea':
      return textControl(spec, path, ctx, host);
    case 'integer':
    case 'number':
      return numberControl(spec, path, ctx, host);
    case 'boolean':
      return booleanControl(spec, path, ctx);
    case 'enum':
      return enumControl(spec, path, ctx);
    case 'object':
      return objectControl(spec, path, ctx);
    case 'list':
      return spec.fields ? cardListControl(spec, path, ctx) : rowListControl(spec, path, ctx);
    case 'variant':
      return variantControl(spec, path, ctx, host);
    case 'json':
      return jsonControl(spec, path, ctx, host);
  }
}
