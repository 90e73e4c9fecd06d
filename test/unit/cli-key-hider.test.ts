/** The API key in the CLI's output (src/cli/io.ts keyHider): every form the outputs escape it in, and its start where a value was cut. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { keyHider } from '../../src/cli/io';

const hider = (key: string): ((t: string) => string) => {
  const hide = keyHider({ BLUEJAY_API_KEY: key });
  assert.ok(hide);
  return hide;
};

void describe('the key in the CLI output', () => {
  void test('as written, and as JSON, XML and GitHub annotations escape it; the JSON stays JSON', () => {
    const key = `k&y"<%:,\\abc123`;
    const hide = hider(key);
    assert.equal(hide(`a ${key} b`), 'a [redacted] b');
    const json = JSON.stringify({ to: `x ${key} y` });
    assert.deepEqual(JSON.parse(hide(json)), { to: 'x [redacted] y' });
    assert.equal(hide('<error message="k&amp;y&quot;&lt;%:,\\abc123"/>'), '<error message="[redacted]"/>');
    assert.equal(hide('::error title=k&y"<%25%3A%2C\\abc123::m'), '::error title=[redacted]::m');
    assert.equal(hide('::error ::k&y"<%25:,\\abc123'), '::error ::[redacted]');
  });

  void test('a key with a backslash: the escaped form goes whole (found in review: the raw key left half an escape)', () => {
    const key = 'abcdefgh\\';
    assert.deepEqual(JSON.parse(hider(key)(JSON.stringify({ to: `x ${key} y` }))), { to: 'x [redacted] y' });
  });

  void test('its start where a value was cut inside it, from 4 characters on (found in review: plan cuts values at 57)', () => {
    const hide = hider('test-key-0123456789');
    assert.equal(hide('"tell it: test-key-01234...'), '"tell it: [redacted]...');
    assert.equal(hide('a tes... b test... c'), 'a tes... b [redacted]... c');
    assert.equal(hide('nothing cut here: test-k'), 'nothing cut here: test-k');
  });

  void test('a key shorter than 8 characters cannot be told from text: nothing is replaced', () => {
    assert.equal(keyHider({ BLUEJAY_API_KEY: 'short' }), undefined);
    assert.equal(keyHider({}), undefined);
  });
});
