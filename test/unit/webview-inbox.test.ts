/** The form page and the init the host sends before the page has loaded (src/webview/inbox.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Inbox } from '../../src/webview/inbox';

void test('the init that came with the page builds the form; what follows updates it', () => {
  const inbox = new Inbox();
  assert.deepEqual(
    (['init', 'patch', 'state', 'patch'] as const).map((t) => inbox.take(t)),
    ['build', 'update', 'update', 'update'],
  );
});

void test('a page whose init was lost on the way asks again once, and is built when it comes', () => {
  const inbox = new Inbox();
  assert.deepEqual(
    (['patch', 'patch', 'state', 'init', 'patch'] as const).map((t) => inbox.take(t)),
    ['ask', 'wait', 'wait', 'build', 'update'],
  );
});

void test('a second init (the page asked again, or was loaded again) builds the form again', () => {
  const inbox = new Inbox();
  assert.deepEqual(
    (['init', 'init', 'patch'] as const).map((t) => inbox.take(t)),
    ['build', 'build', 'update'],
  );
});
