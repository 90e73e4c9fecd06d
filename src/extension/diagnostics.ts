/**
 * Live diagnostics: validates definition documents on open and (debounced) on change, keeps the
 * latest result per document for the other features, and clears it on close and delete.
 */
import * as vscode from 'vscode';
import { docsUrl } from '../core/codes';
import { kindFromFileName, type Kind } from '../core/kinds';
import type { Problem } from '../core/problem';
import { validateText, type ValidationResult } from '../core/validate';
import type { Config } from './config';
import { documentKind, formatOf, GLOB, isDefinition } from './definitions';
import type { Logger } from './log';
import { TextMirror } from './textMirror';
import { ValidationPace } from './validationPace';

/**
 * Problems other owners already show (so nothing appears twice): VS Code's JSON support reports JSON
 * syntax and duplicate keys for every .json file, and Red Hat YAML does the same for YAML.
 */
function ownedElsewhere(doc: vscode.TextDocument, code: string): boolean {
  if (code !== 'json-syntax' && code !== 'yaml-syntax' && code !== 'duplicate-key') return false;
  if (doc.languageId === 'json') return code !== 'yaml-syntax';
  return vscode.extensions.getExtension('redhat.vscode-yaml')?.isActive === true && code !== 'json-syntax';
}

const SEVERITY: Readonly<Record<Problem['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export function toRange(p: Problem['range']): vscode.Range {
  return new vscode.Range(p.start.line, p.start.character, p.end.line, p.end.character);
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  return input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
}

/** A problem as a VS Code diagnostic, its code linked to Bluejay's documentation where a page explains it. */
export function toDiagnostic(p: Problem, kind: ValidationResult['kind'], source = 'Bluejay'): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(p.range), p.message, SEVERITY[p.severity]);
  d.source = source;
  d.code = codeOf(p.code, kind);
  return d;
}

/** A diagnostic's code: linked to its page where one explains it, made once per code and kind (thousands of problems share a few). */
type Code = string | { value: string; target: vscode.Uri };
const codes = new Map<string, Code>();
function codeOf(code: string, kind: ValidationResult['kind']): Code {
  const key = `${kind ?? ''}\u0000${code}`;
  let made = codes.get(key);
  if (made === undefined) {
    const url = docsUrl(code, kind);
    made = url ? { value: code, target: vscode.Uri.parse(url) } : code;
    codes.set(key, made);
  }
  return made;
}

/**
 * A file told apart only by its `kind:` line is validated, and nothing more: a hint on that line
 * says that the name's suffix is what turns on the rest. Not on an untitled YAML document:
 * completion, hover and quick fixes work there (the selectors take untitled YAML), and saving names it.
 */
function suffixHint(doc: vscode.TextDocument, kind: Kind): vscode.Diagnostic | undefined {
  if (kindFromFileName(doc.fileName) || (doc.isUntitled && doc.languageId === 'yaml')) return undefined;
  const line = /^\s*"?kind"?\s*:/m.exec(doc.getText(new vscode.Range(0, 0, 40, 0)));
  const at = doc.positionAt(line?.index ?? 0);
  const suffix = kind === 'digital-human' ? 'digital-human' : 'persona';
  const d = new vscode.Diagnostic(
    doc.lineAt(at.line).range,
    vscode.l10n.t(
      'Only validation runs on this file: name it {0} to get completion, hover, quick fixes, the form, the CodeLens and Push All.',
      `NAME.${suffix}.${formatOf(doc)}`,
    ),
    vscode.DiagnosticSeverity.Hint,
  );
  d.source = 'Bluejay';
  return d;
}

/** `text` has the document's length, and its lines from `start` to `end` read as the document's. */
function agrees(doc: vscode.TextDocument, text: string, start: number, end: number): boolean {
  if (doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) !== text.length) return false;
  const lines = new vscode.Range(doc.positionAt(start).line, 0, doc.positionAt(end).line + 1, 0);
  return doc.getText(lines) === text.slice(doc.offsetAt(lines.start), doc.offsetAt(lines.end));
}

export interface Validated {
  readonly version: number;
  readonly result: ValidationResult;
}

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('bluejay');
  private readonly latest = new Map<string, Validated>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pace = new Map<string, ValidationPace>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The last text validated, kept in step with the document's changes. */
  private readonly texts = new TextMirror();

  /** Fires after a document's diagnostics were replaced or cleared. */
  readonly onDidUpdate = this.changed.event;

  constructor(
    private readonly config: Config,
    private readonly log: Logger,
  ) {
    const ws = vscode.workspace;
    this.subscriptions.push(
      this.collection,
      this.changed,
      ws.onDidOpenTextDocument((d) => this.validateNow(d)),
      ws.onDidChangeTextDocument((e) => this.schedule(e)),
      ws.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // VS Code may keep a document loaded after its last tab closes; the user sees the tab go.
      vscode.window.tabGroups.onDidChangeTabs((e) => e.closed.forEach((t) => this.forgetIfNoTab(t))),
      ws.onDidDeleteFiles((e) => e.files.forEach((u) => this.forget(u))),
      ws.onDidRenameFiles((e) => e.files.forEach((f) => this.forget(f.oldUri))),
      config.onDidChange(() => this.revalidateOpen()),
    );
    const watcher = ws.createFileSystemWatcher(GLOB, true, true, false);
    this.subscriptions.push(
      watcher,
      watcher.onDidDelete((u) => this.forget(u)),
    );
    this.revalidateOpen();
  }

  /** The latest validation of an open document, if it is current. */
  get(doc: vscode.TextDocument): ValidationResult | undefined {
    const v = this.latest.get(doc.uri.toString());
    return v && v.version === doc.version ? v.result : undefined;
  }

  /**
   * The document's text, when the latest validation read it or it follows from that by the changes
   * since (else undefined): on a 1 MB file each `getText` builds the whole string again. Only the
   * last document's is kept (textMirror.ts).
   */
  textOf(doc: vscode.TextDocument): string | undefined {
    return this.texts.textOf(doc.uri.toString(), doc.version);
  }

  /**
   * The document's text: the copy kept in step with it when that is current, else `getText`. For
   * what only reads it (validation, completion, hover); the form writes edits made on `textOf` only
   * when they land on the document's same text (edits.ts `landsOn`), quick fixes read the document.
   */
  text(doc: vscode.TextDocument): string {
    return this.textOf(doc) ?? doc.getText();
  }

  /** Validates now (or returns the current result), for features that need it at once. */
  ensure(doc: vscode.TextDocument): ValidationResult | undefined {
    return this.get(doc) ?? this.validateNow(doc);
  }

  /** Publishes the problems of files that are not open (Validate All in Workspace), as one update. */
  publish(
    files: readonly {
      readonly uri: vscode.Uri;
      readonly problems: readonly Problem[];
      readonly kind: ValidationResult['kind'];
    }[],
  ): void {
    this.collection.set(files.map((f) => [f.uri, f.problems.map((p) => toDiagnostic(p, f.kind))]));
    for (const f of files) this.changed.fire(f.uri);
  }

  revalidateOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.validateNow(d);
  }

  private schedule(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document;
    this.texts.change(doc.uri.toString(), doc.version, e.contentChanges, (text, start, end) =>
      agrees(doc, text, start, end),
    );
    if (!isDefinition(doc)) {
      if (this.latest.has(doc.uri.toString())) this.forget(doc.uri); // it lost its `kind:` line
      return;
    }
    const key = doc.uri.toString();
    // A change event without a new version (the dirty flag after a save or revert) changes no text.
    if (this.latest.get(key)?.version === doc.version) return;
    clearTimeout(this.timers.get(key));
    const delay = this.paceOf(key).delay(this.config.validationDelay, performance.now());
    const version = doc.version;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!doc.isClosed && doc.version === version) this.validateNow(doc); // else a newer run is scheduled
      }, delay),
    );
  }

  private validateNow(doc: vscode.TextDocument): ValidationResult | undefined {
    if (!this.config.validationEnabled || !isDefinition(doc)) {
      if (this.latest.has(doc.uri.toString())) this.forget(doc.uri);
      return undefined;
    }
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key)); // this run makes a scheduled one for the same text needless
    this.timers.delete(key);
    const started = performance.now();
    const text = this.text(doc);
    this.texts.set(key, doc.version, text);
    const result = validateText(text, doc.fileName, { format: formatOf(doc) });
    const kind = result.kind ?? documentKind(doc);
    const withKind = kind === result.kind ? result : { ...result, kind };
    const ended = performance.now();
    const cost = ended - started;
    this.paceOf(key).record(started, ended);
    this.latest.set(key, { version: doc.version, result: withKind });
    const shown = withKind.problems.filter((p) => !ownedElsewhere(doc, p.code)).map((p) => toDiagnostic(p, kind));
    const hint = kind && suffixHint(doc, kind);
    this.collection.set(doc.uri, hint ? [...shown, hint] : shown);
    this.log.trace(
      `validated ${vscode.workspace.asRelativePath(doc.uri)} v${doc.version}: ${result.problems.length} problems in ${cost.toFixed(1)} ms`,
    );
    this.changed.fire(doc.uri);
    return withKind;
  }

  private paceOf(key: string): ValidationPace {
    let pace = this.pace.get(key);
    if (!pace) this.pace.set(key, (pace = new ValidationPace()));
    return pace;
  }

  private forgetIfNoTab(closed: vscode.Tab): void {
    const uri = tabUri(closed);
    if (!uri || !this.latest.has(uri.toString())) return;
    const stillShown = vscode.window.tabGroups.all.some((g) =>
      g.tabs.some((t) => tabUri(t)?.toString() === uri.toString()),
    );
    if (!stillShown) this.forget(uri);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.latest.delete(key);
    this.pace.delete(key);
    this.texts.forget(key);
    this.collection.delete(uri);
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    vscode.Disposable.from(...this.subscriptions).dispose();
  }
}
