/**
 * Unknown keys (with suggestions) and server-managed keys, as validateText reports them: unknown-key on
 * exactly the key, in YAML and JSON.
 */
import { test, describe } from 'node:test';
import { KINDS, type Kind } from '../../src/core/kinds';
import { validateText } from '../../src/core/validate';
import * as h from './helpers/definitions';
import { FORMATS, EXISTING, DH_FILE, PERSONA_FILE } from './helpers/schema-fields';

void describe('unknown and server-managed keys', () => {
  void test('persona_goal in a persona: unknown-key on exactly the key, suggesting goal', () => {
    const text = `id: ${h.PERSONA_ID}\npersona_goal: Get a refund\n`;
    h.assertOnlyProblem(validateText(text, PERSONA_FILE), {
      severity: 'error',
      code: 'unknown-key',
      pointer: '/persona_goal',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } },
      message: "Unknown key 'persona_goal': Bluejay would silently ignore it. Did you mean 'goal'?",
    });
  });

  void test('persona_goal in a JSON persona: unknown-key on the quoted key', () => {
    const text = `{\n  "id": "${h.PERSONA_ID}",\n  "persona_goal": "Get a refund"\n}\n`;
    h.assertOnlyProblem(validateText(text, 'test.persona.json'), {
      severity: 'error',
      code: 'unknown-key',
      pointer: '/persona_goal',
      range: h.rangeOf(text, '"persona_goal"'),
    });
  });

  void test('a digital-human field in a persona is an unknown key', () => {
    const text = `id: ${h.PERSONA_ID}\nvoice_speed: fast\n`;
    h.assertOneError(validateText(text, PERSONA_FILE), {
      code: 'unknown-key',
      pointer: '/voice_speed',
      range: h.rangeOf(text, 'voice_speed'),
    });
  });

  void test('a misspelt nested key suggests the right one', () => {
    const text = 'id: 1\nphone_number: "+14155550123"\nspeaks_first_config:\n  speak_first: true\n';
    const result = validateText(text, DH_FILE);
    h.assertProblem(result, {
      severity: 'error',
      code: 'unknown-key',
      pointer: '/speaks_first_config/speak_first',
      range: { start: { line: 3, character: 2 }, end: { line: 3, character: 13 } },
      message:
        "Unknown key 'speak_first' in speaks_first_config: Bluejay would silently ignore it. Did you mean 'speaks_first'?",
    });
    h.assertProblem(result, { severity: 'error', code: 'missing-property', pointer: '/speaks_first_config', line: 3 });
  });

  const serverKeys: Readonly<Record<Kind, readonly string[]>> = {
    'digital-human': [
      'created_at',
      'updated_at',
      'org_id',
      'websocket_url',
      'workflow_v2_id',
      'workflow_path_index',
      'simulation_id',
    ],
    'customer-persona': ['created_at', 'org_id'],
  };
  for (const kind of KINDS) {
    for (const key of serverKeys[kind]) {
      for (const format of FORMATS) {
        void test(`${kind} (${format}): server-managed ${key} gives unknown-key saying Bluejay sets it`, () => {
          const doc = EXISTING[kind]({ [key]: key === 'created_at' ? '2023-11-07T05:31:56Z' : 7 });
          h.assertOneError(h.validateDoc(doc, kind, format), {
            code: 'unknown-key',
            pointer: `/${key}`,
            range: h.keyRange(doc, key, format),
            message:
              key === 'simulation_id'
                ? "'simulation_id' is set by Bluejay and cannot be written from a file; remove it (use simulation_ids)."
                : `'${key}' is set by Bluejay and cannot be written from a file; remove it.`,
          });
        });
      }
    }
  }
});
