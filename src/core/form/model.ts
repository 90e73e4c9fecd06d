/**
 * The form of a definition, generated from its JSON Schema: every field with its title, help,
 * control and constraints, grouped. Nothing here is written per field: add a field to the schema
 * and it appears in the form. (Only the grouping of top-level keys is a choice made here.)
 */
import type { JsonSchema, Kind } from '../kinds';
import { deref, typesOf, variants as variantsOf } from '../schema/lookup';
import { SCHEMAS } from '../schema/schemas';

export type Control =
  'text' | 'textarea' | 'integer' | 'number' | 'boolean' | 'enum' | 'object' | 'list' | 'variant' | 'json';

export interface FieldSpec {
  readonly key: string;
  readonly title: string;
  readonly description?: string;
  readonly control: Control;
  /** null is allowed (shown as a "null" choice, distinct from leaving the field unset). */
  readonly nullable: boolean;
  readonly required: boolean;
  readonly options?: readonly string[];
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  /** Sub-fields of an object, or of each item of a list of objects. */
  readonly fields?: readonly FieldSpec[];
  /** A list's item when it is not an object (a hangup phrase, a simulation id). */
  readonly item?: FieldSpec;
  /** For `variant`: the discriminating key and each shape. */
  readonly discriminator?: string;
  readonly variants?: readonly {
    readonly title: string;
    readonly values: readonly string[];
    readonly fields: readonly FieldSpec[];
  }[];
}

export interface FormGroup {
  readonly id: string;
  readonly title: string;
  readonly fields: readonly FieldSpec[];
}

export interface FormModel {
  readonly kind: Kind;
  readonly title: string;
  readonly groups: readonly FormGroup[];
}

const GROUPS: readonly { id: string; title: string; keys: readonly string[] }[] = [
  {
    id: 'identity',
    title: 'Identity',
    keys: ['name', 'tag', 'description', 'goal', 'agent_id', 'intent', 'success_criteria', 'role_description'],
  },
  {
    id: 'voice',
    title: 'Voice and audio',
    keys: [
      'language',
      'accent',
      'gender',
      'voice_speed',
      'fluency',
      'verbosity',
      'audio_quality',
      'background_noise',
      'background_noise_volume',
      'creativity',
      'endpointing_delay',
    ],
  },
  {
    id: 'behaviour',
    title: 'Behaviour',
    keys: [
      'interruptions',
      'speaks_first_config',
      'allow_end_call_tool',
      'hangup_phrases',
      'hangup_instructions',
      'allow_silence_tool',
      'silence_tool_instructions',
      'silence_timeout',
      'expected_tool_calls',
      'num_runs',
      'simulation_ids',
    ],
  },
  { id: 'scripted', title: 'Scripted responses', keys: ['scripted_responses'] },
  { id: 'traits', title: 'Traits', keys: ['traits'] },
  { id: 'transcript', title: 'Transcript', keys: ['original_transcript', 'formatted_transcript', 'enriched_playback'] },
  {
    id: 'telephony',
    title: 'Always-on telephony',
    keys: ['phone_number', 'outbound_text_number', 'always_on_mode', 'always_on_active', 'override_conflict'],
  },
];

/** Long texts get a multi-line box. */
const LONG_TEXT = /description|intent|criteria|instructions|transcript|prompt|goal|message|utterance|response|phrase/;

export function formModel(kind: Kind): FormModel {
  const root = SCHEMAS[kind];
  const props = Object.entries(root.properties ?? {}).filter(
    ([k]) => k !== 'kind' && k !== 'id' && k !== '$schema' && k !== 'environment',
  );
  const specs = new Map(props.map(([k, s]) => [k, field(root, k, s, false)]));
  const groups: FormGroup[] = [];
  for (const g of GROUPS) {
    const fields = g.keys.flatMap((k) => specs.get(k) ?? []);
    if (fields.length) groups.push({ id: g.id, title: g.title, fields });
  }
  const placed = new Set(GROUPS.flatMap((g) => g.keys));
  const rest = [...specs.entries()].filter(([k]) => !placed.has(k)).map(([, f]) => f);
  if (rest.length) groups.push({ id: 'advanced', title: 'Advanced', fields: rest });
  return { kind, title: root.title ?? kind, groups };
}

function field(root: JsonSchema, key: string, raw: JsonSchema, required: boolean): FieldSpec {
  const s = deref(root, raw);
  const types = typesOf(s);
  const base = {
    key,
    title: s.title ?? key,
    ...(s.description !== undefined && { description: s.description }),
    nullable: types.includes('null'),
    required,
    ...(s.default !== undefined && { default: s.default }),
    ...(s.minimum !== undefined && { minimum: s.minimum }),
    ...(s.maximum !== undefined && { maximum: s.maximum }),
    ...(s.exclusiveMinimum !== undefined && { exclusiveMinimum: s.exclusiveMinimum }),
  };
  const vs = variantsOf(root, s);
  if (vs.length) {
    return {
      ...base,
      control: 'variant',
      discriminator: vs[0]?.discriminator ?? 'type',
      variants: vs.map((v) => ({
        title: v.schema.title ?? String(v.values[0]),
        values: v.values.map(String),
        fields: objectFields(root, v.schema),
      })),
    };
  }
  const options = (s.enum ?? []).filter((v) => v !== null).map(String);
  if (options.length) return { ...base, control: 'enum', options };
  if (types.includes('array')) {
    const item = s.items ? deref(root, s.items) : {};
    return typesOf(item).includes('object') && item.properties
      ? { ...base, control: 'list', fields: objectFields(root, item) }
      : { ...base, control: 'list', item: field(root, 'item', item, true) };
  }
  if (types.includes('object'))
    return s.properties && s.additionalProperties !== true
      ? { ...base, control: 'object', fields: objectFields(root, s) }
      : { ...base, control: 'json' };
  if (types.includes('boolean')) return { ...base, control: 'boolean' };
  if (types.includes('integer')) return { ...base, control: 'integer' };
  if (types.includes('number')) return { ...base, control: 'number' };
  if (types.includes('string')) return { ...base, control: LONG_TEXT.test(key) ? 'textarea' : 'text' };
  return { ...base, control: 'json' };
}

function objectFields(root: JsonSchema, s: JsonSchema): FieldSpec[] {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([k, p]) => field(root, k, p, required.has(k)));
}
