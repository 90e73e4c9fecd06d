/** The mapping a definition's text holds, parsed but not validated (the cheap look the Remote view and the Testing view take at workspace files). */
import type { Format } from '../kinds';
import { asRecord } from '../record';
import { parseJson } from './json';
import { parseYaml } from './yaml';

/** Undefined when the text holds no mapping. Not memoised: scanning many files must not evict the open document's parse (memo.ts). */
export function mappingOf(text: string, format: Format): Record<string, unknown> | undefined {
  const parsed = format === 'json' ? parseJson(text) : parseYaml(text);
  return asRecord(parsed.ok ? parsed.value : undefined);
}
