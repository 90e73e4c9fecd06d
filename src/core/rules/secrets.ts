/**
 * Secrets pasted into a definition (an API key in `intent`, a token in `livekit_metadata`, a
 * private key in a transcript): definitions go to Bluejay and usually into git, so each such value
 * is a `possible-secret` warning on it. Well-known key shapes, private keys, JSON Web Tokens,
 * `password: ...` and long random-looking tokens; ordinary prose, phone numbers, UUIDs and URLs are
 * left alone. The person's own Bluejay key is looked for at push time (ownKey.ts).
 */
import { at, type Finding } from '../finding';

const SHAPES: readonly (readonly [RegExp, string])[] = [
  [/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/, 'a private key'],
  [/\beyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/, 'a JSON Web Token'],
  [/\b[sr]k_(?:live|test)_[0-9A-Za-z]{16,}/, 'a Stripe key'],
  [/\bsk-(?:proj-|ant-(?:api\d\d-)?|svcacct-)?[A-Za-z0-9_-]{20,}/, 'an OpenAI or Anthropic API key'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{30,}/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}/, 'a GitLab token'],
  [/\bxox[abeprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\bAIza[0-9A-Za-z_-]{35}/, 'a Google API key'],
  [/\bSG\.[\w-]{16,}\.[\w-]{16,}/, 'a SendGrid key'],
  [/\bSK[0-9a-f]{32}\b/, 'a Twilio API key'],
  [/\bbearer\s+[A-Za-z0-9._~+/-]{20,}/i, 'a bearer token'],
  [
    /\b(?:password|passwd|api[_-]?key|secret[_-]?key|client[_-]?secret|access[_-]?token|auth[_-]?token)\b["']?\s*[:=]\s*["']?[^\s"',;}]{6,}/i,
    'a password or key',
  ],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shannon entropy of `s` in bits per character. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/** A long run of token characters that reads as random: mixed case and digits, or long hex. */
function randomToken(text: string): boolean {
  for (const [token] of text.matchAll(/[A-Za-z0-9+/_=-]{32,}/g)) {
    if (UUID.test(token) || /^[A-Za-z]+(?:[-_][A-Za-z]+)*$/.test(token)) continue;
    if (/^[0-9a-f]+$/i.test(token)) {
      if (token.length >= 40 && entropy(token) >= 3.5) return true;
      continue;
    }
    if (/[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9]/.test(token) && entropy(token) >= 4.2) return true;
  }
  return false;
}

/** A run of `n` token characters (letters, digits, `+/_=.-`) somewhere in `s`: one pass, no backtracking. */
function hasLongRun(s: string, n: number): boolean {
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const token =
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 43 ||
      c === 47 ||
      c === 95 ||
      c === 61 ||
      c === 46 ||
      c === 45;
    if (!token) run = 0;
    else if (++run >= n) return true;
  }
  return false;
}

/** The words that name a secret, and a PEM header (case spelled out: faster than the i flag). */
const TELLING =
  /[Pp][Aa][Ss][Ss][Ww]|[Ss][Ee][Cc][Rr][Ee][Tt]|[Tt][Oo][Kk][Ee][Nn]|[Bb][Ee][Aa][Rr][Ee][Rr]|[Aa][Pp][Ii][_-]?[Kk][Ee][Yy]|-----BEGIN/;

/** Strings already looked at (a keystroke changes one value; the others are looked up, not scanned again). */
const seen = new Map<string, string | null>();
const SEEN_MAX = 50_000;

/** What a string looks like it holds, if a secret. */
export function secretIn(text: string): string | undefined {
  // Most values are prose: without a long unbroken run or a telling word, none of the shapes can match.
  if (text.length < 16) return undefined;
  const known = seen.get(text);
  if (known !== undefined) return known ?? undefined;
  const what = hasLongRun(text, 16) || TELLING.test(text) ? scan(text) : undefined;
  if (seen.size >= SEEN_MAX) seen.clear();
  seen.set(text, what ?? null);
  return what;
}

function scan(text: string): string | undefined {
  for (const [shape, what] of SHAPES) if (shape.test(text)) return what;
  return randomToken(text) ? 'a long random-looking token' : undefined;
}

/** Deeper than this a value cannot be sent anyway (too-deep): the walk stops there. */
const MAX_DEPTH = 128;

/** A container on the walk's path: the stack holds containers only, never the strings and numbers in them. */
interface Level {
  readonly value: object;
  /** An object's keys; undefined for a list. */
  readonly keys: readonly string[] | undefined;
  readonly parent: Level | undefined;
  /** The key or index it was reached by. */
  readonly key: string | number;
  readonly depth: number;
  /** The next child to look at. */
  next: number;
}

function level(value: object, parent: Level | undefined, key: string | number, depth: number): Level {
  return { value, keys: Array.isArray(value) ? undefined : Object.keys(value), parent, key, depth, next: 0 };
}

function pathTo(parent: Level, key: string | number): (string | number)[] {
  const path: (string | number)[] = [key];
  for (let at: Level | undefined = parent; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Each string value whose text `test` accepts, with its path, in document order: walked without
 * recursion, one stack entry per container (not per value), paths built only for hits.
 */
export function stringsWhere<T>(
  root: unknown,
  test: (text: string, top: string | number | undefined) => T | undefined,
): [T, (string | number)[]][] {
  const out: [T, (string | number)[]][] = [];
  if (typeof root === 'string') {
    const hit = test(root, undefined);
    if (hit !== undefined) out.push([hit, []]);
  }
  if (root === null || typeof root !== 'object') return out;
  const stack: Level[] = [level(root, undefined, '', 0)];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const keys = top.keys;
    if (top.next >= (keys ? keys.length : (top.value as readonly unknown[]).length)) {
      stack.pop();
      continue;
    }
    const i = top.next++;
    const key = keys ? keys[i]! : i;
    const v: unknown = keys
      ? (top.value as Readonly<Record<string, unknown>>)[keys[i]!]
      : (top.value as readonly unknown[])[i];
    const depth = top.depth + 1;
    if (typeof v === 'string') {
      const hit = test(v, depth === 1 ? key : undefined);
      if (hit !== undefined) out.push([hit, pathTo(top, key)]);
    } else if (depth < MAX_DEPTH && v !== null && typeof v === 'object') {
      stack.push(level(v, top, key, depth));
    }
  }
  return out;
}

export const ADVICE =
  'Definitions are sent to Bluejay and usually kept in git: remove it, or push anyway if it is not a secret.';

/** The top-level fields that name the file rather than hold its content. */
export const SKIPPED: ReadonlySet<string | number | undefined> = new Set(['kind', 'id', '$schema']);

/** The `possible-secret` warning on the string at `path` that looks like `what`. */
export function possibleSecret(what: string, path: readonly (string | number)[]): Finding {
  return at('possible-secret', path, `This looks like ${what}. ${ADVICE}`);
}

/**
 * A `possible-secret` warning on each string value that looks like it holds a secret. Validation
 * finds them in its one walk of the value (wholeValue.ts); this is that walk's answer where the
 * value cannot be sent (it contains itself, or is nested too deep).
 */
export function secretFindings(value: Readonly<Record<string, unknown>>): Finding[] {
  return stringsWhere(value, (text, top) => (SKIPPED.has(top) && top !== undefined ? undefined : secretIn(text))).map(
    ([what, path]) => possibleSecret(what, path),
  );
}
