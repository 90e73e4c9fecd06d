/** Completion and hover for YAML definitions (JSON gets both from VS Code's JSON support and our annotation schemas). */
import * as vscode from 'vscode';
import type { Proposal } from '../core/assist/completion';
import { documentKind, YAML_SELECTOR } from './definitions';
import type { Diagnostics } from './diagnostics';
import { editing } from './lazy';

export function registerAssist(diagnostics: Diagnostics): vscode.Disposable {
  // Red Hat YAML, when installed, completes and hovers from the schemas we contribute to it.
  const standDown = (): boolean => vscode.extensions.getExtension('redhat.vscode-yaml')?.isActive === true;
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(YAML_SELECTOR, {
      provideCompletionItems: (doc, pos) => (standDown() ? undefined : complete(doc, pos, diagnostics)),
    }),
    vscode.languages.registerHoverProvider(YAML_SELECTOR, {
      provideHover: (doc, pos) => (standDown() ? undefined : hover(doc, pos, diagnostics)),
    }),
  );
}

function complete(
  doc: vscode.TextDocument,
  pos: vscode.Position,
  diagnostics: Diagnostics,
): vscode.CompletionItem[] | undefined {
  const kind = documentKind(doc);
  if (!kind) return undefined;
  // Called through the module (not destructured) so go-to-definition lands on the code.
  const lib = editing();
  const ctx = lib.yamlContextAt(diagnostics.text(doc), doc.offsetAt(pos));
  if (!ctx) return undefined;
  const root = diagnostics.get(doc)?.value;
  let proposals: Proposal[];
  if (ctx.at === 'value') proposals = lib.valueProposals(kind, ctx.path, ctx.key ?? '', root);
  else {
    const here = lib.schemaAtPath(kind, ctx.path, root);
    proposals =
      here && !lib.typesOf(here).includes('object') && !here.properties
        ? lib.valuesOf(here)
        : lib.keyProposals(kind, ctx.path, ctx.existingKeys, root);
  }
  const range = new vscode.Range(doc.positionAt(ctx.replace[0]), doc.positionAt(ctx.replace[1]));
  return proposals.map((p) => {
    const item = new vscode.CompletionItem(
      { label: p.label, description: p.detail },
      p.kind === 'property' ? vscode.CompletionItemKind.Property : vscode.CompletionItemKind.EnumMember,
    );
    item.insertText = new vscode.SnippetString(p.snippet);
    item.range = range;
    item.sortText = p.sortText;
    item.filterText = p.label;
    item.preselect = p.preselect ?? false;
    if (p.documentation) item.documentation = new vscode.MarkdownString(p.documentation);
    // A nested object or list: open the next suggestions right away.
    // The command's title is never shown (it only opens the suggestions), so it is not translated.
    if (p.kind === 'property' && p.snippet.includes('\n'))
      // eslint-disable-next-line no-restricted-syntax
      item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
    return item;
  });
}

function hover(doc: vscode.TextDocument, pos: vscode.Position, diagnostics: Diagnostics): vscode.Hover | undefined {
  const kind = documentKind(doc);
  if (!kind) return undefined;
  const lib = editing();
  const path = lib.yamlKeyPathAt(diagnostics.text(doc), doc.offsetAt(pos));
  if (!path) return undefined;
  const s = lib.schemaAtPath(kind, path, diagnostics.get(doc)?.value);
  const key = path[path.length - 1];
  if (!s || key === undefined) return undefined;
  return new vscode.Hover(
    new vscode.MarkdownString(lib.describeField(key, s)),
    doc.getWordRangeAtPosition(pos, /[\w$-]+/),
  );
}
