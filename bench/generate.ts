/**
 * Deterministic digital-human documents for the benchmark. Their size comes from repetition of the
 * lists a real definition grows: scripted responses, traits, transcript turns, expected tool calls,
 * hangup phrases, keyword responses and simulation ids.
 */
import { fill, say, words } from './phrases';
import { Rng } from './rng';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** How many items each list gets per unit of scale. */
const WEIGHTS = { scripted: 5, traits: 3, turns: 8, tools: 2, hangups: 2, keywords: 3, simulations: 4 } as const;

function count(scale: number, weight: number): number {
  return Math.max(1, Math.round(scale * weight));
}

/** The fields a short, hand-written definition keeps (the rest take Bluejay's defaults). */
const COMPACT = new Set([
  'kind',
  'id',
  'name',
  'tag',
  'intent',
  'success_criteria',
  'language',
  'accent',
  'voice_speed',
  'phone_number',
  'hangup_phrases',
  'traits',
  'interruptions',
  'scripted_responses',
  'simulation_ids',
]);

/** A valid digital human (by the schema and by our rules) whose lists grow with `scale`; `compact` keeps only the usual fields. */
export function buildDigitalHuman(scale: number, seed: number, compact = false): JsonObject {
  const full = fullDigitalHuman(scale, seed);
  return compact ? Object.fromEntries(Object.entries(full).filter(([k]) => COMPACT.has(k))) : full;
}

function fullDigitalHuman(scale: number, seed: number): JsonObject {
  const rng = new Rng(seed);
  const turns = Array.from({ length: Math.max(2, count(scale, WEIGHTS.turns)) }, (_, i) => transcriptTurn(rng, i));
  const original = turns
    .slice(0, 12)
    .map((t) => `${t['role'] === 'AGENT' ? 'Agent' : 'Customer'}: ${text(t['utterance'])}\n`)
    .join('');
  const simulationIds = Array.from({ length: count(scale, WEIGHTS.simulations) }, (_, i) => 50 + i * 3 + rng.int(0, 2));
  return {
    kind: 'digital-human',
    id: rng.int(100, 9999),
    name: 'Angry billing customer',
    tag: 'billing',
    intent: `You were charged twice for ${rng.pick(words.TOPICS)} and you want the duplicate charge refunded today. You are angry, you interrupt often and you do not accept a callback instead of a refund.`,
    success_criteria: 'The agent finds the duplicate charge, confirms the refund and gives a refund reference number.',
    role_description: 'Long-time customer on the Premium plan who has already called once about this.',
    language: 'en',
    accent: 'southern',
    gender: 'female',
    voice_speed: 'fast',
    audio_quality: 'medium',
    fluency: 'native',
    verbosity: 'high',
    creativity: 0.9,
    endpointing_delay: 1.2,
    background_noise: 'traffic',
    background_noise_volume: 0.5,
    phone_number: '+14155550123',
    outbound_text_number: '+14155550124',
    always_on_mode: true,
    always_on_active: true,
    override_conflict: false,
    expected_tool_calls: Array.from({ length: count(scale, WEIGHTS.tools) }, () => toolCall(rng)),
    allow_end_call_tool: true,
    hangup_phrases: Array.from({ length: count(scale, WEIGHTS.hangups) }, () => fill(rng, rng.pick(words.HANGUPS))),
    hangup_instructions: 'Hang up angrily if you are put on hold a second time.',
    allow_silence_tool: true,
    silence_tool_instructions: 'default',
    silence_timeout: 30,
    traits: Array.from({ length: count(scale, WEIGHTS.traits) }, (_, i) => trait(rng, i)),
    interruptions: {
      type: 'keywords',
      keyword_responses: Array.from({ length: count(scale, WEIGHTS.keywords) }, () => keywordResponse(rng)),
    },
    scripted_responses: Array.from({ length: count(scale, WEIGHTS.scripted) }, () => scriptedResponse(rng)),
    speaks_first_config: {
      speaks_first: true,
      mode: 'custom',
      message: 'Yes, hello, I need to talk to someone about my bill. Right now.',
    },
    original_transcript: original,
    formatted_transcript: turns,
    simulation_ids: simulationIds,
    num_runs: 2,
    livekit_metadata: { room_prefix: 'bench', record: true, region: 'us-west' },
  };
}

function text(v: Json | undefined): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function transcriptTurn(rng: Rng, i: number): JsonObject {
  const agent = i % 2 === 0;
  return { role: agent ? 'AGENT' : 'USER', utterance: say(rng, agent ? 'agent' : 'user', 3) };
}

function toolCall(rng: Rng): JsonObject {
  const name = rng.pick(words.TOOLS);
  const call: JsonObject = { name };
  if (rng.chance(0.9)) {
    const parameters: JsonObject = { account_number: `ACC-${rng.int(100000, 999999)}` };
    if (rng.chance(0.5)) parameters['amount'] = rng.money(1, 500);
    if (rng.chance(0.4)) parameters['currency'] = rng.pick(['USD', 'EUR', 'GBP']);
    if (rng.chance(0.3)) parameters['month'] = `2024-0${rng.int(1, 9)}`;
    if (rng.chance(0.2)) parameters['notify_customer'] = rng.chance(0.5);
    call['parameters'] = parameters;
  }
  const shape = rng.int(0, 3);
  if (shape === 0) call['output'] = rng.pick(['refund_created', 'ok', 'not_found', 'pending']);
  else if (shape === 1)
    call['output'] = {
      charges: [rng.money(5, 300), rng.money(5, 300)],
      status: rng.pick(['paid', 'disputed', 'open']),
    };
  else if (shape === 2)
    call['output'] = { found: rng.chance(0.8), reference: `RF-${rng.int(10000, 99999)}`, note: say(rng, 'agent', 1) };
  return call;
}

function trait(rng: Rng, i: number): JsonObject {
  const type = rng.pick(['STRING', 'BOOLEAN', 'DATE', 'NUMBER'] as const);
  let value: Json;
  if (type === 'STRING')
    value = rng.chance(0.5) ? `ACC-${rng.int(100000, 999999)}` : rng.pick(['premium', 'gold', 'basic', 'trial']);
  else if (type === 'BOOLEAN') value = rng.chance(0.5);
  else if (type === 'DATE')
    value = `202${rng.int(0, 4)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  else value = rng.chance(0.5) ? rng.int(0, 40) : rng.money(1, 900);
  const t: JsonObject = { trait_name: `${rng.pick(words.TRAITS)}_${i + 1}`, trait_data_type: type, value };
  if (rng.chance(0.25)) t['is_sip_header'] = rng.chance(0.7);
  return t;
}

function keywordResponse(rng: Rng): JsonObject {
  const k: JsonObject = { keyword: rng.pick(words.KEYWORDS), response: fill(rng, rng.pick(words.KEYWORD_REPLIES)) };
  if (rng.chance(0.5)) k['probability'] = rng.int(1, 10) / 10;
  return k;
}

function scriptedResponse(rng: Rng): JsonObject {
  const r: JsonObject = { match_type: rng.pick(['exact', 'context']), match_phrase: say(rng, 'agent', 1) };
  const type = rng.pick(['phrase', 'phrase', 'silence', 'dtmf']);
  r['response_type'] = type;
  if (type === 'phrase') r['response_value'] = say(rng, 'user', 2);
  else if (type === 'dtmf') r['response_value'] = `${rng.int(1000, 9999)}#`;
  else r['silence_duration'] = rng.int(1, 8);
  if (rng.chance(0.3)) {
    r['occurrence_mode'] = 'first_n';
    r['occurrence_n'] = rng.int(1, 3);
  } else {
    r['occurrence_mode'] = 'always';
  }
  return r;
}

/** What a broken item must make our validator report: an error of `code` at `pointer`, whose range reads `token`. */
export interface Breakage {
  readonly pointer: string;
  readonly code: 'invalid-enum' | 'unknown-key' | 'out-of-range' | 'invalid-type';
  /** The text the problem's range should cover (YAML plain form; JSON has strings and keys in quotes). */
  readonly token: string;
}

const LISTS: readonly (readonly string[])[] = [
  ['scripted_responses'],
  ['traits'],
  ['formatted_transcript'],
  ['expected_tool_calls'],
  ['hangup_phrases'],
  ['interruptions', 'keyword_responses'],
  ['simulation_ids'],
];

function listAt(doc: JsonObject, path: readonly string[]): Json[] {
  let v: Json | undefined = doc;
  for (const seg of path) v = v !== null && typeof v === 'object' && !Array.isArray(v) ? v[seg] : undefined;
  return Array.isArray(v) ? v : [];
}

/** How many items the lists hold in all. */
export function countItems(doc: JsonObject): number {
  return LISTS.reduce((n, path) => n + listAt(doc, path).length, 0);
}

/** Breaks about `rate` of all list items (at least one) in place, the way people get them wrong. */
export function breakItems(doc: JsonObject, seed: number, rate = 0.01): Breakage[] {
  const rng = new Rng(seed);
  const all: [readonly string[], number][] = [];
  for (const path of LISTS) listAt(doc, path).forEach((_, i) => all.push([path, i]));
  const n = Math.max(1, Math.round(all.length * rate));
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (all.length - i));
    const a = all[i];
    const b = all[j];
    if (a && b) [all[i], all[j]] = [b, a];
  }
  const chosen = all.slice(0, n).sort((a, b) => LISTS.indexOf(a[0]) - LISTS.indexOf(b[0]) || a[1] - b[1]);
  return chosen.map(([path, i], k) => breakOne(listAt(doc, path), i, `/${path.join('/')}/${i}`, k));
}

function breakOne(list: Json[], i: number, pointer: string, variant: number): Breakage {
  const item = list[i];
  if (item === undefined || item === null || typeof item !== 'object' || Array.isArray(item)) {
    // A scalar list (hangup phrases, simulation ids): an item of the wrong type.
    const wrong = typeof item === 'number' ? `sim-${item}` : 42;
    list[i] = wrong;
    return { pointer, code: 'invalid-type', token: String(wrong) };
  }
  if (pointer.startsWith('/scripted_responses/')) {
    if (variant % 3 === 0) return set(item, 'response_type', 'phrases', pointer, 'invalid-enum');
    if (variant % 3 === 1) return set(item, 'match_type', 'exactly', pointer, 'invalid-enum');
    item['occurrence_mode'] = 'first_n';
    return set(item, 'occurrence_n', 0, pointer, 'out-of-range');
  }
  if (pointer.startsWith('/traits/')) {
    const key = variant % 2 ? 'trait_type' : 'sip_header';
    item[key] = key === 'sip_header' ? true : text(item['trait_data_type']);
    return { pointer: `${pointer}/${key}`, code: 'unknown-key', token: key };
  }
  if (pointer.startsWith('/formatted_transcript/')) return set(item, 'role', 'CUSTOMER', pointer, 'invalid-enum');
  if (pointer.startsWith('/interruptions/')) return set(item, 'probability', 1.5, pointer, 'out-of-range');
  // An expected tool call whose `parameters` is written `arguments` (kept in place).
  const entries = Object.entries(item);
  for (const k of Object.keys(item)) delete item[k];
  for (const [k, v] of entries) item[k === 'parameters' ? 'arguments' : k] = v;
  if (!('arguments' in item)) item['arguments'] = {};
  return { pointer: `${pointer}/arguments`, code: 'unknown-key', token: 'arguments' };
}

function set(item: JsonObject, key: string, value: string | number, pointer: string, code: Breakage['code']): Breakage {
  item[key] = value;
  return { pointer: `${pointer}/${key}`, code, token: String(value) };
}
