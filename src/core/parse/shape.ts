/**
 * What a parsed value must be to be sent at all: finite (a YAML alias inside its own anchor makes a
 * value that contains itself) and no deeper than a request carries. JSON.parse reads nesting far
 * deeper than JSON.stringify, axios or the comparisons can write back, so the limit is set here,
 * well below all of them. The walk uses its own stack, never recursion.
 */
import { at, displayPath, type Finding } from '../finding';

/** Levels of nesting a definition may have (the top-level mapping is level 1). */
export const MAX_DEPTH = 100;

/** Findings past this many say nothing more; the walk stops. */
const MAX_FINDINGS = 20;

/** Nodes visited before the walk gives up (aliases may share a node many times; the alias limit bounds them). */
const MAX_VISITS = 2_000_000;

interface Step {
  readonly value: object;
  readonly path: readonly string[];
  readonly leave?: true;
}

/** `cyclic-value` where a value refers back to one that contains it, `too-deep` where nesting passes MAX_DEPTH. */
export function shapeFindings(root: unknown): Finding[] {
  const out: Finding[] = [];
  if (root === null || typeof root !== 'object') return out;
  const open = new Map<object, readonly string[]>(); // the containers on the current path, with their paths
  const todo: Step[] = [{ value: root, path: [] }];
  let visits = 0;
  for (let step = todo.pop(); step && out.length < MAX_FINDINGS && visits < MAX_VISITS; step = todo.pop()) {
    const { value, path } = step;
    if (step.leave) {
      open.delete(value);
      continue;
    }
    visits++;
    const ancestor = open.get(value);
    if (ancestor) {
      out.push(at('cyclic-value', path, `${displayPath(path)} contains itself: it refers back to ${displayPath(ancestor)}, which holds it (a YAML alias inside its own anchor), so the value never ends and cannot be sent.`));
      continue;
    }
    if (path.length >= MAX_DEPTH) {
      out.push(at('too-deep', path, `This value is nested more than ${MAX_DEPTH} levels deep; definitions are sent with at most ${MAX_DEPTH} levels of nesting.`));
      continue;
    }
    open.set(value, path);
    todo.push({ value, path, leave: true });
    const children: Step[] = [];
    if (Array.isArray(value)) {
      value.forEach((v: unknown, i) => {
        if (v !== null && typeof v === 'object') children.push({ value: v, path: [...path, String(i)] });
      });
    } else {
      for (const [k, v] of Object.entries(value)) if (v !== null && typeof v === 'object') children.push({ value: v as object, path: [...path, k] });
    }
    for (let i = children.length - 1; i >= 0; i--) todo.push(children[i]!);
  }
  return out;
}
