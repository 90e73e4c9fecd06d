/** The benchmark's documents: each size in YAML (with comments) and JSON, valid and with ~1 % broken items. */
import { breakItems, buildDigitalHuman, countItems, type Breakage, type JsonObject } from './generate';
import { hash } from './rng';
import { toYaml, type Commenter, type Path } from './yaml-emit';

export type Format = 'yaml' | 'json';

export interface BenchDocument {
  readonly size: string;
  readonly format: Format;
  readonly valid: boolean;
  readonly text: string;
  readonly value: JsonObject;
  /** List items in all (scripted responses, traits, turns, ...). */
  readonly items: number;
  readonly breakages: readonly Breakage[];
  /** How the tables name it, when not by size, format and valid or broken. */
  readonly label?: string;
}

const SECTIONS: Readonly<Record<string, readonly string[]>> = {
  kind: [
    'Digital human: an angry customer disputing a double charge on their bill.',
    'Generated for the benchmark: the lists are long on purpose.',
  ],
  id: ['Assigned by Bluejay on the first push; do not change it.'],
  name: ['', 'What the caller wants and how the call is judged.'],
  language: ['', 'Voice and speech.'],
  background_noise: ['', 'Background noise behind the caller.'],
  phone_number: ['', 'Phone numbers (E.164) and always-on settings: this digital human answers calls on phone_number.'],
  expected_tool_calls: ['', 'Tools the agent is expected to call during the conversation.'],
  allow_end_call_tool: ['', 'Hanging up and silence.'],
  traits: ['', 'Typed facts about the caller; some are also sent as SIP headers.'],
  interruptions: ['', 'Interrupts whenever the agent says one of these keywords.'],
  scripted_responses: ['', 'Fixed reactions to what the agent says.'],
  speaks_first_config: ['', 'The caller opens the call with this line.'],
  original_transcript: ['', 'Transcripts. Both are given, so Bluejay skips its LLM formatting and stores them as-is.'],
  simulation_ids: ['', 'Simulations this digital human runs in, and how often per run.'],
  livekit_metadata: ['', 'Passed through to LiveKit untouched.'],
};

const GROUPS: Readonly<Record<string, (part: number) => string>> = {
  scripted_responses: (n) => `Batch ${n}: reviewed with the support team`,
  formatted_transcript: (n) => `Minute ${n} of the recorded call`,
  traits: (n) => `CRM export, part ${n}`,
  expected_tool_calls: (n) => `Tool calls of step ${n}`,
  keyword_responses: (n) => `Keywords, group ${n}`,
  hangup_phrases: (n) => `Closings used by team ${n}`,
};

const NOTES = [
  'from the CRM',
  'checked on 2024-03-02',
  'TODO: confirm with QA',
  'as in the recording',
  'tuned after run 12',
];
const NOTED = new Set(['occurrence_n', 'probability', 'value', 'silence_duration', 'match_type', 'name']);

/** Section comments, a comment every 25 list items, and a note at the end of some lines. */
export const COMMENTS: Commenter = {
  before(path: Path): readonly string[] {
    const last = path[path.length - 1];
    if (path.length === 1 && typeof last === 'string') return SECTIONS[last] ?? [];
    const list = path[path.length - 2];
    if (typeof last === 'number' && typeof list === 'string' && last % 25 === 0)
      return [GROUPS[list]?.(last / 25 + 1) ?? `Items from ${last + 1}`];
    return [];
  },
  trailing(path: Path): string | undefined {
    const last = path[path.length - 1];
    if (path.length < 3 || typeof last !== 'string' || !NOTED.has(last)) return undefined;
    const h = hash(path.join('/'));
    return h % 13 === 0 ? NOTES[(h >>> 8) % NOTES.length] : undefined;
  },
};

export function render(value: JsonObject, format: Format): string {
  return format === 'json' ? JSON.stringify(value, null, 2) + '\n' : toYaml(value, COMMENTS);
}

/** The valid and the broken document of about `targetBytes` in `format`. */
export function makeDocuments(
  size: string,
  targetBytes: number,
  format: Format,
  seed: number,
): [BenchDocument, BenchDocument] {
  const compact = targetBytes < 10_000;
  let scale = targetBytes / 9000;
  for (let i = 0; i < 4; i++) {
    const bytes = Buffer.byteLength(render(buildDigitalHuman(scale, seed, compact), format));
    scale *= targetBytes / bytes;
  }
  const value = buildDigitalHuman(scale, seed, compact);
  const broken = structuredClone(value);
  const breakages = breakItems(broken, seed + 1);
  const items = countItems(value);
  return [
    { size, format, valid: true, text: render(value, format), value, items, breakages: [] },
    { size, format, valid: false, text: render(broken, format), value: broken, items, breakages },
  ];
}
