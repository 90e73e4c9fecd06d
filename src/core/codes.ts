/**
 * Every problem code the core reports: stable identifiers that CI scripts and users filter on.
 * Add codes; never rename or reuse one. README's table of codes is checked against this list.
 */
import type { Severity } from './problem';

interface CodeInfo {
  readonly severity: Severity;
  readonly summary: string;
}

export const CODES = {
  // Reading the file
  'empty-file': { severity: 'error', summary: 'The file is empty, or holds only comments or null.' },
  'binary-file': { severity: 'error', summary: 'The file contains NUL bytes.' },
  encoding: { severity: 'error', summary: 'The file is not UTF-8 (UTF-16, Latin-1, broken bytes).' },
  'byte-order-mark': { severity: 'information', summary: 'The file starts with a UTF-8 byte-order mark, which is ignored.' },
  'yaml-syntax': { severity: 'error', summary: 'YAML that cannot be parsed (including tabs used for indentation).' },
  'json-syntax': { severity: 'error', summary: 'JSON that cannot be parsed (comments and trailing commas included).' },
  'multiple-documents': { severity: 'error', summary: 'More than one YAML document in the file.' },
  'duplicate-key': { severity: 'error', summary: 'A key appears twice in one mapping; the later value wins.' },
  'alias-limit': { severity: 'error', summary: 'YAML aliases expand beyond 100,000 extra nodes (an alias bomb).' },
  'too-deep': { severity: 'error', summary: 'Nesting too deep to read.' },
  'not-a-mapping': { severity: 'error', summary: 'The top level is a scalar or a list, not a mapping of fields.' },
  'internal-error': { severity: 'error', summary: 'The validator itself failed; please report it.' },
  // Which kind of resource
  'unknown-kind': { severity: 'error', summary: 'Neither `kind` nor the file name says what the file defines.' },
  'invalid-kind': { severity: 'error', summary: '`kind` is not customer-persona or digital-human.' },
  'kind-mismatch': { severity: 'error', summary: '`kind` and the file-name suffix disagree.' },
  // The JSON Schema
  'unknown-key': { severity: 'error', summary: 'A key the API does not have (Bluejay would silently ignore it), or a server-managed one.' },
  'missing-property': { severity: 'error', summary: 'A required property of a nested object is missing.' },
  'invalid-type': { severity: 'error', summary: 'A value of the wrong type.' },
  'invalid-enum': { severity: 'error', summary: 'A value outside the allowed list (with the nearest allowed value).' },
  'out-of-range': { severity: 'error', summary: 'A number outside its documented range.' },
  'invalid-format': { severity: 'error', summary: 'A value in the wrong format (a persona id that is not a UUID).' },
  'invalid-value': { severity: 'error', summary: 'Any other schema violation.' },
  // Bluejay's rules
  'create-required': { severity: 'error', summary: 'A file without id (to be created) lacks what creation needs.' },
  'create-not-nullable': { severity: 'error', summary: 'A file without id sets null where creation needs a value.' },
  'create-only-field': { severity: 'information', summary: 'agent_id is only used when a persona is created.' },
  'response-value-required': { severity: 'error', summary: 'A phrase or dtmf scripted response without response_value.' },
  'occurrence-n-required': { severity: 'error', summary: 'A first_n scripted response without occurrence_n.' },
  'occurrence-n-ignored': { severity: 'warning', summary: 'occurrence_n on an always scripted response.' },
  'silence-duration-ignored': { severity: 'warning', summary: 'silence_duration on a response that is not silence.' },
  'speaks-first-message-required': { severity: 'error', summary: 'Speaks-first mode custom without a non-empty message.' },
  'speaks-first-mode-missing': { severity: 'warning', summary: 'speaks_first is true but no mode is set.' },
  'speaks-first-message-ignored': { severity: 'warning', summary: 'A speaks-first message that is not used.' },
  'phone-number-format': { severity: 'warning', summary: 'phone_number or outbound_text_number not in E.164.' },
  'always-on-needs-phone-number': { severity: 'warning', summary: 'always_on_active without a phone_number.' },
  'override-conflict-unused': { severity: 'information', summary: 'override_conflict without always_on_active.' },
  'workflow-tag-locks': { severity: 'information', summary: 'A workflow tag: the fields the server will lock.' },
  'formatted-transcript-nulls-original': { severity: 'warning', summary: 'formatted_transcript alone: the server sets original_transcript to null.' },
  'original-transcript-reformatted': { severity: 'information', summary: 'original_transcript alone: the server re-formats it with an LLM.' },
  'enriched-playback-with-intent': { severity: 'information', summary: 'enriched_playback with intent or success_criteria set.' },
  'trait-value-type': { severity: 'warning', summary: "A trait value that does not match its trait_data_type." },
  'duplicate-trait-name': { severity: 'warning', summary: 'Two traits with the same trait_name.' },
  'duplicate-simulation-id': { severity: 'warning', summary: 'The same id twice in simulation_ids.' },
  'keyword-responses-empty': { severity: 'warning', summary: 'Keyword interruptions without any keyword.' },
  'silence-tool-instructions-unused': { severity: 'information', summary: 'silence_tool_instructions while allow_silence_tool is false.' },
} as const satisfies Readonly<Record<string, CodeInfo>>;

export type Code = keyof typeof CODES;

const DOCS: Readonly<Record<'customer-persona' | 'digital-human', string>> = {
  'customer-persona': 'https://docs.getbluejay.ai/api-reference/endpoint/update-customer-persona',
  'digital-human': 'https://docs.getbluejay.ai/api-reference/endpoint/update-digital-human',
};

/** Codes about a field's value or a Bluejay rule, explained on the kind's API page. */
const DOCUMENTED = new Set<Code>([
  'unknown-key', 'missing-property', 'invalid-type', 'invalid-enum', 'out-of-range', 'invalid-format', 'invalid-value',
  'create-required', 'create-not-nullable', 'create-only-field', 'response-value-required', 'occurrence-n-required',
  'occurrence-n-ignored', 'silence-duration-ignored', 'speaks-first-message-required', 'speaks-first-mode-missing',
  'speaks-first-message-ignored', 'phone-number-format', 'always-on-needs-phone-number', 'override-conflict-unused',
  'workflow-tag-locks', 'formatted-transcript-nulls-original', 'original-transcript-reformatted', 'enriched-playback-with-intent',
  'trait-value-type', 'duplicate-trait-name', 'duplicate-simulation-id', 'keyword-responses-empty', 'silence-tool-instructions-unused',
]);

/** The Bluejay documentation page that explains a problem, where one exists. */
export function docsUrl(code: string, kind: 'customer-persona' | 'digital-human' | undefined): string | undefined {
  return kind && DOCUMENTED.has(code as Code) ? DOCS[kind] : undefined;
}
