/**
 * A small validator that answers like FastAPI on Pydantic v2: every problem becomes one
 * `{type, loc, msg, input, ctx?}` entry of a 422 `detail`, with `loc` going through field names and
 * list indexes. Lax coercions match Pydantic's (numeric strings for numbers, "yes"/"0"/... for
 * booleans); unknown keys of a model are dropped, keys of free-form objects are kept.
 */

export type Loc = (string | number)[];

export interface ValidationIssue {
  type: string;
  loc: Loc;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** Validates `value` at `loc`, pushing issues; the result is the coerced value (meaningless if issues were pushed). */
export type Validator = (value: unknown, loc: Loc, issues: ValidationIssue[]) => unknown;

export interface FieldSpec {
  v: Validator;
  required?: boolean;
  /** Filled in when the field is absent (not when patching). */
  default?: unknown;
}

const fail = (
  issues: ValidationIssue[],
  loc: Loc,
  type: string,
  msg: string,
  input: unknown,
  ctx?: Record<string, unknown>,
): undefined => {
  issues.push(ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx });
  return undefined;
};

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export const anyValue: Validator = (v) => v;

export const str: Validator = (v, loc, issues) =>
  typeof v === 'string' ? v : fail(issues, loc, 'string_type', 'Input should be a valid string', v);

interface Bounds {
  ge?: number;
  gt?: number;
  le?: number;
}

function checkBounds(n: number, b: Bounds, loc: Loc, issues: ValidationIssue[]): number | undefined {
  if (b.ge !== undefined && !(n >= b.ge))
    return fail(issues, loc, 'greater_than_equal', `Input should be greater than or equal to ${b.ge}`, n, { ge: b.ge });
  if (b.gt !== undefined && !(n > b.gt))
    return fail(issues, loc, 'greater_than', `Input should be greater than ${b.gt}`, n, { gt: b.gt });
  if (b.le !== undefined && !(n <= b.le))
    return fail(issues, loc, 'less_than_equal', `Input should be less than or equal to ${b.le}`, n, { le: b.le });
  return n;
}

const NUMERIC = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

export function int(bounds: Bounds = {}): Validator {
  return (v, loc, issues) => {
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string') {
      if (!/^\s*[+-]?\d+\s*$/.test(v))
        return fail(
          issues,
          loc,
          'int_parsing',
          'Input should be a valid integer, unable to parse string as an integer',
          v,
        );
      n = Number(v);
    } else return fail(issues, loc, 'int_type', 'Input should be a valid integer', v);
    if (!Number.isInteger(n))
      return fail(
        issues,
        loc,
        'int_from_float',
        'Input should be a valid integer, got a number with a fractional part',
        v,
      );
    return checkBounds(n, bounds, loc, issues);
  };
}

export function num(bounds: Bounds = {}): Validator {
  return (v, loc, issues) => {
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string') {
      if (!NUMERIC.test(v))
        return fail(
          issues,
          loc,
          'float_parsing',
          'Input should be a valid number, unable to parse string as a number',
          v,
        );
      n = Number(v);
    } else return fail(issues, loc, 'float_type', 'Input should be a valid number', v);
    return checkBounds(n, bounds, loc, issues);
  };
}

const TRUE = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

export const bool: Validator = (v, loc, issues) => {
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (TRUE.has(s)) return true;
    if (FALSE.has(s)) return false;
    return fail(issues, loc, 'bool_parsing', 'Input should be a valid boolean, unable to interpret input', v);
  }
  return fail(issues, loc, 'bool_type', 'Input should be a valid boolean', v);
};

function expected(values: readonly string[]): string {
  const quoted = values.map((x) => `'${x}'`);
  return quoted.length === 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1] ?? ''}`;
}

/** A string enum (`type: "enum"`) or a Literal (`type: "literal_error"`). */
export function oneOf(values: readonly string[], literal = false): Validator {
  const exp = expected(values);
  return (v, loc, issues) =>
    typeof v === 'string' && values.includes(v)
      ? v
      : fail(issues, loc, literal ? 'literal_error' : 'enum', `Input should be ${exp}`, v, { expected: exp });
}

export function nullable(inner: Validator): Validator {
  return (v, loc, issues) => (v === null ? null : inner(v, loc, issues));
}

export function list(item: Validator): Validator {
  return (v, loc, issues) => {
    if (!Array.isArray(v)) return fail(issues, loc, 'list_type', 'Input should be a valid list', v);
    return v.map((x, i) => item(x, [...loc, i], issues));
  };
}

/** A free-form object (`dict[str, X]`): every key kept, values checked with `value`. */
export function dict(value: Validator = anyValue): Validator {
  return (v, loc, issues) => {
    if (!isPlainObject(v)) return fail(issues, loc, 'dict_type', 'Input should be a valid dictionary', v);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = value(x, [...loc, k], issues);
    return out;
  };
}

export interface ModelOptions {
  /** Patch-style: absent fields stay absent (no defaults). */
  patch?: boolean;
  /** The top-level body: FastAPI words a non-object differently there. */
  topLevel?: boolean;
  /** A model validator, run when the fields are valid; returns a message for a `value_error`. */
  check?: (value: Record<string, unknown>) => string | undefined;
}

/** A Pydantic model: declared fields in order, unknown keys dropped, defaults filled in. */
export function model(
  title: string,
  fields: Readonly<Record<string, FieldSpec>>,
  options: ModelOptions = {},
): Validator {
  return (v, loc, issues) => {
    if (!isPlainObject(v)) {
      return options.topLevel
        ? fail(
            issues,
            loc,
            'model_attributes_type',
            'Input should be a valid dictionary or object to extract fields from',
            v,
          )
        : fail(issues, loc, 'model_type', `Input should be a valid dictionary or instance of ${title}`, v, {
            class_name: title,
          });
    }
    const before = issues.length;
    const out: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(fields)) {
      if (Object.prototype.hasOwnProperty.call(v, name)) out[name] = spec.v(v[name], [...loc, name], issues);
      else if (spec.required) fail(issues, [...loc, name], 'missing', 'Field required', v);
      else if (!options.patch && 'default' in spec) out[name] = structuredClone(spec.default);
    }
    if (issues.length === before && options.check) {
      const message = options.check(out);
      if (message !== undefined) fail(issues, loc, 'value_error', `Value error, ${message}`, v, { error: {} });
    }
    return out;
  };
}

/** Pydantic's smart union of models: the first member that validates wins; else every member's issues, under its title. */
export function union(members: readonly (readonly [string, Validator])[]): Validator {
  return (v, loc, issues) => {
    const all: ValidationIssue[] = [];
    for (const [title, member] of members) {
      const mine: ValidationIssue[] = [];
      const out = member(v, [...loc, title], mine);
      if (mine.length === 0) return out;
      all.push(...mine);
    }
    issues.push(...all);
    return undefined;
  };
}
