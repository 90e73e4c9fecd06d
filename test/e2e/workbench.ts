/** Drives the VS Code workbench in Chromium the way a person does: keyboard, palette, panels. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../host/browser';
import { codeServerCli, ROOT, startCodeServer, type CodeServer } from '../host/codeServer';

export const ARTIFACTS = join(ROOT, 'test-results');

export interface Workbench {
  readonly page: Page;
  readonly workspace: string;
  /** The temporary root of this VS Code: user data (with its logs), extensions, profile. */
  readonly root: string;
  close(): Promise<void>;
}

/** The packaged extension (npm run package), installed as a user would, into a fresh profile. */
export async function startWorkbench(
  settings: Record<string, unknown> = {},
  source = join(ROOT, 'test', 'fixtures', 'workspace'),
  /** Files added to the copied workspace before VS Code starts (Quick Open may not list a file made later). */
  files: Record<string, string> = {},
): Promise<Workbench> {
  const root = mkdtempSync(join(tmpdir(), 'bluejay-e2e-'));
  const workspace = join(root, 'workspace');
  cpSync(source, workspace, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text);
  const vsix = readdirSync(join(ROOT, 'out')).find((f) => f === 'bluejay-definitions.vsix');
  if (!vsix) throw new Error('no .vsix in out/: run `npm run package` first');
  mkdirSync(ARTIFACTS, { recursive: true });
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  try {
    await codeServerCli(root, [
      '--install-extension',
      join(ROOT, 'out', vsix),
      '--extensions-dir',
      join(root, 'extensions'),
    ]);
    server = await startCodeServer(
      {
        folder: workspace,
        settings: { 'workbench.colorTheme': 'Default Dark Modern', 'editor.hover.delay': 100, ...settings },
      },
      root,
    );
    browser = await launchBrowser(root);
    const page = await browser.newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.statusbar').waitFor({ timeout: 60_000 });
    const s = server;
    const b = browser;
    return {
      page,
      workspace,
      root,
      close: async () => {
        await b.close().catch(() => undefined);
        await s.stop();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    throw e;
  }
}

/**
 * Runs a palette command by its title (F1, type, Enter). In a cluster of runs on this machine the
 * palette, opened from the definition's focused editor, listed no "Bluejay: Push Current File" for
 * 30 s, while a command with the same `when` (Diff with Remote) was listed a moment later: the
 * palette is closed and opened again (it lists the commands anew) until the row shows, up to four
 * times.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor();
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 7_500 });
      break;
    } catch (e) {
      if (attempt === 4) throw e;
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden' });
    }
  }
  await page.keyboard.press('Enter');
}

/** Opens a workspace file with Quick Open and waits for its editor tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
  await row.click();
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Puts the cursor at a 1-based line and column with Go to Line. */
export async function goTo(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The text of the editor's visible line holding `needle` (the DOM renders spaces as nbsp). */
export async function lineWith(page: Page, needle: string): Promise<string> {
  const line = page.locator('.editor-instance .view-line', { hasText: needle }).first();
  await line.waitFor();
  return (await line.innerText()).replace(/\u00a0/g, ' ');
}

export async function screenshot(page: Page, name: string, dir = ARTIFACTS): Promise<void> {
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** A workbench already served (by `npm start`'s set-up, for one): Chromium opens `url` and waits for it. */
export async function openWorkbench(root: string, url: string): Promise<{ page: Page; close(): Promise<void> }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await launchBrowser(root);
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.statusbar').waitFor({ timeout: 60_000 });
    return { page, close: () => browser.close().catch(() => undefined) };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

/** "Bluejay: Set API Key" from the palette, typed into its password box as a user would. */
export async function setApiKey(page: Page, key: string): Promise<void> {
  await runCommand(page, 'Bluejay: Set API Key');
  const input = page.locator('.quick-input-widget input[type="password"]');
  await input.waitFor();
  await input.fill(key);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Opens the Testing view and runs the item labelled `label` with its inline Run button; returns its row. */
export async function runFromTestingView(page: Page, label: string | RegExp): Promise<Locator> {
  await runCommand(page, 'Testing: Focus on Test Explorer View');
  const item = page.locator('.test-explorer .monaco-list-row', { hasText: label }).first();
  await item.waitFor({ timeout: 30_000 });
  await item.hover();
  await item.locator('.action-label[aria-label^="Run Test"]').click();
  return item;
}

/** The Testing view's rows whose text holds `text` and whose icon is that state's (passed, failed, ...). */
export function testRows(page: Page, text: string, state: string): Locator {
  return page.locator('.test-explorer .monaco-list-row', {
    hasText: text,
    has: page.locator(`.codicon-testing-${state}-icon`),
  });
}

/**
 * Expands the Testing view's first item whose text holds `text` and waits until it is open. Its row is clicked
 * (which focuses it, and at times toggles it), then, if still closed, ArrowRight opens it (it never closes one).
 */
export async function expandTestItem(page: Page, text: string | RegExp): Promise<void> {
  const row = page.locator('.test-explorer .monaco-list-row').filter({ hasText: text }).first();
  const open = page.locator('.test-explorer .monaco-list-row[aria-expanded="true"]', { hasText: text }).first();
  await row.waitFor({ timeout: 20_000 });
  // A click focuses the row (and may reveal its file, which can take the keyboard): ArrowRight at once
  // opens it; should the row stay closed, the click and the key are tried again, up to four times.
  for (let attempt = 1; ; attempt++) {
    if ((await row.getAttribute('aria-expanded')) === 'true') return;
    await row.click();
    if ((await row.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
    try {
      await open.waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 4) throw e;
    }
  }
}

/** Waits until the Testing view's last run has ended with `state` (its summary's spinner turns into that state's icon). */
export async function testRunEnded(page: Page, state: string, timeout: number): Promise<void> {
  await page
    .locator(
      `.test-explorer .result-summary .codicon-testing-${state}-icon, .result-summary-container .result-summary .codicon-testing-${state}-icon`,
    )
    .first()
    .waitFor({ timeout });
}
