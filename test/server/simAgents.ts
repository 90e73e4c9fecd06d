/** Agents and simulations as the local server lists and reads them (per org); `mine` is shared by the run and generate routes. */
import { detail, json, type Call, type Reply, type Route } from './http';
import { simState } from './simState';

/** The record with that id if it belongs to the caller's org. */
export const mine = <T extends { org: string }>(m: Map<number, T>, call: Call, id: number): T | undefined => {
  const r = m.get(id);
  return r && r.org === call.org ? r : undefined;
};

const simsOf = (call: Call, agentId?: number): Reply => {
  const s = simState(call.store);
  const rows = [...s.simulations.values()]
    .filter((x) => x.org === call.org && (agentId === undefined || x.data.agent_id === agentId))
    .map((x) => ({
      id: x.data.id,
      name: x.data.name,
      agent_id: x.data.agent_id,
      created_at: x.data.created_at,
      settings: x.data.settings,
    }));
  return json(200, { simulations: rows });
};

export const agentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/all-agents',
    handle: (call) =>
      json(
        200,
        [...simState(call.store).agents.values()].filter((a) => a.org === call.org).map((a) => a.data),
      ),
  },
  {
    method: 'GET',
    path: '/v1/agents/{agent_id}',
    params: { agent_id: 'int' },
    handle: (call) => {
      const a = mine(simState(call.store).agents, call, call.params['agent_id'] as number);
      return a ? json(200, a.data) : detail(404, 'Agent not found');
    },
  },
  { method: 'GET', path: '/v1/get-all-simulations', handle: (call) => simsOf(call) },
  {
    method: 'GET',
    path: '/v1/get-simulations-by-agent/{agent_id}',
    params: { agent_id: 'int' },
    handle: (call) => simsOf(call, call.params['agent_id'] as number),
  },
  {
    method: 'GET',
    path: '/v1/simulation/{simulation_id}',
    params: { simulation_id: 'int' },
    handle: (call) => {
      const x = mine(simState(call.store).simulations, call, call.params['simulation_id'] as number);
      return x ? json(200, x.data) : detail(404, 'Simulation not found');
    },
  },
];
