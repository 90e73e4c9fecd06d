import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formModel, type FieldSpec } from '../../src/core/form/model';
import {
  childOf,
  defaultItem,
  defaultValue,
  displayText,
  fieldMatches,
  itemSummary,
  jsonText,
  nearestTarget,
  parseJson,
  parseNumber,
  pathToPointer,
  pointerToPath,
  presenceOf,
  sliderStep,
  variantIndex,
  variantValue,
} from '../../src/webview/paths';

const dh = formModel('digital-human');

function spec(key: string): FieldSpec {
  const f = dh.groups.flatMap((g) => g.fields).find((x) => x.key === key);
  assert.ok(f, `no field ${key}`);
  return f;
}

void describe('pointers and paths', () => {
  void test('the whole document is the empty pointer', () => {
    assert.equal(pathToPointer([]), '');
    assert.deepEqual(pointerToPath(''), []);
  });

  void test('segments are escaped as RFC 6901 says and come back unchanged', () => {
    const path = ['scripted_responses', '0', 'a/b', 'c~d', ''];
    const pointer = pathToPointer(path);
    assert.equal(pointer, '/scripted_responses/0/a~1b/c~0d/');
    assert.deepEqual(pointerToPath(pointer), path);
    assert.deepEqual(pointerToPath('/~01'), ['~1']);
  });
});

void describe('nearestTarget', () => {
  const shown = new Set(['/name', '/traits', '/traits/0', '/traits/0/value', '/interruptions']);
  const has = (p: string): boolean => shown.has(p);

  void test('a field that is shown takes its own problem', () => {
    assert.equal(nearestTarget('/traits/0/value', has), '/traits/0/value');
  });

  void test('a pointer below a field without a control of its own goes to the nearest ancestor', () => {
    assert.equal(nearestTarget('/traits/0/value/deep/er', has), '/traits/0/value');
    assert.equal(nearestTarget('/traits/0/unknown_key', has), '/traits/0');
    assert.equal(nearestTarget('/traits/7/trait_name', has), '/traits');
    assert.equal(nearestTarget('/interruptions/keyword_responses/0/keyword', has), '/interruptions');
  });

  void test('the whole file, and keys the form does not know, go to the banner', () => {
    assert.equal(nearestTarget('', has), '');
    assert.equal(nearestTarget('/unknown_field', has), '');
  });
});

void describe('default values and items', () => {
  void test('a new list item holds the required fields: defaults, first options, empty strings', () => {
    assert.deepEqual(defaultItem(spec('scripted_responses')), {
      match_type: 'exact',
      match_phrase: '',
      response_type: 'phrase',
      occurrence_mode: 'always',
    });
    assert.deepEqual(defaultItem(spec('formatted_transcript')), { role: 'USER', utterance: '' });
    assert.deepEqual(defaultItem(spec('expected_tool_calls')), { name: '' });
    assert.deepEqual(defaultItem(spec('traits')), { trait_name: '', trait_data_type: 'BOOLEAN', value: {} });
  });

  void test("a new scalar item is the item type's empty value", () => {
    assert.equal(defaultItem(spec('hangup_phrases')), '');
    assert.equal(defaultItem(spec('simulation_ids')), 0);
    assert.deepEqual(defaultItem(spec('enriched_playback')), {});
  });

  void test('numbers start at their minimum, or just above an exclusive one', () => {
    assert.equal(defaultValue(spec('silence_timeout')), 15);
    const sr = spec('scripted_responses').fields ?? [];
    const n = sr.find((f) => f.key === 'occurrence_n');
    assert.ok(n);
    assert.equal(defaultValue(n), 1);
  });

  void test('a schema default is copied, never shared with the model', () => {
    const s = spec('interruptions');
    const v = defaultValue(s) as Record<string, unknown>;
    assert.deepEqual(v, { type: 'none' });
    v['type'] = 'high';
    assert.deepEqual(s.default, { type: 'none' });
  });

  void test('an object starts with its required fields', () => {
    assert.deepEqual(defaultValue(spec('speaks_first_config')), { speaks_first: false });
  });
});

void describe('variants', () => {
  const s = spec('interruptions');
  const titles = (s.variants ?? []).map((v) => v.title);
  const at = (title: string): number => titles.indexOf(title);

  void test('a value is the variant its discriminator names', () => {
    assert.equal(variantIndex(s, { type: 'keywords', keyword_responses: [] }), at('Keywords'));
    assert.equal(variantIndex(s, { type: 'high' }), at('Level'));
    assert.equal(variantIndex(s, { type: 'contextual' }), at('Contextual'));
  });

  void test('no variant for absent, null, non-objects and unknown discriminators', () => {
    for (const v of [undefined, null, 'keywords', [], {}, { type: 'sometimes' }, { type: { nested: 1 } }])
      assert.equal(variantIndex(s, v), -1);
  });

  void test("switching sets the discriminator and the variant's required fields", () => {
    assert.deepEqual(variantValue(s, at('Keywords')), { type: 'keywords', keyword_responses: [] });
    assert.deepEqual(variantValue(s, at('Contextual')), { type: 'contextual', contextual_prompt: '' });
    assert.deepEqual(variantValue(s, at('Level')), { type: 'none' });
  });
});

void describe('childOf', () => {
  void test('objects: own keys only, and null is present', () => {
    assert.deepEqual(childOf({ a: null }, 'a'), { present: true, value: null });
    assert.deepEqual(childOf({ a: 1 }, 'b'), { present: false, value: undefined });
    assert.deepEqual(childOf({}, 'constructor'), { present: false, value: undefined });
  });

  void test('lists: decimal indices within range', () => {
    assert.deepEqual(childOf(['x', 'y'], '1'), { present: true, value: 'y' });
    assert.equal(childOf(['x'], '1').present, false);
    assert.equal(childOf(['x'], '-1').present, false);
    assert.equal(childOf(['x'], 'length').present, false);
  });

  void test('scalars have no children', () => {
    assert.equal(childOf('text', '0').present, false);
    assert.equal(childOf(null, 'a').present, false);
  });
});

void describe('filter', () => {
  void test('matches keys and titles, of the field or any field inside it, ignoring case', () => {
    assert.ok(fieldMatches(spec('background_noise_volume'), 'NOISE'));
    assert.ok(fieldMatches(spec('background_noise_volume'), 'Background noise vol'));
    assert.ok(fieldMatches(spec('interruptions'), 'keyword'));
    assert.ok(fieldMatches(spec('interruptions'), 'contextual'));
    assert.ok(fieldMatches(spec('scripted_responses'), 'match_phrase'));
    assert.ok(!fieldMatches(spec('name'), 'noise'));
  });

  void test('an empty or blank filter matches everything', () => {
    assert.ok(fieldMatches(spec('name'), ''));
    assert.ok(fieldMatches(spec('name'), '   '));
  });
});

void describe('small helpers', () => {
  void test('itemSummary names an item by its first text field, then long text, then choice', () => {
    const tools = spec('expected_tool_calls').fields ?? [];
    assert.equal(itemSummary(tools, { name: 'lookup_invoice' }), 'lookup_invoice');
    const turns = spec('formatted_transcript').fields ?? [];
    assert.equal(itemSummary(turns, { role: 'AGENT', utterance: '  Hello\n there ' }), 'Hello there');
    assert.equal(itemSummary(turns, { role: 'AGENT' }), 'AGENT');
    assert.equal(itemSummary(turns, { utterance: 'x'.repeat(100) }).length, 60);
    assert.equal(itemSummary(turns, 'not an object'), '');
  });

  void test('parseNumber takes what Number takes, and nothing for empty or non-numeric text', () => {
    assert.equal(parseNumber(' 1.5 '), 1.5);
    assert.equal(parseNumber('1e3'), 1000);
    assert.equal(parseNumber('-2'), -2);
    assert.equal(parseNumber(''), undefined);
    assert.equal(parseNumber('abc'), undefined);
    assert.equal(parseNumber('Infinity'), undefined);
  });

  void test('text and JSON boxes show values as text', () => {
    assert.equal(displayText(undefined), '');
    assert.equal(displayText(null), '');
    assert.equal(displayText('a'), 'a');
    assert.equal(displayText(2), '2');
    assert.equal(jsonText({ a: 1 }, true), '{\n  "a": 1\n}');
    assert.equal(jsonText(null, true), 'null');
    assert.equal(jsonText(undefined, false), '');
  });

  void test('parseJson returns the value or the complaint', () => {
    assert.deepEqual(parseJson('{"a": [1]}'), { ok: true, value: { a: [1] } });
    const bad = parseJson('{"a": ');
    assert.equal(bad.ok, false);
  });

  void test('sliders step by 1 for integers and a round hundredth of the range otherwise', () => {
    assert.equal(sliderStep(spec('background_noise_volume')), 0.01);
    assert.equal(sliderStep(spec('creativity')), 0.01);
    assert.equal(
      sliderStep({
        key: 'n',
        title: 'n',
        control: 'integer',
        nullable: false,
        required: false,
        minimum: 0,
        maximum: 10,
      }),
      1,
    );
    assert.equal(
      sliderStep({
        key: 'n',
        title: 'n',
        control: 'number',
        nullable: false,
        required: false,
        minimum: 0,
        maximum: 1000,
      }),
      10,
    );
  });

  void test('presence tells unset, null and value apart', () => {
    assert.equal(presenceOf(undefined, false), 'unset');
    assert.equal(presenceOf(null, true), 'null');
    assert.equal(presenceOf(0, true), 'value');
    assert.equal(presenceOf('', true), 'value');
  });
});
