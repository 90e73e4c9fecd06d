/**
 * The simulation endpoints: the requests (ids sent as strings where Bluejay wants strings) and
 * defensive readers of the answers (ids normalised to strings, missing fields as null).
 */
import type { ApiRequest } from '../api/request';
import { asRecord } from '../record';

const enc = (id: string): string => encodeURIComponent(id);
// ApiRequest's kind names what an error is about; these all concern digital humans' runs.
const get = (path: string): ApiRequest => ({ method: 'GET', path, kind: 'digital-human', op: 'get' });

export const simulationRequest = (simulationId: string): ApiRequest => get(`/v1/simulation/${enc(simulationId)}`);
export const agentRequest = (agentId: string): ApiRequest => get(`/v1/agents/${enc(agentId)}`);
export const resultsRequest = (runId: string): ApiRequest => get(`/v1/retrieve-simulation-results/${enc(runId)}`);
export const resultRequest = (resultId: string): ApiRequest => get(`/v1/retrieve-simulation-result/${enc(resultId)}`);

/** Queues a run of `simulationId` restricted to `digitalHumanIds` (a create: never repeated once it may have been sent). */
export function queueRequest(simulationId: string, digitalHumanIds: readonly string[], sms: boolean): ApiRequest {
  const body = { simulation_id: simulationId, digital_human_ids: [...digitalHumanIds] };
  return {
    method: 'POST',
    path: sms ? '/v1/queue-sms-simulation-run' : '/v1/queue-simulation-run',
    body,
    kind: 'digital-human',
    op: 'create',
  };
}

/** Ends the conversations still running (ids as integers, as end-conversations wants them). */
export function endConversationsRequest(resultIds: readonly string[]): ApiRequest {
  const ids = resultIds.map(Number).filter((n) => Number.isSafeInteger(n));
  return {
    method: 'POST',
    path: '/v1/end-conversations',
    body: { test_result_ids: ids },
    kind: 'digital-human',
    op: 'create',
  };
}

type Obj = Record<string, unknown>;
export const idString = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface Queued {
  readonly runId: string;
  readonly resultIds: string[];
}

/** The queue answer: run id and result ids, or undefined when it has no run id. */
export function readQueued(data: unknown): Queued | undefined {
  const d = asRecord(data);
  const runId = idString(d?.['simulation_run_id']);
  if (!d || runId === null) return undefined;
  const ids = Array.isArray(d['simulation_result_ids'])
    ? d['simulation_result_ids'].map(idString).filter((s): s is string => s !== null)
    : [];
  return { runId, resultIds: ids };
}

export interface SimulationInfo {
  readonly name: string | null;
  readonly agentId: string | null;
}

export function readSimulation(data: unknown): SimulationInfo {
  const d = asRecord(data);
  return { name: str(d?.['name']), agentId: idString(d?.['agent_id']) };
}

/** Whether an agent (GET /v1/agents/{id}) is reached by SMS. */
export function isSmsAgent(data: unknown): boolean {
  return str(asRecord(data)?.['connection_type'])?.toUpperCase() === 'SMS';
}

export interface Metric {
  readonly name: string;
  readonly value: unknown;
  readonly reasoning: string | null;
}

export interface ToolCalls {
  readonly name: string;
  readonly expected: unknown[];
  readonly actual: unknown[];
}

/** One conversation as read from Bluejay. */
export interface ResultData {
  readonly resultId: string;
  readonly digitalHumanId: string | null;
  readonly status: string | null;
  readonly goalSuccess: boolean | null;
  readonly reasoning: string | null;
  readonly summary: string | null;
  readonly durationMs: number | null;
  readonly startTime: string | null;
  readonly transcriptUrl: string | null;
  readonly audioUrl: string | null;
  readonly metrics: Metric[];
  readonly toolCalls: ToolCalls[];
}

export function readResult(data: unknown): ResultData | undefined {
  const r = asRecord(data);
  const resultId = idString(r?.['id']);
  if (!r || resultId === null) return undefined;
  const evaluations = Array.isArray(r['evaluations']) ? r['evaluations'] : [];
  const ev = asRecord(evaluations[0]) ?? {};
  const goal = ev['goal_success'];
  const rawMetrics = Array.isArray(ev['custom_metrics'])
    ? ev['custom_metrics']
    : Array.isArray(r['custom_metrics'])
      ? r['custom_metrics']
      : [];
  const metrics = rawMetrics
    .map(asRecord)
    .filter((m): m is Obj => m !== undefined && typeof m['name'] === 'string')
    .map((m) => ({ name: m['name'] as string, value: m['response_value'] ?? null, reasoning: str(m['reasoning']) }));
  const toolCalls = (Array.isArray(r['tool_calls']) ? r['tool_calls'] : [])
    .map(asRecord)
    .filter((t): t is Obj => t !== undefined && typeof t['name'] === 'string')
    .map((t) => ({
      name: t['name'] as string,
      expected: Array.isArray(t['expected']) ? t['expected'] : [],
      actual: Array.isArray(t['actual']) ? t['actual'] : [],
    }));
  return {
    resultId,
    digitalHumanId: idString(r['digital_human_id']),
    status: str(r['status']),
    goalSuccess: typeof goal === 'boolean' ? goal : null,
    reasoning: str(ev['goal_reasoning']),
    summary: str(ev['call_summary']),
    durationMs: num(r['duration']),
    startTime: str(r['start_time']),
    transcriptUrl: str(r['transcript_url']),
    audioUrl: str(r['audio_url']),
    metrics,
    toolCalls,
  };
}

export interface RunData {
  readonly status: string | null;
  readonly total: number | null;
  readonly passed: number | null;
  readonly summary: string | null;
  readonly results: ResultData[];
}

/** retrieve-simulation-results: the run and the results it lists (results without an id are dropped). */
export function readRun(data: unknown): RunData | undefined {
  const d = asRecord(data);
  const run = asRecord(d?.['simulation_run']);
  if (!d || !run) return undefined;
  const results = (Array.isArray(d['simulation_results']) ? d['simulation_results'] : [])
    .map(readResult)
    .filter((r): r is ResultData => r !== undefined);
  return {
    status: str(run['status']),
    total: num(run['total_tests']),
    passed: num(run['tests_passed']),
    summary: str(run['summary']),
    results,
  };
}

/** retrieve-simulation-result: the one result. */
export function readSingleResult(data: unknown): ResultData | undefined {
  return readResult(asRecord(data)?.['simulation_result']);
}
