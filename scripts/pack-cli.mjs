// `npm run pack:cli`: out/bluejay-cli.tgz, an npm package holding only the `bluejay` command line
// (two minified bundles, no runtime dependencies to fetch, no extension code), for CI machines that
// do not have this repository: `npm install -g ./bluejay-cli.tgz`, or `npx --package ./bluejay-cli.tgz bluejay`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');
const { builds } = require(join(root, 'esbuild.js'));
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const stage = join(root, 'out', 'cli-package');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });

// cli.js (validate) and cli-remote.js (the commands that talk to Bluejay), which cli.js loads when
// one runs: each under the name esbuild.js gives it in dist/, which cli.js looks for beside itself.
for (const entry of ['src/cli/index.ts', 'src/cli/remote.ts']) {
  const build = builds.find((b) => b.entryPoints.includes(entry));
  await esbuild.build({
    ...build,
    absWorkingDir: root,
    outfile: join(stage, basename(build.outfile)),
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
  });
}

// The package's README is the main README's command-line section, what is guaranteed (which the
// command-line section links to) and its table of problem codes.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = (title) => {
  const start = readme.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`README.md has no section '${title}'`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start + 1, end < 0 ? undefined : end).trim();
};
const install = [
  '```sh',
  'npm install --save-dev ./bluejay-cli.tgz   # or: npm install -g ./bluejay-cli.tgz',
  'npx bluejay validate definitions/',
  '```',
].join('\n');
writeFileSync(
  join(stage, 'README.md'),
  [
    `# bluejay: the Bluejay definitions command line`,
    `Validate, plan, push and pull Bluejay customer personas and digital humans kept as YAML or JSON files, for CI. Node.js ${project.engines.node}; no dependencies.`,
    install,
    section('The command line').replace(/^## /m, '## '),
    section('What is guaranteed'),
    section('Problem codes'),
  ].join('\n\n') + '\n',
);
copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));

const manifest = {
  name: 'bluejay-cli',
  version: project.version,
  description: 'The bluejay command line: validate, plan, push and pull Bluejay definition files (YAML or JSON) in CI.',
  license: project.license,
  bin: { bluejay: 'cli.js' },
  files: ['cli.js', 'cli-remote.js', 'README.md', 'LICENSE'],
  engines: { node: project.engines.node },
  keywords: ['bluejay', 'cli', 'yaml', 'json schema', 'ci'],
};
writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', join(root, 'out')], {
  cwd: stage,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [{ filename, size }] = JSON.parse(packed);
const target = join(root, 'out', 'bluejay-cli.tgz');
renameSync(join(root, 'out', filename), target);
console.log(`pack:cli: out/bluejay-cli.tgz ${(size / 1024).toFixed(1)} KB`);
