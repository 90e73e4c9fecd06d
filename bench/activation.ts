/**
 * Activation cost in a fresh Node process: `require` of dist/extension.js, then activate() and the
 * first validation of a small definition, against a stand-in `vscode` module (it records the
 * diagnostics and hands over the document-open listener). Run by `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const RUNS = 15;

/** The child: measures one cold start and prints `require ms, activate+validate ms`. */
function child(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Module._load is not in the typed API
  const Module = require('node:module') as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = Module._load;
  const onOpen: ((doc: unknown) => void)[] = [];
  let published = false;
  const anything: object = new Proxy(function () {}, {
    get: (_t, prop) => {
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'then') return () => anything;
      if (prop === 'textDocuments' || prop === 'all' || prop === 'workspaceFolders') return [];
      if (prop === 'onDidOpenTextDocument') return (cb: (doc: unknown) => void) => (onOpen.push(cb), anything);
      if (prop === 'set') return () => (published = true);
      // No setting is set (a setting read as the stand-in would look set, and move an old one lazily).
      if (prop === 'inspect') return () => undefined;
      return anything;
    },
    set: () => true,
    apply: () => anything,
    construct: () => anything,
  });
  // The members the bundle reads from `vscode` when it loads (esbuild.js's vscode-api plugin), as own properties.
  const names = [
    'window',
    'workspace',
    'languages',
    'commands',
    'extensions',
    'env',
    'Disposable',
    'EventEmitter',
    'Range',
    'Position',
    'Diagnostic',
    'DiagnosticSeverity',
    'Uri',
    'ThemeColor',
    'StatusBarAlignment',
    'CodeAction',
    'CodeActionKind',
    'WorkspaceEdit',
    'CompletionItem',
    'CompletionItemKind',
    'SnippetString',
    'MarkdownString',
    'Hover',
    'ProgressLocation',
    'TabInputText',
    'TabInputCustom',
    'CodeLens',
    'ConfigurationTarget',
    'CancellationTokenSource',
    'l10n',
    'tests',
    'ViewColumn',
    'TextDocumentSaveReason',
    'version',
  ];
  const vscode = Object.fromEntries(names.map((n) => [n, anything]));
  Module._load = (request, parent, isMain) => (request === 'vscode' ? vscode : original(request, parent, isMain));
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the very require being timed
  const ext = require(join(ROOT, 'dist', 'extension.js')) as { activate: (ctx: unknown) => void };
  const t1 = performance.now();
  ext.activate({
    subscriptions: [],
    extension: { packageJSON: { version: 'bench' } },
    secrets: anything,
    workspaceState: anything,
    globalState: anything,
    extensionUri: anything,
  });
  const text = 'kind: digital-human\nid: 3\nname: Caller\nvoice_speed: fastt\n';
  const doc = {
    uri: { scheme: 'file', toString: () => 'file:///a.digital-human.yaml' },
    fileName: '/a.digital-human.yaml',
    languageId: 'yaml',
    version: 1,
    isClosed: false,
    getText: () => text,
  };
  for (const cb of onOpen) cb(doc);
  const t2 = performance.now();
  if (!published) throw new Error('no diagnostics were published');
  console.log(`${(t1 - t0).toFixed(2)} ${(t2 - t1).toFixed(2)}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function main(): void {
  const requires: number[] = [];
  const activations: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let out: number[];
    try {
      out = execFileSync(process.execPath, [__filename, '--child'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
        .trim()
        .split(' ')
        .map(Number);
    } catch (e) {
      const stderr = String((e as { stderr?: unknown }).stderr ?? e);
      console.log(
        `activation run failed: ${stderr
          .split('\n')
          .filter((l) => /Error|at /.test(l))
          .slice(0, 4)
          .join(' | ')
          .slice(0, 400)}`,
      );
      return;
    }
    requires.push(out[0] ?? NaN);
    activations.push(out[1] ?? NaN);
  }
  const kb = (f: string): string => (statSync(join(ROOT, 'dist', f)).size / 1024).toFixed(1);
  console.log(
    `\nActivation in a fresh process (median of ${RUNS}, dist/ as built; \`npm run bench\` builds it minified):`,
  );
  console.log(`  require dist/extension.js            ${median(requires).toFixed(1)} ms   (goal <= 15 ms)`);
  console.log(`  activate + first small validation    ${median(activations).toFixed(1)} ms   (goal <= 25 ms)`);
  console.log(
    `  dist/extension.js                     ${kb('extension.js')} KB  (goal <= 150 KB; dist/editing.js ${kb('editing.js')} KB loads on first completion/hover/quick fix)`,
  );
}

if (process.argv.includes('--child')) child();
else main();
