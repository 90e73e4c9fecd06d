/**
 * Helpers shared by the rules-*.test.ts files: validate a digital human or persona written out as
 * text, so each rule can be checked at an exact position.
 */
import { validateText, type ValidationResult } from '../../../src/core/validate';

export const DH_FILE = 'caller.digital-human.yaml';
export const PERSONA_FILE = 'refund.persona.yaml';
const EXISTING_DH = 'id: 1\nphone_number: "+14155550123"\n';

/** An existing digital human (id and phone number set) followed by `body`. */
export function dh(body: string): { text: string; result: ValidationResult } {
  const text = EXISTING_DH + body;
  return { text, result: validateText(text, DH_FILE) };
}

export function file(text: string, fileName = DH_FILE): { text: string; result: ValidationResult } {
  return { text, result: validateText(text, fileName) };
}
