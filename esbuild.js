// Bundles the extension and the CLI. `--production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const { version } = require('./package.json');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * js-yaml 4.1.0 (pinned, see ARCHITECTURE.md) keeps in every bundle code that is never run here, as
 * esbuild must keep a module's top-level property reads, calls and `new`s: the dumper (about 8 KB
 * minified, kept by `var dump = dumper.dump;`), the stubs of 3.x's removed functions
 * (`var safeLoad = renamed(...)`) and the default schema's extra types (timestamps, binary, sets:
 * about 3 KB, kept by `load`'s fallback when no schema is given). Those lines are marked pure and the
 * fallback is the core schema: every call here passes its schema (src/core/parse/yaml.ts,
 * src/core/edit/yamlWrite.ts). The build fails if the lines are not there (a new js-yaml).
 */
const jsYamlUnused = {
  name: 'js-yaml-unused',
  setup(build) {
    build.onLoad({ filter: /[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/ }, async (args) => {
      const text = await require('node:fs/promises').readFile(args.path, 'utf8');
      const line = /^var dump {16}= dumper\.dump;$/m;
      if (!line.test(text))
        throw new Error(`${args.path}: the line 'var dump = dumper.dump;' is gone; update esbuild.js's js-yaml plugin`);
      const stubs = /^(var safe(?:Load|LoadAll|Dump) +=) renamed\(/gm;
      if (text.match(stubs)?.length !== 3)
        throw new Error(
          `${args.path}: the three 'var safe... = renamed(' lines are gone; update esbuild.js's js-yaml plugin`,
        );
      const fallback = /^( {2}this\.schema {4}= options\['schema'\] {4}\|\| )_default;$/m;
      const schema = /^var _default = core\.extend\(/m;
      const typeDefs = /^(var \w+ += )new type\(/gm;
      if (!fallback.test(text) || !schema.test(text) || text.match(typeDefs)?.length !== 13)
        throw new Error(`${args.path}: the default schema's lines are gone; update esbuild.js's js-yaml plugin`);
      const contents = text
        .replace(line, 'var dump = /* @__PURE__ */ (() => dumper.dump)();')
        .replace(stubs, '$1 /* @__PURE__ */ renamed(')
        .replace(fallback, '$1core;')
        .replace(schema, 'var _default = /* @__PURE__ */ core.extend(')
        .replace(typeDefs, '$1/* @__PURE__ */ new type(');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * `import * as vscode from 'vscode'`, bundled as it is, hands `require('vscode')` to esbuild's
 * `__toESM`, which copies the API object (about 350 members) into a new object with a getter for
 * each, once per importing module: in a real extension host, 13 ms of CPU for dist/extension.js's
 * 17 modules alone. This plugin makes `vscode` one ES module of the bundle instead, whose exports
 * are the API's own members, read once from `require('vscode')` and each marked pure, so that only
 * those the code uses stay. Their names are the runtime members (namespaces, classes, enums,
 * functions, constants) that @types/vscode declares. The sources keep `import * as vscode`, which
 * `npm run l10n` (vscode-l10n-dev) reads.
 */
const vscodeApi = {
  name: 'vscode-api',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-api'
        ? { path: 'vscode', external: true }
        : { path: 'vscode', namespace: 'vscode-api' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => {
      const lines = vscodeMembers().map((n) => `export const ${n} = /* @__PURE__ */ member(${JSON.stringify(n)});`);
      return {
        loader: 'js',
        contents: `const api = require('vscode');\nfunction member(name) { return api[name]; }\n${lines.join('\n')}\n`,
      };
    });
  },
};

/** The names of what module 'vscode' declares with a value at run time (read from @types/vscode once). */
let members;
function vscodeMembers() {
  if (members) return members;
  const ts = require('typescript');
  const file = require.resolve('@types/vscode/index.d.ts');
  const source = ts.createSourceFile(file, require('node:fs').readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const module = source.statements.find((s) => ts.isModuleDeclaration(s) && s.name.text === 'vscode');
  if (!module?.body || !ts.isModuleBlock(module.body)) throw new Error(`${file}: no \`declare module 'vscode'\``);
  const names = new Set();
  for (const s of module.body.statements) {
    if (
      ts.isClassDeclaration(s) ||
      ts.isEnumDeclaration(s) ||
      ts.isFunctionDeclaration(s) ||
      ts.isModuleDeclaration(s)
    ) {
      if (s.name) names.add(s.name.text);
    } else if (ts.isVariableStatement(s)) {
      for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    }
  }
  if (names.size < 100 || !names.has('window') || !names.has('Uri'))
    throw new Error(`${file}: found only ${names.size} members of 'vscode'; update esbuild.js's vscode-api plugin`);
  return (members = [...names].sort());
}

/**
 * The form's icons: a codicon's SVG file (@vscode/codicons/src/icons) imported by the webview's
 * script becomes the attributes of its paths, drawn as `<svg>` elements (src/webview/icons.ts)
 * rather than parsed as markup. Each file is one 16 x 16 `<svg>` of `<path>`s; any other shape fails
 * the build.
 */
const codiconPaths = {
  name: 'codicon-paths',
  setup(build) {
    build.onLoad({ filter: /[\\/]@vscode[\\/]codicons[\\/]src[\\/]icons[\\/][\w-]+\.svg$/ }, async (args) => {
      const text = (await require('node:fs/promises').readFile(args.path, 'utf8')).trim();
      const svg =
        /^<svg width="16" height="16" viewBox="0 0 16 16" xmlns="http:\/\/www\.w3\.org\/2000\/svg" fill="currentColor">((?:<path [^<>]*\/>)+)<\/svg>$/.exec(
          text,
        );
      if (!svg) throw new Error(`${args.path}: not one 16 x 16 <svg> of <path>s; update esbuild.js's codicon plugin`);
      const paths = [...svg[1].matchAll(/<path ([^<>]*)\/>/g)].map(([, attrs]) => {
        const pairs = [...attrs.matchAll(/([a-z-]+)="([^"]*)"\s*/g)];
        if (
          pairs.map((m) => m[0]).join('') !== attrs ||
          !pairs.every(([, k]) => ['d', 'fill-rule', 'clip-rule'].includes(k))
        )
          throw new Error(`${args.path}: a <path> with other attributes than d, fill-rule, clip-rule: ${attrs}`);
        return Object.fromEntries(pairs.map(([, k, v]) => [k, v]));
      });
      return { contents: `export default ${JSON.stringify(paths)};`, loader: 'js' };
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
  plugins: [jsYamlUnused],
};

/**
 * The extension's bundles: `vscode` through the plugin above, and a member it does not list (a name
 * the d.ts walk missed) fails the build instead of reading as undefined.
 */
const extension = {
  ...common,
  plugins: [jsYamlUnused, vscodeApi],
  logOverride: { 'import-is-undefined': 'error' },
};

/** The commands that talk to Bluejay; dist/cli.js requires it by this name, from beside itself. */
const CLI_REMOTE = 'dist/cli-remote.js';

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  { ...extension, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { ...extension, entryPoints: ['src/extension/editing/index.ts'], outfile: 'dist/editing.js' },
  { ...extension, entryPoints: ['src/extension/api/index.ts'], outfile: 'dist/api.js' },
  // `bluejay validate` runs on every CI build: dist/cli.js holds it alone, and the commands that talk
  // to Bluejay (src/cli/remote.ts: the HTTP client, the sync engine) are dist/cli-remote.js, which
  // cli.js requires only when one of them runs (src/cli/loadRemote.ts). Loading the one 645 KB bundle
  // there was cost V8 about 35 ms of the 160 ms a one-file validate took.
  {
    ...common,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'dist/cli.js',
    define: { ...common.define, BLUEJAY_REMOTE_BUNDLE: JSON.stringify(require('node:path').basename(CLI_REMOTE)) },
  },
  { ...common, entryPoints: ['src/cli/remote.ts'], outfile: CLI_REMOTE },
  // The form editor's browser side: its own tsconfig (DOM, no node, no vscode), one IIFE for the webview.
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/form.js',
    tsconfig: 'src/webview/tsconfig.json',
    plugins: [jsYamlUnused, codiconPaths],
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
  checkInlined();
}

/**
 * The form's script and style sheet go inside its page (src/extension/editing/formPage.ts): text
 * that would end their element early or open a comment there breaks the page, so the build fails.
 */
function checkInlined() {
  const fs = require('node:fs');
  const path = require('node:path');
  for (const [file, bad] of [
    ['dist/webview/form.js', /<\/script|<!--/i],
    ['media/form.css', /<\/style|<!--/i],
  ]) {
    const found = bad.exec(fs.readFileSync(path.join(__dirname, file), 'utf8'));
    if (found)
      throw new Error(
        `${file} holds ${JSON.stringify(found[0])} at ${found.index}: it cannot go inside the form's page`,
      );
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
