/** The form's edits on JSON: each change's exact resulting text, every other line byte for byte. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { edit as editAny, insert, move, refused, set, unset } from './helpers/formEdits';
import type { EditOp } from '../../src/core/edit/types';

const J = [
  '{',
  '  "kind": "digital-human",',
  '  "name": "Reserva",',
  '  "voice_speed": "normal",',
  '  "silence_timeout": 20,',
  '  "allow_end_call_tool": false,',
  '  "interruptions": {',
  '    "type": "low"',
  '  },',
  '  "speaks_first_config": null,',
  '  "scripted_responses": [',
  '    {',
  '      "match_type": "exact",',
  '      "response_type": "phrase"',
  '    },',
  '    {',
  '      "match_type": "context",',
  '      "occurrence_n": 1',
  '    },',
  '    {',
  '      "match_type": "exact",',
  '      "response_type": "dtmf"',
  '    }',
  '  ],',
  '  "simulation_ids": [57, 61]',
  '}',
  '',
].join('\n');

const edit = (text: string, op: EditOp): string => editAny(text, op, 'json');

/** `J` with `from` (which must occur once) replaced by `to`. */
function j(from: string, to: string): string {
  assert.equal(J.split(from).length, 2, `once in the fixture: ${from}`);
  return J.replace(from, to);
}

const R0 = '    {\n      "match_type": "exact",\n      "response_type": "phrase"\n    }';
const R1 = '    {\n      "match_type": "context",\n      "occurrence_n": 1\n    }';
const R2 = '    {\n      "match_type": "exact",\n      "response_type": "dtmf"\n    }';
const responses = (...items: string[]): string => j(`${R0},\n${R1},\n${R2}\n`, `${items.join(',\n')}\n`);

void describe('form edits, JSON: set', () => {
  void test('scalars: an enum value, a number, a boolean, null, text with line breaks', () => {
    assert.equal(edit(J, set('voice_speed', 'fast')), j('"normal"', '"fast"'));
    assert.equal(edit(J, set('silence_timeout', 45.5)), j('20', '45.5'));
    assert.equal(edit(J, set('allow_end_call_tool', true)), j('false', 'true'));
    assert.equal(edit(J, set('voice_speed', null)), j('"normal"', 'null'));
    assert.equal(edit(J, set('name', 'Reserva\n"mesa"')), j('"Reserva"', '"Reserva\\n\\"mesa\\""'));
  });

  void test('a missing top-level key goes last; the one-line list before it stays on its line', () => {
    assert.equal(edit(J, set('num_runs', 3)), j('[57, 61]\n', '[57, 61],\n  "num_runs": 3\n'));
  });

  void test('a nested key whose parent is missing, or null', () => {
    assert.equal(edit(J, set('hangup/mode', 'x')), j('[57, 61]\n', '[57, 61],\n  "hangup": {\n    "mode": "x"\n  }\n'));
    assert.equal(
      edit(J, set('speaks_first_config/mode', 'custom')),
      j('"speaks_first_config": null', '"speaks_first_config": {\n    "mode": "custom"\n  }'),
    );
  });

  void test("inside a list item: replaced, or added after the item's last key", () => {
    assert.equal(edit(J, set('scripted_responses/1/occurrence_n', 3)), j('"occurrence_n": 1', '"occurrence_n": 3'));
    assert.equal(
      edit(J, set('scripted_responses/0/occurrence_mode', 'always')),
      j('"phrase"\n', '"phrase",\n      "occurrence_mode": "always"\n'),
    );
  });

  void test('the interruptions variant switch, entry by entry', () => {
    const value = { type: 'keywords', keyword_responses: [{ keyword: 'hold', response: 'No' }] };
    const expected = j(
      '"type": "low"\n',
      '"type": "keywords",\n    "keyword_responses": [\n      {\n        "keyword": "hold",\n        "response": "No"\n      }\n    ]\n',
    );
    assert.equal(edit(J, set('interruptions', value)), expected);
    assert.equal(edit(expected, set('interruptions', { type: 'high' })), j('"low"', '"high"'));
    assert.equal(edit(J, set('interruptions', 'low')), j('{\n    "type": "low"\n  }', '"low"'));
  });

  void test('a list over a list, item by item', () => {
    assert.equal(edit(J, set('simulation_ids', [57, 62, 70])), j('[57, 61]', '[57, 62, 70]'));
    assert.equal(edit(J, set('simulation_ids', [])), j('[57, 61]', '[]'));
  });
});

void describe('form edits, JSON: unset, insert, move', () => {
  void test('a top-level key with its object value', () => {
    assert.equal(edit(J, unset('interruptions')), j('  "interruptions": {\n    "type": "low"\n  },\n', ''));
    assert.equal(edit(J, unset('kind')), j('  "kind": "digital-human",\n', ''));
    assert.equal(edit(J, unset('simulation_ids')), j(',\n  "simulation_ids": [57, 61]', ''));
  });

  void test('list items: first, middle, last, only; the only key leaves {}', () => {
    assert.equal(edit(J, unset('scripted_responses/0')), responses(R1, R2));
    assert.equal(edit(J, unset('scripted_responses/1')), responses(R0, R2));
    assert.equal(edit(J, unset('scripted_responses/2')), responses(R0, R1));
    assert.equal(edit(J, unset('simulation_ids/0')), j('[57, 61]', '[61]'));
    assert.equal(edit('{"ids": [57]}', unset('ids/0')), '{"ids": []}');
    assert.equal(edit(J, unset('interruptions/type')), j('{\n    "type": "low"\n  }', '{}'));
  });

  void test('a scripted response at the end, in the middle and first', () => {
    const NEW = '    {\n      "match_type": "exact",\n      "match_phrase": "Bye?"\n    }';
    const value = { match_type: 'exact', match_phrase: 'Bye?' };
    assert.equal(edit(J, insert('scripted_responses', 3, value)), responses(R0, R1, R2, NEW));
    assert.equal(edit(J, insert('scripted_responses', 1, value)), responses(R0, NEW, R1, R2));
    assert.equal(edit(J, insert('scripted_responses', 0, value)), responses(NEW, R0, R1, R2));
  });

  void test('a string into hangup_phrases: created when absent, null or empty; into a one-line list inline', () => {
    assert.equal(
      edit(J, insert('hangup_phrases', 0, 'Bye')),
      j('[57, 61]\n', '[57, 61],\n  "hangup_phrases": [\n    "Bye"\n  ]\n'),
    );
    assert.equal(
      edit(J, insert('speaks_first_config', 0, 'Bye')),
      j('"speaks_first_config": null', '"speaks_first_config": [\n    "Bye"\n  ]'),
    );
    assert.equal(edit('{\n  "h": []\n}', insert('h', 0, 'Bye')), '{\n  "h": [\n    "Bye"\n  ]\n}');
    assert.equal(edit(J, insert('simulation_ids', 1, 58)), j('[57, 61]', '[57, 58, 61]'));
    assert.equal(edit(J, insert('simulation_ids', 2, { a: [1] })), j('[57, 61]', '[57, 61, {"a": [1]}]'));
  });

  void test('an item moves up and down verbatim', () => {
    assert.equal(edit(J, move('scripted_responses', 0, 2)), responses(R1, R2, R0));
    assert.equal(edit(J, move('scripted_responses', 2, 1)), responses(R0, R2, R1));
    assert.equal(edit(J, move('simulation_ids', 1, 0)), j('[57, 61]', '[61, 57]'));
    assert.match(refused(J, move('scripted_responses', 3, 0), 'json'), /only 3 items/);
  });
});

void describe("form edits, JSON: the file's conventions", () => {
  void test('CRLF and tab indentation are kept', () => {
    const crlf = '{\r\n\t"kind": "customer-persona",\r\n\t"traits": []\r\n}\r\n';
    assert.equal(
      edit(crlf, set('name', 'x')),
      '{\r\n\t"kind": "customer-persona",\r\n\t"traits": [],\r\n\t"name": "x"\r\n}\r\n',
    );
    assert.equal(
      edit(crlf, insert('traits', 0, { value: 1 })),
      '{\r\n\t"kind": "customer-persona",\r\n\t"traits": [\r\n\t\t{\r\n\t\t\t"value": 1\r\n\t\t}\r\n\t]\r\n}\r\n',
    );
  });

  void test('four-space indentation, no final line break, a byte-order mark', () => {
    assert.equal(
      edit('{\n    "a": {\n        "b": 1\n    }\n}', set('a/c', [1])),
      '{\n    "a": {\n        "b": 1,\n        "c": [\n            1\n        ]\n    }\n}',
    );
    assert.equal(edit('\ufeff{"a": 1}', set('b', 2)), '\ufeff{"a": 1, "b": 2}');
  });

  void test('unreadable JSON (or JSON with comments) is not edited', () => {
    assert.match(refused('{"a": 1,}', set('a', 2), 'json'), /cannot be read/);
    assert.match(refused('{"a": 1 // one\n}', set('a', 2), 'json'), /cannot be read/);
    assert.match(refused('{"a": 1, "a": 2}', set('a', 3), 'json'), /cannot be read/);
  });
});
