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
  return validate(value) ? [] : (validate.errors ?? []);
}
