/**
 * Bluejay's request models (from the update pages and the OpenAPI snapshot; where they differ the
 * page wins, e.g. the accent `mature`), written with the validators of ./validate.
 */
import {
  anyValue,
  bool,
  dict,
  int,
  list,
  model,
  nullable,
  num,
  oneOf,
  str,
  union,
  type FieldSpec,
  type Validator,
} from './validate';

export const LANGUAGES = ['en', 'es', 'pt', 'ja', 'tr', 'hi', 'ar', 'ru', 'zh', 'ml', 'fr', 'yue', 'vi', 'de'] as const;
export const ACCENTS = [
  'multilingual',
  'american',
  'american2',
  'mature',
  'southern',
  'italian',
  'indian',
  'british',
  'australian',
  'mexican',
  'spanish',
  'portuguese',
  'french',
  'turkish',
  'japanese',
  'hindi',
  'arabic',
  'russian',
  'chinese',
  'german',
] as const;
const GENDERS = ['male', 'female'];
const NOISES = ['none', 'office', 'talking', 'traffic', 'cafe', 'park', 'tv'];
const SPEEDS = ['slowest', 'slow', 'normal', 'fast', 'fastest'];
const QUALITIES = ['high', 'medium', 'low', 'horrible'];
const FLUENCIES = ['beginner', 'intermediate', 'native'];
const VERBOSITIES = ['low', 'medium', 'high'];

const opt = (v: Validator, def?: unknown): FieldSpec =>
  def === undefined ? { v: nullable(v), default: null } : { v: nullable(v), default: def };
const req = (v: Validator): FieldSpec => ({ v, required: true });

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export const expectedToolCall = model('ExpectedToolCall', {
  name: req(str),
  parameters: opt(dict()),
  output: { v: anyValue, default: null },
});

export const trait = model('Trait', {
  trait_name: req(str),
  trait_data_type: req(oneOf(['BOOLEAN', 'STRING', 'DATE', 'NUMBER'])),
  value: req(anyValue),
  is_sip_header: { v: bool, default: false },
});

export const scriptedResponse = model(
  'ScriptedResponse',
  {
    match_type: req(oneOf(['exact', 'context'])),
    match_phrase: req(str),
    response_type: req(oneOf(['phrase', 'silence', 'dtmf'])),
    response_value: opt(str),
    occurrence_mode: req(oneOf(['always', 'first_n'])),
    occurrence_n: opt(int({ gt: 0 })),
    silence_duration: opt(int({ gt: 0 })),
  },
  {
    check: (r) => {
      if ((r['response_type'] === 'phrase' || r['response_type'] === 'dtmf') && blank(r['response_value']))
        return `response_value is required when response_type is '${String(r['response_type'])}'`;
      if (r['occurrence_mode'] === 'first_n' && blank(r['occurrence_n']))
        return "occurrence_n is required when occurrence_mode is 'first_n'";
      return undefined;
    },
  },
);

export const speaksFirstConfig = model(
  'SpeaksFirstConfig',
  { speaks_first: req(bool), mode: opt(oneOf(['custom', 'ai_generated'], true)), message: opt(str) },
  {
    check: (c) =>
      c['speaks_first'] === true && c['mode'] === 'custom' && blank(c['message'])
        ? "message must be non-empty when mode is 'custom'"
        : undefined,
  },
);

const keywordResponse = model('KeywordResponse', {
  keyword: req(str),
  response: req(str),
  probability: { v: num({ ge: 0, le: 1 }), default: 1 },
});

export const interruptions = union([
  ['Default', model('Default', { type: req(oneOf(['none', 'low', 'medium', 'high'], true)) })],
  [
    'Keywords',
    model('Keywords', { type: req(oneOf(['keywords'], true)), keyword_responses: req(list(keywordResponse)) }),
  ],
  ['Contextual', model('Contextual', { type: req(oneOf(['contextual'], true)), contextual_prompt: req(str) })],
]);

/**
 * The digital human's fields, as on update (every one `X | null`). `createDefault` is the value a
 * create fills in when the field is absent; `notNullOnCreate` marks the fields the create model
 * types without `| null` (`phone_number` is also required there).
 */
interface DhField {
  v: Validator;
  createDefault?: unknown;
  notNullOnCreate?: boolean;
}

const f = (v: Validator, createDefault: unknown = null, notNullOnCreate = false): DhField => ({
  v,
  createDefault,
  notNullOnCreate,
});

export const DH_FIELDS: Readonly<Record<string, DhField>> = {
  intent: f(str, '', true),
  success_criteria: f(str, '', true),
  name: f(str),
  tag: f(str),
  language: f(oneOf(LANGUAGES), 'en'),
  accent: f(oneOf(ACCENTS)),
  gender: f(oneOf(GENDERS)),
  background_noise: f(oneOf(NOISES), 'none'),
  voice_speed: f(oneOf(SPEEDS), 'normal'),
  audio_quality: f(oneOf(QUALITIES), 'high'),
  fluency: f(oneOf(FLUENCIES), 'native'),
  verbosity: f(oneOf(VERBOSITIES), 'medium'),
  phone_number: f(str, undefined, true),
  outbound_text_number: f(str),
  background_noise_volume: f(num({ ge: 0, le: 1 }), 0.8),
  expected_tool_calls: f(list(expectedToolCall)),
  allow_end_call_tool: f(bool, true),
  endpointing_delay: f(num(), 1.5),
  creativity: f(num({ ge: 0, le: 2 }), 0.7),
  hangup_phrases: f(list(str)),
  hangup_instructions: f(str),
  allow_silence_tool: f(bool, false, true),
  silence_tool_instructions: f(str, 'default', true),
  silence_timeout: f(int({ ge: 15 })),
  simulation_ids: f(list(int())),
  traits: f(list(trait)),
  interruptions: f(interruptions),
  scripted_responses: f(list(scriptedResponse)),
  role_description: f(str),
  speaks_first_config: f(speaksFirstConfig),
  original_transcript: f(str),
  formatted_transcript: f(list(dict(str))),
  enriched_playback: f(list(dict())),
  num_runs: f(int({ ge: 1 }), 1),
  livekit_metadata: f(dict()),
  always_on_mode: f(bool, false),
  always_on_active: f(bool),
  override_conflict: f(bool, false),
};

/** Fields of the update model only (the create model has simulation_ids at its top level, and no override_conflict). */
const UPDATE_ONLY = new Set(['simulation_ids', 'override_conflict']);

export const updateDigitalHumanRequest = model(
  'UpdateDigitalHumanRequest',
  Object.fromEntries(Object.entries(DH_FIELDS).map(([k, d]) => [k, { v: nullable(d.v) }])),
  { patch: true, topLevel: true },
);

const digitalHumanRequestData = model(
  'DigitalHumanRequestData',
  Object.fromEntries(
    Object.entries(DH_FIELDS)
      .filter(([k]) => !UPDATE_ONLY.has(k))
      .map(([k, d]): [string, FieldSpec] => {
        const v = d.notNullOnCreate ? d.v : nullable(d.v);
        if (k === 'phone_number') return [k, { v, required: true }];
        return [k, { v, default: d.createDefault }];
      }),
  ),
);

export const createDigitalHumanRequest = model(
  'CreateDigitalHumanRequest',
  { simulation_ids: opt(list(int())), simulation_id: opt(int()), digital_human: req(digitalHumanRequestData) },
  { topLevel: true },
);

export const createCustomerPersonaRequest = model(
  'CreateCustomerPersonaRequest',
  { agent_id: opt(int()), name: req(str), description: req(str), goal: req(str) },
  { topLevel: true },
);

export const updateCustomerPersonaRequest = model(
  'UpdateCustomerPersonaRequest',
  { name: { v: nullable(str) }, description: { v: nullable(str) }, goal: { v: nullable(str) } },
  { patch: true, topLevel: true },
);

/** What a digital human looks like in responses (DigitalHumanResponseData), in this order. */
export const DH_RESPONSE_FIELDS = [
  'intent',
  'success_criteria',
  'id',
  'tag',
  'name',
  'language',
  'accent',
  'gender',
  'background_noise',
  'voice_speed',
  'audio_quality',
  'fluency',
  'verbosity',
  'phone_number',
  'outbound_text_number',
  'websocket_url',
  'background_noise_volume',
  'expected_tool_calls',
  'allow_end_call_tool',
  'allow_silence_tool',
  'silence_tool_instructions',
  'endpointing_delay',
  'creativity',
  'hangup_phrases',
  'hangup_instructions',
  'silence_timeout',
  'role_description',
  'created_at',
  'traits',
  'interruptions',
  'scripted_responses',
  'speaks_first_config',
  'original_transcript',
  'formatted_transcript',
  'enriched_playback',
  'workflow_v2_id',
  'workflow_path_index',
  'livekit_metadata',
] as const;
