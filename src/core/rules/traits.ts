/** The digital-human rules on `traits` (digitalHuman.ts runs them): typed values, names once. */
import { at, cut, describeValue, type Finding } from '../finding';
import { has, isObj, type Obj } from './util';

const TRAIT_TYPES: Readonly<Record<string, [string, (v: unknown) => boolean]>> = {
  BOOLEAN: ['true or false', (v) => typeof v === 'boolean'],
  NUMBER: ['a number', (v) => typeof v === 'number'],
  STRING: ['text', (v) => typeof v === 'string'],
  DATE: ['a date such as 2024-03-15', isIsoDate],
};

/** `YYYY-MM-DD`, optionally with a time, naming a day that exists (2024-02-30 does not). */
function isIsoDate(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** Each trait's value of its declared type, and no trait name twice. */
export function traits(dh: Obj, out: Finding[]): void {
  const names = new Map<string, number>();
  const list = dh['traits'];
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const t: unknown = list[i];
    if (!isObj(t)) continue;
    const type = t['trait_data_type'];
    const check = typeof type === 'string' ? TRAIT_TYPES[type] : undefined;
    if (check && has(t, 'value') && !check[1](t['value'])) {
      out.push(
        at(
          'trait-value-type',
          ['traits', i, 'value'],
          `traits[${i}].value should be ${check[0]} because trait_data_type is ${String(type)} (got ${describeValue(t['value'])}).`,
        ),
      );
    }
    const name = t['trait_name'];
    if (typeof name === 'string') {
      const first = names.get(name);
      if (first !== undefined)
        out.push(
          at(
            'duplicate-trait-name',
            ['traits', i, 'trait_name'],
            `traits[${first}] already has trait_name '${cut(name)}'.`,
          ),
        );
      else names.set(name, i);
    }
  }
}
