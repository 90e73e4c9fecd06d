/** Starting points for new definition files: valid as they are, with comments that explain the fields. */
import type { Kind } from './kinds';

const PERSONA = `# A Bluejay customer persona. Push it to create it; Bluejay then writes its id here.
kind: customer-persona
name: New persona
# Who the customer is: background, temperament, situation.
description: A first-time customer calling about a delayed order.
# What they want to get out of the conversation.
goal: Find out when the order will arrive.
`;

const DIGITAL_HUMAN = `# A Bluejay digital human (a simulated caller). Push it to create it; Bluejay then writes its id here.
kind: digital-human
name: New digital human
# What the caller wants, and what counts as success.
intent: You ordered a blender two weeks ago and it has not arrived. Ask where it is.
success_criteria: The agent finds the order and gives a delivery date.
# Voice and speech.
language: en
voice_speed: normal
background_noise: none
# The number the digital human calls from (E.164); required to create it.
phone_number: "+14155550123"
`;

export function template(kind: Kind): string {
  return kind === 'digital-human' ? DIGITAL_HUMAN : PERSONA;
}

/** `Refund Seeker!` -> `refund-seeker`: a file name stem from what a person typed. */
export function slug(name: string, fallback = 'new'): string {
  return (
    name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || fallback
  );
}
