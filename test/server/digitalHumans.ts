/**
 * Digital humans: create, read, patch-style update, delete and the paged list, with Bluejay's
 * business rules (E.164 numbers, workflow-tag locks, transcript handling, always-on conflicts).
 */
import { detail, json, type Call, type Reply, type Route } from './http';
import { createDigitalHumanRequest, updateDigitalHumanRequest } from './models';
import { digitalHumanData, digitalHumanResponse, sameJson, type DigitalHumanRecord, type Store } from './store';
import { int } from './validate';

const E164 = /^\+[1-9]\d{1,14}$/;
export const WORKFLOW_LOCKED = [
  'intent',
  'success_criteria',
  'role_description',
  'original_transcript',
  'formatted_transcript',
] as const;
/** Update fields for which null means "leave unchanged" (they are never null in Bluejay's records). */
const NULL_KEEPS = new Set([
  'intent',
  'success_criteria',
  'allow_silence_tool',
  'silence_tool_instructions',
  'simulation_ids',
]);
const NOT_STORED = new Set(['simulation_ids', 'override_conflict']);
const NOT_FOUND = 'Digital human not found';

/** A 400 for a phone number that is not E.164 (empty means "no number" and is accepted). */
function phoneProblem(dh: Record<string, unknown>): string | undefined {
  for (const [key, label] of [
    ['phone_number', 'phone number'],
    ['outbound_text_number', 'outbound text number'],
  ] as const) {
    const v = dh[key];
    if (typeof v === 'string' && v !== '' && !E164.test(v))
      return `Invalid ${label}: ${v} (expected E.164 format, e.g. +14155550123)`;
  }
  return undefined;
}

/** The fake LLM formatter: "USER: ..." / "Agent: ..." / "Customer: ..." lines into turns; other lines continue the last turn. */
export function formatTranscript(text: string): { role: string; utterance: string }[] {
  const turns: { role: string; utterance: string }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^(user|customer|caller|human|agent|assistant|bot|ai)\s*:\s*(.*)$/i.exec(line);
    const last = turns[turns.length - 1];
    if (m)
      turns.push({
        role: /^(agent|assistant|bot|ai)$/i.test(m[1] ?? '') ? 'AGENT' : 'USER',
        utterance: (m[2] ?? '').trim(),
      });
    else if (last) last.utterance = `${last.utterance} ${line}`;
    else turns.push({ role: 'USER', utterance: line });
  }
  return turns;
}

/** The intent Bluejay derives from a formatted transcript: the caller's lines, in order. */
export function intentFrom(turns: unknown): string {
  const lines = Array.isArray(turns)
    ? turns.filter(
        (t): t is Record<string, unknown> =>
          t !== null &&
          typeof t === 'object' &&
          String((t as Record<string, unknown>)['role']).toUpperCase() === 'USER',
      )
    : [];
  return `Replay this caller, saying in order: ${lines.map((t) => JSON.stringify(typeof t['utterance'] === 'string' ? t['utterance'] : '')).join(' / ')}`;
}

/**
 * The three transcript cases, given the fields sent (`sent`), the record before (`before`) and the
 * record being built (`next`): original only -> formatted by the fake LLM; formatted only ->
 * original nulled; both -> stored as-is. The intent is derived when the formatted transcript changes
 * and the body does not set one.
 */
function applyTranscripts(
  sent: Record<string, unknown>,
  before: Record<string, unknown>,
  next: Record<string, unknown>,
): void {
  const hasOriginal = 'original_transcript' in sent;
  const hasFormatted = 'formatted_transcript' in sent && sent['formatted_transcript'] !== null;
  const original = sent['original_transcript'];
  if (hasOriginal && !hasFormatted && typeof original === 'string' && original !== before['original_transcript'])
    next['formatted_transcript'] = formatTranscript(original);
  if (hasFormatted && !hasOriginal) next['original_transcript'] = null;
  const intentSent = typeof sent['intent'] === 'string' && sent['intent'] !== '';
  if (
    !intentSent &&
    next['formatted_transcript'] !== null &&
    !sameJson(next['formatted_transcript'], before['formatted_transcript'] ?? null)
  )
    next['intent'] = intentFrom(next['formatted_transcript']);
}

export interface InsertOptions {
  id?: number;
  createdAt?: string;
}

/** Creates from a validated CreateDigitalHumanRequest; a 400 reply, or the new record. */
export function insertDigitalHuman(
  store: Store,
  org: string,
  wsOrigin: string,
  body: Record<string, unknown>,
  options: InsertOptions = {},
): Reply | DigitalHumanRecord {
  const dh = body['digital_human'] as Record<string, unknown>;
  const problem = phoneProblem(dh);
  if (problem) return detail(400, problem);
  const id = options.id ?? store.nextDigitalHumanId;
  store.nextDigitalHumanId = Math.max(store.nextDigitalHumanId, id + 1);
  const data: DigitalHumanRecord['data'] = { ...dh, id, created_at: options.createdAt ?? new Date().toISOString() };
  applyTranscripts(dh, { formatted_transcript: null, original_transcript: null }, data);
  if (data['always_on_active'] === null || data['always_on_active'] === undefined)
    data['always_on_active'] = typeof data['phone_number'] === 'string' && data['phone_number'] !== '';
  Object.assign(data, {
    websocket_url: `${wsOrigin}/ws/digital-human/${id}`,
    workflow_v2_id: null,
    workflow_path_index: null,
  });
  const sims = body['simulation_ids'];
  const simulationIds = Array.isArray(sims)
    ? (sims as number[])
    : typeof body['simulation_id'] === 'number'
      ? [body['simulation_id']]
      : [];
  const record: DigitalHumanRecord = { org, simulation_ids: [...new Set(simulationIds)], data };
  store.digitalHumans.set(id, record);
  return record;
}

const isWorkflow = (tag: unknown): boolean => typeof tag === 'string' && tag.toLowerCase().includes('workflow');

function update(call: Call): Reply {
  const record = call.store.digitalHuman(call.org, call.params['digital_human_id'] as number);
  if (!record) return detail(404, NOT_FOUND);
  const sent = call.body;
  const problem = phoneProblem(sent);
  if (problem) return detail(400, problem);
  const before = record.data;
  const workflow = isWorkflow('tag' in sent ? sent['tag'] : before['tag']);
  if (workflow) {
    const changed = WORKFLOW_LOCKED.filter(
      (k) => k in sent && !(sent[k] === null && NULL_KEEPS.has(k)) && !sameJson(sent[k], before[k] ?? null),
    );
    if (changed.length)
      return detail(400, `Workflow-tagged digital human: field changes not allowed: ${changed.join(', ')}`);
  }
  const next = structuredClone(before);
  for (const [k, v] of Object.entries(sent)) {
    if (NOT_STORED.has(k) || (v === null && NULL_KEEPS.has(k))) continue;
    next[k] = v;
  }
  if (!workflow) applyTranscripts(sent, before, next);
  const conflict = alwaysOnConflict(call.store, record, next, sent);
  if (typeof conflict === 'string') return detail(400, conflict);
  if (conflict) conflict.data['always_on_active'] = false;
  record.data = next;
  if (Array.isArray(sent['simulation_ids'])) record.simulation_ids = [...new Set(sent['simulation_ids'] as number[])];
  return json(200, digitalHumanResponse(record));
}

/**
 * When an update touches the always-on settings and leaves this digital human always-on and active,
 * another active one on the same number is a 400, unless override_conflict (then it is returned, to be deactivated).
 */
function alwaysOnConflict(
  store: Store,
  record: DigitalHumanRecord,
  next: Record<string, unknown>,
  sent: Record<string, unknown>,
): string | DigitalHumanRecord | undefined {
  if (!['always_on_mode', 'always_on_active', 'phone_number'].some((k) => k in sent)) return undefined;
  const phone = next['phone_number'];
  if (next['always_on_mode'] !== true || next['always_on_active'] !== true || typeof phone !== 'string' || phone === '')
    return undefined;
  for (const other of store.digitalHumans.values()) {
    if (other === record || other.org !== record.org) continue;
    if (
      other.data['phone_number'] === phone &&
      other.data['always_on_mode'] === true &&
      other.data['always_on_active'] === true
    ) {
      if (sent['override_conflict'] === true) return other;
      return `Phone number ${phone} is already used by always-on active digital human ${other.data.id}; set override_conflict to true to replace it`;
    }
  }
  return undefined;
}

function list(call: Call): Reply {
  const page = call.query['page'] ?? 1;
  const pageSize = call.query['page_size'] ?? 20;
  const mine = [...call.store.digitalHumans.values()]
    .filter((d) => d.org === call.org)
    .sort((a, b) =>
      a.data.created_at === b.data.created_at ? b.data.id - a.data.id : a.data.created_at < b.data.created_at ? 1 : -1,
    );
  const items = mine.slice((page - 1) * pageSize, page * pageSize).map(digitalHumanData);
  return json(200, {
    digital_humans: items,
    total_count: mine.length,
    page,
    page_size: pageSize,
    total_pages: Math.ceil(mine.length / pageSize),
  });
}

const ID = { digital_human_id: 'int' } as const;

export const digitalHumanRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/create-digital-human',
    body: createDigitalHumanRequest,
    handle: (call) => {
      const r = insertDigitalHuman(call.store, call.org, call.wsOrigin, call.body);
      return 'status' in r ? r : json(200, digitalHumanResponse(r));
    },
  },
  {
    method: 'GET',
    path: '/v1/digital-human/{digital_human_id}',
    params: ID,
    handle: (call) => {
      const r = call.store.digitalHuman(call.org, call.params['digital_human_id'] as number);
      return r ? json(200, digitalHumanResponse(r)) : detail(404, NOT_FOUND);
    },
  },
  {
    method: 'PUT',
    path: '/v1/update-digital-human/{digital_human_id}',
    params: ID,
    body: updateDigitalHumanRequest,
    handle: update,
  },
  {
    method: 'DELETE',
    path: '/v1/digital-human/{digital_human_id}',
    params: ID,
    handle: (call) => {
      const r = call.store.digitalHuman(call.org, call.params['digital_human_id'] as number);
      if (!r) return detail(404, NOT_FOUND);
      call.store.digitalHumans.delete(r.data.id);
      return json(200, digitalHumanData(r));
    },
  },
  {
    method: 'GET',
    path: '/v1/digital-humans',
    query: { page: { v: int({ ge: 1 }), default: 1 }, page_size: { v: int({ ge: 1, le: 100 }), default: 20 } },
    handle: list,
  },
];
