/**
 * Sample data: realistic personas and digital humans, created through the same validation as API
 * calls. Ids 318 and 1204 and persona 7b1e4c2a-... match examples/, so the demo's pushes update them
 * (the workflow one with its locked fields exactly as in examples/workflow-replay.digital-human.yaml).
 * Agents 1042 (voice) and 2001 (SMS) with simulations 57 and 61, which 318 and 205 belong to.
 */
import { insertDigitalHuman } from './digitalHumans';
import { createCustomerPersonaRequest, createDigitalHumanRequest } from './models';
import { insertPersona } from './personas';
import { seedSimulations } from './simState';
import type { Store } from './store';
import type { ValidationIssue, Validator } from './validate';

function valid(v: Validator, body: unknown): Record<string, unknown> {
  const issues: ValidationIssue[] = [];
  const out = v(body, ['body'], issues);
  if (issues.length) throw new Error(`invalid sample data: ${JSON.stringify(issues)}`);
  return out as Record<string, unknown>;
}

const PERSONAS: { id: string; at: string; body: Record<string, unknown> }[] = [
  {
    id: '7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d',
    at: '2025-01-14T09:12:44.512Z',
    body: {
      agent_id: 1042,
      name: 'Refund seeker',
      description:
        'Maria, 42, ordered a standing desk three weeks ago. It arrived a week late with a cracked leg. She is polite but firm, has her order number ready and little patience for scripted apologies.',
      goal: 'Get a full refund to her original payment method without having to ship the heavy desk back herself.',
    },
  },
  {
    id: 'c2d4f6a8-1b3c-4d5e-9f70-8a9b0c1d2e3f',
    at: '2025-02-03T16:40:05.118Z',
    body: {
      agent_id: 1042,
      name: 'Impatient commuter',
      description: 'Sam, 29, calls from a train platform between meetings and keeps answers short.',
      goal: 'Move tomorrow 9:00 delivery to the evening slot in under two minutes.',
    },
  },
  {
    id: '0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b',
    at: '2025-02-20T11:05:31.907Z',
    body: {
      agent_id: 2001,
      name: 'Small business owner',
      description: 'Priya runs a bakery with three shops and manages the business account herself.',
      goal: 'Add two employee cards to the business account and raise their daily limit.',
    },
  },
];

const DIGITAL_HUMANS: { id: number; at: string; body: Record<string, unknown> }[] = [
  {
    id: 205,
    at: '2024-11-02T14:20:00.000Z',
    body: {
      simulation_ids: [57],
      digital_human: {
        name: 'Password reset - first-time caller',
        tag: 'account-support',
        intent:
          'You cannot log in to your new online account and want to reset the password. You are not comfortable with phone menus and ask for steps to be repeated.',
        success_criteria: 'The agent verifies the caller and walks them through resetting the password step by step.',
        language: 'en',
        accent: 'mature',
        gender: 'male',
        voice_speed: 'slow',
        fluency: 'native',
        verbosity: 'medium',
        phone_number: '+14155550142',
        silence_timeout: 45,
        traits: [{ trait_name: 'date_of_birth', trait_data_type: 'DATE', value: '1957-06-21' }],
        interruptions: { type: 'none' },
        speaks_first_config: { speaks_first: false, mode: null, message: null },
      },
    },
  },
  {
    id: 318,
    at: '2024-12-09T10:03:27.000Z',
    body: {
      simulation_ids: [57, 61],
      digital_human: {
        name: 'Angry billing customer',
        tag: 'billing',
        intent:
          'You were charged twice ($129.99 each) for your March subscription. You are angry, interrupt often and want the duplicate charge refunded today.',
        success_criteria:
          'The agent finds the duplicate charge, confirms a refund of $129.99 and gives a refund reference number.',
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
        expected_tool_calls: [
          {
            name: 'lookup_invoice',
            parameters: { account_number: 'ACC-558201', month: '2024-03' },
            output: { charges: [129.99, 129.99] },
          },
          { name: 'issue_refund', parameters: { amount: 129.99, currency: 'USD' }, output: 'refund_created' },
        ],
        allow_end_call_tool: true,
        hangup_phrases: ['Is there anything else I can help you with?', 'Thank you for calling, goodbye.'],
        hangup_instructions: 'Hang up angrily if you are put on hold a second time.',
        allow_silence_tool: true,
        silence_tool_instructions: 'default',
        silence_timeout: 30,
        traits: [
          { trait_name: 'account_number', trait_data_type: 'STRING', value: 'ACC-558201' },
          { trait_name: 'customer_tier', trait_data_type: 'STRING', value: 'premium', is_sip_header: true },
          { trait_name: 'is_premium_member', trait_data_type: 'BOOLEAN', value: true },
          { trait_name: 'charge_date', trait_data_type: 'DATE', value: '2024-03-15' },
          { trait_name: 'disputed_amount', trait_data_type: 'NUMBER', value: 129.99 },
        ],
        interruptions: {
          type: 'keywords',
          keyword_responses: [
            { keyword: 'policy', response: "I don't care about your policy, I was charged twice!" },
            { keyword: 'hold', response: "Don't you dare put me on hold again.", probability: 0.8 },
          ],
        },
        scripted_responses: [
          {
            match_type: 'exact',
            match_phrase: 'Can I have your account number?',
            response_type: 'phrase',
            response_value: "It's ACC-558201, and I already gave it to the last person.",
            occurrence_mode: 'always',
          },
          {
            match_type: 'context',
            match_phrase: 'The agent asks the caller to wait while it checks something',
            response_type: 'silence',
            silence_duration: 5,
            occurrence_mode: 'first_n',
            occurrence_n: 1,
          },
          {
            match_type: 'exact',
            match_phrase: 'Please enter your PIN followed by the pound key',
            response_type: 'dtmf',
            response_value: '4821#',
            occurrence_mode: 'always',
          },
        ],
        speaks_first_config: {
          speaks_first: true,
          mode: 'custom',
          message: 'Yes, hello, I need to talk to someone about my bill. Right now.',
        },
        num_runs: 2,
      },
    },
  },
  {
    id: 1204,
    at: '2025-03-01T08:30:00.000Z',
    body: {
      digital_human: {
        tag: 'checkout-workflow',
        name: 'Checkout replay - promo code rejected',
        intent: 'Replay of a customer whose promo code was rejected at checkout.',
        success_criteria: 'The agent explains why the code failed and applies a valid alternative discount.',
        role_description: 'Returning online shopper trying to finish an order by phone.',
        language: 'en',
        accent: 'british',
        gender: 'male',
        voice_speed: 'normal',
        background_noise: 'none',
        phone_number: '+442079460123',
        original_transcript:
          "Agent: Thanks for calling Northwind Shop, how can I help?\nCustomer: Hi, my promo code SPRING20 isn't working at checkout.\nAgent: Let me check that for you. That code expired on Sunday, but I can give you 15 percent off instead.\nCustomer: Okay, that works. Please apply it.\n",
        formatted_transcript: [
          { role: 'AGENT', utterance: 'Thanks for calling Northwind Shop, how can I help?' },
          { role: 'USER', utterance: "Hi, my promo code SPRING20 isn't working at checkout." },
          {
            role: 'AGENT',
            utterance:
              'Let me check that for you. That code expired on Sunday, but I can give you 15 percent off instead.',
          },
          { role: 'USER', utterance: 'Okay, that works. Please apply it.' },
        ],
        interruptions: { type: 'low' },
      },
    },
  },
];

/** Fills the store with the sample data, owned by `org`. */
export function seed(store: Store, org: string, wsOrigin: string): void {
  seedSimulations(store, org);
  for (const p of PERSONAS)
    insertPersona(store, org, valid(createCustomerPersonaRequest, p.body), { id: p.id, createdAt: p.at });
  for (const d of DIGITAL_HUMANS) {
    const r = insertDigitalHuman(store, org, wsOrigin, valid(createDigitalHumanRequest, d.body), {
      id: d.id,
      createdAt: d.at,
    });
    if ('status' in r) throw new Error(`invalid sample digital human ${d.id}: ${JSON.stringify(r.body)}`);
  }
}
