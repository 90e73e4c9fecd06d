/**
 * Finds the spans of a few paths in text that `JSON.parse` has already accepted, in one pass that
 * descends only where a wanted path goes and skips everything else character by character. A full
 * position tree (jsonc-parser's parseTree) costs about as much as a whole competing validation on a
 * 1 MB file; a problem or two should not.
 */
import type { Span } from './types';

export interface Found {
  /** The value at the path, when it exists. */
  value?: Span;
  /** The key of the path's last segment, when it is an object member. */
  key?: Span;
}

export interface Want {
  children: Map<string, Want>;
  found: Found;
  /** The path one segment shorter (undefined for the root). */
  parent: Want | undefined;
}

function want(parent: Want | undefined): Want {
  return { children: new Map(), found: {}, parent };
}

/**
 * What one scan found: for each announced path (by the very array, so a lookup builds no key) the
 * spans at it, whose `parent` chain leads through its prefixes to the top-level value.
 */
export interface Scanned {
  readonly root: Want;
  readonly paths: Map<readonly string[], Want>;
}

/** Spans for each path and each of its prefixes, scanning `text` once. */
export function scanPaths(text: string, paths: readonly (readonly string[])[]): Scanned {
  const root = want(undefined);
  const found = new Map<readonly string[], Want>();
  for (const path of paths) {
    let node = root;
    for (const seg of path) {
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = want(node)));
      node = next;
    }
    found.set(path, node);
  }
  value(text, ws(text, 0), root);
  return { root, paths: found };
}

/** Reads the value at `i` into `want` (descending where wanted) and returns the offset after it. */
function value(t: string, i: number, want: Want): number {
  const c = t.charCodeAt(i);
  let end: number;
  if (want.children.size === 0 || (c !== 123 && c !== 91)) end = skip(t, i);
  else if (c === 123) end = object(t, i, want);
  else end = array(t, i, want);
  want.found.value = [i, end];
  return end;
}

function object(t: string, i: number, want: Want): number {
  i = ws(t, i + 1);
  if (t.charCodeAt(i) === 125) return i + 1;
  for (;;) {
    const keyStart = i;
    const keyEnd = skipString(t, i);
    const raw = t.slice(keyStart + 1, keyEnd - 1);
    const name = raw.includes('\\') ? (JSON.parse(t.slice(keyStart, keyEnd)) as string) : raw;
    i = ws(t, ws(t, keyEnd) + 1); // past the colon
    const child = want.children.get(name);
    if (child) {
      child.found.key = [keyStart, keyEnd];
      i = value(t, i, child);
    } else i = skip(t, i);
    i = ws(t, i);
    if (t.charCodeAt(i) === 44) i = ws(t, i + 1);
    else return i + 1; // the closing brace
  }
}

function array(t: string, i: number, want: Want): number {
  i = ws(t, i + 1);
  if (t.charCodeAt(i) === 93) return i + 1;
  for (let index = 0; ; index++) {
    const child = want.children.get(String(index));
    i = child ? value(t, i, child) : skip(t, i);
    i = ws(t, i);
    if (t.charCodeAt(i) === 44) i = ws(t, i + 1);
    else return i + 1; // the closing bracket
  }
}

function ws(t: string, i: number): number {
  for (;;) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

function skipString(t: string, i: number): number {
  for (i++; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return i;
}

/** The offset after the value starting at `i`. */
function skip(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if (c === 34) return skipString(t, i);
  if (c !== 123 && c !== 91) {
    while (i < t.length) {
      const d = t.charCodeAt(i);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  for (; i < t.length; i++) {
    const d = t.charCodeAt(i);
    if (d === 34) i = skipString(t, i) - 1;
    else if (d === 123 || d === 91) depth++;
    else if ((d === 125 || d === 93) && --depth === 0) return i + 1;
  }
  return i;
}
