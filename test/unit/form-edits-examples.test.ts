/**
 * The form's edits on the files in examples/: only the lines of the value concerned change, every
 * other line stays byte for byte (the lines before and after the change are compared).
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseYaml } from '../../src/core/parse/yaml';
import { changedLines, edit, insert, move, set, unset } from './helpers/formEdits';
import type { EditOp } from '../../src/core/edit/types';

const DIR = join(__dirname, '..', '..', '..', 'examples');
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const formatOf = (name: string): 'yaml' | 'json' => (name.endsWith('.json') ? 'json' : 'yaml');

/** Asserts that `op` on the example `name` changes exactly `removed` into `added` and nothing else. */
function changes(name: string, op: EditOp, removed: string[], added: string[]): void {
  const text = read(name);
  assert.deepEqual(changedLines(text, edit(text, op, formatOf(name))), { removed, added }, JSON.stringify(op));
}

void describe('form edits on examples/: only the value concerned changes', () => {
  const ANGRY = 'angry-billing-customer.digital-human.yaml';

  void test(ANGRY, () => {
    changes(ANGRY, set('voice_speed', 'slow'), ['voice_speed: fast'], ['voice_speed: slow']);
    changes(
      ANGRY,
      set('phone_number', '+14155550999'),
      ['phone_number: "+14155550123"'],
      ['phone_number: "+14155550999"'],
    );
    const intent =
      'You were charged twice ($129.99 each) for your April subscription. You are angry, interrupt often and want the duplicate charge refunded today.';
    changes(
      ANGRY,
      set('intent', intent),
      ['  You were charged twice ($129.99 each) for your March subscription. You are angry,'],
      ['  You were charged twice ($129.99 each) for your April subscription. You are angry,'],
    );
    const keywords = [
      '  type: keywords',
      '  keyword_responses:',
      '    - keyword: policy',
      "      response: I don't care about your policy, I was charged twice!",
      '    - keyword: hold',
      "      response: Don't you dare put me on hold again.",
      '      probability: 0.8',
    ];
    changes(ANGRY, set('interruptions', { type: 'low' }), keywords, ['  type: low']);
    changes(
      ANGRY,
      set('interruptions/keyword_responses/1/probability', null),
      ['      probability: 0.8'],
      ['      probability: null'],
    );
    changes(ANGRY, set('scripted_responses/1/occurrence_n', 2), ['    occurrence_n: 1'], ['    occurrence_n: 2']);
    changes(ANGRY, set('speaks_first_config/mode', 'ai_generated'), ['  mode: custom'], ['  mode: ai_generated']);
    changes(
      ANGRY,
      set('expected_tool_calls/0/output/charges', [129.99]),
      ['      charges: [129.99, 129.99]'],
      ['      charges: [129.99]'],
    );
    changes(
      ANGRY,
      unset('traits/1'),
      ['  - trait_name: customer_tier', '    trait_data_type: STRING', '    value: premium', '    is_sip_header: true'],
      [],
    );
    const tools = [
      'expected_tool_calls:',
      '  - name: lookup_invoice',
      '    parameters:',
      '      account_number: "ACC-558201"',
      '      month: "2024-03"',
      '    output:',
      '      charges: [129.99, 129.99]',
      '  - name: issue_refund',
      '    parameters:',
      '      amount: 129.99',
      '      currency: USD',
      '    output: "refund_created"',
    ];
    changes(ANGRY, unset('expected_tool_calls'), tools, []);
    const response = {
      match_type: 'exact',
      match_phrase: 'Anything else?',
      response_type: 'phrase',
      response_value: 'No, thanks.',
      occurrence_mode: 'always',
    };
    changes(
      ANGRY,
      insert('scripted_responses', 3, response),
      [],
      [
        '  - match_type: exact',
        '    match_phrase: Anything else?',
        '    response_type: phrase',
        '    response_value: No, thanks.',
        '    occurrence_mode: always',
      ],
    );
    changes(ANGRY, insert('hangup_phrases', 2, 'Goodbye.'), [], ['  - "Goodbye."']);
    changes(ANGRY, insert('simulation_ids', 1, 58), ['simulation_ids: [57, 61]'], ['simulation_ids: [57, 58, 61]']);
    const account = [
      '  - match_type: exact',
      '    match_phrase: Can I have your account number?',
      '    response_type: phrase',
      "    response_value: It's ACC-558201, and I already gave it to the last person.",
      '    occurrence_mode: always',
    ];
    const wait = [
      '  - match_type: context',
      '    match_phrase: The agent asks the caller to wait while it checks something',
      '    response_type: silence',
      '    silence_duration: 5',
      '    occurrence_mode: first_n',
      '    occurrence_n: 1',
    ];
    const pin = [
      '  - match_type: exact',
      '    match_phrase: Please enter your PIN followed by the pound key',
      '    response_type: dtmf',
      '    response_value: "4821#"',
      '    occurrence_mode: always',
    ];
    // The first line is the same before and after (both items start `- match_type: exact`).
    changes(
      ANGRY,
      move('scripted_responses', 2, 0),
      [...account, ...wait, ...pin].slice(1),
      [...pin, ...account, ...wait].slice(1),
    );
  });

  void test('refund-seeker.persona.yaml', () => {
    const F = 'refund-seeker.persona.yaml';
    changes(F, set('name', 'Refund seeker (late desk)'), ['name: Refund seeker'], ['name: Refund seeker (late desk)']);
    const description =
      'Maria, 42, ordered a standing desk three weeks ago. It arrived a week late with a cracked leg. She is polite but firm, has her order number ready and no patience for scripted apologies.';
    changes(
      F,
      set('description', description),
      ['  cracked leg. She is polite but firm, has her order number ready and little patience'],
      ['  cracked leg. She is polite but firm, has her order number ready and no patience'],
    );
    changes(F, set('agent_id', 1042), [], ['agent_id: 1042']);
    changes(
      F,
      unset('goal'),
      [
        'goal: >-',
        '  Get a full refund to her original payment method without having to ship the',
        '  heavy desk back herself.',
      ],
      [],
    );
    changes(F, unset('id'), ['id: 7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d'], []);
    changes(
      F,
      set('goal', 'Get a full refund.\nKeep the desk.'),
      ['  Get a full refund to her original payment method without having to ship the', '  heavy desk back herself.'],
      ['  Get a full refund.', '', '  Keep the desk.'],
    );
  });

  void test('workflow-replay.digital-human.yaml', () => {
    const F = 'workflow-replay.digital-human.yaml';
    const transcript =
      (read(F).split('original_transcript: |\n')[1] ?? '').split('formatted_transcript:')[0]?.replace(/^ {2}/gm, '') ??
      '';
    changes(F, set('original_transcript', `${transcript}Agent: Done.\n`), [], ['  Agent: Done.']);
    changes(F, set('interruptions/type', 'high'), ['  type: low'], ['  type: high']);
    changes(F, set('background_noise_volume', 0.2), [], ['background_noise_volume: 0.2']);
    changes(
      F,
      unset('formatted_transcript/0'),
      ['  - role: AGENT', '    utterance: Thanks for calling Northwind Shop, how can I help?'],
      [],
    );
    const agent = [
      '  - role: AGENT',
      '    utterance: Let me check that for you. That code expired on Sunday, but I can give you 15 percent off instead.',
    ];
    const user = ['  - role: USER', '    utterance: Okay, that works. Please apply it.'];
    changes(F, move('formatted_transcript', 3, 2), [...agent, ...user], [...user, ...agent]);
  });

  void test('first-time-caller.persona.json', () => {
    const F = 'first-time-caller.persona.json';
    changes(
      F,
      set('goal', 'Reset the password.'),
      ['  "goal": "Find out how to reset the password of his new online account.",'],
      ['  "goal": "Reset the password.",'],
    );
    changes(F, set('agent_id', 7), ['  "agent_id": 1042'], ['  "agent_id": 7']);
    changes(F, set('tag', 'onboarding'), ['  "agent_id": 1042'], ['  "agent_id": 1042,', '  "tag": "onboarding"']);
  });

  void test('spanish-booking.digital-human.json', () => {
    const F = 'spanish-booking.digital-human.json';
    const contextual = [
      '    "type": "contextual",',
      '    "contextual_prompt": "Interrumpe con educación si el agente empieza a leer la carta entera o repite información que ya diste."',
    ];
    const keywords = [
      '    "type": "keywords",',
      '    "keyword_responses": [',
      '      {',
      '        "keyword": "carta",',
      '        "response": "Solo la mesa, gracias."',
      '      }',
      '    ]',
    ];
    changes(
      F,
      set('interruptions', {
        type: 'keywords',
        keyword_responses: [{ keyword: 'carta', response: 'Solo la mesa, gracias.' }],
      }),
      contextual,
      keywords,
    );
    changes(
      F,
      insert('traits', 1, { trait_name: 'terrace', trait_data_type: 'BOOLEAN', value: true }),
      [],
      [
        '    },',
        '    {',
        '      "trait_name": "terrace",',
        '      "trait_data_type": "BOOLEAN",',
        '      "value": true',
      ],
    );
    changes(
      F,
      unset('speaks_first_config/message'),
      ['    "mode": null,', '    "message": null'],
      ['    "mode": null'],
    );
    changes(F, set('speaks_first_config/mode', 'custom'), ['    "mode": null,'], ['    "mode": "custom",']);
    changes(
      F,
      insert('hangup_phrases', 0, 'Adiós'),
      ['  "num_runs": 3'],
      ['  "num_runs": 3,', '  "hangup_phrases": [', '    "Adiós"', '  ]'],
    );
  });
});

/** Every scalar of a value, with its path. */
function leaves(v: unknown, path: string[] = []): [string[], unknown][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, String(i)]));
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [[path, v]];
}

void describe('form edits on examples/: every scalar, changed, changes one line', () => {
  for (const name of readdirSync(DIR).filter((f) => /\.(ya?ml|json)$/.test(f))) {
    void test(name, () => {
      const text = read(name);
      const parsed = name.endsWith('.json') ? { ok: true, value: JSON.parse(text) as unknown } : parseYaml(text);
      assert.ok(parsed.ok);
      for (const [path, v] of leaves(parsed.value)) {
        const next =
          typeof v === 'string' ? `X${v}` : typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : 'x';
        const { removed, added } = changedLines(text, edit(text, { op: 'set', path, value: next }, formatOf(name)));
        assert.equal(removed.length, 1, `${path.join('/')}: ${JSON.stringify(removed)}`);
        assert.equal(added.length, 1, `${path.join('/')}: ${JSON.stringify(added)}`);
      }
    });
  }
});
