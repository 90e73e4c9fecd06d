/** Turns ajv's errors into findings a person can act on: one per wrong value, with the allowed values and a suggestion. */
import type { ErrorObject } from 'ajv';
import { at, atPath, cut, describeValue, displayPath, valueAt, type Finding } from '../finding';
import { fromPointer, type FixHint } from '../problem';
import type { JsonSchema, Kind } from '../kinds';
import { LEAN_SCHEMAS } from './lean';
import { nearest } from '../nearest';

/** Response fields Bluejay sets itself; a file that carries them gets a clearer word than "unknown key". */
const SERVER_FIELDS = new Set([
  'created_at',
  'updated_at',
  'org_id',
  'websocket_url',
  'workflow_v2_id',
  'workflow_path_index',
  'simulation_id',
]);

const RANGE = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);

export function schemaFindings(kind: Kind, value: unknown, errors: readonly ErrorObject[]): Finding[] {
  if (errors.length === 0) return []; // a valid value (most files): none of the sets and maps below
  // A wrong type makes every other complaint about the same value noise.
  const wrongType = new Set<string>();
  for (const e of errors) if (e.keyword === 'type') wrongType.add(e.instancePath);
  const out: Finding[] = [];
  // Two errors can say the same (code, path and message) only about the same value or key. Most
  // places have one error: the finding itself is kept, a list only where a second one comes.
  const seen = new Map<string, Finding | Finding[]>();
  // A file converted from another tool repeats one mistake thousands of times: what a message says
  // of a value (allowed values, nearest one) is worked out once per schema place and value.
  const said: Memo = new Map();
  for (const e of errors) {
    // `kind` chose the schema; validate.ts has already judged it (invalid-kind, kind-mismatch).
    if (e.keyword === 'if' || e.instancePath === '/kind') continue;
    if (
      wrongType.size &&
      e.keyword !== 'type' &&
      e.keyword !== 'additionalProperties' &&
      e.keyword !== 'required' &&
      wrongType.has(e.instancePath)
    )
      continue;
    const f = finding(kind, value, e, said);
    const where =
      e.keyword === 'additionalProperties'
        ? `${e.instancePath}\u0000${String((e.params as Record<string, unknown>)['additionalProperty'])}`
        : e.instancePath;
    const before = seen.get(where);
    if (before === undefined) seen.set(where, f);
    else {
      const list = Array.isArray(before) ? before : [before];
      if (list.some((b) => b.code === f.code && b.message === f.message && b.path.join('/') === f.path.join('/')))
        continue;
      if (list !== before) seen.set(where, list);
      list.push(f);
    }
    out.push(f);
  }
  return out;
}

/** What a message says after the value's name, and its fix: the same for every value alike at one place of the schema. */
interface Said {
  readonly tail: string;
  readonly fix?: FixHint;
}

/** By an error's schemaPath, then by the value (a scalar itself, a list or a mapping as one). */
type Memo = Map<string, Map<unknown, Said>>;

const A_LIST = Symbol('a list');
const A_MAPPING = Symbol('a mapping');

/** The memo of one schema place (created on its first error). */
function placeOf(said: Memo, schemaPath: string): Map<unknown, Said> {
  let place = said.get(schemaPath);
  if (!place) said.set(schemaPath, (place = new Map<unknown, Said>()));
  return place;
}

/** A value as the memo tells it: a scalar itself, a list or a mapping as one. */
function keyOf(value: unknown): unknown {
  return value !== null && typeof value === 'object' ? (Array.isArray(value) ? A_LIST : A_MAPPING) : value;
}

// No closures below: thousands of errors pass through here, and what a closure captures would be
// allocated for every one of them, memo hit or not.
function finding(kind: Kind, root: unknown, e: ErrorObject, said: Memo): Finding {
  const path = fromPointer(e.instancePath);
  const name = displayPath(path);
  const got = valueAt(root, path);
  const p = e.params as Record<string, unknown>;
  // Without escapes, ajv's instancePath is the very pointer validate.ts would build from the path.
  const pointer = e.instancePath.includes('~') ? undefined : e.instancePath;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p['additionalProperty']);
      const keyPath = [...path, key];
      if (path.length === 0 && SERVER_FIELDS.has(key)) {
        return at(
          'unknown-key',
          keyPath,
          `'${key}' is set by Bluejay and cannot be written from a file; remove it${key === 'simulation_id' ? ' (use simulation_ids)' : ''}.`,
          'key',
          { kind: 'unknown-key' },
        );
      }
      const place = placeOf(said, e.schemaPath);
      let s = place.get(key);
      if (!s)
        place.set(key, (s = { tail: nearest(key, Object.keys(schemaAt(kind, e.schemaPath)?.properties ?? {})) ?? '' }));
      const hint = s.tail;
      const where = path.length ? ` in ${name}` : '';
      return at(
        'unknown-key',
        keyPath,
        `Unknown key '${cut(key)}'${where}: Bluejay would silently ignore it.${hint ? ` Did you mean '${hint}'?` : ''}`,
        'key',
        {
          kind: 'unknown-key',
          ...(hint && !Object.prototype.hasOwnProperty.call(got ?? {}, hint) && { rename: hint }),
        },
      );
    }
    case 'required': {
      const prop = String(p['missingProperty']);
      return atPath(
        'missing-property',
        path,
        `${path.length ? `${name} is missing` : 'Missing'} the required property '${prop}'.`,
        { kind: 'add', property: prop },
        pointer,
      );
    }
    case 'type': {
      const place = placeOf(said, e.schemaPath);
      const key = keyOf(got);
      let s = place.get(key);
      if (!s) place.set(key, (s = typeSaid(p, got)));
      return atPath('invalid-type', path, name + s.tail, undefined, pointer);
    }
    case 'enum':
    case 'const': {
      const place = placeOf(said, e.schemaPath);
      const key = keyOf(got);
      let s = place.get(key);
      if (!s) place.set(key, (s = enumSaid(e.keyword, p, got)));
      return atPath('invalid-enum', path, name + s.tail, s.fix, pointer);
    }
    case 'format':
      return atPath(
        'invalid-format',
        path,
        `${name} must be a ${p['format'] === 'uuid' ? 'UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a' : String(p['format'])} (got ${describeValue(got)}).`,
        undefined,
        pointer,
      );
    default:
      if (RANGE.has(e.keyword)) {
        const limit = Number(p['limit']);
        const exclusive = e.keyword.startsWith('exclusive');
        const integer = schemaAt(kind, e.schemaPath)?.type?.includes('integer') ?? false;
        const step = integer ? 1 : 0.01;
        const value = exclusive ? (e.keyword === 'exclusiveMinimum' ? limit + step : limit - step) : limit;
        return atPath(
          'out-of-range',
          path,
          `${name} must be ${String(p['comparison'])} ${String(p['limit'])} (got ${describeValue(got)}).`,
          { kind: 'clamp', value },
          pointer,
        );
      }
      return atPath(
        'invalid-value',
        path,
        `${name} is not valid (${e.keyword}${e.message ? `: ${e.message}` : ''}).`,
        undefined,
        pointer,
      );
  }
}

/** What an `invalid-type` message says after the value's name. */
function typeSaid(p: Record<string, unknown>, got: unknown): Said {
  const wanted = ([] as unknown[]).concat(p['type']).flatMap((t) => String(t).split(','));
  const quote =
    wanted.includes('string') && (typeof got === 'number' || typeof got === 'boolean')
      ? `; put it in quotes to make it text`
      : '';
  return { tail: ` must be ${wanted.map(typeName).join(' or ')} (got ${gotType(got)})${quote}.` };
}

/** What an `invalid-enum` message says after the value's name, and its fix. */
function enumSaid(keyword: string, p: Record<string, unknown>, got: unknown): Said {
  const allowed = (keyword === 'enum' ? (p['allowedValues'] as unknown[]) : [p['allowedValue']]).filter(
    (v) => v !== null,
  );
  const list = allowed.map(String);
  const hint = typeof got === 'string' ? nearest(got, list) : undefined;
  const what = allowed.length === 1 ? `must be ${list[0]}` : `must be one of ${list.join(', ')}`;
  return {
    tail: ` ${what} (got ${describeValue(got)})${hint ? `; did you mean '${hint}'?` : '.'}`,
    fix: { kind: 'replace', values: list, ...(hint && { preferred: hint }) },
  };
}

function typeName(t: string): string {
  switch (t) {
    case 'string':
      return 'text';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    default:
      return t;
  }
}

function gotType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `text ${describeValue(v)}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `the whole number ${v}` : `the number ${v}`;
  return typeof v === 'boolean' ? String(v) : typeof v;
}

/** The schema object an error's schemaPath (minus its keyword) points at, following one `$ref` hop per step. */
function schemaAt(kind: Kind, schemaPath: string): JsonSchema | undefined {
  const root = LEAN_SCHEMAS[kind];
  const segs = fromPointer(schemaPath.replace(/^#/, '')).slice(0, -1);
  let node: unknown = root;
  for (const seg of segs) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node as JsonSchema | undefined;
}
