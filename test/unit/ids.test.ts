/** Ids: one canonical form to compare by, and the schema's check of an id Bluejay hands back. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { idKey, isValidId, sameId, shownValue } from '../../src/core/ids';
import type { Kind } from '../../src/core/kinds';
import { validateText } from '../../src/core/validate';

const U = '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d';

void describe('ids', () => {
  void test('idKey and sameId: a UUID in any case, with or without urn:uuid:, is one id; numbers by value', () => {
    assert.equal(idKey(U.toUpperCase()), U);
    assert.equal(idKey(`urn:uuid:${U.toUpperCase()}`), U);
    assert.equal(idKey(318), '318');
    assert.ok(sameId(U.toUpperCase(), U));
    assert.ok(sameId(318, 318));
    assert.ok(!sameId(318, '318'));
    assert.ok(!sameId(U, U.replace('7b', '7c')));
    assert.ok(!sameId(null, null));
    assert.ok(!sameId(undefined, U));
  });

  void test('isValidId agrees with the schema on every value tried', () => {
    const values: unknown[] = [
      U,
      U.toUpperCase(),
      `urn:uuid:${U}`,
      `${U}\n`,
      'abc',
      '',
      42,
      1,
      0,
      -3,
      1.5,
      '318',
      2 ** 53,
      null,
      true,
      'x'.repeat(1 << 20),
    ];
    const fileOf: Record<Kind, (id: unknown) => string> = {
      'customer-persona': (id) =>
        JSON.stringify({ kind: 'customer-persona', id, name: 'n', description: 'd', goal: 'g' }),
      'digital-human': (id) => JSON.stringify({ kind: 'digital-human', id, name: 'n' }),
    };
    for (const kind of ['customer-persona', 'digital-human'] as const) {
      for (const v of values) {
        const schemaSays = !validateText(fileOf[kind](v), 'x.json').problems.some(
          (p) => p.pointer === '/id' && p.severity === 'error',
        );
        // 2^53 is an integer to the schema, but not one Bluejay can hand back exactly: refused here too.
        if (v === 2 ** 53) assert.equal(isValidId(kind, v), false);
        else assert.equal(isValidId(kind, v), schemaSays, `${kind} ${shownValue(v)}`);
      }
    }
  });

  void test('shownValue: JSON, cut when long', () => {
    assert.equal(shownValue('a\nb'), '"a\\nb"');
    assert.equal(shownValue(1.5), '1.5');
    const long = shownValue('x'.repeat(1 << 20));
    assert.ok(long.length < 100, long);
    assert.match(long, /^"x+… \(1048578 characters\)$/);
  });
});
