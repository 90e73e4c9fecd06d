/** The digital human the YAML form-edit tests edit, and that text with one change made by hand. */
import assert from 'node:assert/strict';

export const DH = [
  '# A digital human for the form tests.',
  'kind: digital-human',
  'id: 318',
  '',
  '# Voice.',
  'voice_speed: fast  # how fast it talks',
  'accent: "southern"',
  "gender: 'female'",
  'silence_timeout: 30',
  'creativity: 0.9',
  'allow_end_call_tool: true',
  'intent: >-',
  '  You were charged twice for your March subscription. You are angry,',
  '  interrupt often and want the duplicate charge refunded today.',
  'original_transcript: |',
  '  Agent: Hello?',
  '  Customer: Hi.',
  'role_description: Long-time customer.',
  'interruptions:',
  '  type: low',
  'speaks_first_config: {speaks_first: true, mode: ai_generated}',
  '',
  '# Fixed reactions.',
  'scripted_responses:',
  '  - match_type: exact',
  '    match_phrase: Account number?',
  '    response_type: phrase',
  '    response_value: ACC-1',
  '  # Waits when asked to hold.',
  '  - match_type: context',
  '    match_phrase: The agent asks to wait',
  '    response_type: silence',
  '    occurrence_mode: first_n',
  '    occurrence_n: 1',
  '  - match_type: exact',
  '    match_phrase: Enter your PIN',
  '    response_type: dtmf',
  '    response_value: "4821#"',
  '',
  'hangup_phrases:',
  '  - "Goodbye."',
  '  - Thanks for calling',
  'simulation_ids: [57, 61]',
  '# The end.',
  '',
].join('\n');

/** `DH` with `from` (which must occur once) replaced by `to`. */
export function dh(from: string, to: string): string {
  assert.equal(DH.split(from).length, 2, `once in the fixture: ${from}`);
  return DH.replace(from, to);
}
