/**
 * Loads dist/cli-remote.js, the commands that talk to Bluejay, once per process; a cli.js copied
 * without it gets an InstallError saying so.
 */
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InstallError } from './io';
import type * as Remote from './remote.js';

/** The file name of the commands that talk to Bluejay beside dist/cli.js (esbuild.js defines it). */
declare const BLUEJAY_REMOTE_BUNDLE: string | undefined;

/**
 * The commands that talk to Bluejay (remote.ts). Built, they are dist/cli-remote.js beside the real
 * dist/cli.js (esbuild.js; also when Node keeps the symlink it was started through); compiled for
 * the tests, the module itself. A `require`, not an `import()`: Node's ES module loader would scan
 * all 630 KB of the CommonJS bundle for its exports first (about 200 ms).
 */
export function remote(): Promise<typeof Remote> {
  return Promise.resolve().then(() => {
    if (!loadedRemote) {
      const file =
        typeof BLUEJAY_REMOTE_BUNDLE === 'string'
          ? join(dirname(realpathSync(__filename)), BLUEJAY_REMOTE_BUNDLE)
          : './remote.js';
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a separate bundle, resolved at run time
        loadedRemote = require(file) as typeof Remote;
      } catch (e) {
        // cli.js copied alone (the CLI was one file until this release): say what is missing, not "internal error" and a stack.
        if (isMissing(e, file))
          throw new InstallError(
            `cannot find ${file}: push, plan, pull, run and generate are in that file, which belongs beside cli.js. Install the CLI from its package (npm run pack:cli writes out/bluejay-cli.tgz) rather than copying cli.js alone.`,
          );
        throw e;
      }
    }
    return loadedRemote;
  });
}

/**
 * Whether `e` says that `file` itself is not there: a module missing inside it names `file` only in
 * its require stack, and is a fault of the bundle, not of the install.
 */
export function isMissing(e: unknown, file: string): boolean {
  return (
    (e as { code?: unknown }).code === 'MODULE_NOT_FOUND' &&
    String((e as { message?: unknown }).message).startsWith(`Cannot find module '${file}'`)
  );
}

/** Once loaded: plan, push and pull ask twice (the time limit, then the command). */
let loadedRemote: typeof Remote | undefined;
