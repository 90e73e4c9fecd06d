/**
 * JSON for validation: `JSON.parse` for the value (fast), and jsonc-parser's position tree built
 * only when something needs a position (a problem, a duplicate key, a syntax error).
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { scanPaths, type Scanned } from './jsonScan';
import { duplicateKey, type Locator, type ParseOutcome, type Span, type SyntaxIssue } from './types';

const TREE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

export function parseJson(original: string): ParseOutcome {
  const base = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = base ? original.slice(1) : original;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, issues: syntaxIssues(text, base) };
  }
  const locator = new JsonLocator(text, base);
  const issues: SyntaxIssue[] = [];
  if (countKeysInText(text) !== countKeysInValue(value)) locator.findDuplicates(issues);
  return { ok: true, value, locator, issues };
}

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: "':' is expected after the property name",
  CommaExpected: "',' is expected between entries",
  CloseBraceExpected: "'}' is expected",
  CloseBracketExpected: "']' is expected",
  EndOfFileExpected: 'nothing may follow the top-level value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'the string is not closed',
  UnexpectedEndOfNumber: 'the number is incomplete',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'control characters must be escaped in strings',
};

function syntaxIssues(text: string, base: number): SyntaxIssue[] {
  const errors: ParseError[] = [];
  try {
    parseTree(text, errors, TREE_OPTIONS);
  } catch (e) {
    if (e instanceof RangeError)
      return [{ code: 'too-deep', message: 'The JSON is nested too deeply to read.', span: [base, base] }];
    throw e;
  }
  const issues: SyntaxIssue[] = [];
  let lastOffset = -1;
  for (const e of errors) {
    if (e.offset === lastOffset) continue; // the parser's follow-up complaints about the same spot
    lastOffset = e.offset;
    const name = printParseErrorCode(e.error);
    issues.push({
      code: 'json-syntax',
      message: `JSON syntax error: ${MESSAGES[name] ?? name}.`,
      span: [e.offset + base, e.offset + Math.max(e.length, 0) + base],
    });
    if (issues.length === 50) break;
  }
  if (issues.length === 0) issues.push({ code: 'json-syntax', message: 'JSON syntax error.', span: [base, base] });
  return issues;
}

/**
 * Colons outside strings: in valid JSON (which `t` must be), exactly one per object member. Jumps
 * from colon to colon: a colon is a member's when the last thing before it (past white space) is an
 * unescaped quote that closes a string. Inside a string the only unescaped quote before a colon is
 * the one opening it, which follows `:`, `,`, `[`, `{` or white space; a key that ends in one of
 * those looks the same, so where that is seen the exact count (every quote) answers instead.
 */
export function countKeysInText(t: string): number {
  let n = 0;
  for (let colon = t.indexOf(':'); colon !== -1; colon = t.indexOf(':', colon + 1)) {
    let q = colon - 1;
    let c = t.charCodeAt(q);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(--q);
    if (c !== 34) continue; // inside a string
    let slashes = 0;
    while (t.charCodeAt(q - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 1) continue; // an escaped quote: inside a string
    const before = t.charCodeAt(q - 1);
    if (
      before === 58 ||
      before === 44 ||
      before === 91 ||
      before === 123 ||
      before === 32 ||
      before === 10 ||
      before === 13 ||
      before === 9 ||
      q === 0
    )
      return countKeysExactly(t);
    n++;
  }
  return n;
}

/**
 * The same count, telling strings from the rest at every quote: `indexOf` jumps from quote to quote
 * and from colon to colon; the next colon is remembered, so a long stretch without one is searched once.
 */
export function countKeysExactly(t: string): number {
  let n = 0;
  let colon = t.indexOf(':');
  for (let i = 0; ;) {
    const quote = t.indexOf('"', i);
    const end = quote === -1 ? t.length : quote;
    while (colon !== -1 && colon < end) {
      n++;
      colon = t.indexOf(':', colon + 1);
    }
    if (quote === -1) return n;
    // The closing quote: the next one not escaped (an odd run of backslashes before it escapes it).
    let close = quote;
    for (;;) {
      close = t.indexOf('"', close + 1);
      if (close === -1) return n;
      let slashes = 0;
      while (t.charCodeAt(close - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
    }
    i = close + 1;
    if (colon !== -1 && colon < i) colon = t.indexOf(':', i);
  }
}

function countKeysInValue(v: unknown): number {
  let n = 0;
  const todo: unknown[] = [v];
  while (todo.length) {
    const x = todo.pop();
    if (x === null || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      // An index, not for-of: an iterator per list showed in what a validation allocates.
      for (let i = 0; i < x.length; i++) {
        const y: unknown = x[i];
        if (y !== null && typeof y === 'object') todo.push(y);
      }
    } else {
      for (const k in x) {
        n++;
        const y = (x as Record<string, unknown>)[k];
        if (y !== null && typeof y === 'object') todo.push(y);
      }
    }
  }
  return n;
}

class JsonLocator implements Locator {
  private tree: Node | null | undefined;
  private scanned: Scanned | undefined;

  constructor(
    private readonly text: string,
    private readonly base: number,
  ) {}

  prepare(paths: readonly (readonly string[])[]): void {
    this.scanned = scanPaths(this.text, paths);
  }

  rootSpan(): Span | undefined {
    const scanned = this.scanned?.root.found.value;
    if (scanned) return this.shift(scanned);
    const root = this.root();
    return root ? this.span(root) : undefined;
  }

  valueSpan(path: readonly string[]): { span: Span; exact: boolean } | undefined {
    // A path announced to prepare(): its value, else its longest prefix that exists (a missing property's parent).
    const announced = this.scanned?.paths.get(path);
    for (let w = announced; w; w = w.parent)
      if (w.found.value) return { span: this.shift(w.found.value), exact: w === announced };
    const root = this.root();
    if (!root) return undefined;
    let node = root;
    let depth = 0;
    for (const seg of path) {
      const next = child(node, seg);
      if (!next) break;
      node = next;
      depth++;
    }
    return { span: this.span(node), exact: depth === path.length };
  }

  keySpan(path: readonly string[]): Span | undefined {
    if (path.length === 0) return undefined;
    const scanned = this.scanned?.paths.get(path)?.found;
    if (scanned) return scanned.key && this.shift(scanned.key);
    let node = this.root();
    for (const seg of path.slice(0, -1)) node = node && child(node, seg);
    const key = (node && property(node, path[path.length - 1] ?? ''))?.children?.[0];
    return key ? this.span(key) : undefined;
  }

  findDuplicates(out: SyntaxIssue[]): void {
    const root = this.root();
    const todo: [Node, string[]][] = root ? [[root, []]] : [];
    for (let next = todo.pop(); next; next = todo.pop()) {
      const [n, path] = next;
      const seen = new Set<string>();
      (n.children ?? []).forEach((c, i) => {
        const [k, v] = c.children ?? [];
        if (n.type !== 'object') todo.push([c, [...path, String(i)]]);
        else if (k && typeof k.value === 'string') {
          if (seen.has(k.value)) out.push(duplicateKey(k.value, this.span(k), [...path, k.value]));
          seen.add(k.value);
          if (v) todo.push([v, [...path, k.value]]);
        }
      });
    }
  }

  private root(): Node | undefined {
    if (this.tree === undefined) {
      try {
        this.tree = parseTree(this.text, [], TREE_OPTIONS) ?? null;
      } catch {
        this.tree = null; // nesting deeper than the parser's recursion: no positions, problems fall back to the file start
      }
    }
    return this.tree ?? undefined;
  }

  private span(n: Node): Span {
    return [n.offset + this.base, n.offset + n.length + this.base];
  }

  private shift(s: Span): Span {
    return [s[0] + this.base, s[1] + this.base];
  }
}

function property(obj: Node, name: string): Node | undefined {
  if (obj.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const p of obj.children ?? []) if (p.children?.[0]?.value === name) found = p;
  return found;
}

function child(n: Node, seg: string): Node | undefined {
  if (n.type === 'object') return property(n, seg)?.children?.[1];
  if (n.type === 'array' && /^\d+$/.test(seg)) return n.children?.[Number(seg)];
  return undefined;
}
