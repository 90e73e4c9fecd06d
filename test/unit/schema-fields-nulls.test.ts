/**
 * null where the JSON Schemas allow it (every nullable top-level field, nested nullable values) passes;
 * where they do not (id), it gives invalid-type.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { validateText } from '../../src/core/validate';
import * as h from './helpers/definitions';
import type { Doc } from './helpers/definitions';
import { DH_FILE, DH } from './helpers/schema-fields';

void describe('null where the schema allows it', () => {
  void test('every nullable top-level field of an existing digital human may be null at once', () => {
    const props = DH.properties ?? {};
    const nulls: Doc = {};
    for (const [k, s] of Object.entries(props)) if (h.typesOf(s).includes('null')) nulls[k] = null;
    assert.ok(Object.keys(nulls).length >= 35);
    h.assertNoErrors(h.validateDoc(h.digitalHuman(nulls), 'digital-human'));
  });

  void test('every nullable field of an existing persona may be null at once', () => {
    h.assertNoProblems(
      h.validateDoc(h.persona({ name: null, description: null, goal: null, agent_id: null }), 'customer-persona'),
    );
  });

  void test('nullable nested values: mode and message, response_value, occurrence_n, silence_duration, parameters', () => {
    const text = [
      'id: 1',
      'phone_number: "+14155550123"',
      'speaks_first_config:',
      '  speaks_first: false',
      '  mode: null',
      '  message: null',
      'scripted_responses:',
      '  - match_type: context',
      '    match_phrase: Please hold',
      '    response_type: silence',
      '    response_value: null',
      '    occurrence_mode: always',
      '    occurrence_n: null',
      '    silence_duration: null',
      'expected_tool_calls:',
      '  - name: lookup_invoice',
      '    parameters: null',
      '    output: null',
      '',
    ].join('\n');
    h.assertNoProblems(validateText(text, DH_FILE));
  });

  void test('id is not nullable', () => {
    const text = 'id: null\nphone_number: "+14155550123"\n';
    h.assertOneError(validateText(text, DH_FILE), {
      code: 'invalid-type',
      pointer: '/id',
      range: h.rangeOf(text, 'null'),
    });
  });
});
