/**
 * The form's Add on a large document: an item appended to a top-level list without parsing the
 * whole text with the `yaml` package or jsonc-parser. The validator's quick parse (memoized: the
 * text was just validated) gives the list's and its last item's spans; the usual editor then runs
 * on a small text made of that last item alone, and its edit is put back in place. The result is
 * the very text the whole-document editor writes (a unit test compares them).
 *
 * The small text is read back instead of the whole one. That is equivalent because of what is
 * checked first: the list is the block value of a key at column 0 of a block mapping (no anchor,
 * tag or flow style on it or on the document), and the small text is the key, then the last item's
 * lines up to the next line with content at column 0. YAML's block structure depends only on the
 * lines and their indentation, so those lines read the same there as in the whole text; the small
 * text must read back as exactly [last item, new item], with no anchor, alias or tag added. JSON is
 * context-free: an item after the last one is an item of that list wherever the list stands.
 * Anything else returns undefined and the whole-document path runs as before.
 */
import type { FormattingOptions } from 'jsonc-parser';
import type { Format } from '../kinds';
import { isRecord } from '../record';
import { parseJson } from '../parse/json';
import { parseText } from '../parse/memo';
import type { Locator } from '../parse/types';
import { parseYaml } from '../parse/yaml';
import { JsonEditor, jsonFormatting } from './jsonEdits';
import type { EditOp } from './types';
import { at, sameValue } from './values';
import { YamlEditor } from './yamlEdits';
import { YamlSource } from './yamlSource';
import { inlineText, type Mode } from './yamlWrite';

/** The text after `op` when it appends to a non-empty top-level list and can be made on a slice; else undefined. */
export function appendInPlace(text: string, format: Format, op: EditOp, mode: Mode): string | undefined {
  if (op.op !== 'insert' || op.path.length !== 1) return undefined;
  const key = op.path[0] ?? '';
  const parsed = parseText(text, format);
  if (!parsed.ok || parsed.issues.length || !isRecord(parsed.value)) return undefined;
  const list = at(parsed.value, [key]).value;
  if (!Array.isArray(list) || list.length === 0 || op.index !== list.length) return undefined;
  const last: unknown = list[list.length - 1];
  return format === 'json'
    ? appendJson(text, parsed.locator, key, list.length, last, op.value)
    : appendYaml(text, parsed.locator, key, list.length, last, op.value, mode);
}

function appendYaml(
  text: string,
  loc: Locator,
  key: string,
  n: number,
  last: unknown,
  value: unknown,
  mode: Mode,
): string | undefined {
  if (usesLayout(value, true, mode)) return undefined;
  const src = new YamlSource(text);
  const keySpan = loc.keySpan([key]);
  const whole = loc.valueSpan([key]);
  const item = loc.valueSpan([key, String(n - 1)]);
  const root = loc.rootSpan();
  if (!keySpan || !whole?.exact || !item?.exact || !root) return undefined;
  const [ks, ke] = keySpan;
  const [vs, ve] = whole.span;
  const ls = item.span[0];
  const bare = (s: string): string => s.replace(/#[^\r\n]*/g, '').replace(/\s+/g, '');
  // A key at column 0 of a block mapping, its value a block list with nothing (anchor, tag) before it.
  if (
    src.lineStart(ks) !== ks ||
    bare(text.slice(ke, vs)) !== ':' ||
    text[vs] !== '-' ||
    !/^(---)?$/.test(bare(text.slice(0, root[0])))
  )
    return undefined;
  const dashCol = src.col(vs);
  // The last item's dash: on its content's line, or on a line above past blank and comment lines.
  let d = src.lineStart(ls);
  const dashLine = new RegExp(`^ {${dashCol}}-(\\s|$)`);
  if (!dashLine.test(text.slice(d, ls))) {
    if (text.slice(d, ls).trim()) return undefined;
    for (let p = src.prevLineStart(d); ; p = src.prevLineStart(p)) {
      if (p === undefined || p < vs - dashCol) return undefined;
      const line = src.line(p);
      if (dashLine.test(line)) {
        d = p;
        break;
      }
      if (line.trim() && !line.trim().startsWith('#')) return undefined;
    }
  }
  // The list's lines end before the next line with content at column 0 (the next key), or at the end.
  let end = src.nextLine(ve);
  while (end < text.length && /[ \t\r\n#]/.test(text[end] ?? '')) end = src.nextLine(end);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const head = `k:${eol}`;
  const small = head + text.slice(d, end);
  if (!readsAs(parseYaml(small), { k: [last] })) return undefined;
  // step and seqOffset are unused: the value's rendering does not depend on them (usesLayout).
  const editor = YamlEditor.open(small, mode, { eol, step: 2, seqOffset: 2, mode });
  const out = editor.ok ? editor.value.insert(['k'], 1, value) : undefined;
  if (!out?.ok || !out.value.startsWith(head) || !readsAs(parseYaml(out.value), { k: [last, value] })) return undefined;
  return text.slice(0, d) + out.value.slice(head.length) + text.slice(end);
}

function appendJson(
  text: string,
  loc: Locator,
  key: string,
  n: number,
  last: unknown,
  value: unknown,
): string | undefined {
  const whole = loc.valueSpan([key]);
  const first = loc.valueSpan([key, '0']);
  const item = loc.valueSpan([key, String(n - 1)]);
  if (!whole?.exact || !first?.exact || !item?.exact) return undefined;
  const [as, ae] = whole.span;
  const ls = item.span[0];
  if (text[as] !== '[' || text[ae - 1] !== ']') return undefined;
  // One item per line, or all on one line: the editor decides by the break after `[`.
  const multi = text.slice(as, first.span[0]).includes('\n');
  const formatting: FormattingOptions = { tabSize: 2, ...jsonFormatting(text) };
  const eol = formatting.eol ?? '\n';
  const start = multi ? Math.max(text.lastIndexOf('\n', ls - 1), text.lastIndexOf('\r', ls - 1)) + 1 : ls;
  const head = multi ? `[${eol}` : '[';
  const small = head + text.slice(start, ae);
  const editor = JsonEditor.open(small, formatting);
  if (!editor.ok) return undefined;
  const before = parseJson(small);
  if (!before.ok || before.issues.length || !Array.isArray(before.value)) return undefined;
  const m = before.value.length;
  if (m === 0 || !sameValue(before.value[m - 1], last)) return undefined;
  const out = editor.value.insert([], m, value);
  if (!out.ok || !out.value.startsWith(head) || !readsAs(parseJson(out.value), [...(before.value as unknown[]), value]))
    return undefined;
  return text.slice(0, start) + out.value.slice(head.length) + text.slice(ae);
}

function readsAs(parsed: ReturnType<typeof parseJson>, expected: unknown): boolean {
  return parsed.ok && !parsed.issues.length && sameValue(parsed.value, expected);
}

/** Whether writing `v` (yamlWrite's `render`) depends on the file's indentation step or list offset. */
function usesLayout(v: unknown, inSeq: boolean, mode: Mode): boolean {
  if (inlineText(v, false, mode) !== undefined) return false;
  if (typeof v === 'string') return !inSeq;
  if (!inSeq) return true;
  const entries: [string | undefined, unknown][] = Array.isArray(v)
    ? v.map((x) => [undefined, x])
    : isRecord(v)
      ? Object.entries(v)
      : [];
  return entries.some(([k, x]) => usesLayout(x, k === undefined, mode));
}
