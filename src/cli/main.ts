/** The `bluejay` command line: the same core as the editor, for CI. */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type Io } from './io';
import type { OutputFormat } from './output';
import { validateCommand } from './validate';

declare const BLUEJAY_VERSION: string | undefined;
const VERSION = typeof BLUEJAY_VERSION === 'string' ? BLUEJAY_VERSION : 'dev';

export const USAGE = `Usage: bluejay <command> [options] <path>...

Commands:
  validate [--format text|json] <path>...   Check definition files against the Bluejay schemas and rules.

Paths are files or folders; folders are searched for *.persona.{yaml,yml,json} and
*.digital-human.{yaml,yml,json}, skipping node_modules and dot-folders.

Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable path.
Options: --help, --version
`;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) throw new UsageError('no command given');
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (command !== 'validate') throw new UsageError(`unknown command '${command}'`);
    const { values, positionals } = parse(rest);
    if (values.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UsageError('no paths given');
    return await validateCommand(positionals, outputFormat(values.format), io);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`bluejay: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw e;
  }
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}

function outputFormat(v: string | undefined): OutputFormat {
  if (v === undefined || v === 'text' || v === 'json') return v ?? 'text';
  throw new UsageError(`--format must be text or json (got '${v}')`);
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Runs when this file is the program (`dist/cli.js`), not when tests import it. */
export function main(): void {
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`bluejay: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
