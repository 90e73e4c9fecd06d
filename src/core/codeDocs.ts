/**
 * What each problem code means, in one sentence: the SARIF output's rule descriptions, and the
 * README's table of codes (a test checks that every row reads exactly so). Apart from codes.ts so
 * that validation in the editor does not load these sentences.
 */
import type { Code } from './codes';

export const CODE_MEANINGS: Readonly<Record<Code, string>> = {
  'empty-file': 'The file is empty, or holds only comments or null.',
  'binary-file': 'The file contains NUL bytes.',
  'file-too-large': 'The file is larger than 64 MB and is not read (CLI).',
  encoding: 'The file is not UTF-8 (UTF-16, Latin-1, broken bytes).',
  'byte-order-mark': 'The file starts with a UTF-8 byte-order mark, which is ignored.',
  'yaml-syntax': 'YAML that cannot be parsed (including tabs used for indentation).',
  'json-syntax': 'JSON that cannot be parsed (comments and trailing commas included).',
  'multiple-documents': 'More than one YAML document in the file.',
  'duplicate-key': 'A key appears twice in one mapping; the later value wins.',
  'alias-limit': 'YAML aliases expand beyond 100,000 extra nodes (an alias bomb).',
  'too-deep': 'Nesting too deep to read, or deeper than the 100 levels a definition is sent with.',
  'cyclic-value': 'A value that contains itself (a YAML alias inside its own anchor): it cannot be sent.',
  'not-a-mapping': 'The top level is a scalar or a list, not a mapping of fields.',
  'internal-error': 'The validator itself failed; please report it.',
  'unknown-kind': 'Neither `kind` nor the file name says what the file defines.',
  'invalid-kind': '`kind` is not customer-persona or digital-human.',
  'kind-mismatch': '`kind` and the file-name suffix disagree.',
  'unknown-key': 'A key the API does not have (Bluejay would silently ignore it), or a server-managed one.',
  'missing-property': 'A required property of a nested object is missing.',
  'invalid-type': 'A value of the wrong type.',
  'invalid-enum': 'A value outside the allowed list (with the nearest allowed value).',
  'out-of-range': 'A number outside its documented range.',
  'invalid-format': 'A value in the wrong format (a persona id that is not a UUID).',
  'invalid-value': 'Any other schema violation.',
  'create-required': 'A file without id (to be created) lacks what creation needs.',
  'create-not-nullable': 'A file without id sets null where creation needs a value.',
  'create-only-field': 'agent_id is only used when a persona is created.',
  'response-value-required': 'A phrase or dtmf scripted response without response_value.',
  'occurrence-n-required': 'A first_n scripted response without occurrence_n.',
  'occurrence-n-ignored': 'occurrence_n on an always scripted response.',
  'silence-duration-ignored': 'silence_duration on a response that is not silence.',
  'speaks-first-message-required': 'Speaks-first mode custom without a non-empty message.',
  'speaks-first-mode-missing': 'speaks_first is true but no mode is set.',
  'speaks-first-message-ignored': 'A speaks-first message that is not used.',
  'phone-number-format': 'phone_number or outbound_text_number not in E.164.',
  'always-on-needs-phone-number': 'always_on_active without a phone_number.',
  'override-conflict-unused': 'override_conflict without always_on_active.',
  'workflow-tag-locks': 'A workflow tag: the fields the server will lock.',
  'formatted-transcript-nulls-original': 'formatted_transcript alone: the server sets original_transcript to null.',
  'original-transcript-reformatted': 'original_transcript alone: the server re-formats it with an LLM.',
  'enriched-playback-with-intent': 'enriched_playback with intent or success_criteria set.',
  'trait-value-type': 'A trait value that does not match its trait_data_type.',
  'duplicate-trait-name': 'Two traits with the same trait_name.',
  'duplicate-simulation-id': 'The same id twice in simulation_ids.',
  'keyword-responses-empty': 'Keyword interruptions without any keyword.',
  'possible-secret':
    'A value that looks like a secret (an API key, a token, a private key, a password, your own Bluejay key): definitions go to Bluejay and into git. A push asks first; `bluejay push` refuses the file without `--allow-secrets`.',
  'silence-tool-instructions-unused': 'silence_tool_instructions while allow_silence_tool is false.',
  'server-validation': 'Bluejay rejected a pushed value (422), on the field it named.',
  'server-rejected':
    'Bluejay refused the push (400: a workflow-tag lock, a bad phone number or accent), on the field it names or the file.',
  'server-not-found': 'The id is unknown to Bluejay in your organization (404), on the `id`.',
  'server-auth': 'The API key was rejected (401) or has no organization (403).',
  'server-unavailable':
    'Bluejay could not be reached, timed out, rate-limited or failed (5xx) after the retries that are safe.',
  'server-unkept': 'After a push, Bluejay holds a field differently from what was sent.',
  'push-cancelled': 'The push was cancelled before Bluejay answered.',
  'id-not-written':
    'Bluejay created the resource, but its id is not in the file (no id in the answer, or the file could not be written): add it by hand, or the next push creates another.',
  'file-not-writable':
    'A file without an id was not pushed because its folder cannot be written: the id Bluejay would assign could not be written back.',
  'remote-drift':
    "Bluejay's copy changed since this file was last pushed or pulled: pull, compare, or push with `--force` (the CLI) or after choosing per field (the editor).",
  'environment-mismatch': 'The file is pinned to another environment (`environment:`) than the one being pushed to.',
  'run-no-simulation':
    'The digital human is in no simulation (`simulation_ids`), or not in the one named with `--simulation`: it is not run.',
  'run-not-pushed': 'The digital human has no id (it is not on Bluejay yet): push it before running it.',
  'run-out-of-step':
    "The file differs from Bluejay's copy (what `plan` calls an update): push (or `--push`) before running, so the results are those of this version.",
};
