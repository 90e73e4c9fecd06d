/**
 * `npm run pack:cli` (issue 13): the packed CLI installs into an empty folder, with nothing to fetch,
 * and runs there without this repository.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './support/cli';

const run = promisify(execFile);
const TGZ = join(ROOT, 'out', 'bluejay-cli.tgz');

void describe('the packed CLI (out/bluejay-cli.tgz)', () => {
  let dir: string;
  let bin: string;
  before(async () => {
    await run(process.execPath, [join(ROOT, 'scripts', 'pack-cli.mjs')], { cwd: ROOT });
    dir = mkdtempSync(join(tmpdir(), 'bluejay-cli-install-'));
    writeFileSync(join(dir, 'package.json'), '{"name":"ci-job","private":true}\n');
    // --offline: installing it must need nothing from a registry.
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', TGZ], { cwd: dir });
    bin = join(dir, 'node_modules', '.bin', 'bluejay');
  });

  void test('holds the CLI bundles alone: no dependencies, no extension code, Node >= 20', () => {
    const manifest = JSON.parse(
      readFileSync(join(dir, 'node_modules', 'bluejay-cli', 'package.json'), 'utf8'),
    ) as Record<string, unknown>;
    assert.deepEqual(manifest['bin'], { bluejay: 'cli.js' });
    assert.equal(manifest['dependencies'], undefined);
    assert.deepEqual(manifest['engines'], { node: '>=20' });
    const code = readFileSync(join(dir, 'node_modules', 'bluejay-cli', 'cli.js'), 'utf8');
    assert.doesNotMatch(code, /require\("vscode"\)/);
    // validate's bundle leaves the HTTP client to cli-remote.js, loaded by the commands that talk to Bluejay.
    assert.doesNotMatch(code, /axios/i);
    assert.match(readFileSync(join(dir, 'node_modules', 'bluejay-cli', 'cli-remote.js'), 'utf8'), /axios/i);
  });

  /** `bluejay pull digital-human abc` from the install: refused by the pull command itself, in dist/cli-remote.js. */
  const refusedPull = (env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stderr: string }> =>
    run(bin, ['pull', 'digital-human', 'abc'], {
      cwd: dir,
      env: { ...process.env, BLUEJAY_API_KEY: 'test-key', ...env },
    }).then(
      () => assert.fail('exit 0 on a wrong id'),
      (e: { code: number; stderr: string }) => e,
    );

  void test('a command line refused inside a command that talks to Bluejay still exits 2 with the usage', async () => {
    const bad = await refusedPull();
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^bluejay: a digital human's id is an integer/);
    assert.match(bad.stderr, /\nUsage: bluejay <command>/);
  });

  void test('the commands that talk to Bluejay load beside the real cli.js, also when Node keeps the bin symlink', async () => {
    const bad = await refusedPull({ NODE_OPTIONS: '--preserve-symlinks-main' });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^bluejay: a digital human's id is an integer/);
  });

  void test('cli.js copied without cli-remote.js: validate runs, a command that talks to Bluejay says what is missing', async () => {
    // Until this release the CLI was the one file cli.js, and copying it alone was enough.
    // The CLI names the file beside its real path (macOS's /var is /private/var).
    const alone = realpathSync(mkdtempSync(join(tmpdir(), 'bluejay-cli-alone-')));
    copyFileSync(join(dir, 'node_modules', 'bluejay-cli', 'cli.js'), join(alone, 'cli.js'));
    writeFileSync(join(alone, 'a.persona.yaml'), 'kind: customer-persona\nname: A\ndescription: B\ngoal: C\n');
    const ok = await run(process.execPath, [join(alone, 'cli.js'), 'validate', 'a.persona.yaml'], { cwd: alone });
    assert.match(ok.stderr, /1 file checked: 0 errors/);
    const bad = await run(process.execPath, [join(alone, 'cli.js'), 'pull', 'digital-human', '1'], {
      cwd: alone,
      env: { ...process.env, BLUEJAY_API_KEY: 'test-key', BLUEJAY_BASE_URL: 'https://api.example.invalid' },
    }).then(
      () => assert.fail('exit 0 without cli-remote.js'),
      (e: { code: number; stderr: string }) => e,
    );
    rmSync(alone, { recursive: true, force: true });
    assert.equal(bad.code, 2);
    assert.equal(
      bad.stderr,
      `bluejay: cannot find ${join(alone, 'cli-remote.js')}: push, plan, pull, run and generate are in that file, which belongs beside cli.js. Install the CLI from its package (npm run pack:cli writes out/bluejay-cli.tgz) rather than copying cli.js alone.\n`,
    );
  });

  void test('bluejay validate runs from the install', async () => {
    copyFileSync(join(ROOT, 'examples', 'refund-seeker.persona.yaml'), join(dir, 'refund-seeker.persona.yaml'));
    writeFileSync(join(dir, 'broken.digital-human.yaml'), 'kind: digital-human\nvoice_speed: fastt\n');
    const ok = await run(bin, ['validate', 'refund-seeker.persona.yaml'], { cwd: dir });
    assert.equal(ok.stdout, '');
    const bad = await run(bin, ['validate', '--format', 'json', 'broken.digital-human.yaml'], { cwd: dir }).then(
      () => assert.fail('exit 0 on a broken file'),
      (e: { code: number; stdout: string }) => e,
    );
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /"code":"invalid-enum"/);
  });

  void test('bluejay push --dry-run runs from the install and sends nothing', async () => {
    copyFileSync(join(ROOT, 'examples', 'refund-seeker.persona.yaml'), join(dir, 'dry.persona.yaml'));
    const r = await run(bin, ['push', '--dry-run', '--format', 'json', 'dry.persona.yaml'], {
      cwd: dir,
      env: { ...process.env, BLUEJAY_BASE_URL: 'https://api.example.invalid' },
    });
    const json = JSON.parse(r.stdout) as { results: { action: string; request: { url: string } }[] };
    assert.equal(json.results[0]?.action, 'skipped');
    assert.match(json.results[0]?.request.url ?? '', /^https:\/\/api\.example\.invalid\/v1\//);
  });
});
