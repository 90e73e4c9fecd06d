/**
 * The JSON Schemas as shipped in `schemas/`, with every description: for hover, completion, forms
 * and the annotation schemas. Validation needs none of the prose and uses ./lean instead, so the
 * extension's activation bundle does not carry it.
 */
import personaSchema from '../../../schemas/customer-persona.schema.json';
import digitalHumanSchema from '../../../schemas/digital-human.schema.json';
import type { JsonSchema, Kind } from '../kinds';

export const SCHEMAS: Readonly<Record<Kind, JsonSchema>> = {
  'customer-persona': personaSchema,
  'digital-human': digitalHumanSchema,
};
