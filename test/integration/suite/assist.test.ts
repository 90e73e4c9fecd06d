import * as assert from 'node:assert/strict';
import { after, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { bluejayDiagnostics, codeOf, open, workspaceFile } from './util';

async function scratch(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return open(name);
}

function labels(list: vscode.CompletionList): string[] {
  return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

describe('completion, hover and quick fixes', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('completes keys not yet present, with a snippet for nested objects', async () => {
    const editor = await scratch('complete.digital-human.yaml', 'kind: digital-human\nid: 5\nname: x\n\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(3, 0),
    );
    const keys = labels(list);
    assert.ok(keys.includes('voice_speed') && keys.includes('scripted_responses'));
    assert.ok(!keys.includes('name') && !keys.includes('kind'), 'keys already present are not offered');
    const sr = list.items.find((i) => labels({ items: [i] })[0] === 'scripted_responses');
    assert.match(
      sr?.insertText instanceof vscode.SnippetString ? sr.insertText.value : '',
      /scripted_responses:\n {2}- match_type: \$\{1\|exact,context\|\}/,
    );
  });

  it('completes enum values after `key: `', async () => {
    const editor = await scratch('values.digital-human.yaml', 'kind: digital-human\nid: 5\nvoice_speed: \n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      new vscode.Position(2, 13),
    );
    assert.deepEqual(
      labels(list).filter((l) => l !== 'null'),
      ['slowest', 'slow', 'normal', 'fast', 'fastest'],
    );
  });

  it("in JSON, VS Code's JSON support completes from the contributed annotation schema", async () => {
    const editor = await scratch('complete.digital-human.json', '{\n  "kind": "digital-human",\n  \n}\n');
    // The JSON language server starts and loads the schema on its own time: ask again (bounded) until it has.
    let keys: string[] = [];
    for (let i = 0; i < 100 && !keys.includes('voice_speed'); i++) {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        editor.document.uri,
        new vscode.Position(2, 2),
      );
      keys = labels(list).map((l) => l.replace(/"/g, ''));
    }
    assert.ok(keys.includes('voice_speed') && keys.includes('scripted_responses'), keys.join(','));
    assert.ok(!keys.includes('kind'));
  });

  it('hovers a key with its description, type, allowed values and default', async () => {
    const editor = await open('billing.digital-human.yaml');
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('voice_speed:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(line, 3),
    );
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
      .join('\n');
    assert.match(text, /\*\*Voice speed\*\* `voice_speed`/);
    assert.match(text, /Allowed: `slowest`, `slow`, `normal`, `fast`, `fastest`/);
    assert.match(text, /Default: `normal`/);
  });

  it('offers the nearest allowed value as the preferred quick fix, and applying it clears the problem', async () => {
    const editor = await scratch(
      'fix.digital-human.yaml',
      'kind: digital-human\nid: 5\n# speed\nvoice_speed: fastt  # note\n',
    );
    const [d] = await bluejayDiagnostics(
      editor.document.uri,
      (ds) => ds.some((x) => codeOf(x) === 'invalid-enum'),
      'the enum problem',
    );
    assert.ok(d);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const preferred = actions.find((a) => a.isPreferred);
    assert.equal(preferred?.title, "Change to 'fast'");
    assert.ok(preferred.edit && (await vscode.workspace.applyEdit(preferred.edit)));
    assert.equal(editor.document.getText(), 'kind: digital-human\nid: 5\n# speed\nvoice_speed: fast  # note\n');
    await bluejayDiagnostics(editor.document.uri, (ds) => ds.length === 0, 'no problems left');
  });
});

describe('commands', () => {
  it('Validate All Definitions in Workspace reports files that are not open', async () => {
    const totals = await vscode.commands.executeCommand<{ files: number; errors: number }>('bluejay.validateWorkspace');
    assert.ok(totals.files >= 3);
    assert.ok(totals.errors >= 3);
    const broken = vscode.languages
      .getDiagnostics(workspaceFile('broken.digital-human.yaml'))
      .filter((d) => d.source === 'Bluejay');
    assert.deepEqual(broken.map(codeOf).sort(), ['invalid-enum', 'out-of-range', 'unknown-key']);
  });

  it('New Digital Human creates a valid file from the template and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('bluejay.newDigitalHuman', 'Night Shift Caller');
    assert.equal(uri.path.endsWith('/night-shift-caller.digital-human.yaml'), true);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.match(text, /^kind: digital-human$/m);
    await bluejayDiagnostics(uri, (ds) => ds.length === 0, 'a valid template');
  });
});
