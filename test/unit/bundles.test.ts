/**
 * What each bundle holds, read from esbuild's metafile of a production (minified) build: activation
 * loads only dist/extension.js, so it must stay small and leave axios and the form and sync engines
 * to the lazy bundles (issue 11). Which bundle an editor file lands in shows in its folder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { ROOT } from './support/cli';

interface Builds {
  readonly common: BuildOptions;
  readonly builds: readonly BuildOptions[];
}

const MAIN_BUDGET = 150 * 1024;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(ROOT, 'esbuild.js')) as Builds;

interface Bundle {
  readonly inputs: string[];
  readonly bytes: number;
  readonly text: string;
  /** What esbuild.js's vscode-api module, the `vscode` the code imports, weighs in it. */
  readonly vscodeBytes: number | undefined;
}

async function metafileOf(entry: string): Promise<Bundle> {
  const options = config.builds.find((b) => Array.isArray(b.entryPoints) && b.entryPoints.includes(entry as never));
  assert.ok(options, `no build has the entry ${entry}`);
  const result = await build({
    ...options,
    absWorkingDir: ROOT,
    minify: true,
    sourcemap: false,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const meta: Metafile = result.metafile;
  const [output] = Object.values(meta.outputs);
  assert.ok(output);
  return {
    inputs: Object.keys(output.inputs),
    bytes: output.bytes,
    text: result.outputFiles?.find((f) => f.path.endsWith('.js'))?.text ?? '',
    vscodeBytes: output.inputs['vscode-api:vscode']?.bytesInOutput,
  };
}

void describe('bundles', () => {
  let main: Bundle;
  let editing: Bundle;
  let api: Bundle;
  before(async () => {
    [main, editing, api] = await Promise.all([
      metafileOf('src/extension/extension.ts'),
      metafileOf('src/extension/editing/index.ts'),
      metafileOf('src/extension/api/index.ts'),
    ]);
  });

  void test(`the main bundle stays within ${MAIN_BUDGET / 1024} KB minified`, () => {
    assert.ok(main.bytes <= MAIN_BUDGET, `dist/extension.js is ${(main.bytes / 1024).toFixed(1)} KB minified`);
  });

  void test('the main bundle holds no axios, no edit engine and no sync engine', () => {
    const heavy = main.inputs.filter(
      (f) =>
        /node_modules\/axios\//.test(f) ||
        /^src\/core\/edit\/(engine|yamlEdits|yamlWrite|jsonEdits|yamlSource)\.ts$/.test(f) ||
        /^src\/core\/sync\//.test(f) ||
        /^src\/core\/api\/client\.ts$/.test(f),
    );
    assert.deepEqual(heavy, []);
  });

  void test("js-yaml's dumper is left out (esbuild.js marks its one kept read pure): only load is used", () => {
    assert.ok(main.inputs.some((f) => f.includes('node_modules/js-yaml/')));
    assert.ok(!main.text.includes('unacceptable kind of an object to dump'), 'the dumper is in dist/extension.js');
  });

  void test('the lazy bundles hold what the main one leaves out', () => {
    assert.ok(
      api.inputs.some((f) => f.includes('node_modules/axios/')),
      'axios is in dist/api.js',
    );
    assert.ok(editing.inputs.includes('src/core/edit/engine.ts'), 'the edit engine is in dist/editing.js');
  });

  void test('the extension bundles read the vscode API members they use, not a copy of the API per module', () => {
    // `import * as vscode`, bundled as it is, hands require("vscode") to a helper that copies the API's
    // ~350 members into a new object per importing module: 13 ms of a real extension host's CPU for
    // dist/extension.js alone. esbuild.js's vscode-api plugin makes `vscode` a module of the bundle.
    for (const [name, b] of [
      ['dist/extension.js', main],
      ['dist/editing.js', editing],
      ['dist/api.js', api],
    ] as const) {
      assert.match(b.text, /=require\("vscode"\)/, `${name} requires vscode`);
      assert.doesNotMatch(b.text, /\(require\("vscode"\)\)/, `${name} hands require("vscode") to a helper`);
      // Only the members used are kept: `const { x } = vscode` (the namespace as a value) would keep them all.
      assert.ok(b.vscodeBytes !== undefined, `${name} has no vscode-api module`);
      assert.ok(b.vscodeBytes < 2048, `${name} keeps ${b.vscodeBytes} bytes of vscode members`);
    }
  });

  void test("an editor file's folder says which bundle it is in", () => {
    const ours = (inputs: readonly string[]): string[] => inputs.filter((f) => f.startsWith('src/extension/'));
    const topLevel = (f: string): boolean => /^src\/extension\/[^/]+\.ts$/.test(f);
    // The main bundle's files are directly in src/extension/ ...
    assert.deepEqual(
      ours(main.inputs).filter((f) => !topLevel(f)),
      [],
    );
    // ... and a lazy bundle's file there is one the main bundle holds too (shared).
    assert.deepEqual(
      [...ours(editing.inputs), ...ours(api.inputs)].filter((f) => topLevel(f) && !main.inputs.includes(f)),
      [],
    );
    // The rest of a lazy bundle is in its folder (the form's host borrows Bluejay's answers from api/sync/).
    assert.deepEqual(
      ours(api.inputs).filter((f) => !topLevel(f) && !f.startsWith('src/extension/api/')),
      [],
    );
    assert.deepEqual(
      ours(editing.inputs).filter(
        (f) => !topLevel(f) && !f.startsWith('src/extension/editing/') && !f.startsWith('src/extension/api/'),
      ),
      [],
    );
  });
});

void describe('the CLI bundles', () => {
  void test('dist/cli.js (validate) holds no axios, no API client and no sync engine: dist/cli-remote.js does', async () => {
    const [cli, remote] = await Promise.all([metafileOf('src/cli/index.ts'), metafileOf('src/cli/remote.ts')]);
    const talks = (f: string): boolean =>
      /node_modules\/axios\//.test(f) || /^src\/core\/sync\//.test(f) || /^src\/core\/api\/client\.ts$/.test(f);
    assert.deepEqual(cli.inputs.filter(talks), []);
    assert.ok(
      remote.inputs.some((f) => /node_modules\/axios\//.test(f)),
      'axios is in dist/cli-remote.js',
    );
    assert.ok(remote.inputs.includes('src/cli/push.ts'), 'push is in dist/cli-remote.js');
    // cli.js requires the other at run time, by its name beside it.
    assert.match(cli.text, /"cli-remote\.js"/);
  });
});

void describe("the form's script", () => {
  const webview = (): BuildOptions => {
    const options = config.builds.find(
      (b) => Array.isArray(b.entryPoints) && b.entryPoints.includes('src/webview/main.ts'),
    );
    assert.ok(options);
    return options;
  };

  void test('holds its icons as the paths of the codicon SVGs, no markup to parse and no font to fetch', async () => {
    const form = await metafileOf('src/webview/main.ts');
    const svgs = form.inputs.filter((f) => f.includes('@vscode/codicons/src/icons/'));
    assert.ok(svgs.length >= 15, `the icons are in: ${svgs.join(', ')}`);
    assert.ok(svgs.some((f) => f.endsWith('/@vscode/codicons/src/icons/trash.svg')));
    assert.ok(!/<svg|<path|codicon\.(ttf|css)/.test(form.text), 'no SVG markup and no icon font');
    assert.ok(form.text.includes('d:"M14 2H10C10 0.897'), "trash's path");
  });

  void test('an icon file of another shape fails the build', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bluejay-icons-'));
    try {
      const icons = join(dir, 'node_modules', '@vscode', 'codicons', 'src', 'icons');
      mkdirSync(icons, { recursive: true });
      const svg = (body: string): string =>
        `<svg width="16" height="16" viewBox="0 0 16 16" xmlns="http://www.w3.org/2000/svg" fill="currentColor">${body}</svg>\n`;
      writeFileSync(join(icons, 'ok.svg'), svg('<path fill-rule="evenodd" clip-rule="evenodd" d="M1 1H2Z"/>'));
      writeFileSync(join(icons, 'circle.svg'), svg('<circle cx="8" cy="8" r="4"/>'));
      writeFileSync(join(icons, 'style.svg'), svg('<path d="M1 1H2Z" style="fill:red"/>'));
      const run = (name: string) =>
        build({
          bundle: true,
          plugins: webview().plugins ?? [],
          stdin: {
            contents: `import p from './node_modules/@vscode/codicons/src/icons/${name}'; console.log(p);`,
            resolveDir: dir,
          },
          write: false,
          logLevel: 'silent',
        });
      const ok = await run('ok.svg');
      assert.match(
        ok.outputFiles[0]?.text ?? '',
        /"fill-rule":\s*"evenodd",\s*"clip-rule":\s*"evenodd",\s*"d":\s*"M1 1H2Z"/,
      );
      await assert.rejects(run('circle.svg'), /circle\.svg: not one 16 x 16 <svg> of <path>s/);
      await assert.rejects(run('style.svg'), /style\.svg: a <path> with other attributes than d, fill-rule, clip-rule/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
