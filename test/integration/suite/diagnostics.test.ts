import * as assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { validateText } from '../../../src/core/validate';
import { bluejayDiagnostics, codeOf, EXTENSION_ID, open, waitFor, workspaceFile } from './util';

/** Runs `body` on a new untitled document shown in an editor, then closes it unsaved. */
async function inUntitled(
  language: string,
  content: string,
  body: (doc: vscode.TextDocument) => Promise<void>,
): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  try {
    await vscode.window.showTextDocument(doc);
    await body(doc);
  } finally {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

describe('live diagnostics', () => {
  it('activates because the workspace contains definition files', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    // No activate() by hand: the workspace's definition files must have done it.
    await waitFor(vscode.extensions.onDidChange, () => ext.isActive, 'activation', 20_000);
    assert.equal(ext.isActive, true);
  });

  it('shows each problem on its exact range, with source, code and a docs link', async () => {
    const editor = await open('broken.digital-human.yaml');
    const ds = await bluejayDiagnostics(editor.document.uri, (d) => d.length >= 3, 'three problems');
    const enumProblem = ds.find((d) => codeOf(d) === 'invalid-enum');
    assert.ok(enumProblem);
    assert.deepEqual(
      [enumProblem.range.start.line, enumProblem.range.start.character, enumProblem.range.end.character],
      [4, 13, 18],
    );
    assert.equal(enumProblem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(enumProblem.message, /did you mean 'fast'\?/);
    assert.equal(
      typeof enumProblem.code === 'object' && enumProblem.code.target.toString(),
      'https://docs.getbluejay.ai/api-reference/endpoint/update-digital-human',
    );
    assert.deepEqual(ds.map(codeOf).sort(), ['invalid-enum', 'out-of-range', 'unknown-key']);
  });

  it('a file told apart only by its kind line gets a hint that the suffix turns on the rest; a suffixed one does not', async () => {
    const uri = workspaceFile('caller-without-suffix.yaml');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('# a caller\nkind: digital-human\nid: 5\nname: x\n'),
    );
    try {
      const editor = await open('caller-without-suffix.yaml');
      const [hint] = await bluejayDiagnostics(
        editor.document.uri,
        (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Hint),
        'the suffix hint',
      );
      assert.equal(hint?.range.start.line, 1);
      assert.match(
        hint?.message ?? '',
        /name it NAME\.digital-human\.yaml to get completion, hover, quick fixes, the form/,
      );
      const suffixed = await open('billing.digital-human.yaml');
      await bluejayDiagnostics(
        suffixed.document.uri,
        (d) => !d.some((x) => x.severity === vscode.DiagnosticSeverity.Hint),
        'no hint on a suffixed file',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('an untitled document with a kind line is validated without the suffix hint (completion and the rest work there)', () =>
    inUntitled('yaml', 'kind: digital-human\nname: x\nvoice_speed: fastt\n', async (doc) => {
      const ds = await bluejayDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'invalid-enum'), 'validation');
      assert.deepEqual(
        ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).map((d) => d.message),
        [],
      );
    }));

  it('an untitled JSON document keeps the hint: only validation runs there (found in review)', () =>
    inUntitled('json', '{\n  "kind": "digital-human",\n  "name": "x",\n  "voice_speed": "fastt"\n}\n', async (doc) => {
      await bluejayDiagnostics(
        doc.uri,
        (d) =>
          d.some((x) => codeOf(x) === 'invalid-enum') && d.some((x) => x.severity === vscode.DiagnosticSeverity.Hint),
        'validation and the hint',
      );
    }));

  it('follows edits, and clears when the file is closed', async () => {
    const editor = await open('broken.digital-human.yaml');
    const doc = editor.document;
    const line = doc.lineAt(4);
    await editor.edit((e) => e.replace(line.range, 'voice_speed: fast'));
    await bluejayDiagnostics(
      doc.uri,
      (d) => !d.some((x) => codeOf(x) === 'invalid-enum') && d.length === 2,
      'the enum problem to go',
    );
    await editor.edit((e) => e.replace(doc.lineAt(4).range, 'voice_speed: slowly'));
    await bluejayDiagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'invalid-enum'), 'the enum problem to return');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await bluejayDiagnostics(doc.uri, (d) => d.length === 0, 'diagnostics to clear when the tab closes');
  });

  it('whatever the edit (keystrokes, a paste, two cursors, undo, everything replaced; CRLF), the diagnostics are those of the text the document holds', async () => {
    const uri = workspaceFile('typed.digital-human.yaml');
    const lines = ['kind: digital-human', 'id: 9', 'name: Typed', 'voice_speed: fast', 'scripted_responses:'];
    for (let i = 0; i < 20; i++) lines.push(`  - match_type: exact`, `    match_phrase: phrase ${i}`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\r\n') + '\r\n'));
    const editor = await open('typed.digital-human.yaml');
    const doc = editor.document;
    const whole = (): string => doc.getText();
    /** Waits until the diagnostics are those of the document's text, validated here from scratch. */
    const settled = async (what: string): Promise<void> => {
      const want = validateText(whole(), doc.fileName).problems.map(
        (p) => `${p.code} ${p.range.start.line}:${p.range.start.character} ${p.message}`,
      );
      await bluejayDiagnostics(
        uri,
        (ds) =>
          ds.map((d) => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character} ${d.message}`).join() ===
          want.join(),
        what,
      );
    };
    await settled('the first validation');
    try {
      const speed = doc.lineAt(3).range.end;
      for (const [i, edit] of [
        (e: vscode.TextEditorEdit) => e.insert(speed, 'x'),
        (e: vscode.TextEditorEdit) => e.delete(new vscode.Range(speed, speed.translate(0, 1))),
        (e: vscode.TextEditorEdit) => e.replace(doc.lineAt(10).range, '    match_type: exactly'),
        (e: vscode.TextEditorEdit) => e.insert(doc.lineAt(20).range.end, '\r\n  - match_type: nope\r\n    response: 5'),
      ].entries()) {
        await editor.edit(edit);
        await settled(`single edit ${i}`);
      }
      // Several changes in one edit (two cursors), an undo and a replacement of everything; each changes the problems.
      await editor.edit((e) => {
        e.insert(doc.lineAt(3).range.end, 'x');
        e.insert(doc.lineAt(5).range.end, 'x');
      });
      await settled('two cursors');
      await vscode.commands.executeCommand('undo');
      await settled('undo');
      await editor.edit((e) =>
        e.replace(new vscode.Range(0, 0, doc.lineCount, 0), 'kind: digital-human\r\nvoice_speed: fas\r\n'),
      );
      await settled('everything replaced');
      await editor.edit((e) => e.insert(doc.lineAt(1).range.end, 't'));
      await settled('a keystroke after it');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('clears the problems of a deleted file', async () => {
    const uri = workspaceFile('doomed.digital-human.yaml');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('kind: digital-human\nid: 3\nvoice_speed: fastt\n'),
    );
    await open('doomed.digital-human.yaml');
    await bluejayDiagnostics(uri, (d) => d.length === 1, 'the problem');
    await vscode.workspace.fs.delete(uri);
    await bluejayDiagnostics(uri, (d) => d.length === 0, 'the problem to go with the file');
  });

  it("leaves JSON syntax errors to VS Code's JSON support (nothing shows twice)", async () => {
    const uri = workspaceFile('syntax.persona.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{"kind": "customer-persona",\n "name": 5,\n}'));
    await open('syntax.persona.json');
    const fromJson = await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'json').length > 0,
      "VS Code's JSON diagnostics",
      20_000,
    );
    assert.ok(fromJson);
    assert.deepEqual(
      vscode.languages
        .getDiagnostics(uri)
        .filter((d) => d.source === 'Bluejay')
        .map(codeOf),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
