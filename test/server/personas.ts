/** Customer personas: create, read, patch-style update, delete and the per-agent list. */
import { randomUUID } from 'node:crypto';
import { detail, json, type Call, type Reply, type Route } from './http';
import { createCustomerPersonaRequest, updateCustomerPersonaRequest } from './models';
import { orgUuid, personaData, type PersonaRecord, type Store } from './store';

const NOT_FOUND = 'Customer persona not found';

/** Creates from a validated CreateCustomerPersonaRequest. */
export function insertPersona(
  store: Store,
  org: string,
  body: Record<string, unknown>,
  options: { id?: string; createdAt?: string } = {},
): PersonaRecord {
  const id = options.id ?? randomUUID();
  const record: PersonaRecord = {
    org,
    agent_id: typeof body['agent_id'] === 'number' ? body['agent_id'] : null,
    data: {
      id,
      created_at: options.createdAt ?? new Date().toISOString(),
      name: body['name'] as string,
      description: body['description'] as string,
      goal: body['goal'] as string,
      org_id: orgUuid(org),
    },
  };
  store.personas.set(id, record);
  return record;
}

const byId = (call: Call): PersonaRecord | undefined =>
  call.store.persona(call.org, call.params['persona_id'] as string);

function update(call: Call): Reply {
  const r = byId(call);
  if (!r) return detail(404, NOT_FOUND);
  for (const k of ['name', 'description', 'goal'] as const) {
    const v = call.body[k];
    if (v !== undefined) r.data[k] = v as string | null;
  }
  return json(200, personaData(r));
}

const ID = { persona_id: 'uuid' } as const;

export const personaRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/create-customer-persona',
    body: createCustomerPersonaRequest,
    handle: (call) => json(200, personaData(insertPersona(call.store, call.org, call.body))),
  },
  {
    method: 'GET',
    path: '/v1/customer-persona/{persona_id}',
    params: ID,
    handle: (call) => {
      const r = byId(call);
      return r ? json(200, personaData(r)) : detail(404, NOT_FOUND);
    },
  },
  {
    method: 'PUT',
    path: '/v1/update-customer-persona/{persona_id}',
    params: ID,
    body: updateCustomerPersonaRequest,
    handle: update,
  },
  {
    method: 'DELETE',
    path: '/v1/customer-persona/{persona_id}',
    params: ID,
    handle: (call) => {
      const r = byId(call);
      if (!r) return detail(404, NOT_FOUND);
      call.store.personas.delete(r.data.id);
      return json(200, personaData(r));
    },
  },
  {
    method: 'GET',
    path: '/v1/customer-personas-by-agent/{agent_id}',
    params: { agent_id: 'int' },
    handle: (call) => {
      const agent = call.params['agent_id'] as number;
      const mine = [...call.store.personas.values()].filter((p) => p.org === call.org && p.agent_id === agent);
      return json(200, mine.map(personaData));
    },
  },
];
