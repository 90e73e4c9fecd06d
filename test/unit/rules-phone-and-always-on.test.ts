/**
 * Bluejay rules for phone numbers (E.164) and the always-on settings:
 * for each rule a case that triggers it (severity, code, pointer, position) and a near miss that does not.
 */
import { test, describe } from 'node:test';
import * as h from './helpers/definitions';
import { dh, file } from './helpers/rules';

// ---- phone numbers and always-on --------------------------------------------------------------------

void describe('phone numbers and always-on', () => {
  const bad = [
    '4155550123',
    '+1 415 555 0123',
    '+1-415-555-0123',
    '(415) 555-0123',
    '+0123456789',
    '+1',
    '+1234567890123456',
    'call me',
  ];
  const good = ['+14155550123', '+442079460123', '+123456789012345'];
  for (const key of ['phone_number', 'outbound_text_number']) {
    for (const value of bad) {
      void test(`${key} ${JSON.stringify(value)}: phone-number-format warning on the value`, () => {
        const doc = h.digitalHuman({ [key]: value });
        h.assertOnlyProblem(h.validateDoc(doc, 'digital-human'), {
          severity: 'warning',
          code: 'phone-number-format',
          pointer: `/${key}`,
          range: h.valueRange(doc, key),
          message: `${key} should be in E.164 format, such as +14155550123 (got '${value}'); Bluejay rejects numbers it cannot read.`,
        });
      });
    }
    void test(`near miss: ${key} in E.164 (${good.join(', ')}) or null`, () => {
      for (const value of [...good, null])
        h.assertNoProblems(h.validateDoc(h.digitalHuman({ [key]: value }), 'digital-human'));
    });
  }
  void test('phone-number-format in JSON, on the quoted value', () => {
    const { text, result } = file(
      '{\n  "id": 1,\n  "phone_number": "+14155550123",\n  "outbound_text_number": "555-0124"\n}\n',
      'caller.digital-human.json',
    );
    h.assertOnlyProblem(result, {
      severity: 'warning',
      code: 'phone-number-format',
      pointer: '/outbound_text_number',
      range: h.rangeOf(text, '"555-0124"'),
    });
  });

  void test('always_on_active true with phone_number null: always-on-needs-phone-number on always_on_active', () => {
    const { text, result } = file('id: 1\nphone_number: null\nalways_on_active: true\n');
    h.assertOnlyProblem(result, {
      severity: 'warning',
      code: 'always-on-needs-phone-number',
      pointer: '/always_on_active',
      range: h.rangeAfter(text, 'always_on_active: ', 'true'),
    });
  });
  void test('near miss: always_on_active true with a phone number; false without one', () => {
    h.assertNoProblems(dh('always_on_mode: true\nalways_on_active: true\n').result);
    h.assertNoProblems(file('id: 1\nphone_number: null\nalways_on_active: false\n').result);
  });
  void test('near miss: an existing digital human that leaves phone_number out keeps its stored number', () => {
    const { result } = file('id: 1\nalways_on_active: true\n');
    h.assertNoCode(result, 'always-on-needs-phone-number');
  });

  void test('override_conflict true with always_on_active false: override-conflict-unused on override_conflict', () => {
    const { text, result } = dh('always_on_active: false\noverride_conflict: true\n');
    h.assertOnlyProblem(result, {
      severity: 'information',
      code: 'override-conflict-unused',
      pointer: '/override_conflict',
      range: h.rangeAfter(text, 'override_conflict: ', 'true'),
    });
  });
  void test('near miss: override_conflict true with always_on_active true; override_conflict false', () => {
    h.assertNoProblems(dh('always_on_active: true\noverride_conflict: true\n').result);
    h.assertNoProblems(dh('always_on_active: false\noverride_conflict: false\n').result);
  });
  void test('near miss: override_conflict true when the file leaves always_on_active out (stored value, or true by default with a phone number)', () => {
    h.assertNoCode(dh('override_conflict: true\n').result, 'override-conflict-unused');
  });
});
