/** Word lists and sentence templates, so generated documents read like ones people write. */
import type { Rng } from './rng';

const TOPICS = [
  'my bill',
  'the refund',
  'my order',
  'the invoice',
  'my subscription',
  'the delivery',
  'my account',
  'the payment',
  'the warranty',
  'my booking',
  'the late fee',
  'my card',
  'the promo code',
  'the appointment',
  'my address',
  'the router',
];
const AMOUNTS = ['$129.99', '$15', '€42.50', '$7.99', '$249', '£18.20'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'last week', 'yesterday'];
const NAMES = ['Maria', 'José', 'Priya', 'Tom', 'Aiko', 'Françoise', 'Omar', 'Lena', 'Chen', 'Sam'];

const AGENT = [
  'Can I have your account number?',
  'Let me check that for you.',
  'Could you confirm the email address on file?',
  'I can see {topic} here, one moment please.',
  'Is there anything else I can help you with?',
  'I am sorry about that, let me look into {topic}.',
  'Thank you for calling, how can I help you today?',
  'I will need to transfer you to our billing team.',
  'Can you spell your last name for me?',
  'That was charged on {day} for {amount}.',
  'Please hold while I pull up {topic}.',
  'For security, what is the date of birth on the account?',
];
const USER = [
  'Hi, I am calling about {topic}.',
  'I was charged {amount} twice on {day} and I want it back.',
  'It is ACC-{digits}, I already gave it to the last person.',
  'Sure, it is {name} at example dot com.',
  'No, that is not right, I never ordered that.',
  'Can you just fix {topic} today? I do not have time for this.',
  'Okay, that works for me.',
  'I have been on hold for twenty minutes already.',
  'Yes, please go ahead and cancel {topic}.',
  'Why does {topic} say {amount} when the website said less?',
  'My name is {name}, and this is my third call about it.',
  'Fine. What happens next?',
];
const KEYWORDS = [
  'policy',
  'hold',
  'transfer',
  'survey',
  'upgrade',
  'fee',
  'verification',
  'promotion',
  'manager',
  'callback',
  'terms',
  'premium',
];
const KEYWORD_REPLIES = [
  'I do not care about your policy, I was charged twice!',
  'Do not put me on hold again, please.',
  'Please do not transfer me, you are the fourth person today.',
  'No survey, thank you, just fix it.',
  'I am not interested in an upgrade right now.',
  'What fee? Nobody told me about a fee.',
  'I already verified my identity twice.',
  'Can I speak to a manager about {topic}?',
];
const HANGUPS = [
  'Thank you for calling, goodbye.',
  'Is there anything else I can help you with?',
  'Have a great day.',
  'Your ticket number is {digits}.',
  'I have escalated {topic} to the team.',
  'You will receive a confirmation email shortly.',
];
const TOOLS = [
  'lookup_invoice',
  'issue_refund',
  'get_account',
  'update_address',
  'cancel_subscription',
  'schedule_callback',
  'check_order_status',
  'apply_discount',
];
const TRAITS = [
  'account_number',
  'customer_tier',
  'is_premium_member',
  'charge_date',
  'disputed_amount',
  'preferred_language',
  'last_order_id',
  'signup_date',
  'open_tickets',
  'has_autopay',
];

export function fill(rng: Rng, template: string): string {
  return template
    .replace(/\{topic\}/g, () => rng.pick(TOPICS))
    .replace(/\{amount\}/g, () => rng.pick(AMOUNTS))
    .replace(/\{day\}/g, () => rng.pick(DAYS))
    .replace(/\{name\}/g, () => rng.pick(NAMES))
    .replace(/\{digits\}/g, () => String(rng.int(100000, 999999)));
}

/** One to `max` sentences of a speaker, joined by spaces. */
export function say(rng: Rng, who: 'agent' | 'user', max = 2): string {
  const n = rng.int(1, max);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(fill(rng, rng.pick(who === 'agent' ? AGENT : USER)));
  return out.join(' ');
}

export const words = { TOPICS, NAMES, KEYWORDS, KEYWORD_REPLIES, HANGUPS, TOOLS, TRAITS } as const;
