/** Bad input gets a clear problem at the right place, never a crash or a hang. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateBytes, validateText } from '../../src/core/validate';
import { codes, only, textOf } from './support/text';

const DH = 'x.digital-human.yaml';
const DHJ = 'x.digital-human.json';

void describe('YAML that cannot be read', () => {
  void test('a syntax error points at the spot', () => {
    const text = 'kind: digital-human\nname: x\n  voice_speed: fast\n';
    const p = only(validateText(text, DH).problems, 'yaml-syntax');
    assert.equal(p.severity, 'error');
    assert.equal(p.range.start.line, 2);
    assert.match(p.message, /^YAML syntax error: bad indentation/);
  });

  void test('tabs in indentation', () => {
    const p = only(
      validateText('kind: digital-human\nspeaks_first_config:\n\tspeaks_first: true\n', DH).problems,
      'yaml-syntax',
    );
    assert.equal(p.message, 'Tab characters are not allowed in YAML indentation; indent with spaces.');
    assert.deepEqual(p.range.start, { line: 2, character: 0 });
  });

  void test('more than one document', () => {
    const text = 'kind: digital-human\nid: 1\n---\nname: x\n';
    const p = only(validateText(text, DH).problems, 'multiple-documents');
    assert.equal(textOf(text, p.range), '---');
  });

  void test('duplicate keys: reported on the second key, and the rest is still validated', () => {
    const text =
      'kind: digital-human\nid: 1\nvoice_speed: fast\nspeaks_first_config:\n  speaks_first: true\n  speaks_first: false\nvoice_speed: fastt\n';
    const ps = validateText(text, DH).problems;
    const dups = ps.filter((p) => p.code === 'duplicate-key');
    assert.deepEqual(
      dups.map((p) => [p.pointer, p.range.start.line]),
      [
        ['/speaks_first_config/speaks_first', 5],
        ['/voice_speed', 6],
      ],
    );
    assert.equal(textOf(text, dups[1]!.range), 'voice_speed');
    assert.ok(codes(ps).includes('invalid-enum'));
  });

  void test('an alias bomb is refused quickly', { timeout: 5000 }, () => {
    let text = 'kind: digital-human\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (const n of 'bcdefghi') {
      text += `${n}: &${n} [${Array(9)
        .fill('*' + prev)
        .join(',')}]\n`;
      prev = n;
    }
    const ps = validateText(text, DH).problems;
    assert.deepEqual(codes(ps), ['alias-limit']);
    assert.match(ps[0]!.message, /alias bomb/);
  });

  void test('modest aliases are fine', () => {
    const text =
      'kind: digital-human\nid: 1\nhangup_phrases: &bye [bye, goodbye]\nscripted_responses:\n  - &r {match_type: exact, match_phrase: hi, response_type: silence, occurrence_mode: always}\n  - *r\n';
    assert.deepEqual(codes(validateText(text, DH).problems), []);
  });

  void test('merge keys (<<) merge, as most YAML tools do', () => {
    const text =
      'kind: digital-human\nid: 5\nscripted_responses:\n  - &r\n    match_type: exact\n    match_phrase: a\n    response_type: silence\n    occurrence_mode: always\n  - <<: *r\n    match_type: exactly\n';
    const p = only(validateText(text, DH).problems, 'invalid-enum');
    assert.equal(p.pointer, '/scripted_responses/1/match_type');
    assert.equal(textOf(text, p.range), 'exactly');
    assert.equal(validateText(text, DH).problems.length, 1);
  });

  void test('absurd nesting gives a problem, not a stack overflow', () => {
    assert.deepEqual(codes(validateText('a: ' + '['.repeat(100_000) + ']'.repeat(100_000), DH).problems), ['too-deep']);
    const json = validateText(
      '{"kind":"digital-human","id":1,"livekit_metadata":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}',
      DHJ,
    );
    assert.deepEqual(codes(json.problems), ['invalid-type', 'too-deep']);
    // A string at the bottom: every walk of the value (the secret scan too) stops at what can be sent.
    const deepString = validateText(
      '{"kind":"digital-human","id":1,"livekit_metadata":' +
        '['.repeat(100_000) +
        '"sk-proj-4fGh7Jk2Lm9Np3Qr6St8Uv1Wx5Yz0AbCdEf"' +
        ']'.repeat(100_000) +
        '}',
      DHJ,
    );
    assert.deepEqual(codes(deepString.problems), ['invalid-type', 'too-deep']);
  });
});

void describe('JSON that cannot be read', () => {
  void test('syntax errors, each once, at the spot', () => {
    const text = '{"kind": "digital-human",\n "name": "x",\n}';
    const p = only(validateText(text, DHJ).problems, 'json-syntax');
    assert.deepEqual(p.range.start, { line: 2, character: 0 });
    assert.match(p.message, /^JSON syntax error: /);
  });

  void test('comments are not JSON', () => {
    const p = only(validateText('// hi\n{"kind": "digital-human"}', DHJ).problems, 'json-syntax');
    assert.match(p.message, /comments are not allowed/);
  });

  void test('duplicate keys are found even though JSON.parse keeps quiet', () => {
    const text =
      '{"kind": "digital-human", "id": 1,\n "traits": [{"trait_name": "a", "trait_name": "b", "trait_data_type": "STRING", "value": "v"}]}';
    const p = only(validateText(text, DHJ).problems, 'duplicate-key');
    assert.equal(p.pointer, '/traits/0/trait_name');
    assert.equal(textOf(text, p.range), '"trait_name"');
    assert.equal(p.range.start.character, 32);
  });

  void test('colons inside strings do not look like duplicate keys', () => {
    const text = '{"kind": "digital-human", "id": 1, "name": "a: b \\" c: d"}';
    assert.deepEqual(codes(validateText(text, DHJ).problems), []);
  });
});

void describe('files that are not a definition', () => {
  for (const [name, text, code] of [
    ['empty', '', 'empty-file'],
    ['blank', '  \n\n', 'empty-file'],
    ['comments only', '# nothing here\n', 'empty-file'],
    ['null', 'null\n', 'empty-file'],
    ['a scalar', 'hello\n', 'not-a-mapping'],
    ['a list', '- a\n- b\n', 'not-a-mapping'],
  ] as const) {
    void test(`${name}: ${code}`, () => {
      const ps = validateText(text, DH).problems;
      assert.deepEqual(codes(ps), [code]);
      assert.equal(ps[0]!.severity, 'error');
    });
  }

  void test('a JSON array or string at the top level', () => {
    assert.deepEqual(codes(validateText('[1]', DHJ).problems), ['not-a-mapping']);
    assert.deepEqual(codes(validateText('"x"', DHJ).problems), ['not-a-mapping']);
  });
});

void describe('encodings and line endings', () => {
  void test('CRLF files validate with exact positions', () => {
    const text = 'kind: digital-human\r\nid: 1\r\nvoice_speed: fastt\r\n';
    const p = only(validateText(text, DH).problems, 'invalid-enum');
    assert.deepEqual(p.range, { start: { line: 2, character: 13 }, end: { line: 2, character: 18 } });
  });

  void test('a UTF-8 byte-order mark is dropped with a note; positions match the editor', () => {
    const r = validateBytes(Buffer.from('\uFEFFkind: digital-human\nid: 1\nvoice_speed: fastt\n'), DH);
    assert.deepEqual(codes(r.problems), ['byte-order-mark', 'invalid-enum']);
    assert.equal(r.problems[0]!.severity, 'information');
    assert.deepEqual(r.problems[1]!.range.start, { line: 2, character: 13 });
  });

  void test('binary, UTF-16 and non-UTF-8 files', () => {
    assert.deepEqual(codes(validateBytes(Uint8Array.from([0x6b, 0, 1]), DH).problems), ['binary-file']);
    assert.deepEqual(codes(validateBytes(Buffer.from('\uFEFFkind: x', 'utf16le'), DH).problems), ['encoding']);
    assert.deepEqual(codes(validateBytes(Uint8Array.from([0x6e, 0x3a, 0x20, 0xe9]), DH).problems), ['encoding']);
  });

  void test('UTF-16 without a byte-order mark is an encoding problem, even when it starts with non-ASCII text', () => {
    for (const text of [
      '# Привет, мир: настройки\nkind: digital-human\n',
      '# 日本語のコメントです。\nkind: digital-human\n',
      'kind: digital-human\n',
    ]) {
      for (const bytes of [Buffer.from(text, 'utf16le'), Buffer.from(text, 'utf16le').swap16()]) {
        const ps = validateBytes(bytes, DH).problems;
        assert.deepEqual(codes(ps), ['encoding'], text);
        assert.match(ps[0]!.message, /UTF-16/);
      }
    }
    // Binary stays binary: NUL pairs and control characters are not text in any encoding.
    assert.deepEqual(
      codes(
        validateBytes(
          Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
          DH,
        ).problems,
      ),
      ['binary-file'],
    );
  });

  void test('characters outside the BMP count as two UTF-16 units', () => {
    const text = 'kind: digital-human\nid: 1\nname: "😀"\nvoice_speed: fastt # 😀\n';
    const p = only(validateText(text, DH).problems, 'invalid-enum');
    assert.deepEqual(p.range.start, { line: 3, character: 13 });
    const json = '{"kind":"digital-human","id":1,"name":"😀","voice_speed":"fastt"}';
    assert.equal(textOf(json, only(validateText(json, DHJ).problems, 'invalid-enum').range), '"fastt"');
  });
});

void describe('ids that numbers cannot hold exactly', () => {
  void test('a digital human id above 2^53 - 1 is refused (it would be sent rounded, as another id), with no quick fix', () => {
    for (const [text, name] of [
      ['kind: digital-human\nid: 9007199254740993\nname: x\n', DH],
      ['{"kind": "digital-human", "id": 9007199254740993, "name": "x"}', DHJ],
      ['kind: digital-human\nid: 1e300\nname: x\n', DH],
    ] as const) {
      const p = only(validateText(text, name).problems, 'out-of-range');
      assert.equal(p.pointer, '/id');
      assert.match(
        p.message,
        /^id must be at most 9007199254740991 \(2\^53 - 1\): larger numbers cannot be read exactly/,
      );
      assert.equal(p.fix, undefined);
    }
    assert.deepEqual(codes(validateText('kind: digital-human\nid: 9007199254740991\nname: x\n', DH).problems), []);
  });

  void test('simulation_ids and a persona agent_id: safe integers', () => {
    const dh = validateText(
      'kind: digital-human\nid: 1\nsimulation_ids: [57, 9007199254740993, 9007199254740992, -9007199254740993]\n',
      DH,
    ).problems;
    assert.deepEqual(
      dh.map((p) => [p.code, p.pointer]),
      [
        ['out-of-range', '/simulation_ids/1'],
        ['out-of-range', '/simulation_ids/2'],
        ['out-of-range', '/simulation_ids/3'],
      ],
    );
    assert.ok(dh.every((p) => p.fix === undefined));
    assert.match(dh[0]!.message, /^simulation_ids\[1\] must be at most 9007199254740991/);
    assert.match(dh[2]!.message, /^simulation_ids\[3\] must be at least -9007199254740991/);
    const persona = validateText(
      'kind: customer-persona\nname: a\ndescription: b\ngoal: c\nagent_id: 12345678901234567\n',
      'x.persona.yaml',
    ).problems;
    assert.deepEqual(
      persona.map((p) => [p.code, p.pointer]),
      [['out-of-range', '/agent_id']],
    );
  });
});

void describe('many problems', () => {
  void test('160,000 problems in one file are all reported (no stack overflow)', () => {
    const text = `{"kind":"digital-human","id":1,"simulation_ids":[${Array<string>(80_000).fill('"a"').join(',')}]}`;
    const ps = validateText(text, DHJ).problems;
    assert.equal(ps.length, 159_999);
    assert.deepEqual([...new Set(codes(ps))].sort(), ['duplicate-simulation-id', 'invalid-type']);
  });
});
