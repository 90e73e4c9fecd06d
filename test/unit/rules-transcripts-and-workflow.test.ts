/**
 * Bluejay rules for workflow tags, transcripts and enriched playback:
 * for each rule a case that triggers it (severity, code, pointer, position) and a near miss that does not.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as h from './helpers/definitions';
import { dh } from './helpers/rules';

// ---- workflow tags and transcripts ------------------------------------------------------------------

void describe('workflow tags and transcripts', () => {
  for (const tag of ['Checkout-WORKFLOW', 'workflow', 'replay-Workflow-v2', 'myworkflows']) {
    void test(`tag ${tag}: workflow-tag-locks information on the tag value`, () => {
      const { text, result } = dh(`tag: ${tag}\n`);
      h.assertOnlyProblem(result, {
        severity: 'information',
        code: 'workflow-tag-locks',
        pointer: '/tag',
        range: h.rangeAfter(text, 'tag: ', tag),
        message:
          "The tag contains 'workflow', so Bluejay locks intent, success_criteria, role_description, original_transcript, formatted_transcript: a push that changes any of them is rejected (400). enriched_playback stays editable.",
      });
    });
  }
  void test('near miss: tags without workflow (work flow, flow, billing, null)', () => {
    for (const tag of ['work flow', 'flow', 'billing', 'null']) h.assertNoProblems(dh(`tag: ${tag}\n`).result);
  });

  void test('formatted_transcript without original_transcript: warning on the formatted_transcript key', () => {
    const { text, result } = dh('formatted_transcript:\n  - role: USER\n    utterance: Hi.\n');
    h.assertOnlyProblem(result, {
      severity: 'warning',
      code: 'formatted-transcript-nulls-original',
      pointer: '/formatted_transcript',
      range: h.rangeOf(text, 'formatted_transcript'),
      message: /Bluejay will set the stored original_transcript to null/,
    });
  });
  void test('near miss: both transcripts; formatted_transcript null; original_transcript explicitly null', () => {
    h.assertNoProblems(
      dh('original_transcript: "Customer: Hi."\nformatted_transcript:\n  - role: USER\n    utterance: Hi.\n').result,
    );
    h.assertNoProblems(dh('formatted_transcript: null\n').result);
    h.assertNoProblems(
      dh('original_transcript: null\nformatted_transcript:\n  - role: USER\n    utterance: Hi.\n').result,
    );
  });

  void test('original_transcript alone: original-transcript-reformatted information on the key', () => {
    for (const extra of ['', 'formatted_transcript: null\n']) {
      const { text, result } = dh(`original_transcript: |\n  Agent: Hello.\n  Customer: Hi.\n${extra}`);
      h.assertOnlyProblem(result, {
        severity: 'information',
        code: 'original-transcript-reformatted',
        pointer: '/original_transcript',
        range: h.rangeOf(text, 'original_transcript'),
        message: /re-format it with an LLM/,
      });
    }
  });
  void test('near miss: original_transcript null alone', () => {
    h.assertNoProblems(dh('original_transcript: null\n').result);
  });

  void test('enriched_playback with intent and success_criteria: enriched-playback-with-intent on each key', () => {
    const { text, result } = dh(
      'intent: Get a refund.\nsuccess_criteria: Refund confirmed.\nenriched_playback:\n  - speaker: user\n    text: Hi\n',
    );
    const found = result.problems.filter((p) => p.code === 'enriched-playback-with-intent');
    assert.equal(found.length, 2, h.describeProblems(result.problems));
    assert.equal(result.problems.length, 2, h.describeProblems(result.problems));
    assert.deepEqual(
      found.map((p) => [p.severity, p.pointer, p.range]),
      [
        ['information', '/intent', h.rangeOf(text, 'intent')],
        ['information', '/success_criteria', h.rangeOf(text, 'success_criteria')],
      ],
    );
  });
  void test('near miss: empty intent, empty playback, null playback', () => {
    h.assertNoProblems(dh('intent: ""\nsuccess_criteria: null\nenriched_playback:\n  - speaker: user\n').result);
    h.assertNoProblems(dh('intent: Get a refund.\nenriched_playback: []\n').result);
    h.assertNoProblems(dh('intent: Get a refund.\nenriched_playback: null\n').result);
  });
});
