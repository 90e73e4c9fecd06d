/** End to end: set the key in the password box, push from the palette, and find the key in no log or setting. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startBluejayServer, type BluejayServer } from '../server/index';
import { admin } from '../unit/support/server';
import { openFile, runCommand, screenshot, startWorkbench, type Workbench } from './workbench';

const KEY = 'bj-e2e-7f3a9c1d2b4e';

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    out = statSync(full).isDirectory() ? [...out, ...filesUnder(full)] : [...out, full];
  }
  return out;
}

void describe('pushing from the workbench', { concurrency: false, timeout: 300_000 }, () => {
  let wb: Workbench;
  let server: BluejayServer;

  before(async () => {
    server = await startBluejayServer({ keys: { [KEY]: { org: 'org-1' } } });
    wb = await startWorkbench({ 'bluejay.baseUrl': server.url });
  });

  after(async () => {
    await wb.close();
    await server.close();
  });

  void test('Set API Key takes the key in a password box', async () => {
    const { page } = wb;
    // The extension's commands are in the palette once its host has loaded it: open a definition first.
    await openFile(page, 'billing.digital-human.yaml');
    await page.locator('.statusbar-item', { hasText: 'Digital human #318' }).waitFor({ timeout: 30_000 });
    await runCommand(page, 'Bluejay: Set API Key');
    const input = page.locator('.quick-input-widget input[type="password"]');
    await input.waitFor();
    await input.fill(KEY);
    await screenshot(page, 'e2e-set-api-key');
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
  });

  void test('Push Current File updates the digital human on Bluejay', async () => {
    const { page } = wb;
    await runCommand(page, 'Bluejay: Push Current File');
    await page
      .locator('.statusbar', { hasText: 'billing.digital-human.yaml updated (id 318)' })
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'e2e-pushed');
    const [req] = await admin(server.url).requests();
    assert.deepEqual([req?.method, req?.path, req?.apiKey], ['PUT', '/v1/update-digital-human/318', true]);
  });

  void test("Diff with Remote shows Bluejay's copy beside the file, server-managed fields hidden", async () => {
    const { page } = wb;
    await runCommand(page, 'Bluejay: Diff with Remote');
    const diff = page.locator('.monaco-diff-editor');
    await diff.waitFor({ timeout: 20_000 });
    // Bluejay's copy is the file's text with Bluejay's values in: the file's comments read the same.
    // (This one sits just above the first difference, which the diff editor scrolls to.)
    await diff
      .locator('.editor.original .view-line', { hasText: 'Phone numbers (E.164) and always-on settings' })
      .first()
      .waitFor({ timeout: 20_000 });
    assert.equal(
      await diff.locator('.editor.original .view-line', { hasText: /created_at|websocket_url|org_id/ }).count(),
      0,
    );
    await screenshot(page, 'e2e-diff-with-remote');
    await page.keyboard.press('Control+W');
  });

  void test('the Bluejay Remote view lists the digital humans and marks the one with a local file', async () => {
    const { page } = wb;
    await page.locator('.pane-header', { hasText: 'Bluejay Remote' }).click();
    await page.locator('.monaco-list-row', { hasText: 'Digital humans' }).click();
    await page.keyboard.press('ArrowRight');
    const local = page.locator('.monaco-list-row', { hasText: '#318 · local' });
    await local.waitFor({ timeout: 20_000 });
    assert.ok((await page.locator('.monaco-list-row', { hasText: /#\d+/ }).count()) >= 3);
    await screenshot(page, 'e2e-remote-view');
  });

  void test('the key is in no log, setting or workspace file', () => {
    const places = [
      ...filesUnder(join(wb.root, 'user-data', 'logs')),
      join(wb.root, 'user-data', 'User', 'settings.json'),
      ...filesUnder(wb.workspace),
    ];
    assert.ok(places.length > 5);
    for (const f of places) assert.ok(!readFileSync(f, 'latin1').includes(KEY), `the key is in ${f}`);
  });
});
