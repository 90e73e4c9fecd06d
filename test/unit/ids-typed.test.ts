/** Integer ids typed in (bluejay pull, the editor's pull and agent inputs) are safe integers, never rounded. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseIntegerId } from '../../src/core/ids';
import { cli } from './support/cli';

void describe('typed integer ids', () => {
  void test('parseIntegerId: 1 to 2^53 - 1, digits only; larger ones are refused, not rounded', () => {
    assert.equal(parseIntegerId('318'), 318);
    assert.equal(parseIntegerId(' 9007199254740991 '), 9007199254740991);
    for (const bad of [
      '0',
      '-1',
      '1.5',
      '1e3',
      '0x10',
      'abc',
      '',
      '9007199254740992',
      '9007199254740993',
      '9999999999999999',
      '12345678901234567',
    ]) {
      assert.equal(parseIntegerId(bad), undefined, bad);
    }
  });

  void test('bluejay pull digital-human refuses an id above 2^53 - 1 (exit 2) instead of pulling a rounded one', async () => {
    for (const id of ['9007199254740993', '9999999999999999']) {
      const r = await cli({ BLUEJAY_API_KEY: 'k' }, 'pull', 'digital-human', id);
      assert.equal(r.code, 2, id);
      assert.match(r.err, /^bluejay: a digital human's id is an integer from 1 to 9007199254740991 \(got '\d+'\)\n/);
      assert.equal(r.out, '');
    }
  });
});
