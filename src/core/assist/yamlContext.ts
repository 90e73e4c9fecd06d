import { LineMap } from '../text';

/**
 * Where the cursor is in a block-style YAML definition, for completion and hover: which mapping (as
 * a path), whether a key or a value is being typed, and which keys the mapping already has. It reads
 * indentation only, so it works on the half-typed, unparsable text an editor holds while typing.
 */

export interface YamlContext {
  /** Path of the mapping the cursor is in (for a value: of the mapping holding the key). */
  readonly path: readonly string[];
  /** Typing a key, or the value of `key`. */
  readonly at: 'key' | 'value';
  readonly key?: string;
  /** Keys the mapping already has (excluding the one on the cursor's line). */
  readonly existingKeys: readonly string[];
  /** Offsets of the word under the cursor, which a completion replaces. */
  readonly replace: readonly [number, number];
  /** The line's indentation before the key (where a snippet's later lines line up). */
  readonly column: number;
}

interface Entry {
  readonly kind: 'dash' | 'key';
  readonly col: number;
  readonly name?: string;
  /** A key whose value is on the following lines. */
  readonly opens?: boolean;
}

const KEY = /^((?:"[^"]*"|'[^']*'|[^\s#'"{[\]},:&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s+(.*))?$/;

/** The structure a line opens: sequence dashes, then possibly a key. Blank and comment lines give []. */
function entries(line: string): Entry[] {
  const out: Entry[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
      out.push({ kind: 'dash', col: i });
      i++;
      continue;
    }
    break;
  }
  const rest = line.slice(i);
  if (rest === '' || rest.startsWith('#')) return out;
  const m = KEY.exec(rest.replace(/\s+#.*$/, ''));
  if (m?.[1] !== undefined) {
    const value = (m[2] ?? '').trim();
    out.push({ kind: 'key', col: i, name: unquote(m[1]), opens: value === '' || /^[&!][^\s]*$/.test(value) });
  }
  return out;
}

function unquote(k: string): string {
  return /^(["']).*\1$/.test(k) ? k.slice(1, -1) : k.trim();
}

/** A text's lines and the structure each opens, resolved to paths by indentation. */
class Lines {
  private readonly map: LineMap;
  private readonly cache = new Map<number, Entry[]>();

  constructor(text: string) {
    this.map = new LineMap(text);
  }

  get count(): number {
    return this.map.lineCount;
  }

  start(n: number): number {
    return this.map.lineStart(n);
  }

  line(n: number): string {
    return this.map.lineText(n);
  }

  lineOf(offset: number): number {
    return this.map.lineAt(offset);
  }

  entries(n: number): Entry[] {
    let es = this.cache.get(n);
    if (!es) this.cache.set(n, (es = entries(this.line(n))));
    return es;
  }

  /** Path of the mapping that has (or would have) a key at `col` on line `n`. */
  mappingPath(n: number, col: number): string[] | undefined {
    const own = this.entries(n);
    const before = own[own.findIndex((e) => e.col === col) - 1];
    if (before?.kind === 'dash') return this.itemPath(n, before.col);
    for (let k = n - 1; k >= 0; k--) {
      const es = this.entries(k);
      const first = es[0];
      if (!first || first.col > col) continue;
      const key = es.find((e) => e.kind === 'key' && e.col === col);
      if (key) {
        const prev = es[es.indexOf(key) - 1];
        if (prev?.kind === 'dash') return this.itemPath(k, prev.col);
        continue; // a sibling key
      }
      const owner = [...es].reverse().find((e) => e.col < col);
      if (!owner) return undefined;
      if (owner.kind === 'dash') return this.itemPath(k, owner.col);
      if (!owner.opens) return undefined; // inside a multi-line scalar
      const parent = this.mappingPath(k, owner.col);
      return parent && [...parent, owner.name ?? ''];
    }
    return [];
  }

  /** Path of the sequence item whose dash is at `col` on line `n`. */
  itemPath(n: number, col: number): string[] | undefined {
    const own = this.entries(n);
    const outer = own[own.findIndex((e) => e.kind === 'dash' && e.col === col) - 1];
    if (outer?.kind === 'dash') {
      const p = this.itemPath(n, outer.col);
      return p && [...p, '0'];
    }
    let index = 0;
    for (let k = n - 1; k >= 0; k--) {
      const es = this.entries(k);
      const first = es[0];
      if (!first || first.col > col) continue;
      const dashAt = es.findIndex((e) => e.kind === 'dash' && e.col === col);
      if (dashAt === 0) {
        index++;
        continue;
      }
      const prev = es[dashAt - 1];
      if (dashAt > 0 && prev?.kind === 'dash') {
        const p = this.itemPath(k, prev.col);
        return p && [...p, String(index + 1)];
      }
      // The key that holds the list: left of the dashes, or at their column (`key:\n- a`).
      const owner = [...es].reverse().find((e) => e.col < col || (e.kind === 'key' && e.col === col));
      if (!owner || owner.kind === 'dash' || !owner.opens) return undefined;
      const parent = this.mappingPath(k, owner.col);
      return parent && [...parent, owner.name ?? '', String(index)];
    }
    return undefined;
  }

  /** Keys at `col` in the same mapping as line `n`, above and below it. */
  siblings(n: number, col: number): string[] {
    const keys: string[] = [];
    for (let k = n - 1; k >= 0; k--) {
      const es = this.entries(k);
      const first = es[0];
      if (!first || first.col > col) continue;
      const key = es.find((e) => e.kind === 'key' && e.col === col);
      if (!key) break;
      keys.push(key.name ?? '');
      if (es[es.indexOf(key) - 1]?.kind === 'dash') break; // the first line of our list item
    }
    for (let k = n + 1; k < this.count; k++) {
      const es = this.entries(k);
      const first = es[0];
      if (!first || first.col > col) continue;
      if (first.col < col || first.kind === 'dash') break;
      if (first.name !== undefined) keys.push(first.name);
    }
    return keys;
  }
}

/** The context at `offset` in `text`, or undefined where no completion applies (inside a scalar). */
export function yamlContextAt(text: string, offset: number): YamlContext | undefined {
  const lines = new Lines(text);
  const n = lines.lineOf(offset);
  const lineStart = lines.start(n);
  const line = lines.line(n);
  const before = line.slice(0, offset - lineStart);
  const keyMatch = /^((?:\s*- )*\s*)([^\s:#"'{}[\],-][^\s:#]*|)$/.exec(before);
  if (keyMatch) {
    const prefix = keyMatch[1] ?? '';
    const word = keyMatch[2] ?? '';
    const after = /^[^\s:#]*/.exec(line.slice(before.length))?.[0] ?? '';
    const dash = prefix.lastIndexOf('-');
    // After `- ` the key starts a new list item's mapping; otherwise it joins the mapping at its column.
    const path = dash >= 0 ? lines.itemPath(n, dash) : lines.mappingPath(n, prefix.length);
    if (!path) return undefined;
    const existingKeys = dash >= 0 ? [] : lines.siblings(n, prefix.length);
    return {
      path,
      at: 'key',
      existingKeys,
      replace: [offset - word.length, offset + after.length],
      column: prefix.length,
    };
  }
  const valueMatch = /^((?:\s*- )*\s*)([^\s:#][^:#]*?)\s*:\s+([^#]*)$/.exec(before);
  if (valueMatch) {
    const prefix = valueMatch[1] ?? '';
    const key = unquote(valueMatch[2] ?? '');
    const typed = valueMatch[3] ?? '';
    const dash = prefix.lastIndexOf('-');
    const path = dash >= 0 ? lines.itemPath(n, dash) : lines.mappingPath(n, prefix.length);
    if (!path) return undefined;
    const end = lineStart + line.replace(/\s+#.*$/, '').trimEnd().length;
    return {
      path,
      at: 'value',
      key,
      existingKeys: [],
      replace: [offset - typed.length, Math.max(offset, end)],
      column: prefix.length,
    };
  }
  return undefined;
}

/** The path of the key under `offset` (for hover), or undefined when the offset is not on a key. */
export function yamlKeyPathAt(text: string, offset: number): string[] | undefined {
  const lines = new Lines(text);
  const n = lines.lineOf(offset);
  const col = offset - lines.start(n);
  const own = lines.entries(n);
  const key = own.find((e) => e.kind === 'key' && col >= e.col && col <= e.col + (e.name?.length ?? 0));
  if (key?.name === undefined) return undefined;
  const prev = own[own.indexOf(key) - 1];
  const parent = prev?.kind === 'dash' ? lines.itemPath(n, prev.col) : lines.mappingPath(n, key.col);
  return parent && [...parent, key.name];
}
