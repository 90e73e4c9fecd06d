/** Writes the id Bluejay assigned into a newly created definition: one minimal edit, right after `kind`. */
import { modify } from 'jsonc-parser';
import { jsonFormatting, type TextEdit } from '../fix/quickFixes';
import { yamlValue } from '../fix/yamlText';
import type { Format } from '../kinds';
import { parseYaml } from '../parse/yaml';
import { LineMap } from '../text';

export function idEdit(text: string, format: Format, id: string | number): TextEdit | undefined {
  if (format === 'json') {
    const edits = modify(text, ['id'], id, {
      formattingOptions: jsonFormatting(text),
      getInsertionIndex: (props) => props.indexOf('kind') + 1,
    });
    const e = edits[0];
    return e && edits.length === 1 ? { offset: e.offset, length: e.length, newText: e.content } : undefined;
  }
  const parsed = parseYaml(text);
  if (!parsed.ok) return undefined;
  const lines = new LineMap(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const kind = parsed.locator.keySpan(['kind']);
  const root = parsed.locator.rootSpan();
  if (!root) return undefined;
  const column = lines.position(root[0]).character;
  const line = `${' '.repeat(column)}id: ${yamlValue(id)}`;
  if (kind) {
    const next = lines.position(kind[0]).line + 1;
    const at = lines.lineStart(next);
    return at >= text.length && !/[\r\n]$/.test(text) ? { offset: text.length, length: 0, newText: `${eol}${line}` } : { offset: at, length: 0, newText: `${line}${eol}` };
  }
  return { offset: lines.lineStart(lines.position(root[0]).line), length: 0, newText: `${line}${eol}` };
}

/** Applies edits (non-overlapping) to text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
