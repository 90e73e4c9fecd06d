/** A form change applied to the document's value: what the edited text must read back as. */
import type { EditOp, Path } from './types';
import { type Result, fail } from './types';
import { isRecord } from '../record';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** The value at `path`, and whether it is there at all (a null value is there). */
export function at(root: unknown, path: Path): { exists: boolean; value: unknown } {
  let cur = root;
  for (const seg of path) {
    if (Array.isArray(cur) && /^\d+$/.test(seg) && Number(seg) < cur.length) cur = cur[Number(seg)];
    else if (isRecord(cur) && Object.prototype.hasOwnProperty.call(cur, seg)) cur = cur[seg];
    else return { exists: false, value: undefined };
  }
  return { exists: cur !== undefined, value: cur };
}

/** `value` wrapped in the containers `path` names: a mapping per key, a list for an index 0. */
export function nest(path: Path, value: unknown): Result<unknown> {
  let v = value;
  for (const seg of [...path].reverse()) {
    if (/^\d+$/.test(seg) && seg !== '0') return fail(`There is no list item before item ${seg}`);
    v = seg === '0' ? [v] : { [seg]: v };
  }
  return ok(v);
}

/** `root` with `value` at `path`; missing parents are created, a null parent becomes a mapping. */
export function assign(root: unknown, path: Path, value: unknown): Result<unknown> {
  const [seg, ...rest] = path;
  if (seg === undefined) return ok(value);
  if (Array.isArray(root)) {
    const i = Number(seg);
    if (!/^\d+$/.test(seg) || i > root.length) return fail(`There is no item ${seg} in the list`);
    const inner = i === root.length ? nest(rest, value) : assign(root[i], rest, value);
    if (!inner.ok) return inner;
    const copy: unknown[] = [...(root as unknown[])];
    copy[i] = inner.value;
    return ok(copy);
  }
  if (isRecord(root)) {
    const inner = Object.prototype.hasOwnProperty.call(root, seg) ? assign(root[seg], rest, value) : nest(rest, value);
    return inner.ok ? ok({ ...root, [seg]: inner.value }) : inner;
  }
  if (root === null || root === undefined) return nest(path, value);
  return fail(`The value before '${seg}' is not a mapping`);
}

/** The value the text must have after `op`, or why the change does not apply. */
export function valueAfter(root: unknown, op: EditOp): Result<unknown> {
  const cur = at(root, op.path);
  const label = op.path.join('/');
  switch (op.op) {
    case 'set':
      return assign(root, op.path, op.value);
    case 'unset': {
      if (!cur.exists) return ok(root);
      if (op.path.length === 0) return fail('The whole document cannot be removed');
      const parent = at(root, op.path.slice(0, -1)).value;
      const last = op.path[op.path.length - 1] ?? '';
      if (Array.isArray(parent))
        return assign(
          root,
          op.path.slice(0, -1),
          parent.filter((_, i) => i !== Number(last)),
        );
      const copy = { ...(parent as Record<string, unknown>) };
      delete copy[last];
      return assign(root, op.path.slice(0, -1), copy);
    }
    case 'insert': {
      if (cur.value === undefined || cur.value === null)
        return op.index === 0 ? assign(root, op.path, [op.value]) : fail(`${label} has no items`);
      const list: unknown = cur.value;
      if (!Array.isArray(list)) return fail(`${label} is not a list`);
      const items = list as unknown[];
      if (op.index > items.length) return fail(`${label} has only ${items.length} items`);
      return assign(root, op.path, [...items.slice(0, op.index), op.value, ...items.slice(op.index)]);
    }
    case 'move': {
      if (!Array.isArray(cur.value)) return fail(`${label} is not a list`);
      const n = cur.value.length;
      if (op.from >= n || op.to >= n) return fail(`${label} has only ${n} items`);
      const copy = [...(cur.value as unknown[])];
      const [moved] = copy.splice(op.from, 1);
      copy.splice(op.to, 0, moved);
      return assign(root, op.path, copy);
    }
  }
}

/** Plain JSON data: what a form can send (no undefined, functions, NaN or cycles), not too deep. */
export function isJsonValue(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => isJsonValue(x, depth + 1));
  return (
    isRecord(v) &&
    Object.getPrototypeOf(v) === Object.prototype &&
    Object.values(v).every((x) => isJsonValue(x, depth + 1))
  );
}

/** Deep equality of JSON data, key order aside. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const ka = Object.keys(a);
  return (
    ka.length === Object.keys(b).length &&
    ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue(a[k], b[k]))
  );
}

/** The top-level fields of `next` that differ from `prev` (what a patch message carries). */
export function patchBetween(
  prev: Readonly<Record<string, unknown>>,
  next: Readonly<Record<string, unknown>>,
): { set: Record<string, unknown>; unset: string[] } {
  const set: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next))
    if (!Object.prototype.hasOwnProperty.call(prev, k) || !sameValue(prev[k], v)) set[k] = v;
  return { set, unset: Object.keys(prev).filter((k) => !Object.prototype.hasOwnProperty.call(next, k)) };
}
