/** Rules for digital humans from Bluejay's documentation that the JSON Schema cannot express. */
import { at, describeValue, type Finding } from '../finding';
import { traits } from './traits';
import { addFix, has, isBlank, isObj, missingAt, unsafeId, type Obj } from './util';

/** Fields a workflow tag locks: changing them answers 400. */
const WORKFLOW_LOCKED_FIELDS = [
  'intent',
  'success_criteria',
  'role_description',
  'original_transcript',
  'formatted_transcript',
] as const;

const E164 = /^\+[1-9]\d{1,14}$/;

export function digitalHumanRules(dh: Obj): Finding[] {
  // Each rule appends to one list: no generator, no spread (this runs on every validation).
  const out: Finding[] = [];
  scriptedResponses(dh, out);
  speaksFirst(dh, out);
  phoneNumbers(dh, out);
  workflowAndTranscripts(dh, out);
  traits(dh, out);
  others(dh, out);
  creation(dh, out);
  return out;
}

function scriptedResponses(dh: Obj, out: Finding[]): void {
  const list = dh['scripted_responses'];
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const r: unknown = list[i];
    if (!isObj(r)) continue;
    // Paths are made only for a finding: most items have none.
    const type = r['response_type'];
    if ((type === 'phrase' || type === 'dtmf') && isBlank(r['response_value'])) {
      out.push(
        at(
          'response-value-required',
          missingAt(['scripted_responses', i], r, 'response_value'),
          `scripted_responses[${i}] needs a response_value when response_type is ${type} (${type === 'dtmf' ? 'the digits to press' : 'what to say'}).`,
          undefined,
          addFix(r, 'response_value'),
        ),
      );
    }
    if (r['occurrence_mode'] === 'first_n' && (r['occurrence_n'] === undefined || r['occurrence_n'] === null)) {
      out.push(
        at(
          'occurrence-n-required',
          missingAt(['scripted_responses', i], r, 'occurrence_n'),
          `scripted_responses[${i}] needs occurrence_n (a number above 0) when occurrence_mode is first_n.`,
          undefined,
          addFix(r, 'occurrence_n'),
        ),
      );
    }
    if (r['occurrence_mode'] === 'always' && !isBlank(r['occurrence_n'])) {
      out.push(
        at(
          'occurrence-n-ignored',
          ['scripted_responses', i, 'occurrence_n'],
          `occurrence_n is only used when occurrence_mode is first_n; with always it is ignored.`,
        ),
      );
    }
    if (!isBlank(r['silence_duration']) && (type === 'phrase' || type === 'dtmf')) {
      out.push(
        at(
          'silence-duration-ignored',
          ['scripted_responses', i, 'silence_duration'],
          `silence_duration is only used when response_type is silence; with ${type} it is ignored.`,
        ),
      );
    }
  }
}

function speaksFirst(dh: Obj, out: Finding[]): void {
  const c = dh['speaks_first_config'];
  if (!isObj(c)) return;
  const base = ['speaks_first_config'];
  if (c['mode'] === 'custom' && c['speaks_first'] !== false && isBlank(c['message'])) {
    out.push(
      at(
        'speaks-first-message-required',
        missingAt(base, c, 'message'),
        'speaks_first_config needs a non-empty message when mode is custom.',
        undefined,
        addFix(c, 'message'),
      ),
    );
  }
  if (c['speaks_first'] === true && isBlank(c['mode'])) {
    out.push(
      at(
        'speaks-first-mode-missing',
        base,
        'speaks_first is true but no mode is set: choose custom (with a message) or ai_generated.',
        'key',
      ),
    );
  }
  if (!isBlank(c['message']) && (c['mode'] === 'ai_generated' || c['speaks_first'] === false)) {
    const why = c['speaks_first'] === false ? 'speaks_first is false' : 'mode is ai_generated';
    out.push(
      at(
        'speaks-first-message-ignored',
        [...base, 'message'],
        `message is only used when speaks_first is true and mode is custom; here ${why}, so it is ignored.`,
      ),
    );
  }
}

function phoneNumbers(dh: Obj, out: Finding[]): void {
  for (const key of ['phone_number', 'outbound_text_number']) {
    const v = dh[key];
    if (typeof v === 'string' && v !== '' && !E164.test(v)) {
      out.push(
        at(
          'phone-number-format',
          [key],
          `${key} should be in E.164 format, such as +14155550123 (got ${describeValue(v)}); Bluejay rejects numbers it cannot read.`,
        ),
      );
    }
  }
  // An omitted phone_number keeps the stored one on update (and creation requires one anyway).
  if (dh['always_on_active'] === true && has(dh, 'phone_number') && isBlank(dh['phone_number'])) {
    out.push(
      at(
        'always-on-needs-phone-number',
        ['always_on_active'],
        'always_on_active is true but phone_number is empty: an always-on digital human receives its calls on phone_number.',
      ),
    );
  }
  if (dh['override_conflict'] === true && dh['always_on_active'] === false) {
    out.push(
      at(
        'override-conflict-unused',
        ['override_conflict'],
        'override_conflict only matters when always_on_active is true (it lets activation replace another always-on digital human on the same number).',
      ),
    );
  }
}

function workflowAndTranscripts(dh: Obj, out: Finding[]): void {
  const tag = dh['tag'];
  if (typeof tag === 'string' && /workflow/i.test(tag)) {
    out.push(
      at(
        'workflow-tag-locks',
        ['tag'],
        `The tag contains 'workflow', so Bluejay locks ${WORKFLOW_LOCKED_FIELDS.join(', ')}: a push that changes any of them is rejected (400). enriched_playback stays editable.`,
      ),
    );
  }
  const original = dh['original_transcript'];
  const formatted = dh['formatted_transcript'];
  if (formatted !== undefined && formatted !== null && original === undefined) {
    out.push(
      at(
        'formatted-transcript-nulls-original',
        ['formatted_transcript'],
        'formatted_transcript is sent without original_transcript: Bluejay will set the stored original_transcript to null. Add original_transcript to keep it.',
        'key',
      ),
    );
  }
  if (original !== undefined && original !== null && (formatted === undefined || formatted === null)) {
    out.push(
      at(
        'original-transcript-reformatted',
        ['original_transcript'],
        'original_transcript is sent without formatted_transcript: Bluejay will re-format it with an LLM and derive the intent from it.',
        'key',
      ),
    );
  }
  const playback = dh['enriched_playback'];
  if (Array.isArray(playback) && playback.length > 0) {
    for (const key of ['intent', 'success_criteria']) {
      if (!isBlank(dh[key]))
        out.push(
          at(
            'enriched-playback-with-intent',
            [key],
            `enriched_playback is set, so the agent follows the playback; Bluejay recommends leaving ${key} empty.`,
            'key',
          ),
        );
    }
  }
}

function others(dh: Obj, out: Finding[]): void {
  const unsafe = unsafeId(['id'], dh['id']);
  if (unsafe) out.push(unsafe);
  const ids = dh['simulation_ids'];
  if (Array.isArray(ids)) {
    const seen = new Set<unknown>();
    for (let i = 0; i < ids.length; i++) {
      const rounded = unsafeId(['simulation_ids', i], ids[i]);
      if (rounded) out.push(rounded);
      else if (seen.has(ids[i]))
        out.push(
          at(
            'duplicate-simulation-id',
            ['simulation_ids', i],
            `simulation_ids lists ${String(ids[i])} more than once.`,
          ),
        );
      seen.add(ids[i]);
    }
  }
  const interruptions = dh['interruptions'];
  if (
    isObj(interruptions) &&
    interruptions['type'] === 'keywords' &&
    Array.isArray(interruptions['keyword_responses']) &&
    interruptions['keyword_responses'].length === 0
  ) {
    out.push(
      at(
        'keyword-responses-empty',
        ['interruptions', 'keyword_responses'],
        'Keyword interruptions with no keyword_responses never interrupt; add a keyword or choose a level.',
      ),
    );
  }
  if (
    dh['allow_silence_tool'] === false &&
    typeof dh['silence_tool_instructions'] === 'string' &&
    dh['silence_tool_instructions'] !== 'default'
  ) {
    out.push(
      at(
        'silence-tool-instructions-unused',
        ['silence_tool_instructions'],
        'silence_tool_instructions are only used when allow_silence_tool is true.',
        'key',
      ),
    );
  }
}

/** Creating (no id yet) needs what the create endpoint requires and accepts no null where it wants a value. */
function creation(dh: Obj, out: Finding[]): void {
  if (has(dh, 'id')) return;
  const phone = dh['phone_number'];
  if (phone === undefined || phone === null || phone === '') {
    out.push(
      at(
        'create-required',
        missingAt([], dh, 'phone_number'),
        'phone_number must be set before the digital human can be created (it has no id yet).',
        undefined,
        addFix(dh, 'phone_number'),
      ),
    );
  }
  for (const key of ['intent', 'success_criteria', 'allow_silence_tool', 'silence_tool_instructions']) {
    if (dh[key] === null)
      out.push(
        at(
          'create-not-nullable',
          [key],
          `${key} cannot be null when the digital human is created; leave it out to use the default.`,
        ),
      );
  }
}
