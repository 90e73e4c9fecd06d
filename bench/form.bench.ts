/**
 * The form editor on a ~1 MB digital human, in the real workbench (npm run bench): time to open it
 * in the form, and the round trip of one field change (select -> minimal edit -> document dirty ->
 * new state back in the form). Also the pure parts in Node: model, state, edit. Prints figures.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editsFor } from '../src/core/edit/engine';
import { formModel } from '../src/core/form/model';
import { validateText } from '../src/core/validate';
import { startWorkbench } from '../test/e2e/workbench';
import { makeDocuments } from './documents';

function logFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? logFiles(join(dir, n)) : n.endsWith('.log') ? [join(dir, n)] : [],
  );
}

/**
 * Runs in the webview: sets the select, and resolves with the ms until the host's first message
 * back (the edited value) and its second (the new text's problems; -1 if none within 2 s).
 */
function changeAndAwaitState(el: unknown, value: string): Promise<[number, number]> {
  interface Win {
    addEventListener(t: string, f: (e: { data: unknown }) => void): void;
    removeEventListener(t: string, f: (e: { data: unknown }) => void): void;
    setTimeout(f: () => void, ms: number): void;
  }
  interface Select {
    value: string;
    dispatchEvent(e: unknown): boolean;
    ownerDocument: { defaultView: Win & { Event: new (t: string, o: object) => unknown } };
  }
  const select = el as Select;
  const win = select.ownerDocument.defaultView;
  return new Promise((resolve) => {
    const t0 = performance.now();
    const times: number[] = [];
    const done = (): void => {
      win.removeEventListener('message', on);
      resolve([times[0] ?? -1, times[1] ?? -1]);
    };
    const on = (e: { data: unknown }): void => {
      const type = (e.data as { type?: unknown } | null)?.type;
      if (type !== 'state' && type !== 'patch') return;
      times.push(performance.now() - t0);
      if (times.length === 1) win.setTimeout(done, 2000);
      else done();
    };
    win.addEventListener('message', on);
    select.value = value;
    select.dispatchEvent(new win.Event('change', { bubbles: true }));
  });
}

/**
 * Runs in the webview: clicks the list's Add button and resolves with the ms until the host's first
 * message back has been handled (the form's own listener runs first, so this includes the redraw).
 */
function addAndAwaitState(el: unknown): Promise<number> {
  interface Win {
    addEventListener(t: string, f: (e: { data: unknown }) => void): void;
    removeEventListener(t: string, f: (e: { data: unknown }) => void): void;
  }
  const button = el as { click(): void; ownerDocument: { defaultView: Win } };
  const win = button.ownerDocument.defaultView;
  return new Promise((resolve) => {
    const t0 = performance.now();
    const on = (e: { data: unknown }): void => {
      const type = (e.data as { type?: unknown } | null)?.type;
      if (type !== 'state' && type !== 'patch') return;
      win.removeEventListener('message', on);
      resolve(performance.now() - t0);
    };
    win.addEventListener('message', on);
    button.click();
  });
}

/** How many times the form is opened again (after the cold first open) for the open's figures. */
const OPENS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** The 95th percentile (nearest rank). */
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? 0;
}

async function main(): Promise<void> {
  const [doc] = makeDocuments('1 MB', 1_000_000, 'yaml', 11);
  const text = doc.text;
  const t0 = performance.now();
  formModel('digital-human');
  const t1 = performance.now();
  const state = validateText(text, 'big.digital-human.yaml');
  const t2 = performance.now();
  const edits: number[] = [];
  for (let i = 0; i < 10; i++) {
    const s = performance.now();
    const r = editsFor(text, 'yaml', { op: 'set', path: ['voice_speed'], value: i % 2 ? 'slow' : 'fast' });
    edits.push(performance.now() - s);
    if (!r.ok) throw new Error(r.reason);
  }
  const inserts: number[] = [];
  const responses = doc.value['scripted_responses'];
  for (let i = 0; i < 5 && Array.isArray(responses); i++) {
    const s = performance.now();
    const r = editsFor(text, 'yaml', {
      op: 'insert',
      path: ['scripted_responses'],
      index: responses.length,
      value: { match_type: 'exact', match_phrase: '', response_type: 'phrase' },
    });
    inserts.push(performance.now() - s);
    if (!r.ok) throw new Error(r.reason);
  }
  console.log(
    `Form, ~1 MB digital human (${(text.length / 1024).toFixed(0)} KB), in Node: model ${(t1 - t0).toFixed(1)} ms, state (validation) ${(t2 - t1).toFixed(1)} ms with ${state.problems.length} problems, one field edit median ${median(edits).toFixed(1)} ms, an item added to a list of ${Array.isArray(responses) ? responses.length : 0} median ${median(inserts).toFixed(1)} ms`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'bluejay-form-bench-'));
  writeFileSync(join(dir, 'big.digital-human.yaml'), text);
  // The form is the default editor here, so opening the file opens the form alone: no 1 MB text
  // editor (VS Code's own tokenizing of it takes seconds) competes with it.
  const wb = await startWorkbench({ 'workbench.editorAssociations': { '*.digital-human.yaml': 'bluejay.form' } }, dir);
  try {
    const { page } = wb;
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('big.digital-human.yaml');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'big.digital-human.yaml' }).first();
    await row.waitFor();
    const started = performance.now();
    await row.click();
    const form = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const select = form.getByLabel('Voice speed', { exact: true });
    await select.waitFor({ timeout: 60_000 });
    const cold = performance.now() - started;
    // Again, now that the workbench has made a webview once (its first costs ~3 s whatever the
    // file), OPENS times: one open moves by 100 ms or more from one to the next on this machine.
    const opens: {
      clicked: number;
      painted: number;
      opened: number;
      page: number;
      script: number;
      init: number;
      icons: number;
    }[] = [];
    for (let i = 0; i < OPENS; i++) {
      await page.keyboard.press('Control+W');
      await select.waitFor({ state: 'detached' });
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill('big.digital-human.yaml');
      await row.waitFor();
      const again = performance.now();
      const clicked = Date.now();
      await row.click();
      await select.waitFor({ timeout: 60_000 });
      const opened = performance.now() - again;
      // When the form was first painted, read in the webview (the page is empty until the form is
      // built): Playwright notices a new element in nested frames only some hundreds of ms later.
      // Icons drawn by a font show when the font has arrived (a resource of the page), not before.
      const [painted, page0, script, init, font] = await select.evaluate(() => [
        ...['first-contentful-paint', '', 'bluejay-script', 'bluejay-init'].map((name) => {
          const at = name ? performance.getEntriesByName(name)[0]?.startTime : 0;
          return at === undefined ? NaN : performance.timeOrigin + at;
        }),
        // NaN when the page fetched no font (its icons are then part of the form itself).
        ((ends: number[]) => (ends.length ? performance.timeOrigin + Math.max(...ends) : NaN))(
          performance
            .getEntriesByType('resource')
            .filter((r) => /\.(ttf|woff2?)(\?|$)/.test(r.name))
            .map((r) => (r as unknown as { responseEnd: number }).responseEnd),
        ),
      ]);
      opens.push({
        clicked,
        painted: painted ?? NaN,
        opened,
        page: page0 ?? NaN,
        script: script ?? NaN,
        init: init ?? NaN,
        icons: font === undefined || Number.isNaN(font) ? NaN : Math.max(painted ?? NaN, font),
      });
    }
    console.log(
      `Form in the workbench: first open ${cold.toFixed(0)} ms (a first webview in a fresh workbench costs ~3 s even for a 2 KB file)`,
    );
    // The round trip measured inside the webview, where the person is: from the select's change
    // (the form posts the edit) to the state that carries the edited document back.
    const trips: number[] = [];
    const validated: number[] = [];
    for (let i = 0; i < 20; i++) {
      const value = i % 2 ? 'fast' : 'slowest';
      const [back, checked] = await select.evaluate(changeAndAwaitState, value);
      trips.push(back);
      if (checked >= 0) validated.push(checked);
      await form
        .locator(`.field[data-key="voice_speed"] select option[value="${value}"]:checked`)
        .waitFor({ state: 'attached' });
    }
    // Adding an item to a list of 1,000+ items (scripted responses: a card each), from the click to
    // the edited value back and drawn in the webview; the next add waits for the new card's number.
    const list = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
    const initial = list(doc.value['scripted_responses']);
    const addButton = form.locator('.field[data-key="scripted_responses"] .list-add button');
    const adds: number[] = [];
    for (let i = 0; i < 10; i++) {
      adds.push(await addButton.evaluate(addAndAwaitState));
      await form
        .locator('.field[data-key="scripted_responses"] .card-index', { hasText: new RegExp(`^${initial + i + 1}$`) })
        .waitFor({ state: 'attached', timeout: 60_000 });
    }
    const logged = logFiles(join(wb.root, 'user-data', 'logs'))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
      .filter((l) => l.includes('form: '));
    for (const line of logged) console.log(`  ${line.trim()}`);
    // One "asked for" line per open, the cold one first.
    const asks = logged.map((l) => Date.parse(/asked for at (\S+),/.exec(l)?.[1] ?? '')).slice(-OPENS);
    const ready = logged.map((l) => Number(/webview ready after (\d+) ms/.exec(l)?.[1] ?? NaN)).slice(-OPENS);
    const whole = opens.map((o) => o.painted - o.clicked);
    const load = opens.map((o, i) => (asks[i] ?? NaN) - o.clicked);
    const ours = opens.map((o, i) => o.painted - (asks[i] ?? NaN));
    const list3 = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');
    // Inside the webview: its page starts loading, the form's script runs, the state arrives, the first paint.
    const since = (k: 'page' | 'script' | 'init'): number[] => opens.map((o, i) => o[k] - (asks[i] ?? NaN));
    console.log(
      `  the form's part, medians from the extension being asked: the webview's page starts ${median(since('page')).toFixed(0)} ms, the form's script runs ${median(since('script')).toFixed(0)} ms, the state arrives ${median(since('init')).toFixed(0)} ms, painted ${median(ours).toFixed(0)} ms, ${opens.every((o) => Number.isNaN(o.icons)) ? 'its icons drawn with it (no font fetched)' : `its icons drawn ${median(opens.map((o) => o.icons - o.painted)).toFixed(0)} ms after that (their font fetched)`}`,
    );
    console.log(
      `Form in the workbench: opens in ${median(whole).toFixed(0)} ms from the click to the form painted: VS Code loads the document for ${median(load).toFixed(0)} ms, then the form is painted ${median(ours).toFixed(0)} ms after the extension is asked (goal <= 300 ms), of which the webview is ready after ${median(ready).toFixed(0)} ms (medians of ${OPENS} opens: ${list3(whole)}; ${list3(load)}; ${list3(ours)}; ${list3(ready)}; goal < 1000 ms; Playwright sees it after ${median(opens.map((o) => o.opened)).toFixed(0)} ms)`,
    );
    console.log(
      `Form in the workbench: a field change round trip (in the webview: change -> edited value back) median ${median(trips).toFixed(0)} ms, p95 ${p95(trips).toFixed(0)} ms, max ${Math.max(...trips).toFixed(0)} ms (goal p95 < 100 ms); the new text's problems follow at median ${median(validated).toFixed(0)} ms`,
    );
    console.log(
      `Form in the workbench: adding an item to a list of ${initial} items (click -> edited value back and drawn) median ${median(adds).toFixed(0)} ms, p95 ${p95(adds).toFixed(0)} ms, max ${Math.max(...adds).toFixed(0)} ms (goal p95 < 100 ms)`,
    );
  } finally {
    await wb.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
