/**
 * Writes the id Bluejay assigned into a newly created definition: one minimal insertion right after
 * the `kind` entry (after its whole value), in the file's own style (block or flow YAML, pretty or
 * minified JSON). Without a `kind`, the id goes first.
 */
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import type { Format } from '../kinds';
import { applyEdits } from '../edit/apply';
import { sameValue } from '../edit/values';
import { inlineText } from '../edit/yamlWrite';
import { parseText } from '../parse/memo';
import { parseYaml } from '../parse/yaml';
import { LineMap } from '../text';
import type { TextEdit } from '../edit/types';
import { isRecord } from '../record';

export function idEdit(text: string, format: Format, id: string | number): TextEdit | undefined {
  const edit = format === 'json' ? jsonIdEdit(text, id) : yamlIdEdit(text, id);
  return edit && readsBack(text, format, edit, id) ? edit : undefined;
}

/** The edited text reads as the same definition with `id` added, every other field as it was. */
function readsBack(text: string, format: Format, edit: TextEdit, id: string | number): boolean {
  const before = parseText(text, format);
  const after = parseText(applyEdits(text, [edit]), format);
  if (!before.ok || !after.ok || after.issues.length || !isRecord(before.value)) return false;
  return sameValue(after.value, { ...before.value, id });
}

function jsonIdEdit(text: string, id: string | number): TextEdit | undefined {
  const root = parseTree(text);
  if (root?.type !== 'object' || !root.children?.length) return undefined;
  const value = JSON.stringify(id);
  const first = root.children[0];
  const kind = findNodeAtLocation(root, ['kind'])?.parent;
  const anchor = kind ?? first;
  const key = anchor?.children?.[0];
  const val = anchor?.children?.[1];
  if (!anchor || !key || !val) return undefined;
  // The file's own spacing: after the colon, and between two entries.
  const colon = text.slice(key.offset + key.length, val.offset);
  const next = root.children[root.children.indexOf(anchor) + 1];
  const between = next
    ? text.slice(anchor.offset + anchor.length, next.offset)
    : guessBetween(text, root.offset, first?.offset ?? 0);
  const entry = `"id"${colon}${value}`;
  if (kind) return { offset: anchor.offset + anchor.length, length: 0, newText: `${between}${entry}` };
  return { offset: anchor.offset, length: 0, newText: `${entry}${between}` };
}

/** `,\n  ` from the indentation of the first entry when there is no second one to copy. */
function guessBetween(text: string, objectStart: number, firstEntry: number): string {
  const lead = text.slice(objectStart + 1, firstEntry);
  return `,${lead || ' '}`;
}

function yamlIdEdit(text: string, id: string | number): TextEdit | undefined {
  const parsed = parseYaml(text);
  if (!parsed.ok) return undefined;
  const root = parsed.locator.rootSpan();
  if (!root) return undefined;
  const value = inlineText(id, text[root[0]] === '{', 'pretty');
  if (value === undefined) return undefined;
  const entry = `id: ${value}`;
  const kindValue = parsed.locator.valueSpan(['kind']);
  const kindKey = parsed.locator.keySpan(['kind']);
  if (text[root[0]] === '{') {
    // A flow mapping: `{kind: x, ...}` becomes `{kind: x, id: 5, ...}`.
    if (kindValue?.exact) return { offset: kindValue.span[1], length: 0, newText: `, ${entry}` };
    return { offset: root[0] + 1, length: 0, newText: `${entry}, ` };
  }
  const lines = new LineMap(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const column = lines.position(root[0]).character;
  const line = `${' '.repeat(column)}${entry}`;
  if (kindKey && kindValue?.exact) {
    // After the line where kind's value ends (a block scalar or a value on the next line included).
    const next = lines.position(Math.max(kindValue.span[1], kindKey[1])).line + 1;
    if (next >= lines.lineCount)
      return { offset: text.length, length: 0, newText: /[\r\n]$/.test(text) ? `${line}${eol}` : `${eol}${line}` };
    return { offset: lines.lineStart(next), length: 0, newText: `${line}${eol}` };
  }
  return { offset: lines.lineStart(lines.position(root[0]).line), length: 0, newText: `${line}${eol}` };
}
