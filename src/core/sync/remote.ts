/**
 * Bluejay's copy of a definition, in the file's terms: the file-shaped definition of a resource as
 * read by GET, how a file's fields compare with it, and its text (pull).
 */
import { Document, visit } from 'yaml';
import { apiFields } from '../api/request';
import type { Format, Kind } from '../kinds';
import { toPointer } from '../problem';
import { plainSafe } from '../edit/yamlWrite';
import { SCHEMAS } from '../schema/schemas';

/**
 * Whether `got` keeps what was `sent`: equal scalars, lists of the same length whose items keep
 * theirs, and objects that keep every key sent (a default the server fills in, such as a trait's
 * is_sip_header, is not a change). Null and absent count as the same.
 */
export function keeps(sent: unknown, got: unknown): boolean {
  if (sent === null || sent === undefined) return got === null || got === undefined;
  if (typeof sent !== 'object' || got === null || typeof got !== 'object') return sent === got;
  if (Array.isArray(sent) || Array.isArray(got))
    return (
      Array.isArray(sent) && Array.isArray(got) && sent.length === got.length && sent.every((x, i) => keeps(x, got[i]))
    );
  return Object.entries(sent).every(([k, v]) => keeps(v, (got as Record<string, unknown>)[k]));
}

const META = new Set(['kind', 'id', '$schema', 'environment']);

/** The schema's top-level property names but the meta keys (kind, id, $schema, environment), in schema order. */
export function definitionFields(kind: Kind): string[] {
  return Object.keys(SCHEMAS[kind].properties ?? {}).filter((k) => !META.has(k));
}

/**
 * Fields Bluejay accepts but its GET never returns (personas' agent_id, digital humans' num_runs and
 * always-on settings): when a remote lacks one, what Bluejay holds is unknown.
 */
const NOT_READ_BACK: ReadonlySet<string> = new Set([
  'agent_id',
  'num_runs',
  'always_on_mode',
  'always_on_active',
  'override_conflict',
]);

/**
 * Whether `remote` says what Bluejay holds for `field`. A remote as fromRemote gives it leaves nulls
 * out, so a field it lacks is null there, unless it is one Bluejay never returns (NOT_READ_BACK).
 */
export function carries(remote: Readonly<Record<string, unknown>>, field: string): boolean {
  return Object.prototype.hasOwnProperty.call(remote, field) || !NOT_READ_BACK.has(field);
}

/**
 * The file-shaped definition of a resource as read by GET (resourceOf applied): `{kind, id, ...fields}`
 * with only the schema's fields (server-managed ones such as created_at or org_id are dropped), in
 * schema order, without null values.
 */
export function fromRemote(kind: Kind, resource: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { kind };
  const id = resource['id'];
  if (typeof id === 'string' || typeof id === 'number') out['id'] = id;
  for (const f of definitionFields(kind)) {
    const v = resource[f];
    if (v !== undefined && v !== null) out[f] = structuredClone(v);
  }
  return out;
}

/** One top-level field that a push would change: Bluejay's value and the file's (null for absent). */
export type Change = { pointer: string; from: unknown; to: unknown };

/**
 * The fields a push of `local` (a definition's value) would change, in file order: every API field
 * the file sets when there is no remote (a create), else those Bluejay does not hold as the file
 * says. Fields the remote does not carry (see carries) cannot be compared and are not changes.
 */
export function changesBetween(
  local: Readonly<Record<string, unknown>>,
  remote: Readonly<Record<string, unknown>> | undefined,
): Change[] {
  const changes: Change[] = [];
  for (const [field, to] of Object.entries(apiFields(local))) {
    if (remote === undefined) changes.push({ pointer: toPointer([field]), from: null, to });
    else if (carries(remote, field) && !keeps(to, remote[field]))
      changes.push({ pointer: toPointer([field]), from: remote[field] ?? null, to });
  }
  return changes;
}

/**
 * A definition's text: YAML in block style (kind, then id, then the fields; long strings on one line,
 * multi-line ones as block scalars, strings that other readers could take for something else quoted),
 * or JSON with a 2-space indent. Ends in one newline.
 */
export function renderDefinition(def: Readonly<Record<string, unknown>>, format: Format): string {
  const ordered: Record<string, unknown> = {};
  if (def['kind'] !== undefined) ordered['kind'] = def['kind'];
  if (def['id'] !== undefined) ordered['id'] = def['id'];
  for (const [k, v] of Object.entries(def)) if (k !== 'kind' && k !== 'id' && v !== undefined) ordered[k] = v;
  if (format === 'json') return JSON.stringify(ordered, null, 2) + '\n';
  const doc = new Document(ordered);
  // Keys and values alike: text such as `yes`, `+1415...` or `2024-03-15` is quoted.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && !node.value.includes('\n') && !plainSafe(node.value, false))
        node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The text of a resource as read by GET: what `bluejay pull` writes into a new file. */
export function pullText(kind: Kind, resource: Readonly<Record<string, unknown>>, format: Format): string {
  return renderDefinition(fromRemote(kind, resource), format);
}
