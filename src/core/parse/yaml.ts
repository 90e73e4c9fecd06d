/**
 * A lean YAML parse for validation: js-yaml builds the value while its (undocumented, hence pinned)
 * `listener` hook records where every node starts and ends. Pairing keys with values and resolving
 * pointers to ranges happens afterwards, and only as far as a problem needs it.
 */
import { load, CORE_SCHEMA, Type, YAMLException } from 'js-yaml';
import { MAX_DEPTH } from './shape';
import { yamlIssue } from './yamlErrors';
import { emptyLocator, Frame, YamlLocator } from './yamlLocator';
import type { Locator, ParseOutcome, Span, SyntaxIssue } from './types';

/** Expanded nodes beyond the written ones that aliases may add before the file is refused. */
export const ALIAS_EXPANSION_LIMIT = 100_000;

/** The parts of js-yaml's internal state the listener reads (its typings declare `kind` non-null). */
interface ListenerState {
  position: number;
  kind: string | null;
  result: unknown;
  anchorMap?: Record<string, unknown>;
}

/**
 * YAML 1.2 core types plus `<<` merge keys, which many YAML users (and yaml-language-server) accept:
 * js-yaml merges a key of this tag. Its own `types.merge` is the same, but importing `types` would
 * keep every type of its default schema in the bundles (esbuild.js).
 */
const MERGE = new Type('tag:yaml.org,2002:merge', {
  kind: 'scalar',
  resolve: (data) => data === '<<' || data === null,
});
const SCHEMA = CORE_SCHEMA.extend({ implicit: [MERGE] });

export interface Recorded {
  value: unknown;
  root: Frame | undefined;
  frames: number;
  sawAlias: boolean;
  /** Whether the text defines an anchor (then a scalar may stand in other places too, as an alias). */
  anchors: boolean;
}

/**
 * Loads `text`, recording a frame per node. `json: true` lets duplicate keys through (the later wins).
 * A 1 MB file has some 57,000 nodes, so the frames are kept small: five fields, and children in an
 * array of their exact length, cut from the frames closed since the parent opened (an array grown
 * by push holds room for 17 at the first).
 */
export function record(text: string, json: boolean): Recorded {
  const stack: Frame[] = [];
  /** Where in `closed` the children of each open frame begin. */
  const starts: number[] = [];
  /** Frames closed whose parent is still open, in text order. */
  const closed: Frame[] = [];
  const out: Recorded = { value: undefined, root: undefined, frames: 0, sawAlias: false, anchors: false };
  let anchorMap: Record<string, unknown> | undefined;
  const listener = (event: 'open' | 'close', state: ListenerState): void => {
    if (event === 'open') {
      stack.push(new Frame(state.position));
      starts.push(closed.length);
      return;
    }
    const f = stack.pop();
    const from = starts.pop();
    if (!f || from === undefined) return;
    anchorMap = state.anchorMap;
    out.frames++;
    f.end = state.position;
    f.kind = state.kind;
    const r = state.result;
    f.value = r;
    if (closed.length > from) {
      f.children = closed.slice(from);
      closed.length = from;
    }
    // An alias leaves kind unset and hands over the anchored collection itself.
    if (f.kind === null && r !== null && typeof r === 'object') out.sawAlias = true;
    if (stack.length > 0) closed.push(f);
    else out.root = f;
  };
  out.value = load(text, { schema: SCHEMA, json, listener });
  out.anchors = anchorMap !== undefined && Object.keys(anchorMap).length > 0;
  return out;
}

export function parseYaml(original: string): ParseOutcome {
  const base = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = base ? original.slice(1) : original;
  let rec: Recorded;
  let duplicates = false;
  try {
    // Strict first: js-yaml refuses duplicate keys at no cost, and most files have none.
    rec = record(text, false);
  } catch (e) {
    if (!(e instanceof YAMLException && /duplicated mapping key/.test(e.reason)))
      return { ok: false, issues: [yamlIssue(e, text, base)] };
    try {
      rec = record(text, true);
      duplicates = true;
    } catch (again) {
      return { ok: false, issues: [yamlIssue(again, text, base)] };
    }
  }
  const { value, root } = rec;
  if (value === undefined || root === undefined)
    return { ok: true, value: undefined, locator: emptyLocator(), issues: [] };

  const issues: SyntaxIssue[] = [];
  const expanded = rec.sawAlias ? expandedWeight(root) - rec.frames : 0;
  if (expanded > ALIAS_EXPANSION_LIMIT) {
    return {
      ok: false,
      issues: [
        {
          code: 'alias-limit',
          message: `Aliases expand this file by ${expanded} nodes (more than ${ALIAS_EXPANSION_LIMIT}); it looks like an alias bomb and is not validated.`,
          span: [base, base],
        },
      ],
    };
  }
  const plain = !rec.anchors && !duplicates && base === 0;
  const locator = new YamlLocator(text, { root }, base, plain, () => record(text, duplicates).root ?? root);
  if (duplicates) locator.findDuplicates(issues);
  return { ok: true, value, locator, issues };
}

/**
 * parseYaml for one of many files read from disk (the command line, Validate All): the value is
 * read without recording where its nodes are, and the text is read again with positions only when
 * a problem asks for one (most files have none). What the plain read cannot vouch for is read the
 * full way at once: a text with an `&` anywhere (it may define an anchor: the alias limit counts
 * recorded nodes; "Q&A" in prose takes this way too), one that does not load (the full read words
 * its error, or lets duplicate keys through and reports them) and one nested deeper than can be sent.
 */
export function parseYamlLean(original: string): ParseOutcome {
  const base = original.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = base ? original.slice(1) : original;
  if (text.includes('&')) return parseYaml(original);
  let value: unknown;
  try {
    value = load(text, { schema: SCHEMA });
  } catch {
    return parseYaml(original);
  }
  if (value === undefined) return { ok: true, value: undefined, locator: emptyLocator(), issues: [] };
  // Reading with positions takes more stack: a value nested deeper than can be sent is read the
  // full way now, so it meets the same limit as in the editor (the later read could fail on it).
  if (nestsDeeperThan(value, MAX_DEPTH)) return parseYaml(original);
  return { ok: true, value, locator: new LaterLocator(() => parseYaml(original)), issues: [] };
}

/** Whether `value` nests deeper than `limit` levels (the top level is 1); its own stack, no recursion. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const todo: { readonly v: object; readonly depth: number }[] = [];
  if (value !== null && typeof value === 'object') todo.push({ v: value, depth: 1 });
  for (let next = todo.pop(); next; next = todo.pop()) {
    if (next.depth > limit) return true;
    const children: unknown[] = Array.isArray(next.v) ? next.v : Object.values(next.v);
    for (const c of children) if (c !== null && typeof c === 'object') todo.push({ v: c, depth: next.depth + 1 });
  }
  return false;
}

/**
 * A locator made on its first question: the full parse of the same text, with positions. Should
 * that parse fail where the plain one did not (nothing known does, nesting aside, read in full
 * above), the positions are the file's start: the problems are still said.
 */
class LaterLocator implements Locator {
  private made: Locator | undefined;
  constructor(private readonly parse: () => ParseOutcome) {}
  private get real(): Locator {
    if (!this.made) {
      const full = this.parse();
      this.made = full.ok ? full.locator : emptyLocator();
    }
    return this.made;
  }
  valueSpan(path: readonly string[]): ReturnType<Locator['valueSpan']> {
    return this.real.valueSpan(path);
  }
  keySpan(path: readonly string[]): Span | undefined {
    return this.real.keySpan(path);
  }
  rootSpan(): Span | undefined {
    return this.real.rootSpan();
  }
  prepare(paths: readonly (readonly string[])[]): void {
    this.real.prepare?.(paths);
  }
}

/** How many nodes the document stands for once aliases are expanded (post-order, anchors before aliases). */
function expandedWeight(root: Frame): number {
  const weights = new Map<object, number>();
  const weight = new Map<Frame, number>();
  const todo: [Frame, boolean][] = [[root, false]];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [f, done] = next;
    if (!done) {
      todo.push([f, true]);
      for (let i = (f.children?.length ?? 0) - 1; i >= 0; i--) todo.push([f.children![i]!, false]);
      continue;
    }
    let w = 1;
    for (const c of f.children ?? []) w += weight.get(c) ?? 1;
    const r = f.value;
    if (r !== null && typeof r === 'object') {
      if (f.kind === null) w += weights.get(r) ?? 0;
      else weights.set(r, w);
    }
    weight.set(f, w);
  }
  return weight.get(root) ?? 1;
}
