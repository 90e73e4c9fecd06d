/** Ranges in a definition's text for JSON pointers that come from elsewhere (the server's answers). */
import type { Format } from './kinds';
import { parseText } from './parse/memo';
import type { ParseOutcome, Span } from './parse/types';
import { fromPointer, type Range } from './problem';
import { LineMap } from './text';

/**
 * The range of each pointer: the value it names, or its nearest existing ancestor; the pointer ''
 * (the file as a whole) marks the first line of the definition rather than all of it. `parsed`: the
 * text's parse when the caller has it (else through the memo).
 */
export function rangesOf(
  text: string,
  format: Format,
  pointers: readonly string[],
  parsed: ParseOutcome = parseText(text, format),
): Range[] {
  const lines = new LineMap(text);
  const locator = parsed.ok ? parsed.locator : undefined;
  locator?.prepare?.(pointers.map(fromPointer));
  return pointers.map((pointer) => {
    const path = fromPointer(pointer);
    const span: Span | undefined = path.length ? locator?.valueSpan(path)?.span : undefined;
    if (!span) {
      const root = locator?.rootSpan()?.[0] ?? 0;
      const line = lines.position(root).line;
      return lines.range(root, Math.max(root, lines.lineStart(line) + lines.lineText(line).length));
    }
    return lines.range(span[0], span[1]);
  });
}
