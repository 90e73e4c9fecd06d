/** A definition converted from another tool, with the same mistakes in every list item: about 3,900 problems. */
import { dump } from 'js-yaml';

const ROLES = ['user', 'assistant', 'Agent', 'CUSTOMER', 'USER'];

/** A digital human whose lists repeat the same mistakes in every item, about 3,700 problems in all. */
export function converted(): Record<string, unknown> {
  const turns = Array.from({ length: 3000 }, (_, i) => {
    const turn: Record<string, unknown> = {
      role: ROLES[i % ROLES.length],
      utterance: i % 250 === 7 ? `token sk-proj-${'aB3'.repeat(10)}${i}` : `Line ${i % 17}.`,
    };
    if (i % 400 === 3) delete turn['utterance'];
    if (i % 300 === 5) turn['speaker'] = 'x';
    return turn;
  });
  const scripted = Array.from({ length: 400 }, (_, i) => {
    const r: Record<string, unknown> = {
      match_type: i % 3 ? 'exactly' : 'Context',
      match_phrase: `Phrase ${i % 9}`,
      response_type: i % 5 ? 'phrase' : 'phrases',
      response_value: 'Okay.',
      occurrence_mode: 'always',
    };
    if (i % 7 === 0) r['respons_value'] = 'typo';
    if (i % 11 === 0) Object.assign(r, { occurrence_mode: 'first_n', occurrence_n: 0 });
    if (i % 13 === 0) r['match_phrase'] = 42;
    return r;
  });
  const traits = Array.from({ length: 300 }, (_, i) => ({
    trait_name: `t_${i % 23}`,
    trait_data_type: i % 2 ? 'string' : 'Number',
    value: i % 3 ? 'x' : 7,
    ...(i % 5 === 0 && { trait_type: 'STRING' }),
  }));
  return {
    kind: 'digital-human',
    id: 1,
    phone_number: '+14155550123',
    voice_speed: 'fastt',
    original_transcript: 'Customer: Yes.\n',
    formatted_transcript: turns,
    scripted_responses: scripted,
    traits,
    interruptions: {
      type: 'keywords',
      keyword_responses: Array.from({ length: 200 }, (_, i) => ({
        keyword: `k${i % 4}`,
        response: 'No.',
        probability: i % 2 ? 1.5 : -1,
      })),
    },
  };
}

const VALUE = converted();

/** The converted definition as YAML, pretty JSON and one-line JSON. */
export const TEXTS = {
  yaml: dump(VALUE, { lineWidth: -1 }),
  json: JSON.stringify(VALUE, null, 2) + '\n',
  'json, one line': JSON.stringify(VALUE) + '\n',
};
