/**
 * Simulations on the local server: agents (voice and SMS), simulations, runs and their
 * conversations, moving through Bluejay's statuses on a clock. With `stepMs` 0 (tests) a run moves
 * one step each time it is read, so tests wait on reads, never on time; the demo uses ~3 s steps.
 * Transcripts and audio are served from another loopback origin (media.ts), which must never see the key.
 */
import type { Store } from './store';

export interface AgentRecord {
  org: string;
  data: {
    id: number;
    name: string;
    mode: 'VOICE' | 'TEXT';
    type: 'INBOUND' | 'OUTBOUND';
    connection_type: string;
    phone_number: string | null;
    folder_id: null;
    sip_password: string | null;
    goals: string[];
  };
}

export interface SimulationRecord {
  org: string;
  data: {
    id: number;
    agent_id: number;
    name: string;
    type: 'parallel';
    created_at: string;
    settings: Record<string, unknown>;
    max_concurrent: number | null;
    max_turns: number;
    tags: string[];
    description: string;
    pinned: boolean;
    always_on: boolean;
  };
}

/** What a conversation will end as: pass, fail, or a terminal failure status (NO_CONNECTION, ...). */
export type Plan = string;

export interface ConversationRecord {
  id: number;
  digitalHumanId: number;
  plan: Plan;
  /** Ended with end-conversations. */
  cancelled: boolean;
}

export interface RunRecord {
  org: string;
  id: number;
  simulationId: number;
  createdAt: number;
  createdIso: string;
  reads: number;
  conversations: ConversationRecord[];
  /** Faults in force when it was queued. */
  neverFinish: boolean;
  runStatus: string | null;
}

/** Faults and scripts for runs, set with POST /__admin/simulations (each POST replaces the previous). */
export interface SimFaults {
  /** Answer the next queue request with this status, after creating the run (it reached Bluejay). */
  queueStatus: number | null;
  /** The final status of runs queued from now on (INSUFFICIENT_FUNDS: every conversation too). */
  runStatus: string | null;
  /** Per digital-human id: what its conversations end as (default: alternating pass and fail). */
  outcomes: Record<string, Plan>;
  /** Runs queued from now on never finish. */
  neverFinish: boolean;
  /** retrieve-simulation-results lists at most this many results. */
  resultsLimit: number | null;
}

export const noSimFaults = (): SimFaults => ({
  queueStatus: null,
  runStatus: null,
  outcomes: {},
  neverFinish: false,
  resultsLimit: null,
});

export interface SimState {
  agents: Map<number, AgentRecord>;
  simulations: Map<number, SimulationRecord>;
  runs: Map<number, RunRecord>;
  nextRunId: number;
  nextResultId: number;
  faults: SimFaults;
  stepMs: number;
  now: () => number;
  mediaOrigin: string;
  /** Requests the media origin received, and whether they carried an X-API-Key. */
  mediaRequests: { path: string; apiKey: boolean }[];
}

const states = new WeakMap<Store, SimState>();

/** The simulation state that goes with a store (one per server). */
export function simState(store: Store): SimState {
  let s = states.get(store);
  if (!s)
    states.set(
      store,
      (s = {
        agents: new Map(),
        simulations: new Map(),
        runs: new Map(),
        nextRunId: 345,
        nextResultId: 9001,
        faults: noSimFaults(),
        stepMs: 0,
        now: Date.now,
        mediaOrigin: 'http://127.0.0.1',
        mediaRequests: [],
      }),
    );
  return s;
}

/** Forgets runs and faults and sets the clock; agents and simulations come from seedSimulations. */
export function resetSimulations(
  store: Store,
  clock: { stepMs?: number; now?: () => number; mediaOrigin?: string } = {},
): void {
  const s = simState(store);
  s.agents.clear();
  s.simulations.clear();
  s.runs.clear();
  s.nextRunId = 345;
  s.nextResultId = 9001;
  s.faults = noSimFaults();
  s.mediaRequests = [];
  if (clock.stepMs !== undefined) s.stepMs = clock.stepMs;
  if (clock.now) s.now = clock.now;
  if (clock.mediaOrigin) s.mediaOrigin = clock.mediaOrigin;
}

/** A voice agent (1042, phone) with simulation 57 and an SMS agent (2001) with simulation 61; the examples' digital human 318 is in both. */
export function seedSimulations(store: Store, org: string): void {
  const s = simState(store);
  s.agents.set(1042, {
    org,
    data: {
      id: 1042,
      name: 'Billing voice line',
      mode: 'VOICE',
      type: 'INBOUND',
      connection_type: 'PHONE',
      phone_number: '+14155550100',
      folder_id: null,
      sip_password: 'never-shown',
      goals: ['Resolve billing disputes on the first call'],
    },
  });
  s.agents.set(2001, {
    org,
    data: {
      id: 2001,
      name: 'Bakery text assistant',
      mode: 'TEXT',
      type: 'INBOUND',
      connection_type: 'SMS',
      phone_number: '+14155550177',
      folder_id: null,
      sip_password: null,
      goals: [],
    },
  });
  const sim = (id: number, agent: number, name: string): SimulationRecord => ({
    org,
    data: {
      id,
      agent_id: agent,
      name,
      type: 'parallel',
      created_at: '2024-11-01T09:00:00.000Z',
      settings: {},
      max_concurrent: null,
      max_turns: 30,
      tags: [],
      description: `${name} (sample)`,
      pinned: false,
      always_on: false,
    },
  });
  s.simulations.set(57, sim(57, 1042, 'Billing regressions'));
  s.simulations.set(61, sim(61, 2001, 'Billing by text'));
}

const IN_PROGRESS = ['QUEUED', 'RUNNING', 'EVALUATING'];

/** How far a run has gone: elapsed steps on the clock, or (stepMs 0) the reads so far. */
function step(s: SimState, run: RunRecord): number {
  return s.stepMs > 0 ? Math.floor((s.now() - run.createdAt) / s.stepMs) : run.reads;
}

export function conversationStatus(s: SimState, run: RunRecord, c: ConversationRecord): string {
  if (c.cancelled) return 'CANCELLED';
  const n = step(s, run);
  if (run.neverFinish) return n >= 1 ? 'RUNNING' : 'QUEUED';
  if (n < IN_PROGRESS.length) return IN_PROGRESS[n] ?? 'QUEUED';
  if (run.runStatus === 'INSUFFICIENT_FUNDS') return 'INSUFFICIENT_FUNDS';
  return c.plan === 'pass' || c.plan === 'fail' ? 'COMPLETED' : c.plan;
}

const FINAL = new Set([
  'COMPLETED',
  'CANCELLED',
  'INSUFFICIENT_FUNDS',
  'NO_CONNECTION',
  'NO_ANSWER',
  'CALL_DROPPED',
  'SYSTEM_ERROR',
  'INCOMPLETED',
  'REJECTED',
]);

export function runStatus(s: SimState, run: RunRecord): string {
  if (step(s, run) === 0 && !run.conversations.every((c) => c.cancelled)) return 'INITIALIZING';
  const done = run.conversations.every((c) => FINAL.has(conversationStatus(s, run, c)));
  return done ? (run.runStatus ?? 'COMPLETED') : 'RUNNING';
}
