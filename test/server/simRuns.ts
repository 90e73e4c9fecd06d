/** Simulation runs: both queue endpoints, a simulation's runs, run and single results, end-conversations. */
import { detail, json, type Call, type Reply, type Route } from './http';
import { mine } from './simAgents';
import { resultJson, runJson, runRowJson } from './simResults';
import { simState, type RunRecord, type SimState } from './simState';
import { int, list, model, nullable, str, type FieldSpec } from './validate';

const opt = (v: FieldSpec['v']): FieldSpec => ({ v: nullable(v), default: null });
const queueBody = model(
  'QueueSimulationRunRequest',
  {
    simulation_id: { v: str, required: true },
    digital_human_ids: opt(list(str)),
    runs_per_digital_human: opt(int({ ge: 1 })),
  },
  { topLevel: true },
);
const endBody = model(
  'EndConversationsRequest',
  { test_result_ids: { v: list(int()), required: true } },
  { topLevel: true },
);

function queue(sms: boolean) {
  return (call: Call): Reply => {
    const s = simState(call.store);
    const simId = Number(call.body['simulation_id']);
    const sim = Number.isInteger(simId) ? mine(s.simulations, call, simId) : undefined;
    if (!sim) return detail(404, 'Simulation not found');
    const agent = mine(s.agents, call, sim.data.agent_id);
    const isSms = agent?.data.connection_type === 'SMS';
    if (isSms !== sms)
      return detail(
        400,
        sms
          ? "This simulation's agent is not an SMS agent: use /v1/queue-simulation-run"
          : "This simulation's agent is an SMS agent: use /v1/queue-sms-simulation-run",
      );
    const linked = [...call.store.digitalHumans.values()].filter(
      (d) => d.org === call.org && d.simulation_ids.includes(simId),
    );
    const asked = call.body['digital_human_ids'] as string[] | null;
    for (const id of asked ?? [])
      if (!linked.some((d) => String(d.data.id) === id))
        return detail(400, `Digital human ${id} is not linked to simulation ${simId}`);
    const chosen = asked ? linked.filter((d) => asked.includes(String(d.data.id))) : linked;
    if (chosen.length === 0) return detail(400, `Simulation ${simId} has no digital humans to run`);
    const f = s.faults;
    const perDh = call.body['runs_per_digital_human'] as number | null;
    const run: RunRecord = {
      org: call.org,
      id: s.nextRunId++,
      simulationId: simId,
      createdAt: s.now(),
      createdIso: new Date(s.now()).toISOString(),
      reads: 0,
      conversations: [],
      neverFinish: f.neverFinish,
      runStatus: f.runStatus,
    };
    for (const d of chosen) {
      const n = perDh ?? Math.min(3, typeof d.data['num_runs'] === 'number' ? d.data['num_runs'] : 1);
      for (let i = 0; i < n; i++)
        run.conversations.push({
          id: s.nextResultId++,
          digitalHumanId: d.data.id,
          plan: f.outcomes[String(d.data.id)] ?? ((d.data.id + i) % 2 === 0 ? 'pass' : 'fail'),
          cancelled: false,
        });
    }
    s.runs.set(run.id, run);
    if (f.queueStatus !== null) {
      const status = f.queueStatus;
      f.queueStatus = null;
      return detail(status, 'Bad Gateway');
    }
    const answer = {
      simulation_run_id: String(run.id),
      simulation_result_ids: run.conversations.map((c) => String(c.id)),
      agent_id: String(sim.data.agent_id),
      status: 'success',
    };
    return json(200, sms ? { ...answer, terminated_conversations: [] } : answer);
  };
}

function results(call: Call): Reply {
  const s = simState(call.store);
  const run = mine(s.runs, call, call.params['simulation_run_id'] as number);
  if (!run) return detail(404, 'Simulation run not found');
  run.reads++;
  const listed = s.faults.resultsLimit === null ? run.conversations : run.conversations.slice(0, s.faults.resultsLimit);
  return json(200, {
    simulation_run: runJson(s, run),
    simulation_results: listed.map((c) => resultJson(s, call.store, run, c)),
    status: '200',
  });
}

function findConversation(
  s: SimState,
  org: string,
  id: number,
): { run: RunRecord; c: RunRecord['conversations'][number] } | undefined {
  for (const run of s.runs.values()) {
    const c = run.org === org ? run.conversations.find((x) => x.id === id) : undefined;
    if (c) return { run, c };
  }
  return undefined;
}

export const runRoutes: Route[] = [
  { method: 'POST', path: '/v1/queue-simulation-run', body: queueBody, handle: queue(false) },
  { method: 'POST', path: '/v1/queue-sms-simulation-run', body: queueBody, handle: queue(true) },
  {
    method: 'GET',
    path: '/v1/get-simulation-runs/{simulation_id}',
    params: { simulation_id: 'int' },
    handle: (call) => {
      const s = simState(call.store);
      return json(200, {
        simulation_runs: [...s.runs.values()]
          .filter((r) => r.org === call.org && r.simulationId === call.params['simulation_id'])
          .map((r) => runRowJson(s, r)),
      });
    },
  },
  {
    method: 'GET',
    path: '/v1/retrieve-simulation-results/{simulation_run_id}',
    params: { simulation_run_id: 'int' },
    handle: results,
  },
  {
    method: 'GET',
    path: '/v1/retrieve-simulation-result/{test_result_id}',
    params: { test_result_id: 'int' },
    handle: (call) => {
      const s = simState(call.store);
      const hit = findConversation(s, call.org, call.params['test_result_id'] as number);
      return hit
        ? json(200, { simulation_result: resultJson(s, call.store, hit.run, hit.c), status: '200' })
        : detail(404, 'Simulation result not found');
    },
  },
  {
    method: 'POST',
    path: '/v1/end-conversations',
    body: endBody,
    handle: (call) => {
      const s = simState(call.store);
      const ended: number[] = [];
      const failed: number[] = [];
      for (const id of call.body['test_result_ids'] as number[]) {
        const hit = findConversation(s, call.org, id);
        const status = hit && resultJson(s, call.store, hit.run, hit.c)['status'];
        if (hit && (status === 'RUNNING' || status === 'QUEUED' || status === 'EVALUATING')) {
          hit.c.cancelled = true;
          ended.push(id);
        } else failed.push(id);
      }
      return json(200, {
        success: failed.length === 0,
        ended_count: ended.length,
        test_result_ids: ended,
        failed_ids: failed,
        message: `Ended ${ended.length} conversation(s)`,
      });
    },
  },
];
