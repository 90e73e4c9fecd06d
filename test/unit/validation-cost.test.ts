/**
 * What thousands of problems cost beyond reading the text: measured in bytes allocated (V8's
 * sampling heap profiler, counting what was collected too), not in time, so a busy machine does not
 * change the answer. js-yaml's own load of the same text is the yardstick.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from 'node:inspector';
import { load, CORE_SCHEMA, types } from 'js-yaml';
import { validateText } from '../../src/core/validate';
import { stringsWhere } from '../../src/core/rules/secrets';
import { shapeFindings } from '../../src/core/parse/shape';
import * as generated from '../../src/core/generated/validators';
import { TEXTS } from './helpers/converted';
import { makeDocuments } from '../../bench/documents';

interface SamplingNode {
  readonly id: number;
  readonly children: readonly SamplingNode[];
}
interface SamplingProfile {
  readonly head: SamplingNode;
  readonly samples: readonly { readonly size: number }[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as T))),
  );
}

/** Bytes `fn` allocates per call on average, over `runs` calls after `runs` to warm up. */
async function allocated(session: Session, fn: (i: number) => unknown, runs: number): Promise<number> {
  for (let i = 0; i < runs; i++) fn(i);
  await post(session, 'HeapProfiler.startSampling', {
    samplingInterval: 512,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let i = 0; i < runs; i++) fn(runs + i);
  const { profile } = await post<{ profile: SamplingProfile }>(session, 'HeapProfiler.stopSampling');
  return profile.samples.reduce((sum, s) => sum + s.size, 0) / runs;
}

const SCHEMA = CORE_SCHEMA.extend({ implicit: [types.merge] });

void describe('the cost of thousands of problems', () => {
  void test('validating a YAML file with ~3,900 problems allocates at most 2.7 times what reading it does', async () => {
    const session = new Session();
    session.connect();
    try {
      await post(session, 'HeapProfiler.enable');
      // A new text each call (a trailing comment), so the parse memo answers nothing.
      const texts = Array.from({ length: 40 }, (_, i) => `${TEXTS.yaml}# edit ${i}\n`);
      const reading = await allocated(session, (i) => load(texts[i % 20] ?? '', { schema: SCHEMA }), 20);
      const validating = await allocated(
        session,
        (i) => validateText(texts[20 + (i % 20)] ?? '', 'converted.digital-human.yaml'),
        20,
      );
      const ratio = validating / reading;
      assert.ok(
        ratio <= 2.7,
        `validation allocates ${(validating / 1e6).toFixed(1)} MB, ${ratio.toFixed(2)} times js-yaml's ${(reading / 1e6).toFixed(1)} MB`,
      );
    } finally {
      session.disconnect();
    }
  });

  void test('validating a clean 150 KB JSON file allocates at most 1.5 times what JSON.parse does (one walk of the value)', async () => {
    const session = new Session();
    session.connect();
    try {
      await post(session, 'HeapProfiler.enable');
      const [doc] = makeDocuments('150 KB', 150_000, 'json', 20_240_315);
      // A new text each call (trailing white space), so the parse memo answers nothing.
      const texts = Array.from({ length: 40 }, (_, i) => `${doc.text}${' '.repeat(i % 7)}${'\n'.repeat(1 + (i % 5))}`);
      const reading = await allocated(session, (i) => JSON.parse(texts[i % 20] ?? ''), 20);
      const validating = await allocated(
        session,
        (i) => validateText(texts[20 + (i % 20)] ?? '', 'clean.digital-human.json'),
        20,
      );
      const ratio = validating / reading;
      assert.ok(
        ratio <= 1.5,
        `validation allocates ${(validating / 1e3).toFixed(0)} KB, ${ratio.toFixed(2)} times JSON.parse's ${(reading / 1e3).toFixed(0)} KB`,
      );
    } finally {
      session.disconnect();
    }
  });

  void test('the schema validators keep no errors once a validation is over', () => {
    const { problems } = validateText(TEXTS.yaml, 'converted.digital-human.yaml');
    assert.ok(problems.length > 3000);
    assert.equal((generated.digitalHuman as { errors?: unknown }).errors ?? null, null);
  });
});

void describe('the walks over a whole value', () => {
  void test('strings are found in document order with their paths, a string root included', () => {
    const value = { a: 'x1', b: [{ c: 'x2' }, 7, 'x3', null, ['x4']], d: { e: { f: 'x5' } }, g: 'y' };
    const hits = stringsWhere(value, (text, top) => (text.startsWith('x') ? `${text}@${String(top)}` : undefined));
    assert.deepEqual(hits, [
      ['x1@a', ['a']],
      ['x2@undefined', ['b', 0, 'c']],
      ['x3@undefined', ['b', 2]],
      ['x4@undefined', ['b', 4, 0]],
      ['x5@undefined', ['d', 'e', 'f']],
    ]);
    assert.deepEqual(
      stringsWhere('x0', (text) => text),
      [['x0', []]],
    );
    assert.deepEqual(
      stringsWhere(7, () => 'never'),
      [],
    );
  });

  void test('the string walk stops at 128 levels, as before', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = [deep];
    assert.deepEqual(
      stringsWhere(deep, (text) => text),
      [],
    );
    let shallow: unknown = 'x';
    for (let i = 0; i < 127; i++) shallow = [shallow];
    assert.equal(stringsWhere(shallow, (text) => text).length, 1);
  });

  void test('a value shared by aliases but not containing itself has no shape finding; one that does has', () => {
    const shared = { a: [1, 2, { b: 'c' }] };
    assert.deepEqual(shapeFindings({ x: shared, y: shared, z: [shared, shared] }), []);
    const loop: Record<string, unknown> = { name: 'loop' };
    loop['self'] = { again: loop };
    const found = shapeFindings({ top: loop });
    assert.deepEqual(
      found.map((f) => [f.code, f.path.join('/')]),
      [['cyclic-value', 'top/self/again']],
    );
  });

  void test('nesting of exactly 100 levels is fine and 101 is too deep', () => {
    const nest = (levels: number): unknown => {
      let v: unknown = {};
      for (let i = 1; i < levels; i++) v = { k: v };
      return v;
    };
    assert.deepEqual(shapeFindings(nest(100)), []);
    assert.deepEqual(
      shapeFindings(nest(101)).map((f) => f.code),
      ['too-deep'],
    );
  });
});
