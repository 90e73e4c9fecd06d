// Bundles the extension and the CLI. `--production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const { version } = require('./package.json');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  define: { BLUEJAY_VERSION: JSON.stringify(version) },
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/extension/editing/index.ts'], outfile: 'dist/editing.js' },
  { ...common, entryPoints: ['src/extension/api/index.ts'], outfile: 'dist/api.js' },
  { ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' },
];

/** Writes dist/schemas/*.annotations.json from the core (see src/core/assist/annotations.ts). */
async function writeAnnotationSchemas() {
  const fs = require('node:fs');
  const path = require('node:path');
  const out = await esbuild.build({ ...common, minify: false, sourcemap: false, entryPoints: ['src/core/assist/annotations.ts'], write: false });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  const dir = path.join(__dirname, 'dist', 'schemas');
  fs.mkdirSync(dir, { recursive: true });
  for (const kind of ['customer-persona', 'digital-human']) {
    for (const format of ['json', 'yaml']) {
      fs.writeFileSync(path.join(dir, `${kind}.${format}-annotations.json`), JSON.stringify(mod.exports.annotationSchema(kind, format), null, 1));
    }
  }
}

async function main() {
  await writeAnnotationSchemas();
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log('esbuild: watching for changes');
    return;
  }
  const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, metafile: true })));
  for (const r of results) {
    for (const [file, info] of Object.entries(r.metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`esbuild: ${file} ${(info.bytes / 1024).toFixed(1)} KB`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
