/** Rendering runs and conversations as Bluejay answers them (SimulationRunResultResponse, SimulationResultResponse). */
import { conversationStatus, runStatus, type ConversationRecord, type RunRecord, type SimState } from './simState';
import type { Store } from './store';

export function resultJson(s: SimState, store: Store, run: RunRecord, c: ConversationRecord): Record<string, unknown> {
  const status = conversationStatus(s, run, c);
  const dh: Record<string, unknown> = store.digitalHumans.get(c.digitalHumanId)?.data ?? {};
  const done = status === 'COMPLETED';
  const pass = c.plan === 'pass';
  const expected = Array.isArray(dh['expected_tool_calls'])
    ? (dh['expected_tool_calls'] as { name: string; parameters?: unknown }[])
    : [];
  const toolCalls = expected.map((t, i) => ({
    name: t.name,
    expected: [{ parameters: t.parameters ?? {} }],
    actual: done && (pass || i === 0) ? [{ parameters: t.parameters ?? {}, start_offset_ms: 20_000 + i * 10_000 }] : [],
  }));
  const start = new Date(Date.parse(run.createdIso) + 5_000).toISOString();
  const evaluation = {
    id: `eval-${c.id}`,
    goal_success: pass,
    goal_reasoning: pass
      ? 'The agent found the duplicate charge, confirmed the refund and gave a reference number.'
      : 'The agent confirmed the refund but never gave a refund reference number, which the success criteria require.',
    call_summary: pass
      ? 'Caller reported a double charge; the agent refunded it and gave reference RF-20931.'
      : 'Caller reported a double charge; the agent promised a refund but gave no reference.',
    hallucination: false,
    num_turns: 12,
    custom_metrics: [
      {
        name: 'Empathy',
        description: 'How well the agent acknowledged the caller',
        response_type: 'numeric',
        response_value: pass ? '4' : '2',
        reasoning: pass
          ? 'Acknowledged the frustration early.'
          : 'Read the policy instead of acknowledging the caller.',
        min_value: 1,
        max_value: 5,
      },
    ],
  };
  return {
    id: c.id,
    digital_human_id: c.digitalHumanId,
    status,
    result: null,
    duration: done ? 95_000 + (c.id % 7) * 1_000 : null,
    start_time: start,
    end_time: done ? new Date(Date.parse(start) + 95_000).toISOString() : null,
    custom_metrics: null,
    latency: null,
    events: [],
    transcript_url: done ? `${s.mediaOrigin}/transcripts/${c.id}.json` : null,
    audio_url: done ? `${s.mediaOrigin}/audio/${c.id}.wav` : null,
    evaluations: done ? [evaluation] : [],
    tool_calls: toolCalls,
  };
}

export function runJson(s: SimState, run: RunRecord): Record<string, unknown> {
  const statuses = run.conversations.map((c) => ({ c, status: conversationStatus(s, run, c) }));
  const completed = statuses.filter((x) => x.status === 'COMPLETED');
  const passed = completed.filter((x) => x.c.plan === 'pass').length;
  return {
    id: String(run.id),
    simulation_id: String(run.simulationId),
    status: runStatus(s, run),
    summary: null,
    total_tests: run.conversations.length,
    tests_passed: passed,
    tests_failed: completed.length - passed,
    tests_completed: completed.length,
    tests_incompleted: statuses.length - completed.length,
    created_at: run.createdIso,
  };
}

/** One row of get-simulation-runs (integers there). */
export function runRowJson(s: SimState, run: RunRecord): Record<string, unknown> {
  const r = runJson(s, run);
  return { ...r, id: run.id, experiment_id: run.simulationId, curr_step_id: null, phone_number: null };
}

/** A transcript as Bluejay's scripts read one: turns with speaker, text and offsets. */
export function transcriptJson(id: number): unknown[] {
  return [
    { speaker: 'agent', role: 'AGENT', text: 'Thanks for calling, how can I help?', start_offset_ms: 0 },
    {
      speaker: 'user',
      role: 'USER',
      text: 'I was charged twice for March and I want it fixed today.',
      start_offset_ms: 3_200,
    },
    {
      speaker: 'agent',
      role: 'AGENT',
      text: 'I see two charges of $129.99; I have refunded one of them.',
      start_offset_ms: 9_800,
    },
    {
      speaker: 'user',
      role: 'USER',
      text: `Fine. What is the reference? (conversation ${id})`,
      start_offset_ms: 15_100,
    },
  ];
}
