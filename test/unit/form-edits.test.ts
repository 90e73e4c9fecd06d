/**
 * The form's edits on YAML (set): each change's exact resulting text. Comments, key order, quoting
 * and every unrelated line stay byte for byte; whole texts are compared.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { edit, refused, set, unset } from './helpers/formEdits';

const DH = [
  '# A digital human for the form tests.',
  'kind: digital-human',
  'id: 318',
  '',
  '# Voice.',
  'voice_speed: fast  # how fast it talks',
  'accent: "southern"',
  "gender: 'female'",
  'silence_timeout: 30',
  'creativity: 0.9',
  'allow_end_call_tool: true',
  'intent: >-',
  '  You were charged twice for your March subscription. You are angry,',
  '  interrupt often and want the duplicate charge refunded today.',
  'original_transcript: |',
  '  Agent: Hello?',
  '  Customer: Hi.',
  'role_description: Long-time customer.',
  'interruptions:',
  '  type: low',
  'speaks_first_config: {speaks_first: true, mode: ai_generated}',
  '',
  '# Fixed reactions.',
  'scripted_responses:',
  '  - match_type: exact',
  '    match_phrase: Account number?',
  '    response_type: phrase',
  '    response_value: ACC-1',
  '  # Waits when asked to hold.',
  '  - match_type: context',
  '    match_phrase: The agent asks to wait',
  '    response_type: silence',
  '    occurrence_mode: first_n',
  '    occurrence_n: 1',
  '  - match_type: exact',
  '    match_phrase: Enter your PIN',
  '    response_type: dtmf',
  '    response_value: "4821#"',
  '',
  'hangup_phrases:',
  '  - "Goodbye."',
  '  - Thanks for calling',
  'simulation_ids: [57, 61]',
  '# The end.',
  '',
].join('\n');

/** `DH` with `from` (which must occur once) replaced by `to`. */
function dh(from: string, to: string): string {
  assert.equal(DH.split(from).length, 2, `once in the fixture: ${from}`);
  return DH.replace(from, to);
}

void describe('form edits, YAML: scalars keep their style', () => {
  void test('an enum value, plain, keeps the comment after it', () => {
    assert.equal(edit(DH, set('voice_speed', 'slow')), dh('voice_speed: fast  #', 'voice_speed: slow  #'));
  });

  void test('double-quoted and single-quoted values keep their quotes', () => {
    assert.equal(edit(DH, set('accent', 'british')), dh('accent: "southern"', 'accent: "british"'));
    assert.equal(edit(DH, set('gender', 'male')), dh("gender: 'female'", "gender: 'male'"));
    assert.equal(edit(DH, set('gender', "it's")), dh("gender: 'female'", "gender: 'it''s'"));
  });

  void test('a plain value stays plain while it reads back as the same string, else double quotes', () => {
    assert.equal(
      edit(DH, set('role_description', "Calls often, doesn't wait!")),
      dh('role_description: Long-time customer.', "role_description: Calls often, doesn't wait!"),
    );
    for (const [v, written] of [
      ['Note: urgent', '"Note: urgent"'],
      ['yes', '"yes"'],
      ['30', '"30"'],
      ['- dash', '"- dash"'],
      ['a # b', '"a # b"'],
      ['', '""'],
      ['2024-03-15', '"2024-03-15"'],
    ]) {
      assert.equal(
        edit(DH, set('role_description', v)),
        dh('role_description: Long-time customer.', `role_description: ${written}`),
      );
    }
  });

  void test('numbers, booleans and null', () => {
    assert.equal(edit(DH, set('silence_timeout', 45)), dh('silence_timeout: 30', 'silence_timeout: 45'));
    assert.equal(edit(DH, set('creativity', 0.25)), dh('creativity: 0.9', 'creativity: 0.25'));
    assert.equal(
      edit(DH, set('allow_end_call_tool', false)),
      dh('allow_end_call_tool: true', 'allow_end_call_tool: false'),
    );
    assert.equal(edit(DH, set('silence_timeout', null)), dh('silence_timeout: 30', 'silence_timeout: null'));
    assert.equal(edit(DH, set('accent', null)), dh('accent: "southern"', 'accent: null'));
    assert.equal(edit(DH, set('silence_timeout', '30')), dh('silence_timeout: 30', 'silence_timeout: "30"'));
  });

  void test('null is written, unset removes: two different edits', () => {
    assert.equal(edit(DH, set('speaks_first_config/mode', null)), dh('mode: ai_generated}', 'mode: null}'));
    assert.equal(edit(DH, unset('speaks_first_config/mode')), dh(', mode: ai_generated}', '}'));
  });

  void test('setting the value already there changes nothing', () => {
    assert.equal(edit(DH, set('voice_speed', 'fast')), DH);
    assert.equal(edit(DH, set('interruptions', { type: 'low' })), DH);
  });
});

void describe('form edits, YAML: multi-line text', () => {
  void test('a literal block scalar stays one, its chomping following the text', () => {
    assert.equal(
      edit(DH, set('original_transcript', 'Agent: Hello?\nCustomer: Bye.\n')),
      dh('Customer: Hi.', 'Customer: Bye.'),
    );
    assert.equal(
      edit(DH, set('original_transcript', 'Agent: Hello?\nCustomer: Hi.\nAgent: Bye.')),
      dh(
        'original_transcript: |\n  Agent: Hello?\n  Customer: Hi.',
        'original_transcript: |-\n  Agent: Hello?\n  Customer: Hi.\n  Agent: Bye.',
      ),
    );
  });

  void test('a folded block scalar keeps its line breaks where the words around them are kept', () => {
    const intent =
      'You were charged twice for your April subscription. You are angry, interrupt often and want the duplicate charge refunded now.';
    assert.equal(edit(DH, set('intent', intent)), dh('March', 'April').replace('refunded today.', 'refunded now.'));
    // A word changed on either side of a break: the break stays.
    const shout =
      'You were charged twice for your March subscription. You are angry, shout often and want the duplicate charge refunded today.';
    assert.equal(edit(DH, set('intent', shout)), dh('  interrupt often', '  shout often'));
    const furious =
      'You were charged twice for your March subscription. You are furious, interrupt often and want the duplicate charge refunded today.';
    assert.equal(edit(DH, set('intent', furious)), dh('angry,', 'furious,'));
    // A line break of the text is a blank line in folded style.
    const broken =
      'You were charged twice for your March subscription. You are angry,\ninterrupt often and want the duplicate charge refunded today.';
    assert.equal(edit(DH, set('intent', broken)), dh('You are angry,\n', 'You are angry,\n\n'));
  });

  void test('text added to a folded scalar is folded near the old width when it makes a line much longer', () => {
    const more =
      'You were charged twice for your March subscription. You are angry, interrupt often and want the duplicate charge refunded today. You also want a written confirmation of the refund by email, with its reference number.';
    const folded =
      'refunded today. You also want a\n  written confirmation of the refund by email, with its reference number.\n';
    assert.equal(edit(DH, set('intent', more)), dh('refunded today.\n', folded));
  });

  void test('a block scalar given one line becomes a plain scalar', () => {
    assert.equal(
      edit(DH, set('original_transcript', 'Agent: Hello?')),
      dh('original_transcript: |\n  Agent: Hello?\n  Customer: Hi.', 'original_transcript: "Agent: Hello?"'),
    );
  });

  void test('a plain scalar given several lines becomes a literal block at the next indentation', () => {
    const two = 'Long-time customer.\nCalled twice already.';
    assert.equal(
      edit(DH, set('role_description', two)),
      dh(
        'role_description: Long-time customer.',
        'role_description: |-\n  Long-time customer.\n  Called twice already.',
      ),
    );
    // Its comment moves to the header line, where it stays a comment.
    assert.equal(
      edit(DH, set('voice_speed', 'a\nb\n')),
      dh('voice_speed: fast  # how fast it talks', 'voice_speed: |  # how fast it talks\n  a\n  b'),
    );
    // Inside a list item: indented under the item.
    assert.equal(
      edit(DH, set('hangup_phrases/1', 'Thanks\nfor calling')),
      dh('  - Thanks for calling', '  - |-\n    Thanks\n    for calling'),
    );
  });

  void test('text a block scalar cannot hold is double-quoted', () => {
    assert.equal(
      edit(DH, set('role_description', '  indented\nline')),
      dh('role_description: Long-time customer.', 'role_description: "  indented\\nline"'),
    );
    assert.equal(edit(DH, set('accent', 'two\nlines')), dh('accent: "southern"', 'accent: "two\\nlines"'));
  });
});

void describe('form edits, YAML: missing keys and parents', () => {
  void test('a missing top-level key goes after the last entry, before the comments that end the file', () => {
    assert.equal(
      edit(DH, set('num_runs', 2)),
      dh('simulation_ids: [57, 61]\n', 'simulation_ids: [57, 61]\nnum_runs: 2\n'),
    );
  });

  void test('a nested key whose parent is missing creates the parent as a mapping', () => {
    const text = 'kind: digital-human\nname: x  # the name\n';
    assert.equal(
      edit(text, set('speaks_first_config/mode', 'custom')),
      'kind: digital-human\nname: x  # the name\nspeaks_first_config:\n  mode: custom\n',
    );
  });

  void test('a nested key whose parent is null, empty or {} replaces it with a block mapping', () => {
    for (const empty of [' null', '', ' ~', ' {}']) {
      const text = `speaks_first_config:${empty}\nname: x\n`;
      assert.equal(
        edit(text, set('speaks_first_config/mode', 'custom')),
        'speaks_first_config:\n  mode: custom\nname: x\n',
      );
    }
  });

  void test("a key set inside a list item: replaced in place, or added at the item keys' column", () => {
    assert.equal(edit(DH, set('scripted_responses/1/occurrence_n', 3)), dh('occurrence_n: 1', 'occurrence_n: 3'));
    assert.equal(
      edit(DH, set('scripted_responses/0/occurrence_mode', 'always')),
      dh('response_value: ACC-1\n', 'response_value: ACC-1\n    occurrence_mode: always\n'),
    );
  });

  void test('a flow mapping gets the key inside its braces, quoted as flow style needs', () => {
    assert.equal(edit(DH, set('speaks_first_config/mode', 'custom')), dh('mode: ai_generated}', 'mode: custom}'));
    assert.equal(
      edit(DH, set('speaks_first_config/message', 'Hello, I need help.')),
      dh('mode: ai_generated}', 'mode: ai_generated, message: "Hello, I need help."}'),
    );
    assert.equal(edit('c: {}\n', set('c/x', 1)), 'c:\n  x: 1\n');
    assert.equal(edit('a: [{}]\n', set('a/0/x', 1)), 'a: [{x: 1}]\n');
  });

  void test('a document holding only comments gets its first key', () => {
    assert.equal(edit('# nothing yet\n', set('kind', 'customer-persona')), '# nothing yet\nkind: customer-persona\n');
    assert.equal(edit('', set('kind', 'customer-persona')), 'kind: customer-persona\n');
  });

  void test('a path through a scalar or past the end of a list is refused', () => {
    assert.match(refused(DH, set('voice_speed/x', 1)), /not a mapping/);
    assert.match(refused(DH, set('hangup_phrases/5', 'x')), /no item 5/);
  });
});

void describe('form edits, YAML: objects and lists', () => {
  void test('the interruptions variant switch: low to keywords, entry by entry, in block style', () => {
    const keywords = {
      type: 'keywords',
      keyword_responses: [
        { keyword: 'hold', response: 'Do not put me on hold!' },
        { keyword: 'policy', response: 'I do not care.', probability: 0.8 },
      ],
    };
    const expected = dh(
      '  type: low\n',
      '  type: keywords\n  keyword_responses:\n    - keyword: hold\n      response: Do not put me on hold!\n    - keyword: policy\n      response: I do not care.\n      probability: 0.8\n',
    );
    assert.equal(edit(DH, set('interruptions', keywords)), expected);
    // And back: the keys the new variant lacks go, with their block.
    assert.equal(
      edit(expected, set('interruptions', { type: 'contextual', contextual_prompt: 'Interrupt politely.' })),
      dh('  type: low\n', '  type: contextual\n  contextual_prompt: Interrupt politely.\n'),
    );
  });

  void test('an object where a scalar was, and a scalar where an object was', () => {
    const text = 'interruptions: low  # old style\nname: x\n';
    assert.equal(
      edit(text, set('interruptions', { type: 'low' })),
      'interruptions:  # old style\n  type: low\nname: x\n',
    );
    assert.equal(edit('a:\n  b: 1\n  c: 2\nname: x\n', set('a', 'flat')), 'a: flat\nname: x\n');
  });

  void test("a list where there was none follows the file's list indentation", () => {
    const traits = [{ trait_name: 'tier', trait_data_type: 'STRING', value: 'premium' }];
    assert.equal(
      edit(DH, set('traits', traits)),
      dh(
        'simulation_ids: [57, 61]\n',
        'simulation_ids: [57, 61]\ntraits:\n  - trait_name: tier\n    trait_data_type: STRING\n    value: premium\n',
      ),
    );
    const flush = 'hangup_phrases:\n- Bye\nname: x\n';
    assert.equal(
      edit(flush, set('traits', traits)),
      `${flush}traits:\n- trait_name: tier\n  trait_data_type: STRING\n  value: premium\n`,
    );
    const four = 'a:\n    b: 1\n';
    assert.equal(edit(four, set('c', { d: [1, { e: 2 }] })), `${four}c:\n    d:\n        - 1\n        - e: 2\n`);
  });

  void test('a list set over a list changes only the items that differ', () => {
    assert.equal(edit(DH, set('simulation_ids', [57, 62, 70])), dh('[57, 61]', '[57, 62, 70]'));
    assert.equal(
      edit(DH, set('hangup_phrases', ['Goodbye!'])),
      dh('  - "Goodbye."\n  - Thanks for calling\n', '  - "Goodbye!"\n'),
    );
    assert.equal(
      edit(DH, set('hangup_phrases', [])),
      dh('hangup_phrases:\n  - "Goodbye."\n  - Thanks for calling\n', 'hangup_phrases: []\n'),
    );
  });
});
