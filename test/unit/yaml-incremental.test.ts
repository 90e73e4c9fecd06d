/** Reading one list item again (yamlIncremental.ts) must give what reading the whole text gives. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseText } from '../../src/core/parse/memo';
import type { ParseOutcome } from '../../src/core/parse/types';
import { parseYaml } from '../../src/core/parse/yaml';
import { reparseYaml } from '../../src/core/parse/yamlIncremental';

const DOC = `# A digital human with the constructs an item can hold
kind: digital-human
name: Caller
scripted_responses:
  # Batch 1
  - match_type: exact
    match_phrase: hi there   # a note
    response: "a quoted
      line that goes on"
  - match_type: context
    response: >-
      folded text
      over two lines
  -
    match_type: exact
    response: |
      literal
        indented more
  - {match_type: exact, response: flow}
  - [1, 2, 3]
  - - nested a
    - nested b
  - plain
  # Batch 2
  - match_type: exact
    tags:
      - one
      - two
      - three
    response: 'single quoted'
traits:
- trait_name: plan
  trait_value: gold
- trait_name: tier
  trait_value: "2"
- trait_name: since
  trait_value: 2024-03-02
formatted_transcript:
  - role: AGENT
    utterance: Can I have your account number?
  - role: USER
    utterance: It is ACC-431162.
  - role: AGENT
    utterance: Thank you.
voice_speed: fast
`;

const TOKENS = [
  'x',
  'é',
  ' ',
  '\n',
  '- ',
  ': ',
  '#',
  '"',
  "'",
  '|',
  '>',
  '|2',
  '>1-',
  '|+',
  '>+',
  '{\n',
  '\r...',
  '\n      -',
  '&a ',
  '*a',
  '[',
  '{',
  '\n  - ',
  '\n    k: v',
  '\n---',
  '\n...',
  '\t',
  '<<: ',
  '\r\n',
  'match_type: exact',
  '\n  match_type: dup',
];

/** A seeded generator, so a failure repeats. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function paths(value: unknown, at: string[] = [], out: string[][] = []): string[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, String(i)], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** Everything a user of a parse can read from it. */
function reading(outcome: ParseOutcome, extra: readonly string[][] = []): unknown {
  if (!outcome.ok) return { ok: false, issues: outcome.issues };
  const all = [...paths(outcome.value), ...extra];
  return {
    ok: true,
    value: outcome.value,
    issues: outcome.issues,
    root: outcome.locator.rootSpan(),
    spans: all.map((p) => [p.join('/'), outcome.locator.valueSpan(p), outcome.locator.keySpan(p)]),
  };
}

function edit(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  const kind = r();
  if (kind < 0.35) return text.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)] + text.slice(at);
  if (kind < 0.5) return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 6));
  // Most keystrokes are letters typed inside a value.
  return text.slice(0, at) + 'abc'.slice(0, 1 + Math.floor(r() * 3)) + text.slice(at);
}

void describe('incremental YAML parse', () => {
  void test('2,000 random edits read the same as a full parse', () => {
    const r = rng(14);
    const missing = [
      ['scripted_responses', '99'],
      ['nope', 'x'],
      ['formatted_transcript', '1', 'utterance', 'deeper'],
    ];
    let text = DOC;
    let outcome = parseYaml(text);
    let incremental = 0;
    for (let i = 0; i < 2000; i++) {
      if (i % 10 === 0) {
        text = DOC;
        outcome = parseYaml(text);
      }
      const before = { text, outcome, reading: reading(outcome, missing) };
      text = edit(text, r);
      const fast = reparseYaml(before.text, before.outcome, text);
      const full = parseYaml(text);
      if (fast) {
        incremental++;
        assert.deepStrictEqual(reading(fast, missing), reading(full, missing), `edit ${i}: ${JSON.stringify(text)}`);
        // The earlier parse gave its frames away and still answers for its own text.
        assert.deepStrictEqual(reading(before.outcome, missing), before.reading, `edit ${i}, the earlier parse`);
      }
      outcome = fast ?? full;
    }
    assert.ok(incremental > 200, `only ${incremental} edits were read incrementally`);
  });

  void test('a letter typed in an item or a value reads that entry only, and the same', () => {
    let incremental = 0;
    for (let at = 0; at <= DOC.length; at++) {
      const text = DOC.slice(0, at) + 'a' + DOC.slice(at);
      const fast = reparseYaml(DOC, parseYaml(DOC), text);
      if (!fast) continue;
      incremental++;
      assert.deepStrictEqual(reading(fast), reading(parseYaml(text)), `at ${at}`);
    }
    // Of the 731 offsets where a letter still reads, 605 lie after the dash of an item or the colon of a
    // key, and before the next item or key (at the top, the last key's value runs to the end).
    assert.equal(incremental, 605);
  });

  void test('a change that crosses entries, touches a dash or a key, or adds an entry is read in full', () => {
    const before = parseYaml(DOC);
    // [what, what it becomes]
    const cases: [string, string][] = [
      ['  - role: USER', '  -role: USER'],
      ['Thank you.', 'Thank you.\n  - role: USER'],
      ['  - role: USER\n', '   - role: USER\n'],
      ['number?\n  - role', 'number? - role'],
      ['It is ACC-431162.', '*a'],
      ['It is ACC-431162.', 'It is ACC\n---\nx: 1'],
      ['name: Caller', 'names: Caller'],
      ['name: Caller', 'name:: Caller'],
      ['name: Caller', 'name: Caller\nname: Again'],
      ['name: Caller', 'name: Caller\nextra: 1'],
      ['name: Caller\n', 'name: Caller\n '],
      ['voice_speed: fast', 'voice_speed: fast\n...\n'],
    ];
    for (const [from, to] of cases) {
      const text = DOC.replace(from, to);
      assert.equal(reparseYaml(DOC, before, text), undefined, JSON.stringify(text));
      assert.deepStrictEqual(reading(parseText(text, 'yaml')), reading(parseYaml(text)));
    }
  });

  void test('what reads otherwise in the whole text is read in full', () => {
    // [what, the text before, the text after]
    const cases: [string, string, string][] = [
      // js-yaml reads on after an empty item without minding indentation: the outer item joins the inner list.
      [
        'an empty item typed',
        'items:\n  - name: a\n    tags:\n      - t1\n      \n  - name: b\n',
        'items:\n  - name: a\n    tags:\n      - t1\n      -\n  - name: b\n',
      ],
      ['an empty inner item', '- - a\n  - b\n- x\n', '- - a\n  -\n- x\n'],
      // A flow mapping over several lines: its entries are no block entries.
      ['a flow mapping', '{\n  "a": 1,\n  "b": 2\n}\n', '{\n  "a": 12,\n  "b": 2\n}\n'],
      ['a nested flow mapping', 'x: {\n  a: 1,\n  b: 2\n}\n', 'x: {\n  a: 12,\n  b: 2\n}\n'],
      // Keep chomping would count the next line's indentation as one more line if that were read with it.
      ['keep chomping in a mapping', 'a:\n  x: |+\n    t\n  y: 2\n', 'a:\n  x: |+\n    u\n  y: 2\n'],
      ['keep chomping in a list', 'a:\n  - |+\n    t\n\n  - y\n', 'a:\n  - |+\n    u\n\n  - y\n'],
      // A lone CR is a line break to YAML: `...` after it ends the document.
      ['a document end after a CR', 'a:\n  b: 1\n  c: 2\n', 'a:\n  b: 1\r...\n  c: 2\n'],
      // A directive changes what a tag means in every entry.
      [
        'a flow mapping after a comment ended by a lone CR',
        'a: # c\r  !!map {\n  x: 1,\n  y: 2\n  }\nb: 3\n',
        'a: # c\r  !!map {\n  x: 12,\n  y: 2\n  }\nb: 3\n',
      ],
      [
        'a %TAG directive after a tab',
        '\t%TAG !! tag:example.com,2000:\n---\na: 1\nb: 2\n',
        '\t%TAG !! tag:example.com,2000:\n---\na: 1\nb: !!str 2\n',
      ],
      [
        'a %TAG directive after a comment ended by a lone CR',
        '# c\r%TAG !! tag:example.com,2000:\n---\na: 1\nb: 2\n',
        '# c\r%TAG !! tag:example.com,2000:\n---\na: 1\nb: !!str 2\n',
      ],
      [
        'a %TAG directive',
        '%TAG !! tag:example.com,2000:\n---\na: 1\nb: 2\n',
        '%TAG !! tag:example.com,2000:\n---\na: !!str 1\nb: 2\n',
      ],
    ];
    const wrong = cases.filter(([, before, after]) => {
      const fast = reparseYaml(before, parseYaml(before), after);
      if (!fast) return false;
      try {
        assert.deepStrictEqual(reading(fast), reading(parseYaml(after)));
        return false;
      } catch {
        return true;
      }
    });
    assert.deepEqual(
      wrong.map(([what]) => what),
      [],
    );
  });

  void test('a file with an anchor is read in full: an alias elsewhere may stand for the changed value', () => {
    const text = 'a: &x 1\nb: *x\nc: 3\n';
    const next = 'a: &x 2\nb: *x\nc: 3\n';
    assert.equal(reparseYaml(text, parseYaml(text), next), undefined);
    parseText(text, 'yaml');
    assert.deepStrictEqual((parseText(next, 'yaml') as { value: unknown }).value, { a: 2, b: 2, c: 3 });
    // An anchor typed into a plain file: that parse, and the next, read the whole text.
    const plain = 'a: 1\nb: 2\nc: 3\n';
    assert.equal(reparseYaml(plain, parseYaml(plain), 'a: &x 1\nb: 2\nc: 3\n'), undefined);
  });

  void test('typing in a value of a 150 KB list reads one item, and the earlier value is left as it was', () => {
    const items = Array.from({ length: 2000 }, (_, i) => `  - role: USER\n    utterance: line ${i} of the call\n`);
    const big = `kind: digital-human\nformatted_transcript:\n${items.join('')}voice_speed: fast\n`;
    const before = parseYaml(big);
    assert.ok(before.ok);
    const earlier = structuredClone(before.value);
    const at = big.indexOf('line 1000 ') + 4;
    const text = big.slice(0, at) + '!' + big.slice(at);
    const fast = reparseYaml(big, before, text);
    assert.ok(fast?.ok);
    assert.deepStrictEqual(fast.value, parseYaml(text).ok && (parseYaml(text) as { value: unknown }).value);
    assert.deepStrictEqual(before.value, earlier);
    assert.deepStrictEqual(fast.locator.valueSpan(['voice_speed']), {
      span: [text.length - 5, text.length - 1],
      exact: true,
    });
  });
});
