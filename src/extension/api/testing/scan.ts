/**
 * The cheap look at a digital-human file the Testing view needs (no validation, no `vscode`): its
 * id, its simulation_ids and the line of its `name` (else `kind`) for the gutter's run button.
 */
import { formatFromFileName, kindFromFileName, type Format } from '../../../core/kinds';
import { rangesOf } from '../../../core/locate';
import { parseText } from '../../../core/parse/memo';
import type { ParseOutcome } from '../../../core/parse/types';
import { asRecord } from '../../../core/record';
import type { Range } from '../../../core/problem';
import { idString } from '../../../core/run/api';
import { simulationIdsOf } from '../../../core/run/target';

export interface Scanned {
  readonly id: string | null;
  readonly name: string | null;
  /** The simulations the file says it belongs to (as strings). */
  readonly simulationIds: string[];
  /** Where the item's run button goes: the `name` line, else the `kind` line, else the first line. */
  readonly range: Range;
}

/** The format of a file: the editor's language when it says, else the file name. */
export function formatOf(fileName: string, languageId?: string): Format {
  return languageId === 'json' || languageId === 'yaml' ? languageId : formatFromFileName(fileName);
}

/** The mapping a text holds: through the parse memo, which `rangesOf` then answers from (one parse, not two). */
function mappingThroughMemo(text: string, format: Format): Record<string, unknown> | undefined {
  const parsed = parseText(text, format);
  return asRecord(parsed.ok ? parsed.value : undefined);
}

/**
 * A digital human's test facts; undefined when the text is no digital human (a persona, unreadable
 * text stays an item: it may be fixed). `parse`: an open document's text is read through the parse
 * memo its validation shares (the default); a file read from disk is read with `parseAside`, so a
 * scan of the workspace does not evict the open document's parse (the next keystroke's incremental
 * parse starts from it).
 */
export function scanDigitalHuman(
  text: string,
  fileName: string,
  languageId?: string,
  parse: (text: string, format: Format) => ParseOutcome = parseText,
): Scanned | undefined {
  const format = formatOf(fileName, languageId);
  const parsed = parse(text, format);
  const value = asRecord(parsed.ok ? parsed.value : undefined);
  const kind = value?.['kind'] ?? kindFromFileName(fileName);
  if (kind !== 'digital-human') return undefined;
  const pointer = value && 'name' in value ? '/name' : value && 'kind' in value ? '/kind' : '';
  const [range] = rangesOf(text, format, [pointer], parsed);
  const name = typeof value?.['name'] === 'string' ? value['name'] : null;
  return {
    id: idString(value?.['id']),
    name,
    simulationIds: value ? simulationIdsOf(value) : [],
    range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

/** Where a failure is shown: the value of `success_criteria` (its key line), else the file's first line. */
export function successRange(text: string, format: Format, field = 'success_criteria'): Range {
  const value = mappingThroughMemo(text, format);
  const [range] = rangesOf(text, format, [value && field in value ? `/${field}` : '']);
  return range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
