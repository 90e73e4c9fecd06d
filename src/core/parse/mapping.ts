/** The mapping a definition's text holds, parsed but not validated (the cheap look the Remote view and the Testing view take at workspace files). */
import type { Format } from '../kinds';
import { asRecord } from '../record';
import { parseJson } from './json';
import type { ParseOutcome } from './types';
import { parseYaml, parseYamlLean } from './yaml';

/** parseJson or parseYaml, not through the memo: scanning many files must not evict the open document's parse (memo.ts). */
export function parseAside(text: string, format: Format): ParseOutcome {
  return format === 'json' ? parseJson(text) : parseYaml(text);
}

/** parseAside for one of many files read from disk: a YAML text's positions are read only when asked for (parseYamlLean). */
export function parseLean(text: string, format: Format): ParseOutcome {
  return format === 'json' ? parseJson(text) : parseYamlLean(text);
}

/** Undefined when the text holds no mapping. Not memoised, and no positions read (`parseLean`). */
export function mappingOf(text: string, format: Format): Record<string, unknown> | undefined {
  const parsed = parseLean(text, format);
  return asRecord(parsed.ok ? parsed.value : undefined);
}
