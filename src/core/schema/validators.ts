/** Typed access to the ajv validators that scripts/generate.mjs compiles ahead of time from schemas/. */
import type { ErrorObject } from 'ajv';
import * as generated from '../generated/validators';
import type { Kind } from '../kinds';

export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const VALIDATORS: Readonly<Record<Kind, StandaloneValidator>> = {
  'customer-persona': generated.customerPersona as StandaloneValidator,
  'digital-human': generated.digitalHuman as StandaloneValidator,
};

/** Validates a definition's value against its kind's schema; returns ajv's errors (all of them). */
export function schemaErrors(kind: Kind, value: unknown): readonly ErrorObject[] {
  const validate = VALIDATORS[kind];
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  // Not kept on the validator until the next validation: a file with thousands of mistakes would
  // hold thousands of error objects for as long as nothing else is validated.
  validate.errors = null;
  return errors;
}
