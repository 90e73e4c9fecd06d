/** The `bluejay` command line: the same core as the editor, for CI. */
import { parseArgs } from 'node:util';
import { ENVIRONMENT_NAME } from '../core/environments';
import { EXIT, InstallError, isUsageError, UsageError, withoutKey, type Io } from './io';
import { remote } from './loadRemote';
import { terminalSafe, type OutputFormat } from './output';
import { validateCommand, type ValidateFormat } from './validate';

declare const BLUEJAY_VERSION: string | undefined;
const VERSION = typeof BLUEJAY_VERSION === 'string' ? BLUEJAY_VERSION : 'dev';

export const USAGE = `Usage: bluejay <command> [options] <path>...

Commands:
  validate [--format text|json|sarif|github] <path>...
                                            Check definition files against the Bluejay schemas and rules
                                            (sarif: for code scanning; github: Actions annotations).
  plan [--format text|json] [--base-url URL] <path>...
                                            Validate, read what Bluejay holds, and print what a push
                                            would create or change. Changes nothing.
  push [--format text|json] [--base-url URL] [--dry-run] [--force] [--allow-secrets] [--env NAME] <path>...
                                            Validate, then create or update each file on Bluejay.
                                            A created id is written back into the file.
  pull <kind> <id> [--out FILE] [--base-url URL]
                                            Print Bluejay's copy (kind customer-persona or
                                            digital-human) as YAML, or write it to FILE; an existing
                                            FILE is brought in step, its comments kept.
  run [--simulation ID] [--format text|json|junit] [--push] [--no-wait] [--poll SEC] [--timeout SEC]
      [--min-pass-rate R] [--base-url URL] [--env NAME] <path>...
                                            Run digital humans in their simulations on Bluejay and
                                            report the results; exit 0 only if every result passed
                                            (or --min-pass-rate is met; --no-wait: once queued).
                                            --env NAME applies to the --push step.
  generate --agent ID [--simulation ID] [--goal TEXT] [--count N] --out DIR [--base-url URL]
                                            Have Bluejay generate digital humans; write each to DIR.

plan, push, pull, run and generate read the API key from BLUEJAY_API_KEY and the base URL from
--base-url, else BLUEJAY_BASE_URL, else https://api.getbluejay.ai (plain http only to
127.0.0.1/localhost, never through a proxy). plan, push, pull and generate stop waiting for Bluejay
after BLUEJAY_COMMAND_TIMEOUT seconds (600); run waits as long as its --timeout says.
push refuses a file whose copy on Bluejay changed since it was last pushed or pulled (--force
pushes anyway), and, with --env NAME (else BLUEJAY_ENV), a file pinned to another environment.
What was last pushed or pulled is kept in .bluejay/state.json (add .bluejay/ to .gitignore).
The key (8 characters or more) is never printed: [redacted] stands for it wherever it would be.

Paths are files or folders; folders are searched for *.persona.{yaml,yml,json} and
*.digital-human.{yaml,yml,json}, skipping node_modules and dot-folders.

Exit codes: 0 no errors (push: every file succeeded; plan: no file invalid), 1 errors found (push:
any file failed; pull: Bluejay answered an error), 2 usage error, unreadable path or incomplete
install.
Options: --help, --version
`;

export async function run(argv: readonly string[], given: Io): Promise<number> {
  const io = withoutKey(given);
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
    if (!isCommand(command)) throw new UsageError(`unknown command '${command}'`);
    const { values, positionals } = parse(rest, command);
    if (values.help) {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (command !== 'pull' && command !== 'generate' && positionals.length === 0)
      throw new UsageError('no paths given');
    if (command === 'run') {
      // run bounds its own wait (--timeout); each of its requests has the client's deadlines.
      const { runCommand } = await remote();
      return await runCommand(
        positionals,
        {
          simulation: values.simulation,
          format: values.format,
          push: values.push === true,
          noWait: values['no-wait'] === true,
          poll: values.poll,
          timeout: values.timeout,
          minPassRate: values['min-pass-rate'],
          baseUrl: values['base-url'],
          env: envName(values.env),
        },
        io,
      );
    }
    if (command === 'validate') return await validateCommand(positionals, validateFormat(values.format), io, VERSION);
    // plan, push and pull talk to Bluejay: each has a time limit as a whole (connect.ts).
    const { timeLimited } = await remote();
    const limited = timeLimited(io);
    try {
      return await talk(command, values, positionals, limited.io);
    } finally {
      limited.done();
    }
  } catch (e) {
    if (isUsageError(e) || isParseArgsError(e)) {
      io.err(`bluejay: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof InstallError) {
      io.err(`bluejay: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

async function talk(
  command: Exclude<Command, 'validate' | 'run'>,
  values: Values,
  positionals: string[],
  io: Io,
): Promise<number> {
  if (command === 'pull') {
    const { pullCommand } = await remote();
    return await pullCommand(positionals, { baseUrl: values['base-url'], out: values.out }, io);
  }
  if (command === 'generate') {
    const { generateCommand } = await remote();
    return await generateCommand(
      {
        agent: values.agent,
        simulation: values.simulation,
        goal: values.goal,
        count: values.count,
        out: values.out,
        baseUrl: values['base-url'],
        extra: positionals,
      },
      io,
    );
  }
  if (command === 'plan') {
    const { planCommand } = await remote();
    return await planCommand(positionals, { format: outputFormat(values.format), baseUrl: values['base-url'] }, io);
  }
  const { pushCommand } = await remote();
  return await pushCommand(
    positionals,
    {
      format: outputFormat(values.format),
      baseUrl: values['base-url'],
      dryRun: values['dry-run'] === true,
      force: values.force === true,
      allowSecrets: values['allow-secrets'] === true,
      env: envName(values.env),
    },
    io,
  );
}

const COMMANDS = ['validate', 'plan', 'push', 'pull', 'run', 'generate'] as const;
type Command = (typeof COMMANDS)[number];

function isCommand(c: string): c is Command {
  return (COMMANDS as readonly string[]).includes(c);
}

const FORMAT = { format: { type: 'string' } } as const;
const BASE_URL = { 'base-url': { type: 'string' } } as const;
const OPTIONS = {
  validate: { ...FORMAT },
  plan: { ...FORMAT, ...BASE_URL },
  push: {
    ...FORMAT,
    ...BASE_URL,
    'dry-run': { type: 'boolean' },
    force: { type: 'boolean' },
    'allow-secrets': { type: 'boolean' },
    env: { type: 'string' },
  },
  pull: { ...BASE_URL, out: { type: 'string' } },
  run: {
    ...FORMAT,
    ...BASE_URL,
    simulation: { type: 'string' },
    push: { type: 'boolean' },
    'no-wait': { type: 'boolean' },
    poll: { type: 'string' },
    timeout: { type: 'string' },
    'min-pass-rate': { type: 'string' },
    env: { type: 'string' },
  },
  generate: {
    ...BASE_URL,
    agent: { type: 'string' },
    simulation: { type: 'string' },
    goal: { type: 'string' },
    count: { type: 'string' },
    out: { type: 'string' },
  },
} as const;

interface Values {
  format?: string;
  help?: boolean;
  'base-url'?: string;
  'dry-run'?: boolean;
  force?: boolean;
  'allow-secrets'?: boolean;
  env?: string;
  out?: string;
  simulation?: string;
  push?: boolean;
  'no-wait'?: boolean;
  poll?: string;
  timeout?: string;
  'min-pass-rate'?: string;
  agent?: string;
  goal?: string;
  count?: string;
}

function parse(args: readonly string[], command: Command) {
  const options = { help: { type: 'boolean', short: 'h' }, ...OPTIONS[command] } as const;
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  return { values: values as Values, positionals };
}

function envName(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!ENVIRONMENT_NAME.test(v))
    throw new UsageError(`--env must be an environment name (letters, digits, '.', '_', '-'), got '${v}'`);
  return v;
}

function outputFormat(v: string | undefined): OutputFormat {
  if (v === undefined || v === 'text' || v === 'json') return v ?? 'text';
  throw new UsageError(`--format must be text or json (got '${v}')`);
}

function validateFormat(v: string | undefined): ValidateFormat {
  if (v === 'sarif' || v === 'github') return v;
  if (v === undefined || v === 'text' || v === 'json') return v ?? 'text';
  throw new UsageError(`--format must be text, json, sarif or github (got '${v}')`);
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Runs when this file is the program (`dist/cli.js`), not when tests import it. */
export function main(): void {
  // In a push, plan, pull, run or generate, Ctrl+C aborts the requests in flight and what finished is still reported; a
  // second Ctrl+C quits as soon as a file being written is complete (any Ctrl+C elsewhere quits at once).
  const abort = new AbortController();
  const onSigint = (): void => {
    // A write under way is in the sync engine of dist/cli-remote.js, loaded by then (validate does not load it at all).
    if (abort.signal.aborted) return void remote().then(({ afterWrites }) => afterWrites(() => process.exit(130)));
    abort.abort();
  };
  if (['push', 'plan', 'pull', 'run', 'generate'].includes(process.argv[2] ?? '')) process.on('SIGINT', onSigint);
  // Whatever a command prints, a file's name or Bluejay's answer included, reaches the terminal without a raw control character.
  const io: Io = {
    out: (t) => process.stdout.write(terminalSafe(t)),
    err: (t) => process.stderr.write(terminalSafe(t)),
    env: process.env,
    signal: abort.signal,
  };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.off('SIGINT', onSigint);
      process.exitCode = code;
    },
    (e: unknown) => {
      withoutKey(io).err(`bluejay: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
