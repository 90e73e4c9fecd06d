/**
 * The form's edits on YAML (set) of one value: scalars keep their style, multi-line text its block.
 * Comments, key order, quoting and every unrelated line stay byte for byte; whole texts are compared.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { edit, set, unset } from './helpers/formEdits';
import { DH, dh } from './support/formDh';

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
