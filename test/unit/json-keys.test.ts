/** The duplicate-key pre-check of JSON validation: colons outside strings, counted by jumps (parse/json.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countKeysExactly, countKeysInText, parseJson } from '../../src/core/parse/json';

/** The plain count, char by char, as a reference. */
function reference(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 58) n++;
    else if (c === 34) {
      for (i++; i < t.length; i++) {
        const d = t.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    }
  }
  return n;
}

void test('colons outside strings are counted exactly, whatever the strings hold', () => {
  const cases = [
    '{}',
    '{"a":1}',
    '{"a:b":"c:d","e":{"f":[1,2,":"]}}',
    '{"a\\"b:":1,"c\\\\":2,"d\\\\\\":x":3}',
    '{"k":"\\\\"}',
    '["a","b","c",' + '"x",'.repeat(2000) + '{"z":1}]',
    '{"url":"https://example.com:8080/a?b=c:d","t":"12:30"}',
    '{"é:ü":"😀:","\\u0022:":0}',
    '{ "a" : 1 , "b" :\n{ "c" : [ ] } }',
    // A colon right after the quote that opens a string, and keys ending in what precedes such a quote.
    '{"a":":","b":[":", " :x"],"c":{":":1}}',
    '{"a:":1,"b,":2,"c[":3,"d{":4,"e ":5,"":6,"f\\\\":7,"g\\"":8}',
    '{"a":"\\\\",":":"\\":"}',
    '"only a string: no keys"',
  ];
  for (const c of cases) {
    JSON.parse(c); // each is valid JSON
    assert.equal(countKeysInText(c), reference(c), c.slice(0, 80));
    assert.equal(countKeysExactly(c), reference(c), c.slice(0, 80));
  }
  assert.equal(countKeysInText('{"a":1,"a":2}'), 2);
});

/** Deterministic JSON texts with strings full of colons, quotes, backslashes and spaces, keys too. */
function generated(seed: number): string {
  let s = seed;
  const next = (n: number): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const PIECES = [':', '"', '\\', ' ', ',', '[', '{', 'a', '12:30', 'é', '\t'];
  const str = (): string => {
    let out = '';
    for (let i = next(6); i > 0; i--) out += PIECES[next(PIECES.length)];
    return out;
  };
  const value = (d: number): unknown => {
    const pick = next(d > 4 ? 3 : 5);
    if (pick === 0) return str();
    if (pick === 1) return next(100);
    if (pick === 2) return null;
    if (pick === 3) return Array.from({ length: next(4) }, () => value(d + 1));
    const o: Record<string, unknown> = {};
    for (let i = next(4); i > 0; i--) o[str()] = value(d + 1);
    return o;
  };
  const v = value(0);
  return next(2) ? JSON.stringify(v) : JSON.stringify(v, null, next(2) ? 2 : '\t').replace(/": /g, '" : ');
}

void test('the count by colons equals the exact one on generated JSON, and duplicates are still found', () => {
  for (let seed = 1; seed <= 2000; seed++) {
    const text = generated(seed);
    assert.equal(countKeysInText(text), reference(text), text);
  }
  for (const text of ['{"a:":1,"a:":2}', '{"x":{":":1,":":2}}', '{"k":"v: w","k":3}', '[{"a" :1, "a": 2}]']) {
    const parsed = parseJson(text);
    assert.ok(parsed.ok);
    assert.deepEqual(
      parsed.issues.map((i) => i.code),
      ['duplicate-key'],
      text,
    );
  }
});
