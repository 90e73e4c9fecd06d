/**
 * Validation's one walk of the whole value (rules/wholeValue.ts) finds exactly what the two walks it
 * replaced found: the shape check (parse/shape.ts) and the secret scan (rules/secrets.ts), on
 * documents with secrets nested in lists and mappings, with and without shape problems.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseYaml } from '../../src/core/parse/yaml';
import { parseJson } from '../../src/core/parse/json';
import { shapeFindings } from '../../src/core/parse/shape';
import { secretFindings } from '../../src/core/rules/secrets';
import { wholeValue } from '../../src/core/rules/wholeValue';
import { validateText } from '../../src/core/validate';

type Obj = Record<string, unknown>;

const KEY = 'sk-proj-4fGh7Jk2Lm9Np3Qr6St8Uv1Wx5Yz0AbCdEf';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

/** What the two walks found, as validation used them before they were merged. */
function twoWalks(value: Obj): { unsendable: unknown; secrets: unknown } {
  return { unsendable: shapeFindings(value), secrets: secretFindings(value) };
}

function merged(value: Obj): { unsendable: unknown; secrets: unknown } {
  const w = wholeValue(value, true);
  return { unsendable: w.unsendable, secrets: w.secrets() };
}

function yamlValue(text: string): Obj {
  const parsed = parseYaml(text);
  assert.ok(parsed.ok);
  return parsed.value as Obj;
}

const NESTED = `kind: digital-human
id: ${KEY}
$schema: ${KEY}
name: ${KEY}
scripted_responses:
  - match_phrase: hello there, this is ordinary prose
    response_value: "api_key = 9f8e7d6c5b4a39281706f5e4d3c2b1a0"
  - [plain, "${JWT}", [deeper, "${KEY}"]]
traits:
  - trait_name: x
    value: {id: ${KEY}, kind: ${KEY}, nested: [[[{ token: "Bearer AbCdEf0123456789GhIjKlMnOpQrSt" }]]]}
livekit_metadata: '{"a": 1}'
`;

/** A small deterministic generator of values: mappings and lists, secrets and prose at random places. */
function randomValue(seed: number, depth: number): unknown {
  let s = seed;
  const next = (n: number): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
  const make = (d: number): unknown => {
    const pick = next(d >= depth ? 4 : 7);
    if (pick === 0) return `${['', 'id', 'kind'][next(3)]} ${KEY}`;
    if (pick === 1) return 'a perfectly ordinary sentence about refunds';
    if (pick === 2) return next(1000);
    if (pick === 3) return ['short', null, true][next(3)];
    if (pick === 4) return Array.from({ length: next(5) }, () => make(d + 1));
    const o: Obj = {};
    for (let i = next(5); i > 0; i--) o[['id', 'kind', '$schema', 'name', '0', 'b', 'c'][next(7)]!] = make(d + 1);
    return o;
  };
  const root: Obj = {};
  for (const key of ['kind', 'id', '$schema', 'a', 'b', 'list']) root[key] = make(1);
  return root;
}

void describe('the one walk of the whole value', () => {
  void test('secrets nested in lists and mappings, top-level kind, id and $schema skipped: as the two walks', () => {
    const value = yamlValue(NESTED);
    const found = merged(value);
    assert.deepEqual(found, twoWalks(value));
    assert.deepEqual(
      (found.secrets as { path: string[] }[]).map((f) => f.path.join('/')),
      [
        'name',
        'scripted_responses/0/response_value',
        'scripted_responses/1/1',
        'scripted_responses/1/2/1',
        'traits/0/value/id',
        'traits/0/value/kind',
        'traits/0/value/nested/0/0/0/token',
      ],
    );
  });

  void test('the same on JSON and on many generated values', () => {
    const json = parseJson(JSON.stringify(yamlValue(NESTED)));
    assert.ok(json.ok);
    assert.deepEqual(merged(json.value as Obj), twoWalks(json.value as Obj));
    for (let seed = 1; seed <= 300; seed++) {
      const value = randomValue(seed, 6) as Obj;
      assert.deepEqual(merged(value), twoWalks(value), `seed ${seed}`);
    }
  });

  void test('secrets and shape problems together (a value containing itself, nesting too deep), in lists', () => {
    const cyclic = yamlValue(
      `kind: digital-human\nname: ${KEY}\nscripted_responses:\n  - &loop\n    match_phrase: ${KEY}\n    again: [1, *loop]\n  - ${JWT}\n`,
    );
    const cyclicFound = merged(cyclic);
    assert.deepEqual(cyclicFound, twoWalks(cyclic));
    assert.deepEqual(
      (cyclicFound.unsendable as { code: string }[]).map((f) => f.code),
      ['cyclic-value'],
    );
    assert.ok((cyclicFound.secrets as unknown[]).length > 2);

    let deep: unknown = [KEY];
    for (let i = 0; i < 120; i++) deep = i % 2 ? [deep, KEY] : { k: deep, s: KEY };
    const tooDeep: Obj = { kind: 'digital-human', list: [{ name: KEY }, deep] };
    const deepFound = merged(tooDeep);
    assert.deepEqual(deepFound, twoWalks(tooDeep));
    assert.deepEqual(
      (deepFound.unsendable as { code: string }[]).map((f) => f.code),
      ['too-deep'],
    );

    // Exactly at the limits: 100 levels are fine, 101 are not.
    for (const levels of [99, 100, 101]) {
      let v: Obj = { s: KEY };
      for (let i = 2; i < levels; i++) v = { k: v, s: KEY };
      assert.deepEqual(merged(v), twoWalks(v), `${levels} levels`);
    }
  });

  void test('a value visiting the shape check’s limit of containers (aliases sharing one) is left to the exact walks', () => {
    const leaf: unknown[] = Array.from({ length: 1000 }, () => ({}));
    const wide: Obj = { name: KEY, l: Array.from({ length: 2000 }, () => leaf) };
    assert.deepEqual(merged(wide), twoWalks(wide));
  });

  void test('without the kind no secret is looked for', () => {
    assert.deepEqual(wholeValue(yamlValue(NESTED), false).secrets(), []);
    const problems = validateText(`name: ${KEY}\n`, 'x.yaml').problems.map((p) => p.code);
    assert.deepEqual(problems, ['unknown-kind']);
  });
});
