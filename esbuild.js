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
  logLevel: 'warning',
  define: { BLUEJAY_VERSION: JSON.stringify(version) },
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' },
];

async function main() {
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
