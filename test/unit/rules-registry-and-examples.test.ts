/**
 * The Bluejay rules of src/core/rules/*.ts (what the JSON Schema cannot say): every rule code is listed
 * with its registered severity (and so has tests in the rules-*.test.ts files), and the shipped examples
 * stay free of errors.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODES } from '../../src/core/codes';
import { validateText } from '../../src/core/validate';
import * as h from './helpers/definitions';

/** Every rule code and its severity, as the rules files define them; a new rule must be added here (and tested). */
const RULES: Readonly<Record<string, 'error' | 'warning' | 'information'>> = {
  'response-value-required': 'error',
  'occurrence-n-required': 'error',
  'occurrence-n-ignored': 'warning',
  'silence-duration-ignored': 'warning',
  'speaks-first-message-required': 'error',
  'speaks-first-mode-missing': 'warning',
  'speaks-first-message-ignored': 'warning',
  'phone-number-format': 'warning',
  'possible-secret': 'warning',
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
  'create-required': 'error',
  'create-not-nullable': 'error',
  'create-only-field': 'information',
  // An id beyond 2^53 - 1 (tested in bad-input.test.ts).
  'out-of-range': 'error',
};

void test('every rule code in src/core/rules/*.ts is listed (and so tested) here, with its registered severity', () => {
  const dir = join(__dirname, '..', '..', '..', 'src', 'core', 'rules');
  const found = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const source = readFileSync(join(dir, name), 'utf8');
    for (const m of source.matchAll(/\bat\(\s*(?:'(?:error|warning|information)',\s*)?'([a-z0-9-]+)'/g))
      if (m[1]) found.add(m[1]);
  }
  assert.deepEqual([...found].sort(), Object.keys(RULES).sort());
  for (const [code, severity] of Object.entries(RULES)) {
    assert.equal((CODES as Readonly<Record<string, string>>)[code], severity, code);
  }
});

// ---- the examples stay clean of errors -----------------------------------------------------------------

void test('the shipped examples have no errors', () => {
  const dir = join(__dirname, '..', '..', '..', 'examples');
  for (const name of [
    'angry-billing-customer.digital-human.yaml',
    'first-time-caller.persona.json',
    'refund-seeker.persona.yaml',
    'spanish-booking.digital-human.json',
    'workflow-replay.digital-human.yaml',
  ]) {
    const result = validateText(readFileSync(join(dir, name), 'utf8'), name);
    h.assertNoErrors(result);
  }
});
