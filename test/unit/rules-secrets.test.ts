/**
 * possible-secret (issue 13): secrets pasted into a definition are caught, ordinary definitions are
 * left alone. Both ways on a corpus: real-shaped (made-up) secrets, and realistic prose, phone
 * numbers, UUIDs, URLs, dates, ids and the project's own example definitions.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ownKeyFindings } from '../../src/core/rules/ownKey';
import { secretIn } from '../../src/core/rules/secrets';
import { validateText } from '../../src/core/validate';
import { ROOT } from './support/cli';

// Made-up values in the shapes these services use (none is a real credential).
const SECRETS: readonly string[] = [
  'Use sk-proj-4fGh7Jk2Lm9Np3Qr6St8Uv1Wx5Yz0AbCdEf to call the model',
  'OPENAI_API_KEY=sk-9aB8cD7eF6gH5iJ4kL3mN2oP1qR0sT',
  'anthropic sk-ant-api03-Zx8Yw7Vu6Ts5Rq4Po3Nm2Lk1Jh0Gf9Ed',
  'stripe key sk_live_51HqLyjWDarjtT1zdp7dcXy0',
  'rk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'AWS AKIAIOSFODNN7EXAMPLE for uploads',
  'token ghp_16C7e42F292c6912E7710c838347Ae178B4a',
  'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789',
  'glpat-xP4mZ9qLw2Rt7Yh3Kd8N',
  'slack xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUv',
  'maps key AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY',
  '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',
  'twilio SK2a1b3c4d5e6f708192a3b4c5d6e7f809',
  'Authorization: Bearer AbCdEf0123456789GhIjKlMnOpQrSt',
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgwMFZ3a\n-----END RSA PRIVATE KEY-----',
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----',
  'jwt eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'The caller gives password: Hunter2Hunter2 when asked',
  'api_key = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"',
  'client_secret: 3xAmPlEcLiEnTsEcReT99',
  'x-api-key Q2x1ZUpheTpTZWNyZXQtS2V5LTIwMjY6Wm1GclpRPT0xQ',
  'hex 9b74c9897bac770ffc029102a200c5de7f2e6a8b3c1d0e4f5a6b7c8d9e0f1a2b',
];

const ORDINARY: readonly string[] = [
  'The caller is upset about a double charge on their March invoice and wants a refund to the original card.',
  'Speak slowly, confirm the booking reference (it looks like BK-2291-XQ) and the date before cancelling.',
  'Call +14155550123 or +44 20 7946 0958 and ask for the billing department.',
  'Customer id 7b1e4c2a-9f3d-4a6b-8c5e-2d0f1a3b4c5d, order 550e8400-e29b-41d4-a716-446655440000.',
  'See https://docs.getbluejay.ai/api-reference/endpoint/update-digital-human for the fields.',
  'https://app.getbluejay.ai/simulations/57/runs/345?tab=results&view=transcript',
  'Reservation on 2026-12-03T18:30:00.000Z for four people under the name García-Fernández.',
  'The agent must never read out the password; it should send a reset link instead.',
  'My password is not working and I cannot log in to the portal.',
  'Ask for the secret word of the day, then the last four digits of the card (4242).',
  'Donaudampfschifffahrtsgesellschaftskapitänsmützenhersteller',
  'internationalization-and-localization-guidelines-for-voice-agents',
  'call_summary_generation_with_custom_metrics_and_hallucination_checks',
  'Bluejay-Definitions/0.1.0 (vscode/1.95.0)',
  '{"room": "support-queue-7", "participant": "caller-42", "metadata": {"tier": "gold"}}',
  'Tool lookup_order(order_id="A1234567") should return status shipped.',
  'User: Hi, I need to change my flight.\nAgent: Sure, what is your confirmation code?\nUser: It is QX7T2M.',
  'Answer in Spanish: "Hola, quisiera reservar una mesa para dos personas a las ocho."',
  '/usr/local/share/bluejay/recordings/2026/12/03/call-000123.wav',
  'The caller insists on speaking to a supervisor and repeats the account number 000123456789 twice.',
];

void describe('possible-secret', () => {
  void test('every secret of the corpus is caught', () => {
    const missed = SECRETS.filter((s) => secretIn(s) === undefined);
    assert.deepEqual(missed, []);
  });

  void test('no false alarm on ordinary prose, phone numbers, UUIDs, URLs, dates and ids', () => {
    const flagged = ORDINARY.map((s) => [s, secretIn(s)]).filter(([, what]) => what !== undefined);
    assert.deepEqual(flagged, []);
  });

  void test("no false alarm on the project's example and fixture definitions", () => {
    for (const dir of [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures', 'workspace')]) {
      for (const name of readdirSync(dir).filter((n) => /\.(persona|digital-human)\.(ya?ml|json)$/.test(n))) {
        const problems = validateText(readFileSync(join(dir, name), 'utf8'), name).problems.filter(
          (p) => p.code === 'possible-secret',
        );
        assert.deepEqual(problems, [], name);
      }
    }
  });

  void test('a warning on the value that holds it, anywhere in the definition, saying what it looks like', () => {
    const text =
      'kind: digital-human\nid: 3\nintent: "Use sk-proj-4fGh7Jk2Lm9Np3Qr6St8Uv1Wx5Yz0AbCdEf please"\nlivekit_metadata:\n  token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U\n';
    const found = validateText(text, 'x.digital-human.yaml').problems.filter((p) => p.code === 'possible-secret');
    assert.deepEqual(
      found.map((p) => [p.pointer, p.severity, p.range.start.line]),
      [
        ['/intent', 'warning', 2],
        ['/livekit_metadata/token', 'warning', 4],
      ],
    );
    assert.match(found[0]?.message ?? '', /looks like an OpenAI or Anthropic API key/);
    assert.doesNotMatch(found[0]?.message ?? '', /sk-proj/, 'the message never repeats the secret');
  });

  void test("the person's own Bluejay key is found by value, and never shown", () => {
    const key = 'bj_live_0123456789';
    const found = ownKeyFindings({ kind: 'digital-human', intent: `my key is ${key}, keep it safe` }, key);
    assert.deepEqual(
      found.map((f) => [f.code, f.path]),
      [['possible-secret', ['intent']]],
    );
    assert.ok(!found[0]?.message.includes(key));
    assert.deepEqual(ownKeyFindings({ intent: 'nothing here' }, key), []);
  });
});
