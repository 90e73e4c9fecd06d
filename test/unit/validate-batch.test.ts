/**
 * Validation of one of many files (`parse: parseLean`: the command line, Validate All) reads a YAML text's
 * positions only when a problem needs one. Its problems are exactly those of the editor's
 * validation, which reads positions with the value: on the examples, on documents with thousands
 * of problems, and on the texts where a plain read and a read with positions could part.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseLean } from '../../src/core/parse/mapping';
import { MAX_DEPTH } from '../../src/core/parse/shape';
import { parseYaml, parseYamlLean } from '../../src/core/parse/yaml';
import { validateBytes, validateText } from '../../src/core/validate';
import { TEXTS } from './helpers/converted';
import { digitalHuman, toYaml } from './helpers/definitions';

const DH = 'x.digital-human.yaml';

function same(text: string, fileName = DH): void {
  const editor = validateText(text, fileName);
  const batch = validateText(text, fileName, { parse: parseLean });
  assert.deepEqual(batch, editor, `batch and editor differ on ${JSON.stringify(text.slice(0, 80))}`);
}

const TRICKY: readonly string[] = [
  '',
  '# only a comment\n',
  'null\n',
  '- a list\n',
  '42\n',
  '\uFEFFkind: digital-human\nvoice_speed: fastt\n',
  'kind: digital-human\nvoice_speed: fastt\n',
  'kind: digital-human\nname: x\n  voice_speed: fast\n',
  'kind: digital-human\nspeaks_first_config:\n\tspeaks_first: true\n',
  'kind: digital-human\nid: 1\n---\nname: x\n',
  'kind: digital-human\nvoice_speed: fast\nvoice_speed: fastt\n',
  'kind: digital-human\nbase: &b {speaks_first: true}\nspeaks_first_config: *b\n',
  'kind: digital-human\nspeaks_first_config: *nowhere\n',
  'kind: digital-human\nname: Q&A line\nvoice_speed: fastt\n',
  'kind: digital-human\nspeaks_first_config:\n  <<: {speaks_first: yes}\n',
  'kind: digital-human\na: &a [1, 1]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n',
  '%YAML 1.2\n---\nkind: digital-human\nvoice_speed: fastt\n',
  'kind: digital-human\ntraits: {unknown_trait: 3}\nscripted_responses: [{match_type: nope}]\n',
  'kind: customer-persona\nname: 7\n',
  'kind: something-else\n',
];

void describe('batch validation (positions read only for problems)', () => {
  void test('the same problems as the editor on texts where a plain read could part from one with positions', () => {
    for (const text of TRICKY) same(text);
    for (const text of TRICKY) same(text, 'x.yaml');
  });

  void test('the same problems on the examples, a broken definition and thousands of problems', () => {
    const examples = join(__dirname, '..', '..', '..', 'examples');
    for (const name of readdirSync(examples)) same(readFileSync(join(examples, name), 'utf8'), name);
    same(toYaml(digitalHuman({ voice_speed: 'fastt', speaks_first_config: { speaks_first: 'maybe' } })));
    same(TEXTS.yaml);
    same(TEXTS.json, 'x.digital-human.json');
  });

  void test('the same problems on nesting deep enough that reading positions needs more stack than reading the value', () => {
    for (const depth of [101, 150, 1000, 1500, 1817, 2000, 3000, 6000])
      same(`kind: digital-human\nname: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
  });

  void test('a value nested deeper than can be sent is read with positions at once', () => {
    // The plain read takes less stack than the read with positions: at some depth (1,817 levels in
    // a fresh Node 20, found in review) only the plain one fits, and the positions asked for later
    // could not be read. A value that cannot be sent anyway takes the full read, as in the editor.
    const deep = parseYamlLean(`kind: digital-human\nname: ${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}\n`);
    assert.ok(deep.ok);
    assert.notEqual(deep.locator.constructor.name, 'LaterLocator');
    const shallow = parseYamlLean(
      `kind: digital-human\nname: ${'['.repeat(MAX_DEPTH - 2)}${']'.repeat(MAX_DEPTH - 2)}\n`,
    );
    assert.ok(shallow.ok);
    assert.equal(shallow.locator.constructor.name, 'LaterLocator');
  });

  void test('validateBytes takes the parse (the command line and Validate All pass parseLean)', () => {
    const bytes = Buffer.from('kind: digital-human\nvoice_speed: fastt\n');
    assert.deepEqual(validateBytes(bytes, DH, { parse: parseLean }), validateBytes(bytes, DH));
  });

  void test('a valid text is not read with positions; the first question reads them', () => {
    const text = toYaml(digitalHuman());
    const lean = parseYamlLean(text);
    const full = parseYaml(text);
    assert.ok(lean.ok && full.ok);
    assert.equal(lean.locator.constructor.name, 'LaterLocator');
    assert.deepEqual(lean.value, full.value);
    for (const path of [[], ['name'], ['speaks_first_config', 'speaks_first'], ['nowhere']]) {
      assert.deepEqual(lean.locator.valueSpan(path), full.locator.valueSpan(path));
      assert.deepEqual(lean.locator.keySpan(path), full.locator.keySpan(path));
    }
    assert.deepEqual(lean.locator.rootSpan(), full.locator.rootSpan());
  });
});
