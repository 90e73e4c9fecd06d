/**
 * What each bundle holds, read from esbuild's metafile of a production (minified) build: activation
 * loads only dist/extension.js, so it must stay small and leave axios and the form and sync engines
 * to the lazy bundles (issue 11).
 */
import assert from 'node:assert/strict';
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

async function metafileOf(entry: string): Promise<{ inputs: string[]; bytes: number }> {
  const options = config.builds.find((b) => Array.isArray(b.entryPoints) && b.entryPoints.includes(entry as never));
  assert.ok(options, `no build has the entry ${entry}`);
  const result = await build({ ...options, absWorkingDir: ROOT, minify: true, sourcemap: false, write: false, metafile: true, logLevel: 'silent' });
  const meta: Metafile = result.metafile;
  const [output] = Object.values(meta.outputs);
  assert.ok(output);
  return { inputs: Object.keys(output.inputs), bytes: output.bytes };
}

void describe('bundles', () => {
  let main: { inputs: string[]; bytes: number };
  before(async () => {
    main = await metafileOf('src/extension/extension.ts');
  });

  void test(`the main bundle stays within ${MAIN_BUDGET / 1024} KB minified`, () => {
    assert.ok(main.bytes <= MAIN_BUDGET, `dist/extension.js is ${(main.bytes / 1024).toFixed(1)} KB minified`);
  });

  void test('the main bundle holds no axios, no edit engine and no sync engine', () => {
    const heavy = main.inputs.filter((f) => /node_modules\/axios\//.test(f) || /^src\/core\/edit\/(engine|yamlEdits|yamlWrite|jsonEdits|yamlSource)\.ts$/.test(f) || /^src\/core\/sync\//.test(f) || /^src\/core\/api\/client\.ts$/.test(f));
    assert.deepEqual(heavy, []);
  });

  void test('the lazy bundles hold what the main one leaves out', async () => {
    const api = await metafileOf('src/extension/api/index.ts');
    assert.ok(api.inputs.some((f) => f.includes('node_modules/axios/')), 'axios is in dist/api.js');
    const editing = await metafileOf('src/extension/editing/index.ts');
    assert.ok(editing.inputs.includes('src/core/edit/engine.ts'), 'the edit engine is in dist/editing.js');
  });
});
