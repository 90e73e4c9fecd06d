/**
 * Bringing an existing definition file in step with Bluejay's copy (a pull into a file that exists):
 * one minimal edit, so comments, key order and the quoting of untouched lines stay as they are.
 */
import { applyOps } from '../edit/engine';
import { sameId } from '../ids';
import { isKind, type Format } from '../kinds';
import { parseJson } from '../parse/json';
import { parseYaml } from '../parse/yaml';
import { toPointer } from '../problem';
import { SCHEMAS } from '../schema/schemas';
import { idEdit } from './idEdit';
import { carries, definitionFields, keeps } from './remote';
import type { EditOp, TextEdit } from '../edit/types';
import { applyEdits, spanEdits } from '../edit/apply';

export type RefreshResult =
  | { readonly ok: true; readonly edits: TextEdit[]; readonly changed: string[] }
  | { readonly ok: false; readonly reason: string };

const has = (r: Readonly<Record<string, unknown>>, k: string): boolean => Object.prototype.hasOwnProperty.call(r, k);
const same = (a: unknown, b: unknown): boolean => keeps(a, b) && keeps(b, a);
const isIdValue = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';

/**
 * The edit that brings `text` in step with `remote` (fromRemote's output), and the pointers of the
 * fields it changes: a field the file sets takes Bluejay's value where Bluejay holds it otherwise
 * (and carries it; none means the key goes); a field Bluejay holds that the file does not set is
 * added unless its value is the schema's default; a missing id is written right after `kind`.
 * Refused when the text cannot be read, or is for another kind or id.
 */
export function refreshEdits(text: string, format: Format, remote: Readonly<Record<string, unknown>>): RefreshResult {
  const kind = remote['kind'];
  if (!isKind(kind)) return { ok: false, reason: 'The remote definition has no kind.' };
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  if (!parsed.ok || parsed.issues.length)
    return { ok: false, reason: `The file cannot be read: ${parsed.issues[0]?.message ?? 'unknown problem'}` };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, reason: 'The file does not hold a mapping of fields.' };
  const file = value as Record<string, unknown>;
  if (file['kind'] !== undefined && file['kind'] !== kind)
    return { ok: false, reason: `The file defines ${JSON.stringify(file['kind'])}, not ${kind}.` };
  const remoteId = remote['id'];
  const fileId = file['id'];
  if (
    fileId !== undefined &&
    fileId !== null &&
    remoteId !== undefined &&
    !(isIdValue(fileId) && isIdValue(remoteId) && sameId(fileId, remoteId))
  )
    return { ok: false, reason: `The file is for id ${JSON.stringify(fileId)}, not ${JSON.stringify(remoteId)}.` };

  const fields = definitionFields(kind);
  const ops: EditOp[] = [];
  for (const k of Object.keys(file)) {
    if (!fields.includes(k) || !carries(remote, k) || keeps(file[k], remote[k])) continue;
    const v = remote[k];
    ops.push(v === undefined || v === null ? { op: 'unset', path: [k] } : { op: 'set', path: [k], value: v });
  }
  const props = SCHEMAS[kind].properties ?? {};
  for (const k of fields) {
    const v = remote[k];
    if (has(file, k) || v === undefined || v === null) continue;
    const fallback = props[k]?.default;
    if (fallback === undefined || !same(v, fallback)) ops.push({ op: 'set', path: [k], value: v });
  }

  let out = text;
  const changed: string[] = [];
  if ((fileId === undefined || fileId === null) && (typeof remoteId === 'string' || typeof remoteId === 'number')) {
    const edit = fileId === undefined ? idEdit(out, format, remoteId) : undefined;
    if (edit) out = applyEdits(out, [edit]);
    else ops.unshift({ op: 'set', path: ['id'], value: remoteId });
    changed.push('/id');
  }
  const done = applyOps(out, format, ops);
  if (!done.ok) return done;
  for (const op of ops) if (!changed.includes(toPointer(op.path))) changed.push(toPointer(op.path));
  return { ok: true, edits: spanEdits(text, done.text), changed };
}
