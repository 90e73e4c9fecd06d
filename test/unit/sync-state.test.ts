/** The drift state file: tolerant parsing, stable text, immutable updates. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  baselineFrom,
  baselineOf,
  EMPTY_STATE,
  mergeBaselines,
  parseState,
  serializeState,
  STATE_FILE,
  STATE_LOCK,
  withBaseline,
  type Baseline,
} from '../../src/core/sync/state';

const A: Baseline = {
  kind: 'customer-persona',
  id: 'p-1',
  fields: { name: 'n', goal: 'g' },
  at: '2025-01-02T03:04:05.000Z',
};
const B: Baseline = { kind: 'digital-human', id: 7, fields: { name: 'x' }, at: '2025-01-03T00:00:00.000Z' };
const ORIGIN = 'https://api.getbluejay.ai';

void describe('state file', () => {
  void test('the file is .bluejay/state.json', () => {
    assert.equal(STATE_FILE, '.bluejay/state.json');
    assert.equal(STATE_LOCK, '.bluejay/state.json.lock');
  });

  void test('no file: the empty state, no problem', () => {
    assert.deepEqual(parseState(undefined), { state: { version: 1, baselines: {} } });
  });

  void test('broken, wrong-shaped or other-version files: the empty state and one line saying why', () => {
    for (const [text, why] of [
      ['{', /^\.bluejay\/state\.json is not valid JSON \(.+\); it is ignored and will be rewritten\.$/],
      ['', /is not valid JSON/],
      ['[1]', /^\.bluejay\/state\.json does not hold an object; it is ignored and will be rewritten\.$/],
      [
        '{"version":2,"baselines":{}}',
        /^\.bluejay\/state\.json has version 2, written by a newer Bluejay tool; it is not read and not written: update this tool\.$/,
      ],
      [
        '{"version":"1","baselines":{}}',
        /^\.bluejay\/state\.json has version "1", not 1; it is ignored and will be rewritten\.$/,
      ],
      ['{"baselines":{}}', /has version none, not 1/],
      ['{"version":1,"baselines":[]}', /"baselines" is not an object/],
    ] as const) {
      const r = parseState(text);
      assert.deepEqual(r.state, EMPTY_STATE, text);
      assert.match(r.problem ?? '', why, text);
      assert.ok(!(r.problem ?? '').includes('\n'));
    }
  });

  void test('entries that are not baselines are left out and counted', () => {
    const text = JSON.stringify({
      version: 1,
      baselines: {
        [ORIGIN]: {
          'a.persona.yaml': A,
          'bad.yaml': { kind: 'nope', id: 1, fields: {}, at: 'x' },
          'c.yaml': { kind: 'digital-human', id: true, fields: {}, at: 'x' },
        },
        'http://x': 5,
      },
    });
    const r = parseState(text);
    assert.deepEqual(r.state, { version: 1, baselines: { [ORIGIN]: { 'a.persona.yaml': A } } });
    assert.equal(r.problem, '.bluejay/state.json: 3 entries are not a baseline and ignored.');
  });

  void test('serialized with sorted origins and paths, baselines as kind, id, fields, at; parses back', () => {
    let s = withBaseline(EMPTY_STATE, ORIGIN, 'z/b.digital-human.yaml', B);
    s = withBaseline(s, ORIGIN, 'a.persona.yaml', { at: A.at, fields: A.fields, id: A.id, kind: A.kind });
    s = withBaseline(s, 'http://127.0.0.1:8124', 'a.persona.yaml', A);
    const text = serializeState(s);
    assert.equal(
      text,
      `{
  "version": 1,
  "baselines": {
    "http://127.0.0.1:8124": {
      "a.persona.yaml": {
        "kind": "customer-persona",
        "id": "p-1",
        "fields": {
          "name": "n",
          "goal": "g"
        },
        "at": "2025-01-02T03:04:05.000Z"
      }
    },
    "https://api.getbluejay.ai": {
      "a.persona.yaml": {
        "kind": "customer-persona",
        "id": "p-1",
        "fields": {
          "name": "n",
          "goal": "g"
        },
        "at": "2025-01-02T03:04:05.000Z"
      },
      "z/b.digital-human.yaml": {
        "kind": "digital-human",
        "id": 7,
        "fields": {
          "name": "x"
        },
        "at": "2025-01-03T00:00:00.000Z"
      }
    }
  }
}
`,
    );
    assert.deepEqual(parseState(text), { state: s });
    assert.equal(serializeState(parseState(text).state), text);
  });

  void test('baselineOf and withBaseline: per origin and path, immutable, undefined removes (and an emptied origin goes)', () => {
    const s1 = withBaseline(EMPTY_STATE, ORIGIN, 'a.persona.yaml', A);
    assert.deepEqual(EMPTY_STATE, { version: 1, baselines: {} });
    assert.deepEqual(baselineOf(s1, ORIGIN, 'a.persona.yaml'), A);
    assert.equal(baselineOf(s1, 'http://other', 'a.persona.yaml'), undefined);
    assert.equal(baselineOf(s1, ORIGIN, 'toString'), undefined);
    const s2 = withBaseline(s1, ORIGIN, 'b.yaml', B);
    assert.deepEqual(Object.keys(s1.baselines[ORIGIN] ?? {}), ['a.persona.yaml']);
    const s3 = withBaseline(withBaseline(s2, ORIGIN, 'a.persona.yaml', undefined), ORIGIN, 'b.yaml', undefined);
    assert.deepEqual(s3, EMPTY_STATE);
    assert.deepEqual(baselineOf(s2, ORIGIN, 'b.yaml'), B);
  });

  void test("baselineFrom: the file's API fields, with the values Bluejay answered where its answer carries them", () => {
    const local = {
      name: 'n',
      tag: null,
      num_runs: 2,
      traits: [{ trait_name: 't', trait_data_type: 'STRING', value: 'v' }],
    };
    const answered = {
      id: 7,
      name: 'n',
      tag: 'x',
      created_at: 'c',
      traits: [{ trait_name: 't', trait_data_type: 'STRING', value: 'v', is_sip_header: false }],
    };
    const b = baselineFrom('digital-human', 7, local, answered, '2025-01-01T00:00:00.000Z');
    assert.deepEqual(b, {
      kind: 'digital-human',
      id: 7,
      fields: {
        name: 'n',
        tag: 'x',
        num_runs: 2,
        traits: [{ trait_name: 't', trait_data_type: 'STRING', value: 'v', is_sip_header: false }],
      },
      at: '2025-01-01T00:00:00.000Z',
    });
    assert.deepEqual(baselineFrom('customer-persona', 'p', { name: 'n' }, undefined, 'now').fields, { name: 'n' });
  });

  void test("mergeBaselines: one writer's changes on the state as another left it; its other entries kept", () => {
    const other = withBaseline(withBaseline(EMPTY_STATE, ORIGIN, 'b.yaml', B), 'http://x', 'a.persona.yaml', A);
    const mine = new Map<string, Baseline | undefined>([
      ['a.persona.yaml', A],
      ['b.yaml', undefined],
      ['c.yaml', B],
    ]);
    const merged = mergeBaselines(other, ORIGIN, mine);
    assert.deepEqual(merged, {
      version: 1,
      baselines: { 'http://x': { 'a.persona.yaml': A }, [ORIGIN]: { 'a.persona.yaml': A, 'c.yaml': B } },
    });
    assert.deepEqual(baselineOf(other, ORIGIN, 'b.yaml'), B);
  });
});
