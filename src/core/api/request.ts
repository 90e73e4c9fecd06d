/**
 * What a push sends: the request for a definition's value, with only the API's own fields (never
 * `kind`, `id` or `$schema`), shaped as each endpoint wants it.
 */
import type { Kind } from '../kinds';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiRequest {
  readonly method: Method;
  /** Path from the origin, starting /v1/. */
  readonly path: string;
  readonly body?: Readonly<Record<string, unknown>>;
  readonly kind: Kind;
  /** Create or update (or read). */
  readonly op: 'create' | 'update' | 'get';
}

const META = new Set(['kind', 'id', '$schema', 'environment']);

/** The API fields of a definition (everything but kind, id and $schema). */
export function apiFields(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!META.has(k)) out[k] = v;
  return out;
}

/** The request that pushes `value`: an update when it has an id, else a create. */
export function pushRequest(kind: Kind, value: Readonly<Record<string, unknown>>): ApiRequest {
  const raw = value['id'];
  const id = typeof raw === 'string' || typeof raw === 'number' ? encodeURIComponent(raw) : undefined;
  const fields = apiFields(value);
  if (kind === 'customer-persona') {
    if (id === undefined)
      return { method: 'POST', path: '/v1/create-customer-persona', body: fields, kind, op: 'create' };
    const update = { ...fields };
    delete update['agent_id']; // used only when the persona is created
    return { method: 'PUT', path: `/v1/update-customer-persona/${id}`, body: update, kind, op: 'update' };
  }
  if (id === undefined) {
    const { simulation_ids, ...digitalHuman } = fields;
    const body =
      simulation_ids === undefined ? { digital_human: digitalHuman } : { digital_human: digitalHuman, simulation_ids };
    return { method: 'POST', path: '/v1/create-digital-human', body, kind, op: 'create' };
  }
  return { method: 'PUT', path: `/v1/update-digital-human/${id}`, body: fields, kind, op: 'update' };
}

/** The request that reads a definition back. */
export function getRequest(kind: Kind, id: string | number): ApiRequest {
  const path =
    kind === 'customer-persona'
      ? `/v1/customer-persona/${encodeURIComponent(String(id))}`
      : `/v1/digital-human/${encodeURIComponent(String(id))}`;
  return { method: 'GET', path, kind, op: 'get' };
}

/** The resource in a response: personas come bare, digital humans wrapped with their simulation ids. */
export function resourceOf(kind: Kind, data: unknown): Record<string, unknown> | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const d = data as Record<string, unknown>;
  if (kind === 'customer-persona') return d;
  const dh = d['digital_human'];
  if (dh === null || typeof dh !== 'object' || Array.isArray(dh)) return undefined;
  return d['simulation_ids'] === undefined
    ? { ...(dh as Record<string, unknown>) }
    : { ...(dh as Record<string, unknown>), simulation_ids: d['simulation_ids'] };
}
