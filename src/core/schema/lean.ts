/** The schemas without their prose (generated from schemas/): what validation and its messages read. */
import { customerPersonaLean, digitalHumanLean } from '../generated/lean';
import type { JsonSchema, Kind } from '../kinds';

export const LEAN_SCHEMAS: Readonly<Record<Kind, JsonSchema>> = {
  'customer-persona': customerPersonaLean,
  'digital-human': digitalHumanLean,
};
