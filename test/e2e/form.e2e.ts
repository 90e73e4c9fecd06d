/** End to end: a YAML digital human with comments, edited in the Bluejay Form, byte for byte. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FrameLocator, Page } from 'playwright-core';
import { ROOT } from '../host/codeServer';
import { lineWith, openFile, runCommand, screenshot, startWorkbench, type Workbench } from './workbench';

const FILE = 'billing.digital-human.yaml';
const ORIGINAL = readFileSync(join(ROOT, 'test', 'fixtures', 'workspace', FILE), 'utf8');

/** The form inside the webview's nested frames. */
function form(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

async function openForm(page: Page): Promise<FrameLocator> {
  await openFile(page, FILE);
  await page.locator('.statusbar-item', { hasText: 'Digital human #318' }).waitFor({ timeout: 30_000 });
  await runCommand(page, 'Bluejay: Open in Form Editor');
  const f = form(page);
  await f.getByLabel('Voice speed', { exact: true }).waitFor({ timeout: 30_000 });
  return f;
}

void describe('the Bluejay Form', { concurrency: false, timeout: 300_000 }, () => {
  let wb: Workbench;

  before(async () => {
    wb = await startWorkbench();
  });

  after(async () => {
    await wb.close();
  });

  void test('an enum, a number and a new scripted response change only their lines; comments survive', async () => {
    const { page } = wb;
    const f = await openForm(page);
    // While the form is active the status bar keeps the definition and where pushes go: with no
    // environment and no bluejay.baseUrl, Bluejay's production API, named so.
    await page.locator('.statusbar-item', { hasText: 'production (default)' }).waitFor({ timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: 'Digital human #318' }).waitFor({ timeout: 10_000 });
    // A file with an id offers Diff and Pull beside Push, and says where a push goes.
    for (const name of ['Push', 'Diff', 'Pull'])
      await f.locator('.toolbar-actions button', { hasText: name }).waitFor({ timeout: 10_000 });
    assert.notEqual(await f.locator('.toolbar-target').textContent(), '');
    await f.getByLabel('Voice speed', { exact: true }).selectOption('slow');
    const creativity = f.locator('.field[data-key="creativity"] input[type="number"]');
    await creativity.fill('1.1');
    await creativity.press('Enter');
    await f.getByRole('button', { name: 'Add an item to Scripted responses' }).click();
    await f.locator('.field[data-key="scripted_responses"] .card').nth(3).waitFor();
    await screenshot(page, 'e2e-form-dark');
    await page.keyboard.press('Control+S');
    await page.locator('.tab.active:not(.dirty)').first().waitFor();
    const saved = readFileSync(join(wb.workspace, FILE), 'utf8');
    // Exactly three changes: two values in place, and the new item after the last one (before the
    // comment that heads the next key); every other byte as it was.
    const item =
      '  - match_type: exact\n    match_phrase: ""\n    response_type: phrase\n    occurrence_mode: always\n';
    const expected = ORIGINAL.replace('voice_speed: fast\n', 'voice_speed: slow\n')
      .replace('creativity: 0.9\n', 'creativity: 1.1\n')
      .replace(
        '    occurrence_mode: always\n\n# The caller opens',
        `    occurrence_mode: always\n${item}\n# The caller opens`,
      );
    assert.equal(saved, expected);
    for (const comment of ORIGINAL.split('\n').filter((l) => l.trim().startsWith('#')))
      assert.ok(saved.includes(comment), `lost comment: ${comment}`);
  });

  void test('undo restores the text and the form; typing in the text moves the form', async () => {
    const { page } = wb;
    await runCommand(page, 'Bluejay: Show Source');
    // The keys go to the text: its editor is clicked first (as it opens it may not have the focus
    // yet, and the form's webview would take the undos: a CI run failed so).
    await page.locator('.editor-instance .view-line', { hasText: 'voice_speed: slow' }).first().click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    // Three undos take back the form's three changes (the editor draws them on its next frame).
    await page
      .locator('.editor-instance .view-line', { hasText: 'voice_speed: fast' })
      .first()
      .waitFor({ timeout: 10_000 });
    assert.equal(await lineWith(page, 'voice_speed:'), 'voice_speed: fast');
    assert.equal(await lineWith(page, 'creativity:'), 'creativity: 0.9');
    const f = form(page);
    await f
      .locator('.field[data-key="voice_speed"] select option[value="fast"]:checked')
      .waitFor({ state: 'attached', timeout: 20_000 });
    assert.equal(await f.locator('.field[data-key="scripted_responses"] .card').count(), 3);
  });

  void test('an invalid value typed in the text shows its problem next to the field', async () => {
    const { page } = wb;
    const f = form(page);
    await page.locator('.editor-instance .view-line', { hasText: 'voice_speed: fast' }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('t');
    await f
      .locator('.field[data-key="voice_speed"] .field-problems', { hasText: "did you mean 'fast'" })
      .waitFor({ timeout: 20_000 });
    await screenshot(page, 'e2e-form-problem');
  });
});

for (const [theme, bodyClass, shot] of [
  ['Default Light Modern', 'vscode-light', 'e2e-form-light'],
  ['Default High Contrast', 'vscode-high-contrast', 'e2e-form-high-contrast'],
] as const) {
  void describe(`the Bluejay Form in ${theme}`, { timeout: 300_000 }, () => {
    void test("renders in the theme's kind, with its colours", async () => {
      const wb = await startWorkbench({ 'workbench.colorTheme': theme });
      try {
        const f = await openForm(wb.page);
        // VS Code tells the webview which kind of theme it is in; the form's CSS uses only theme variables.
        await f.locator(`body.${bodyClass}`).waitFor({ timeout: 10_000 });
        const colours = await f.locator('body').evaluate((b) => {
          const style = (
            b as unknown as {
              ownerDocument: { defaultView: { getComputedStyle(e: unknown): { getPropertyValue(n: string): string } } };
            }
          ).ownerDocument.defaultView.getComputedStyle(b);
          return ['--vscode-editor-background', '--vscode-foreground'].map((n) => style.getPropertyValue(n).trim());
        });
        assert.ok(
          colours.every((c) => c !== ''),
          `theme colours reach the form: ${colours.join(', ')}`,
        );
        // The form's styles come inside the page (a strict CSP refuses an inline style without its
        // nonce), its icons inside its script: each is drawn at 16 px, the page fetched nothing, and
        // its CSP refused nothing (a refusal is reported, not fetched; the buffered reports include
        // those from before this ran).
        const looks = await f.locator('.toolbar').evaluate((bar) => {
          interface El {
            getBoundingClientRect(): { width: number; height: number };
            querySelectorAll(s: string): { length: number };
          }
          const doc = (
            bar as unknown as {
              ownerDocument: {
                defaultView: {
                  getComputedStyle(e: unknown): { position: string };
                  performance: { getEntriesByType(t: string): { name: string }[] };
                  ReportingObserver: new (
                    f: () => void,
                    o: { types: string[]; buffered: boolean },
                  ) => {
                    observe(): void;
                    takeRecords(): { body: { effectiveDirective: string; blockedURL: string } }[];
                  };
                };
                querySelector(s: string): El | null;
              };
            }
          ).ownerDocument;
          const sizeOf = (selector: string): string => {
            const svg = doc.querySelector(selector);
            const box = svg?.getBoundingClientRect();
            return box ? `${box.width}x${box.height}, ${svg?.querySelectorAll('path').length} path(s)` : 'none';
          };
          return {
            toolbar: doc.defaultView.getComputedStyle(bar).position,
            groupIcon: sizeOf('.group-chevron > svg'),
            buttonIcon: sizeOf('.text-button .codicon > svg'),
            fetched: doc.defaultView.performance.getEntriesByType('resource').map((r) => r.name),
            refused: ((o) => (o.observe(), o.takeRecords()))(
              new doc.defaultView.ReportingObserver(() => undefined, { types: ['csp-violation'], buffered: true }),
            ).map((r) => `${r.body.effectiveDirective} ${r.body.blockedURL}`),
          };
        });
        assert.deepEqual(looks, {
          toolbar: 'sticky',
          groupIcon: '16x16, 1 path(s)',
          buttonIcon: '16x16, 2 path(s)', // Show Source's go-to-file
          fetched: [],
          refused: [],
        });
        // The README's picture: the pointer off the tabs (a tab's hover showed a temporary path).
        await wb.page.mouse.move(150, 500);
        await wb.page.locator('.workbench-hover').waitFor({ state: 'detached', timeout: 10_000 });
        await screenshot(wb.page, shot);
      } finally {
        await wb.close();
      }
    });
  });
}
