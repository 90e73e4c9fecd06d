/**
 * The one entry point of validation, shared by the CLI and the editor: text in, kind and problems
 * (with exact ranges) out. Never throws on bad input.
 */
import { CODES } from './codes';
import { at, cut, describeValue, type Finding } from './finding';
import { formatFromFileName, isKind, kindFromFileName, KINDS, type Format, type Kind } from './kinds';
import { nearest } from './nearest';
import { parseText } from './parse/memo';
import type { Locator, ParseOutcome, Span, SyntaxIssue } from './parse/types';
import { toPointer, type FixHint, type Problem, type Severity } from './problem';
import { digitalHumanRules } from './rules/digitalHuman';
import { personaRules } from './rules/persona';
import { isObj } from './rules/util';
import { wholeValue } from './rules/wholeValue';
import { schemaFindings } from './schema/messages';
import { schemaErrors } from './schema/validators';
import { decodeUtf8, LineMap } from './text';

export interface ValidationResult {
  /** The kind the file holds, when it can be told. */
  readonly kind: Kind | undefined;
  readonly format: Format;
  /** Sorted by position. */
  readonly problems: readonly Problem[];
  /** The parsed value when the text could be read as a mapping. */
  readonly value?: Readonly<Record<string, unknown>>;
}

export interface ValidateOptions {
  /** Overrides the format the file name implies. */
  readonly format?: Format;
  /**
   * How the text is read: through the parse memo (the default: the editor's documents), or, for one
   * of many files read from disk (the command line, Validate All), `parseLean` (parse/mapping.ts):
   * aside from the memo, which keeps the open document's parse, and positions read only for its
   * problems. Passed in, so the editor's main bundle does not carry the lean parse.
   */
  readonly parse?: (text: string, format: Format) => ParseOutcome;
}

/** Validates a definition's text; `fileName` gives the format and, by its suffix, possibly the kind. */
export function validateText(text: string, fileName: string, options: ValidateOptions = {}): ValidationResult {
  try {
    return validateUnguarded(text, fileName, options);
  } catch (e) {
    // Every known bad input has its own problem; this is the net under the unknown ones.
    return {
      kind: kindFromFileName(fileName),
      format: options.format ?? formatFromFileName(fileName),
      problems: [internalError('The file could not be validated', e)],
    };
  }
}

/** The `internal-error` problem of a net under unexpected exceptions: `what` failed, and the exception's message (cut). */
export function internalError(what: string, e: unknown): Problem {
  const said = e instanceof Error ? e.message : String(e);
  const message = `${what}: ${said.length > 300 ? `${said.slice(0, 300)}...` : said}`;
  return fromIssue({ code: 'internal-error', message, span: [0, 0] }, new LineMap(''));
}

function validateUnguarded(text: string, fileName: string, options: ValidateOptions): ValidationResult {
  const format = options.format ?? formatFromFileName(fileName);
  const suffixKind = kindFromFileName(fileName);
  const fail = (issues: readonly SyntaxIssue[]): ValidationResult => {
    const lines = new LineMap(text);
    return { kind: suffixKind, format, problems: issues.map((i) => fromIssue(i, lines)) };
  };

  if (blank(text)) {
    return fail([
      {
        code: 'empty-file',
        message: 'The file is empty; a definition needs at least `kind:` and its fields.',
        span: [0, 0],
      },
    ]);
  }
  let parsed: ParseOutcome;
  try {
    parsed = (options.parse ?? parseText)(text, format);
  } catch (e) {
    // The parsers catch what they know; anything else (a stack overflow on absurd nesting) lands here.
    return fail([
      {
        code: format === 'json' ? 'json-syntax' : 'yaml-syntax',
        message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}`,
        span: [0, 0],
      },
    ]);
  }
  if (!parsed.ok) return fail(parsed.issues);
  const { value, locator } = parsed;
  if (value === undefined || value === null) {
    return fail([
      ...parsed.issues,
      {
        code: 'empty-file',
        message: 'The file holds no definition (only comments or null); it needs at least `kind:` and its fields.',
        span: [0, 0],
      },
    ]);
  }
  if (!isObj(value)) {
    const span = locator.rootSpan() ?? [0, 0];
    return fail([
      ...parsed.issues,
      {
        code: 'not-a-mapping',
        message: `A definition must be a mapping of fields at the top level, not ${describeValue(value)}.`,
        span,
      },
    ]);
  }

  let findings: Finding[] = [];
  const kind = resolveKind(value, suffixKind, fileName, findings);
  // One walk of the whole value: a value that contains itself or is nested beyond what is sent is
  // said, and not handed on; strings that look like secrets are found on the way.
  const whole = wholeValue(value, kind !== undefined);
  const unsendable = whole.unsendable;
  if (kind) {
    try {
      // Many findings (150,000 unknown keys) are appended one by one: spreading them as arguments overflows the stack.
      findings = findings.concat(
        schemaFindings(kind, value, schemaErrors(kind, value)),
        kind === 'digital-human' ? digitalHumanRules(value) : personaRules(value),
        whole.secrets(),
      );
    } catch (e) {
      // The schema and rules walk what they check; on a value that cannot be sent that may fail, and that is said already.
      if (!unsendable.length) throw e;
    }
  }
  // A valid file (most of them) makes no line map, no list of problems and no sort.
  if (!findings.length && !unsendable.length && !parsed.issues.length) return { kind, format, problems: [], value };
  findings = findings.concat(unsendable);
  if (findings.length) locator.prepare?.(findings.map((f) => f.path));
  const lines = new LineMap(text);
  const problems = parsed.issues
    .map((i) => fromIssue(i, lines))
    .concat(findings.map((f) => fromFinding(f, locator, lines)));
  const sorted = sortProblems(problems);
  return unsendable.length ? { kind, format, problems: sorted } : { kind, format, problems: sorted, value };
}

/** Whether the text holds nothing but white space (and a byte-order mark): told at its first character, mostly. */
function blank(text: string): boolean {
  const c = text.charCodeAt(text.charCodeAt(0) === 0xfeff ? 1 : 0);
  // Printable ASCII is never white space; anything else is left to trim(), which knows all of it.
  if (c > 0x20 && c < 0x7f) return false;
  return text.replace(/^\uFEFF/, '').trim() === '';
}

/** The most a definition file may be: a larger one is not read (the command line, Validate All). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** What a file too large to read gets: `file-too-large` at its start, and nothing read. */
export function tooLargeResult(fileName: string): ValidationResult {
  const zero = { line: 0, character: 0 };
  const message = `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, the most a definition file may be; it is not read.`;
  return {
    kind: kindFromFileName(fileName),
    format: formatFromFileName(fileName),
    problems: [
      {
        severity: CODES['file-too-large'],
        code: 'file-too-large',
        message,
        pointer: '',
        range: { start: zero, end: zero },
      },
    ],
  };
}

/** Validates file bytes: decodes them first, so binary, UTF-16 and broken UTF-8 files get a clear problem. */
export function validateBytes(
  bytes: Uint8Array,
  fileName: string,
  options: ValidateOptions = {},
): ValidationResult & { readonly text?: string } {
  const decoded = decodeUtf8(bytes);
  const format = options.format ?? formatFromFileName(fileName);
  if (!decoded.ok) {
    const problem = fromIssue(
      { code: decoded.reason === 'binary' ? 'binary-file' : 'encoding', message: decoded.message, span: [0, 0] },
      new LineMap(''),
    );
    return { kind: kindFromFileName(fileName), format, problems: [problem] };
  }
  const result = validateText(decoded.text, fileName, options);
  if (!decoded.hadBom) return { ...result, text: decoded.text };
  const bom = fromIssue(
    {
      code: 'byte-order-mark',
      message: 'The file starts with a UTF-8 byte-order mark; it is ignored here, but some tools misread it.',
      span: [0, 0],
    },
    new LineMap(''),
  );
  return { ...result, text: decoded.text, problems: sortProblems([bom, ...result.problems]) };
}

function resolveKind(
  value: Readonly<Record<string, unknown>>,
  suffixKind: Kind | undefined,
  fileName: string,
  out: Finding[],
): Kind | undefined {
  const declared = value['kind'];
  if (declared === undefined) {
    if (!suffixKind) {
      out.push(
        at(
          'unknown-kind',
          [],
          `Cannot tell what this file defines: add \`kind: customer-persona\` or \`kind: digital-human\`, or name it *.persona.${ext(fileName)} or *.digital-human.${ext(fileName)}.`,
        ),
      );
    }
    return suffixKind;
  }
  if (!isKind(declared)) {
    const hint = typeof declared === 'string' ? nearest(declared, KINDS) : undefined;
    const preferred = suffixKind ?? hint;
    const fix: FixHint = {
      kind: 'replace',
      values: suffixKind ? [suffixKind] : [...KINDS],
      ...(preferred !== undefined && { preferred }),
    };
    out.push(
      at(
        'invalid-kind',
        ['kind'],
        `kind must be customer-persona or digital-human (got ${describeValue(declared)})${hint ? `; did you mean '${hint}'?` : '.'}`,
        undefined,
        fix,
      ),
    );
    return suffixKind;
  }
  if (suffixKind && suffixKind !== declared) {
    out.push(
      at(
        'kind-mismatch',
        ['kind'],
        `kind is ${declared} but the file name says ${suffixKind}; make them agree.`,
        undefined,
        { kind: 'replace', values: [suffixKind], preferred: suffixKind },
      ),
    );
  }
  return declared;
}

function ext(fileName: string): string {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

/** No message is longer (text quoted from the file is cut before; this is the net under that). */
const MAX_MESSAGE = 1000;

function fromIssue(i: SyntaxIssue, lines: LineMap): Problem {
  return {
    severity: CODES[i.code],
    code: i.code,
    message: cut(i.message, MAX_MESSAGE),
    pointer: i.pointer ?? '',
    range: lines.range(i.span[0], i.span[1]),
  };
}

function fromFinding(f: Finding, locator: Locator, lines: LineMap): Problem {
  let span: Span | undefined;
  if (f.target === 'key') span = locator.keySpan(f.path);
  span ??= locator.valueSpan(f.path)?.span ?? locator.rootSpan() ?? [0, 0];
  const message = cut(f.message, MAX_MESSAGE);
  const pointer = f.pointer ?? toPointer(f.path);
  const range = lines.range(span[0], span[1]);
  // Whole literals, neither spread nor added to afterwards: thousands of problems are made at once.
  return f.fix
    ? { severity: f.severity, code: f.code, message, pointer, range, fix: f.fix }
    : { severity: f.severity, code: f.code, message, pointer, range };
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2 };

function sortProblems(ps: Problem[]): Problem[] {
  return ps.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      RANK[a.severity] - RANK[b.severity],
  );
}
