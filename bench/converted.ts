/**
 * A definition converted from another tool: a short digital human whose formatted transcript holds
 * thousands of turns, every one with the other tool's role name (`user`, `assistant`) where the
 * schema wants `USER` or `AGENT`. One wrong enum per item: thousands of problems in ~150 KB.
 * YAML is written in block style; JSON as such tools write it, on one line.
 */
import type { Breakage, JsonObject } from './generate';
import { buildDigitalHuman } from './generate';
import type { BenchDocument, Format } from './documents';
import { toYaml } from './yaml-emit';
import { Rng } from './rng';

const AGENT_LINES = [
  'Let me check.',
  'One moment.',
  'Can you confirm that?',
  'I see it here.',
  'Thank you.',
  'Anything else?',
  'Sorry about that.',
  'Please hold.',
];
const USER_LINES = [
  'Yes.',
  'No, that is wrong.',
  'Okay.',
  'I was charged twice.',
  'Fine.',
  'Why?',
  'Go ahead.',
  'My card ends in 4242.',
  'Thanks.',
];

/** The converted value with `turns` turns, and the breakage each turn is (its role). */
function convertedValue(turns: number, seed: number): { value: JsonObject; breakages: Breakage[] } {
  const rng = new Rng(seed);
  const base = buildDigitalHuman(1, seed, true);
  const formatted: JsonObject[] = [];
  const breakages: Breakage[] = [];
  for (let i = 0; i < turns; i++) {
    const agent = i % 2 === 1;
    const role = agent ? 'assistant' : 'user';
    formatted.push({ role, utterance: rng.pick(agent ? AGENT_LINES : USER_LINES) });
    breakages.push({ pointer: `/formatted_transcript/${i}/role`, code: 'invalid-enum', token: role });
  }
  const value: JsonObject = {
    ...base,
    original_transcript: 'Customer: Yes.\nAgent: Let me check.\n',
    formatted_transcript: formatted,
  };
  return { value, breakages };
}

function renderConverted(value: JsonObject, format: Format): string {
  return format === 'json' ? JSON.stringify(value) + '\n' : toYaml(value);
}

/** The converted document of about `targetBytes` in `format`; `label` names it in the tables. */
export function makeConverted(label: string, targetBytes: number, format: Format, seed: number): BenchDocument {
  let turns = Math.round(targetBytes / 50);
  for (let i = 0; i < 4; i++) {
    const bytes = Buffer.byteLength(renderConverted(convertedValue(turns, seed).value, format));
    turns = Math.round(turns * (targetBytes / bytes));
  }
  const { value, breakages } = convertedValue(turns, seed);
  return {
    size: label,
    format,
    valid: false,
    text: renderConverted(value, format),
    value,
    items: turns,
    breakages,
    label: `${label} ${format.toUpperCase()}`,
  };
}
