/**
 * What a server's answer says of the file (errors.ts words the errors): a 422 entry's `loc` as a
 * JSON pointer of the file and its own words, the fields a 400 detail names, and any detail as one
 * short line.
 */
import type { ServerProblem } from './errors';
import type { ApiRequest } from './request';
import { toPointer } from '../problem';

/** Phrases in 400 details that name a field without its key. */
const FIELD_WORDS: readonly [RegExp, string][] = [
  [/phone number/i, 'phone_number'],
  [/outbound text number/i, 'outbound_text_number'],
  [/\baccent\b/i, 'accent'],
];

/** One 422 entry: `loc` ["body", ...path] (through "digital_human" for creates) to a pointer. */
export function validationProblem(req: ApiRequest, entry: unknown, text: (s: string) => string): ServerProblem {
  const e = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
  const loc = Array.isArray(e['loc']) ? (e['loc'] as unknown[]) : [];
  const msg = validationMessage(entry, text);
  let path = loc[0] === 'body' ? bodyPath(req, loc.slice(1).map(String)) : [];
  if (loc[0] === 'path') path = ['id'];
  const pointer = toPointer(path);
  return { pointer, message: text(`Bluejay: ${msg}${path.length ? ` (${path.join('.')})` : ''} (422)`) };
}

/** One 422 entry's own words: its `msg`, else the entry in one line. */
function validationMessage(entry: unknown, text: (s: string) => string): string {
  const msg = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)['msg'] : undefined;
  return typeof msg === 'string' ? msg : describe(entry, text);
}

/** A 422 entry as Bluejay said it: its `msg` and, when it names one, where (`loc` after "body"). */
export function validationSaid(entry: unknown, text: (s: string) => string): string {
  const loc = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>)['loc'] : undefined;
  const where = Array.isArray(loc)
    ? loc
        .slice(loc[0] === 'body' ? 1 : 0)
        .map(String)
        .join('.')
    : '';
  return `${validationMessage(entry, text)}${where ? ` (${where})` : ''}`;
}

/**
 * A loc's path in the file: through `digital_human` for creates, and without the names of union
 * members that Pydantic inserts (`interruptions.Keywords.keyword_responses` is `interruptions.keyword_responses`).
 */
function bodyPath(req: ApiRequest, loc: string[]): string[] {
  let segs = loc;
  let node: unknown = req.body;
  if (req.op === 'create' && req.kind === 'digital-human' && segs[0] === 'digital_human') {
    segs = segs.slice(1);
    node = req.body?.['digital_human'];
  }
  const out: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i] ?? '';
    const here = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    const next = segs[i + 1];
    const skip =
      here === undefined &&
      next !== undefined &&
      node !== null &&
      typeof node === 'object' &&
      (node as Record<string, unknown>)[next] !== undefined;
    if (skip) continue;
    out.push(seg);
    node = here;
  }
  return out;
}

/** Pointers of the request's fields that a 400 detail names; the file as a whole when it names none. */
export function fieldsNamed(req: ApiRequest, detail: string): string[] {
  const body =
    req.body && req.kind === 'digital-human' && req.op === 'create'
      ? (req.body['digital_human'] as Record<string, unknown> | undefined)
      : req.body;
  const fields = Object.keys(body ?? {});
  const named = new Set<string>();
  for (const f of fields) if (new RegExp(`\\b${f}\\b`).test(detail)) named.add(f);
  for (const [re, f] of FIELD_WORDS) if (re.test(detail) && fields.includes(f)) named.add(f);
  return named.size ? [...named].map((f) => `/${f}`) : [''];
}

/** Any detail (string, list, object, missing) as one short line; `clean` (the redaction) runs before the cut, so no key is cut in half and left. */
export function describe(detail: unknown, clean: (s: string) => string = (s) => s): string {
  if (detail === undefined || detail === null || detail === '') return 'no details given';
  const s = typeof detail === 'string' ? detail : safeJson(detail);
  const line = clean(s.replace(/\s+/g, ' ').trim());
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
