// Bundles the extension and the CLI. `--production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const { version } = require('./package.json');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * js-yaml 4.1.0 (pinned, see ARCHITECTURE.md) ends its ES module with `var dump = dumper.dump;`: a
 * property read esbuild must keep, and with it the whole dumper (about 8 KB minified) in every bundle,
 * though only `load` is used. Marking that one read pure lets tree shaking drop the dumper when
 * nothing imports `dump`; the build fails if the line is not there (a new js-yaml).
 */
const jsYamlDumperPure = {
  name: 'js-yaml-dumper-pure',
  setup(build) {
    build.onLoad({ filter: /[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/ }, async (args) => {
      const text = await require('node:fs/promises').readFile(args.path, 'utf8');
      const line = /^var dump {16}= dumper\.dump;$/m;
      if (!line.test(text))
        throw new Error(`${args.path}: the line 'var dump = dumper.dump;' is gone; update esbuild.js's js-yaml plugin`);
      return { contents: text.replace(line, 'var dump = /* @__PURE__ */ (() => dumper.dump)();'), loader: 'js' };
    });
  },
};

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
  plugins: [jsYamlDumperPure],
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/extension/editing/index.ts'], outfile: 'dist/editing.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/extension/api/index.ts'], outfile: 'dist/api.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js' },
  // The form editor's browser side: its own tsconfig (DOM, no node, no vscode), one IIFE for the webview.
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/form.js',
    tsconfig: 'src/webview/tsconfig.json',
  },
];

/** Writes dist/schemas/*.annotations.json from the core (see src/core/assist/annotations.ts). */
async function writeAnnotationSchemas() {
  const fs = require('node:fs');
  const path = require('node:path');
  const out = await esbuild.build({
    ...common,
    minify: false,
    sourcemap: false,
    entryPoints: ['src/core/assist/annotations.ts'],
    write: false,
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  const dir = path.join(__dirname, 'dist', 'schemas');
  fs.mkdirSync(dir, { recursive: true });
  for (const kind of ['customer-persona', 'digital-human']) {
    for (const format of ['json', 'yaml']) {
      fs.writeFileSync(
        path.join(dir, `${kind}.${format}-annotations.json`),
        JSON.stringify(mod.exports.annotationSchema(kind, format), null, 1),
      );
    }
  }
}

/** The webview's icon font (codicons), served from dist/webview beside the form's script. */
function copyCodicons() {
  const fs = require('node:fs');
  const path = require('node:path');
  const from = path.join(__dirname, 'node_modules', '@vscode', 'codicons', 'dist');
  const to = path.join(__dirname, 'dist', 'webview');
  fs.mkdirSync(to, { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

async function main() {
  await writeAnnotationSchemas();
  copyCodicons();
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

/** The builds, for tests that inspect a bundle's contents (test/unit/bundles.test.ts). */
module.exports = { common, builds };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
