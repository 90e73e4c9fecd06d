/**
 * `npm run screenshots`: the README's pictures, taken from the demo's workspace (examples/) in the
 * real workbench: a problem with its quick fix, completion, hover.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../host/codeServer';
import { goTo, openFile, screenshot, startWorkbench } from './workbench';

const OUT = join(ROOT, 'media', 'screenshots');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const wb = await startWorkbench({}, join(ROOT, 'examples'));
  try {
    const { page } = wb;
    await openFile(page, 'angry-billing-customer.digital-human.yaml');
    await page.keyboard.press('Control+Shift+M');
    await goTo(page, 21, 18);
    await page.keyboard.type('t');
    await page.locator('.markers-panel .monaco-list-row', { hasText: "got 'fastt'" }).waitFor({ timeout: 20_000 });
    await goTo(page, 21, 15);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row', { hasText: "Change to 'fast'" }).waitFor();
    await screenshot(page, 'quick-fix', OUT);
    await page.keyboard.press('Enter');
    await goTo(page, 29, 19);
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+Space');
    await page.locator('.suggest-widget .monaco-list-row', { hasText: 'cafe' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'completion', OUT);
    await page.keyboard.press('Escape');
    await page
      .locator('.editor-instance .view-line span', { hasText: /^creativity$/ })
      .first()
      .hover();
    await page.locator('.monaco-hover', { hasText: 'Creativity' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'hover', OUT);
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await wb.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
