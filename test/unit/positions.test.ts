/**
 * Where pointers land in the text. This is also the regression test for js-yaml's undocumented
 * `listener` hook (the version is pinned): if an upgrade changes the events, these fail.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseJson } from '../../src/core/parse/json';
import type { Locator } from '../../src/core/parse/types';
import { parseYaml } from '../../src/core/parse/yaml';

function locate(
  parse: typeof parseYaml,
  text: string,
): { value: (p: string) => string; key: (p: string) => string | undefined } {
  const r = parse(text);
  assert.ok(r.ok, `parse failed: ${JSON.stringify(r.issues)}`);
  const loc: Locator = r.locator;
  const seg = (p: string): string[] => (p === '' ? [] : p.split('/').slice(1));
  return {
    value: (p) => {
      const v = loc.valueSpan(seg(p));
      assert.ok(v?.exact, `no exact value at ${p}`);
      return text.slice(v.span[0], v.span[1]);
    },
    key: (p) => {
      const k = loc.keySpan(seg(p));
      return k && text.slice(k[0], k[1]);
    },
  };
}

const YAML_DOC = `# A digital human
kind: digital-human
name:   Angry caller   # trailing comment
quoted: "double \\"q\\""
single: 'it''s'
multi: first line
  continues here
block: |
  line one
  line two
# comment between
nested:
  inner: 1
  deeper:
    leaf: true
list:
  - a
  - key: v
    other: 2
  - [x, y]
  - {k: w, j: 3}
empty:
last: end
`;

void describe('YAML positions', () => {
  const { value, key } = locate(parseYaml, YAML_DOC);

  void test('scalars of every style', () => {
    assert.equal(value('/name'), 'Angry caller');
    assert.equal(value('/quoted'), '"double \\"q\\""');
    assert.equal(value('/single'), "'it''s'");
    assert.equal(value('/multi'), 'first line\n  continues here');
    assert.equal(value('/block'), '|\n  line one\n  line two');
  });

  void test('keys', () => {
    assert.equal(key('/kind'), 'kind');
    assert.equal(key('/nested/deeper/leaf'), 'leaf');
    assert.equal(key('/list/1/other'), 'other');
    assert.equal(key('/list/3/j'), 'j');
    assert.equal(key('/missing'), undefined);
  });

  void test('collections end at their last entry, not at the comments after them', () => {
    assert.equal(value('/nested'), 'inner: 1\n  deeper:\n    leaf: true');
    assert.equal(value('/list/1'), 'key: v\n    other: 2');
    assert.equal(value('/list/2'), '[x, y]');
    assert.equal(value('/list/3'), '{k: w, j: 3}');
    assert.equal(value('/list/3/j'), '3');
    assert.equal(value('/list/2/1'), 'y');
  });

  void test('an empty value points at its key', () => {
    assert.equal(value('/empty'), 'empty');
  });

  void test('a missing path falls back to the nearest existing ancestor', () => {
    const r = parseYaml(YAML_DOC);
    assert.ok(r.ok);
    const v = r.locator.valueSpan(['nested', 'nope', 'deeper']);
    assert.equal(v?.exact, false);
    assert.equal(YAML_DOC.slice(v.span[0], v.span[1]), 'inner: 1\n  deeper:\n    leaf: true');
  });

  void test('CRLF line endings', () => {
    const { value: v, key: k } = locate(parseYaml, 'a: 1\r\nb:\r\n  c: two\r\n');
    assert.equal(v('/b/c'), 'two');
    assert.equal(k('/b/c'), 'c');
  });

  void test('a byte-order mark keeps offsets in the original text', () => {
    const text = '\uFEFFa: 1\nb: x\n';
    const { value: v } = locate(parseYaml, text);
    assert.equal(v('/b'), 'x');
  });

  void test('aliases point at the alias', () => {
    const { value: v } = locate(parseYaml, 'a: &x {n: 1}\nb: *x\n');
    assert.equal(v('/b'), '*x');
  });

  void test('sequence items after an empty item are still found', () => {
    const r = parseYaml('l:\n  -\n  - b\n');
    assert.ok(r.ok);
    assert.deepEqual(r.value, { l: [null, 'b'] });
  });
});

const JSON_DOC = `{
  "name": "Angry caller",
  "nested": { "inner": 1, "deeper": { "leaf": true } },
  "list": ["a", { "key": "v" }, [1, 2]]
}`;

void describe('JSON positions', () => {
  const { value, key } = locate(parseJson, JSON_DOC);

  void test('values and keys', () => {
    assert.equal(value('/name'), '"Angry caller"');
    assert.equal(value('/nested/deeper/leaf'), 'true');
    assert.equal(value('/list/1/key'), '"v"');
    assert.equal(value('/list/2/1'), '2');
    assert.equal(key('/nested/inner'), '"inner"');
    assert.equal(key('/list/1/key'), '"key"');
  });

  void test('the whole document', () => {
    assert.equal(value(''), JSON_DOC);
  });

  void test('a one-pass scan for announced paths agrees with the position tree', () => {
    const text = '{"a": {"b\\"c": [1, {"d": "x\\"}"}], "e": 2}, "a": {"b\\"c": [3, {"d": true}]}, "z": null}';
    const paths = [['a', 'b"c', '1', 'd'], ['a', 'b"c', '0'], ['a', 'nope', 'x'], ['z'], []];
    const tree = parseJson(text);
    const scan = parseJson(text);
    assert.ok(tree.ok && scan.ok);
    scan.locator.prepare?.(paths);
    for (const p of paths) {
      assert.deepEqual(scan.locator.valueSpan(p), tree.locator.valueSpan(p), p.join('/'));
      assert.deepEqual(scan.locator.keySpan(p), tree.locator.keySpan(p), p.join('/'));
    }
    const d = scan.locator.valueSpan(['a', 'b"c', '1', 'd']);
    assert.equal(d && text.slice(d.span[0], d.span[1]), 'true');
  });
});
