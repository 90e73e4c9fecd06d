/**
 * End to end: `npm start`'s promise. On the demo's own set-up (demoSetup.ts: the examples/ copy, the
 * sample data, the demo clock), a user who follows the printed text (set the key, run "Billing
 * regressions" from the Testing view) sees one conversation pass and one fail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startDemo, type Demo } from '../host/demoSetup';
import {
  expandTestItem,
  openWorkbench,
  runFromTestingView,
  screenshot,
  setApiKey,
  testRows,
  testRunEnded,
} from './workbench';

void describe('the demo (npm start)', { concurrency: false, timeout: 300_000 }, () => {
  let demo: Demo;
  let wb: { page: Page; close(): Promise<void> };

  before(async () => {
    demo = await startDemo();
    wb = await openWorkbench(demo.root, demo.url);
  });

  after(async () => {
    await wb?.close();
    await demo?.stop();
  });

  void test('running "Billing regressions" from the Testing view shows a pass and a failure', async () => {
    const { page } = wb;
    // What the demo prints is what the user follows.
    const key = /Set API Key" and enter: (\S+)/.exec(demo.text)?.[1];
    assert.equal(key, demo.key);
    assert.match(demo.text, /run "Billing regressions"/);
    assert.match(demo.text, /angry-billing-customer\.digital-human\.yaml/);
    try {
      // The extension's contributions are in the workbench (its Remote view in the Explorer): its commands are in the palette.
      await page.locator('.pane-header', { hasText: 'Bluejay Remote' }).waitFor({ timeout: 60_000 });
      await setApiKey(page, key);
      const sim = await runFromTestingView(page, 'Billing regressions');
      // The demo clock: a run takes about ten seconds. The simulation fails (one of its conversations did), and the
      // run has ended (the view's summary stops spinning) before the tree is touched: its end re-sorts the tree.
      await sim.locator('.codicon-testing-failed-icon').waitFor({ timeout: 120_000 });
      await testRunEnded(page, 'failed', 60_000);
      await expandTestItem(page, 'Billing regressions');
      await expandTestItem(page, 'Angry billing customer');
      await testRows(page, 'Conversation', 'passed').first().waitFor({ timeout: 20_000 });
      await testRows(page, 'Conversation', 'failed').first().waitFor({ timeout: 20_000 });
      await screenshot(page, 'demo-run');
      assert.equal(await testRows(page, 'Conversation', 'passed').count(), 1, 'one conversation passed');
      assert.equal(await testRows(page, 'Conversation', 'failed').count(), 1, 'one conversation failed');
    } catch (e) {
      await screenshot(page, 'e2e-demo-failed');
      throw e;
    }
  });
});
