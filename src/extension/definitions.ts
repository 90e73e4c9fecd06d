/**
 * Which documents are Bluejay definitions, the selectors the language features register for, the
 * workspace's definition files, and the definition a command acts on.
 */
import * as vscode from 'vscode';
import { kindFromFileName, type Kind } from '../core/kinds';
import { validateText, type ValidationResult } from '../core/validate';
import type { Diagnostics } from './diagnostics';

export const GLOB = '**/*.{persona,digital-human}.{yaml,yml,json}';
export const EXCLUDE = '**/{node_modules,.*}/**';

export const YAML_SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml', pattern: '**/*.{persona,digital-human}.{yaml,yml}' },
  { language: 'yaml', scheme: 'untitled' },
];
export const ALL_SELECTOR: vscode.DocumentSelector = [
  ...(YAML_SELECTOR as vscode.DocumentFilter[]),
  { language: 'json', pattern: '**/*.{persona,digital-human}.json' },
];

/** The workspace's definition files, as the commands find and watch them. */
export interface Definitions {
  isDefinition(doc: vscode.TextDocument): boolean;
  find(): Thenable<vscode.Uri[]>;
  /** The glob of definition files (for watchers). */
  readonly glob: string;
}

export const definitions: Definitions = {
  isDefinition,
  find: () => vscode.workspace.findFiles(GLOB, EXCLUDE),
  glob: GLOB,
};

const KIND_LINE = /^\s*"?kind"?\s*:\s*"?(customer-persona|digital-human)\b/m;

/**
 * The kind a document holds by its name, or (untitled, other names) by a `kind:` line near the top.
 * Only editable documents count: the old side of a git diff is not a definition to check or push.
 */
export function documentKind(doc: vscode.TextDocument): Kind | undefined {
  if (doc.languageId !== 'yaml' && doc.languageId !== 'json') return undefined;
  const scheme = doc.uri.scheme;
  if (scheme !== 'file' && scheme !== 'untitled' && vscode.workspace.fs.isWritableFileSystem(scheme) !== true)
    return undefined;
  const byName = kindFromFileName(doc.fileName);
  if (byName) return byName;
  const m = KIND_LINE.exec(doc.getText(new vscode.Range(0, 0, 40, 0)));
  return m?.[1] as Kind | undefined;
}

export function isDefinition(doc: vscode.TextDocument): boolean {
  return documentKind(doc) !== undefined;
}

/**
 * A definition by its file name (`*.persona.*`, `*.digital-human.*`), what push on save acts on:
 * a file told apart only by its `kind:` line is validated, nothing runs on it by itself.
 */
export function isNamedDefinition(doc: vscode.TextDocument): boolean {
  return kindFromFileName(doc.fileName) !== undefined && isDefinition(doc);
}

/** The file a command acts on: its argument, else the active text editor's, else the active tab's (the form is no text editor). */
export function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active) return active;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
}

/**
 * The definition the person is looking at: the active text editor's document, or the document of
 * the active tab when that is the form (a custom editor is no text editor). Undefined otherwise.
 */
export function activeDefinition(): vscode.TextDocument | undefined {
  const editor = vscode.window.activeTextEditor?.document;
  if (editor) return isDefinition(editor) ? editor : undefined;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (!(input instanceof vscode.TabInputCustom)) return undefined;
  const uri = input.uri.toString();
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  return doc && isDefinition(doc) ? doc : undefined;
}

/** Fires when the active editor or the active tab changes (what `activeDefinition` reads). */
export function onDidChangeActiveDefinition(listener: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(listener),
    vscode.window.tabGroups.onDidChangeTabs(listener),
    vscode.window.tabGroups.onDidChangeTabGroups(listener),
  );
}

/** The format a document is read and edited in. */
export function formatOf(doc: vscode.TextDocument): 'yaml' | 'json' {
  return doc.languageId === 'json' ? 'json' : 'yaml';
}

/**
 * The definition a command acts on (its argument, else the active one), opened; undefined, after
 * saying why, when there is none. `noFile` is what to say when no file is given or active
 * ("Bluejay: open a definition file to ...", translated by the caller).
 */
export async function openDefinition(
  defs: Definitions,
  arg: unknown,
  noFile: string,
): Promise<vscode.TextDocument | undefined> {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showInformationMessage(noFile);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  if (defs.isDefinition(doc)) return doc;
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Bluejay: {0} is not a persona or digital human definition.', vscode.workspace.asRelativePath(uri)),
  );
  return undefined;
}

/** The document's validation: the live one (cached per version), else made now (validation turned off). */
export function validationOf(diagnostics: Diagnostics, doc: vscode.TextDocument): ValidationResult {
  return diagnostics.ensure(doc) ?? validateText(doc.getText(), doc.fileName, { format: formatOf(doc) });
}
