/**
 * The form's pure helpers: JSON pointers and paths, where a problem shows, the values a new item
 * or a variant starts with, and the filter. No DOM here: the unit tests run it in plain Node.
 */
import type { FieldSpec } from '../core/form/model';
import type { Path } from '../core/edit/types';
import { isRecord } from '../core/record';

/** RFC 6901: '' is the whole document, each segment escaped (~ as ~0, / as ~1). */
export function pathToPointer(path: Path): string {
  let out = '';
  for (const s of path) out += '/' + s.replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

export function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The pointer of the field a problem at `pointer` shows on: the pointer itself when something is
 * shown there, else its nearest ancestor that is, else '' (the whole file: the banner).
 */
export function nearestTarget(pointer: string, has: (pointer: string) => boolean): string {
  const path = pointerToPath(pointer);
  for (let n = path.length; n > 0; n--) {
    const p = pathToPointer(path.slice(0, n));
    if (has(p)) return p;
  }
  return '';
}

/** The value under `key` of an object or list, and whether it is there at all. */
export function childOf(value: unknown, key: string): { readonly present: boolean; readonly value: unknown } {
  if (Array.isArray(value)) {
    const i = Number(key);
    return Number.isInteger(i) && i >= 0 && i < value.length
      ? { present: true, value: value[i] }
      : { present: false, value: undefined };
  }
  if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, key)) return { present: true, value: value[key] };
  return { present: false, value: undefined };
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** What a new value of a field starts as: its default, else its first option, else an empty value. */
export function defaultValue(spec: FieldSpec): unknown {
  if (spec.default !== undefined && spec.default !== null) return clone(spec.default);
  switch (spec.control) {
    case 'text':
    case 'textarea':
      return '';
    case 'integer':
    case 'number':
      if (spec.minimum !== undefined) return spec.minimum;
      if (spec.exclusiveMinimum !== undefined)
        return spec.control === 'integer' ? Math.floor(spec.exclusiveMinimum) + 1 : spec.exclusiveMinimum + 1;
      return 0;
    case 'boolean':
      return false;
    case 'enum':
      return spec.options?.[0] ?? '';
    case 'object':
      return requiredObject(spec.fields ?? []);
    case 'list':
      return [];
    case 'variant':
      return variantValue(spec, 0);
    case 'json':
      return {};
  }
}

/** An object holding the required fields, each with its default value. */
export function requiredObject(fields: readonly FieldSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f.required) out[f.key] = defaultValue(f);
  return out;
}

/** The item Add appends to a list: an object of its required fields, or the item's default. */
export function defaultItem(list: FieldSpec): unknown {
  if (list.fields) return requiredObject(list.fields);
  return list.item ? defaultValue(list.item) : '';
}

/** Which variant a value is (by its discriminator), or -1. */
export function variantIndex(spec: FieldSpec, value: unknown): number {
  if (!isRecord(value) || !spec.variants) return -1;
  const d = value[spec.discriminator ?? 'type'];
  if (typeof d !== 'string' && typeof d !== 'number' && typeof d !== 'boolean') return -1;
  return spec.variants.findIndex((v) => v.values.includes(String(d)));
}

/** The whole object a switch to variant `index` sets: its discriminator value and its required fields. */
export function variantValue(spec: FieldSpec, index: number): Record<string, unknown> {
  const v = spec.variants?.[index];
  if (!v) return {};
  const key = spec.discriminator ?? 'type';
  return { ...requiredObject(v.fields.filter((f) => f.key !== key)), [key]: v.values[0] ?? '' };
}

/** Whether a field (or any field inside it) has the filter text in its key or title. */
export function fieldMatches(spec: FieldSpec, filter: string): boolean {
  const f = filter.trim().toLowerCase();
  if (f === '') return true;
  const walk = (s: FieldSpec): boolean =>
    s.key.toLowerCase().includes(f) ||
    s.title.toLowerCase().includes(f) ||
    (s.fields ?? []).some(walk) ||
    (s.variants ?? []).some((v) => v.title.toLowerCase().includes(f) || v.fields.some(walk));
  return walk(spec);
}

/** A short line naming a list item: its first text field, else its first long text, else its first choice. */
export function itemSummary(fields: readonly FieldSpec[], item: unknown, max = 60): string {
  if (!isRecord(item)) return '';
  for (const control of ['text', 'textarea', 'enum'] as const) {
    for (const f of fields) {
      const v = item[f.key];
      if (f.control === control && typeof v === 'string' && v.trim() !== '') {
        const line = v.trim().replace(/\s+/g, ' ');
        return line.length > max ? line.slice(0, max - 1) + '…' : line;
      }
    }
  }
  return '';
}

/** A number as typed, or undefined when it is not one (empty text included). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** How a value reads in a text box: strings as they are, anything else as JSON, absent and null as ''. */
export function displayText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** How a value reads in a JSON box (indented), '' when absent. */
export function jsonText(value: unknown, present: boolean): string {
  return present ? (JSON.stringify(value, null, 2) ?? '') : '';
}

/** JSON text parsed, or the parser's complaint. */
export function parseJson(
  text: string,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** A slider's step: 1 for integers, else a round hundredth of the range. */
export function sliderStep(spec: FieldSpec): number {
  if (spec.control === 'integer') return 1;
  const range = (spec.maximum ?? 1) - (spec.minimum ?? 0);
  if (!(range > 0)) return 0.01;
  return Math.pow(10, Math.floor(Math.log10(range / 100)));
}

/** "unset" (the key is absent), "null" (explicitly null) or "value". */
export type Presence = 'unset' | 'null' | 'value';

export function presenceOf(value: unknown, present: boolean): Presence {
  if (!present) return 'unset';
  return value === null ? 'null' : 'value';
}
