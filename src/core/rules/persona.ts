/** Rules for customer personas that the schema alone cannot say. */
import { at, type Finding } from '../finding';
import { addFix, has, isBlank, missingAt, unsafeId, type Obj } from './util';

export function personaRules(p: Obj): Finding[] {
  const out: Finding[] = [];
  const unsafe = unsafeId(['agent_id'], p['agent_id']);
  if (unsafe) out.push(unsafe);
  if (!has(p, 'id')) {
    for (const key of ['name', 'description', 'goal']) {
      const v = p[key];
      if (typeof v !== 'string' || v.trim() === '') {
        if (v !== undefined && v !== null && typeof v !== 'string') continue; // the schema reports the type
        out.push(
          at(
            'create-required',
            missingAt([], p, key),
            `'${key}' must be set to text before the persona can be created (it has no id yet).`,
            undefined,
            addFix(p, key),
          ),
        );
      }
    }
  } else if (has(p, 'agent_id') && !isBlank(p['agent_id'])) {
    out.push(
      at(
        'create-only-field',
        ['agent_id'],
        'agent_id is used only when the persona is created; it is not sent when an existing persona is updated.',
      ),
    );
  }
  return out;
}
