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
  push [--format text|json] [--base-url URL] [--dry-run] <path>...
                                            Validate, then create or update each file on Bluejay.
                                            A created id is written back into the file.

push reads the API key from BLUEJAY_API_KEY and the base URL from --base-url, else BLUEJAY_BASE_URL,
else https://api.getbluejay.ai (plain http only to 127.0.0.1/localhost).

Paths are files or folders; folders are searched for *.persona.{yaml,yml,json} and
*.digital-human.{yaml,yml,json}, skipping node_modules and dot-folders.

Exit codes: 0 no errors (push: every file succeeded), 1 errors found (push: any file failed),
2 usage error or unreadable path.
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
    if (command !== 'validate' && command !== 'push') throw new UsageError(`unknown command '${command}'`);
    const { values, positionals } = parse(rest, command === 'push');
    if (values.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (positionals.length === 0) throw new UsageError('no paths given');
    if (command === 'validate') return await validateCommand(positionals, outputFormat(values.format), io);
    const { pushCommand } = await import('./push.js');
    return await pushCommand(positionals, { format: outputFormat(values.format), baseUrl: values['base-url'], dryRun: values['dry-run'] === true }, io);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      io.err(`bluejay: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    throw e;
  }
}

function parse(args: readonly string[], push: boolean) {
  const common = { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
  const pushOnly = { 'base-url': { type: 'string' }, 'dry-run': { type: 'boolean' } } as const;
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: push ? { ...common, ...pushOnly } : { ...common } });
  return { values: values as { format?: string; help?: boolean; 'base-url'?: string; 'dry-run'?: boolean }, positionals };
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
  // In a push, Ctrl+C aborts the requests in flight and what finished is still reported; a second
  // Ctrl+C (and any Ctrl+C elsewhere) quits at once.
  const abort = new AbortController();
  const onSigint = (): void => {
    if (abort.signal.aborted) process.exit(130);
    abort.abort();
  };
  if (process.argv[2] === 'push') process.on('SIGINT', onSigint);
  const io: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), env: process.env, signal: abort.signal };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.off('SIGINT', onSigint);
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`bluejay: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
