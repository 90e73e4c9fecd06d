/**
 * Enum fields as validateText reports them, written out with exact messages, suggestions and ranges; and
 * how positions are counted (UTF-16 code units, CRLF line endings).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { validateText } from '../../src/core/validate';
import * as h from './helpers/definitions';
import { DH_FILE } from './helpers/schema-fields';

// ---- explicit cases, written out with exact positions --------------------------------------------

void describe('enum values and messages', () => {
  void test('voice_speed: fastt gives the exact message with a suggestion and the exact range', () => {
    const text = 'id: 1\nphone_number: "+14155550123"\nvoice_speed: fastt\n';
    h.assertOnlyProblem(validateText(text, DH_FILE), {
      severity: 'error',
      code: 'invalid-enum',
      pointer: '/voice_speed',
      range: { start: { line: 2, character: 13 }, end: { line: 2, character: 18 } },
      message: "voice_speed must be one of slowest, slow, normal, fast, fastest (got 'fastt'); did you mean 'fast'?",
    });
  });

  void test('accent mature is accepted (the API page lists it)', () => {
    h.assertNoProblems(validateText('id: 1\nphone_number: "+14155550123"\naccent: mature\n', DH_FILE));
  });

  void test('language EN suggests en', () => {
    const text = 'id: 1\nphone_number: "+14155550123"\nlanguage: EN\n';
    h.assertOneError(validateText(text, DH_FILE), {
      code: 'invalid-enum',
      pointer: '/language',
      range: h.rangeOf(text, 'EN'),
      message: /\(got 'EN'\); did you mean 'en'\?$/,
    });
  });

  void test('a number for an enum field gives only invalid-type (no second invalid-enum)', () => {
    const text = 'id: 1\nphone_number: "+14155550123"\ngender: 1\n';
    h.assertOnlyProblem(validateText(text, DH_FILE), {
      severity: 'error',
      code: 'invalid-type',
      pointer: '/gender',
      range: { start: { line: 2, character: 8 }, end: { line: 2, character: 9 } },
    });
  });

  void test('an unquoted yes is text in YAML, so a boolean field reports invalid-type', () => {
    const text = 'id: 1\nphone_number: "+14155550123"\nallow_end_call_tool: yes\n';
    h.assertOneError(validateText(text, DH_FILE), {
      code: 'invalid-type',
      pointer: '/allow_end_call_tool',
      range: h.rangeOf(text, 'yes'),
      message: "allow_end_call_tool must be true or false or null (got text 'yes').",
    });
  });

  void test('an unquoted number for a text field suggests quotes', () => {
    const text = 'id: 1\nphone_number: 14155550123\n';
    h.assertOneError(validateText(text, DH_FILE), {
      code: 'invalid-type',
      pointer: '/phone_number',
      range: h.rangeOf(text, '14155550123'),
      message: /put it in quotes to make it text\.$/,
    });
  });
});

void describe('positions', () => {
  void test('characters are UTF-16 code units (an emoji counts 2)', () => {
    const text = '{"id": 1, "phone_number": "+14155550123", "name": "😀", "voice_speed": "fastt"}';
    const result = validateText(text, 'a.digital-human.json');
    const at = text.indexOf('"fastt"');
    h.assertOnlyProblem(result, {
      severity: 'error',
      code: 'invalid-enum',
      pointer: '/voice_speed',
      range: { start: { line: 0, character: at }, end: { line: 0, character: at + 7 } },
    });
    assert.equal(at, [...text.slice(0, at)].length + 1, 'the emoji is one code point but two code units');
  });

  void test('CRLF line endings count as one line break', () => {
    const text = 'id: 1\r\nphone_number: "+14155550123"\r\nvoice_speed: fastt\r\n';
    h.assertOnlyProblem(validateText(text, DH_FILE), {
      severity: 'error',
      code: 'invalid-enum',
      pointer: '/voice_speed',
      range: { start: { line: 2, character: 13 }, end: { line: 2, character: 18 } },
    });
  });
});
