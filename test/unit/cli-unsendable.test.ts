/**
 * Files that parse but cannot be sent (a YAML alias inside itself, nesting deeper than a request
 * carries): validate says so, and push, push --dry-run and plan report it without throwing.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { load } from 'js-yaml';
import { planText } from '../../src/core/sync/plan';
import { pushText } from '../../src/core/sync/push';
import { validateText, type ValidationResult } from '../../src/core/validate';
import { cli, ROOT, stateRootDir } from './support/cli';
import { withServer } from './support/server';
import { codes } from './support/text';

const EXAMPLE = readFileSync(join(ROOT, 'examples', 'angry-billing-customer.digital-human.yaml'), 'utf8');

/** The example (id 318, or without its id: a create), with a self-referencing livekit_metadata. */
function cyclicYaml(withId: boolean): string {
  const text = withId ? EXAMPLE : EXAMPLE.replace(/^id: 318\n/m, '');
  return `${text}livekit_metadata: &m {self: *m}\n`;
}

/** The example as JSON with livekit_metadata nested `depth` lists deep. */
function deepJson(withId: boolean, depth: number): string {
  const value = load(EXAMPLE) as Record<string, unknown>;
  if (!withId) delete value['id'];
  const json = JSON.stringify(value);
  return `${json.slice(0, -1)},"livekit_metadata":{"a":${'['.repeat(depth)}0${']'.repeat(depth)}}}`;
}

interface Row {
  path: string;
  action: string;
  problems: { code: string; pointer: string; message: string }[];
}

void describe('values that cannot be sent', () => {
  void test('validate reports a cycle (cyclic-value) and too deep nesting (too-deep) as errors, where they are', () => {
    const cyc = validateText(cyclicYaml(true), 'x.digital-human.yaml');
    assert.deepEqual(
      cyc.problems.map((p) => [p.code, p.pointer, p.severity]),
      [['cyclic-value', '/livekit_metadata/self', 'error']],
    );
    assert.match(cyc.problems[0]!.message, /contains itself/);
    assert.equal(cyc.problems[0]!.range.start.line, EXAMPLE.split('\n').length - 1);
    const deep = validateText(deepJson(true, 5000), 'x.digital-human.json');
    assert.deepEqual(codes(deep.problems), ['too-deep']);
    assert.match(deep.problems[0]!.message, /100 levels/);
    assert.ok(deep.problems[0]!.pointer.startsWith('/livekit_metadata/a/0/0/'));
  });

  void test('nesting up to the limit is fine', () => {
    assert.deepEqual(codes(validateText(deepJson(true, 90), 'x.digital-human.json').problems), []);
    assert.deepEqual(codes(validateText(deepJson(true, 120), 'x.digital-human.json').problems), ['too-deep']);
  });

  void test('shared (not cyclic) aliases are not cycles', () => {
    const text = `${EXAMPLE}livekit_metadata: {a: &s {x: 1}, b: *s, c: [*s, *s]}\n`;
    assert.deepEqual(codes(validateText(text, 'x.digital-human.yaml').problems), []);
  });

  void test('pushText and planText never throw: an unexpected failure is an internal-error problem on the file', async () => {
    const throwing = { send: () => Promise.reject(new Error('unreachable')) };
    // A value whose reading throws stands for any failure the validation did not foresee.
    const validated = (value: Record<string, unknown>): ValidationResult => ({
      kind: 'digital-human',
      format: 'yaml',
      problems: [],
      value: Object.defineProperty(value, 'name', {
        enumerable: true,
        get: () => {
          throw new RangeError('Maximum call stack size exceeded');
        },
      }),
    });
    const pushed = await pushText('kind: digital-human\n', 'x.digital-human.yaml', throwing, {
      validated: validated({ kind: 'digital-human', id: 318 }),
    });
    assert.equal(pushed.action, 'failed');
    assert.deepEqual(codes(pushed.problems), ['internal-error']);
    assert.match(pushed.problems[0]!.message, /^The push could not be completed: Maximum call stack size exceeded$/);
    const planned = await planText('kind: digital-human\n', 'x.digital-human.yaml', throwing, {
      validated: validated({ kind: 'digital-human' }),
    });
    assert.equal(planned.action, 'invalid');
    assert.deepEqual(codes(planned.problems), ['internal-error']);
  });

  const cases: [string, string, string, (withId: boolean) => string][] = [
    ['a YAML alias inside itself', 'cyc.digital-human.yaml', 'cyclic-value', cyclicYaml],
    ['JSON nested 5,000 deep', 'deep.digital-human.json', 'too-deep', (withId) => deepJson(withId, 5000)],
  ];
  for (const [name, fileName, code, make] of cases) {
    void test(`${name}: validate exit 1, push --dry-run and plan fail the file (exit 1) and send nothing`, () =>
      withServer(async (s) => {
        const dir = stateRootDir('unsendable');
        const updated = join(dir, fileName);
        writeFileSync(updated, make(true));
        const created = join(dir, `new-${fileName}`);
        writeFileSync(created, make(false));
        const env = { BLUEJAY_API_KEY: 'test-key' };

        const v = await cli(env, 'validate', '--format', 'json', updated, created);
        assert.equal(v.code, 1, v.err);
        const files = (JSON.parse(v.out) as { files: Row[] }).files;
        assert.deepEqual(
          files.map((f) => f.problems.map((p) => p.code)),
          [[code], [code]],
        );

        for (const args of [['push', '--dry-run'], ['push'], ['plan']]) {
          const r = await cli(env, ...args, '--format', 'json', '--base-url', s.url, updated, created);
          assert.equal(r.code, 1, `${args.join(' ')}: ${r.err}`);
          assert.equal(r.err, '', args.join(' '));
          const rows = JSON.parse(r.out) as { results?: Row[]; plans?: Row[] };
          const list = rows.results ?? rows.plans ?? [];
          assert.deepEqual(
            list.map((x) => x.action),
            args[0] === 'plan' ? ['invalid', 'invalid'] : ['failed', 'failed'],
          );
          for (const x of list)
            assert.ok(
              x.problems.some((p) => p.code === code),
              JSON.stringify(x.problems),
            );
          const text = await cli(env, ...args, '--base-url', s.url, updated, created);
          assert.equal(text.code, 1, text.err);
          assert.doesNotMatch(text.err, /internal error|stack/i);
        }
        assert.deepEqual(await s.requests(), []);
      }));
  }
});
