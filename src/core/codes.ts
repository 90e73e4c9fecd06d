/**
 * Every problem code the core reports, with its severity: stable identifiers that CI scripts and
 * users filter on. Add codes; never rename or reuse one. README's table of codes (which says what
 * each means) is checked against this list.
 */
import type { Severity } from './problem';

export const CODES = {
  // Reading the file
  'empty-file': 'error',
  'binary-file': 'error',
  'file-too-large': 'error',
  encoding: 'error',
  'byte-order-mark': 'information',
  'yaml-syntax': 'error',
  'json-syntax': 'error',
  'multiple-documents': 'error',
  'duplicate-key': 'error',
  'alias-limit': 'error',
  'too-deep': 'error',
  'cyclic-value': 'error',
  'not-a-mapping': 'error',
  'internal-error': 'error',
  // Which kind of resource
  'unknown-kind': 'error',
  'invalid-kind': 'error',
  'kind-mismatch': 'error',
  // The JSON Schema
  'unknown-key': 'error',
  'missing-property': 'error',
  'invalid-type': 'error',
  'invalid-enum': 'error',
  'out-of-range': 'error',
  'invalid-format': 'error',
  'invalid-value': 'error',
  // Bluejay's rules
  'create-required': 'error',
  'create-not-nullable': 'error',
  'create-only-field': 'information',
  'response-value-required': 'error',
  'occurrence-n-required': 'error',
  'occurrence-n-ignored': 'warning',
  'silence-duration-ignored': 'warning',
  'speaks-first-message-required': 'error',
  'speaks-first-mode-missing': 'warning',
  'speaks-first-message-ignored': 'warning',
  'phone-number-format': 'warning',
  'always-on-needs-phone-number': 'warning',
  'override-conflict-unused': 'information',
  'workflow-tag-locks': 'information',
  'formatted-transcript-nulls-original': 'warning',
  'original-transcript-reformatted': 'information',
  'enriched-playback-with-intent': 'information',
  'trait-value-type': 'warning',
  'duplicate-trait-name': 'warning',
  'duplicate-simulation-id': 'warning',
  'keyword-responses-empty': 'warning',
  'silence-tool-instructions-unused': 'information',
  'possible-secret': 'warning',
  // What Bluejay answered to a push
  'server-validation': 'error',
  'server-rejected': 'error',
  'server-not-found': 'error',
  'server-auth': 'error',
  'server-unavailable': 'error',
  'server-unkept': 'warning',
  'push-cancelled': 'information',
  'id-not-written': 'error',
  'file-not-writable': 'error',
  // Staying in step with Bluejay
  'remote-drift': 'error',
  'environment-mismatch': 'error',
  // Running simulations
  'run-no-simulation': 'error',
  'run-not-pushed': 'error',
  'run-out-of-step': 'error',
} as const satisfies Readonly<Record<string, Severity>>;

export type Code = keyof typeof CODES;

const DOCS: Readonly<Record<'customer-persona' | 'digital-human', string>> = {
  'customer-persona': 'https://docs.getbluejay.ai/api-reference/endpoint/update-customer-persona',
  'digital-human': 'https://docs.getbluejay.ai/api-reference/endpoint/update-digital-human',
};

/** Codes about a field's value or a Bluejay rule, explained on the kind's API page. */
const DOCUMENTED = new Set<Code>([
  'unknown-key',
  'missing-property',
  'invalid-type',
  'invalid-enum',
  'out-of-range',
  'invalid-format',
  'invalid-value',
  'create-required',
  'create-not-nullable',
  'create-only-field',
  'response-value-required',
  'occurrence-n-required',
  'occurrence-n-ignored',
  'silence-duration-ignored',
  'speaks-first-message-required',
  'speaks-first-mode-missing',
  'speaks-first-message-ignored',
  'phone-number-format',
  'always-on-needs-phone-number',
  'override-conflict-unused',
  'workflow-tag-locks',
  'formatted-transcript-nulls-original',
  'original-transcript-reformatted',
  'enriched-playback-with-intent',
  'trait-value-type',
  'duplicate-trait-name',
  'duplicate-simulation-id',
  'keyword-responses-empty',
  'silence-tool-instructions-unused',
]);

/** The Bluejay documentation page that explains a problem, where one exists. */
export function docsUrl(code: string, kind: 'customer-persona' | 'digital-human' | undefined): string | undefined {
  return kind && DOCUMENTED.has(code as Code) ? DOCS[kind] : undefined;
}
