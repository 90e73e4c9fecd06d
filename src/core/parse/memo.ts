/**
 * The last text parsed, kept: a form change parses the new text to check it reads back right, and
 * the validation that follows the change reads that same text again. On a 1 MB file each parse is
 * tens of milliseconds, so the second one is answered from here; and the next text, when it differs
 * from this one inside one entry (a list item, a value), is read from it. One entry per format;
 * results are never mutated by their users (the values are shared).
 */
import type { Format } from '../kinds';
import { parseJson } from './json';
import type { ParseOutcome } from './types';
import { parseYaml } from './yaml';
import { reparseYaml } from './yamlIncremental';

type Memo = Map<Format, { text: string; outcome: ParseOutcome }>;

// One memo per process, not per bundle: the editor's validation (dist/extension.js) and the form's
// edits (dist/editing.js) each bundle this module, and they parse the same texts one after the other.
const KEY = Symbol.for('bluejay-definitions.parseMemo');
const holder = globalThis as { [KEY]?: Memo };
const last: Memo = (holder[KEY] ??= new Map());

/** parseJson or parseYaml, answered from the last call when the text is the same. May throw as they do. */
export function parseText(text: string, format: Format): ParseOutcome {
  const hit = last.get(format);
  if (hit && hit.text === text) return hit.outcome;
  // An edit inside one entry of the last YAML text reads only that entry again (yamlIncremental.ts).
  const outcome =
    format === 'json' ? parseJson(text) : ((hit && reparseYaml(hit.text, hit.outcome, text)) ?? parseYaml(text));
  // The entry is rewritten in place: thousands of files in a row make no entry each.
  if (hit) {
    hit.text = text;
    hit.outcome = outcome;
  } else last.set(format, { text, outcome });
  return outcome;
}
