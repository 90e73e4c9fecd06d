/** The duplicate-key pre-check of JSON validation: colons outside strings, counted by jumps (parse/json.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countKeysInText } from '../../src/core/parse/json';

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
  ];
  for (const c of cases) {
    JSON.parse(c); // each is valid JSON
    assert.equal(countKeysInText(c), reference(c), c.slice(0, 80));
  }
  assert.equal(countKeysInText('{"a":1,"a":2}'), 2);
});
