/** Minimal YAML text edits from spans: remove a key/value pair, add a property, write a scalar. */
import type { Span } from '../parse/types';
import type { TextEdit } from './quickFixes';

const RESERVED = /^(true|false|null|yes|no|on|off|~|[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.inf|\.nan|0x[\da-fA-F]+|0o[0-7]+))$/i;

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(v: string): string {
  return /^[A-Za-z_][\w .+/@-]*$/.test(v) && !/\s$/.test(v) && !RESERVED.test(v) && !/:\s|\s#/.test(v) ? v : JSON.stringify(v);
}

/** Any JSON value as YAML on one line (flow style for lists and mappings). */
export function yamlValue(v: unknown): string {
  if (typeof v === 'string') return yamlScalar(v);
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(yamlValue).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${yamlScalar(k)}: ${yamlValue(x)}`).join(', ')}}`;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : 'null';
}

function lineStartOf(text: string, offset: number): number {
  return Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
}

/** Offset after the line break that ends the line holding `offset` (or the text's end). */
function nextLineStart(text: string, offset: number): number {
  const m = /\r\n|\r|\n/g;
  m.lastIndex = offset;
  const hit = m.exec(text);
  return hit ? hit.index + hit[0].length : text.length;
}

/** Removes `key: value`: whole lines in block style, with its comma in flow style. */
export function removeYamlPair(text: string, key: Span, value: Span): TextEdit {
  const lineStart = lineStartOf(text, key[0]);
  const before = text.slice(lineStart, key[0]);
  if (/^\s*$/.test(before)) {
    const end = nextLineStart(text, value[1]);
    return { offset: lineStart, length: end - lineStart, newText: '' };
  }
  if (/-\s+$/.test(before)) {
    // The first key of a list item: the next key of the item moves up behind the dash.
    const next = nextLineStart(text, value[1]);
    const indent = /^ */.exec(text.slice(next))?.[0].length ?? 0;
    const column = key[0] - lineStart;
    if (indent === column && next < text.length && !/^\s*(-|#|$)/.test(text.slice(next + indent, next + indent + 1))) {
      return { offset: key[0], length: next + indent - key[0], newText: '' };
    }
    return { offset: key[0], length: value[1] - key[0], newText: '{}' };
  }
  const comma = /,\s*$/.exec(text.slice(0, key[0]));
  if (comma) return { offset: comma.index, length: value[1] - comma.index, newText: '' };
  const after = /^\s*,\s*/.exec(text.slice(value[1]));
  return { offset: key[0], length: value[1] + (after?.[0].length ?? 0) - key[0], newText: '' };
}

/** Adds `property: value` to the mapping at `parent`: a new line at its keys' indentation, or into `{...}`. */
export function addYamlProperty(text: string, parent: Span, property: string, value: unknown): TextEdit {
  const entry = `${yamlScalar(property)}: ${yamlValue(value)}`;
  if (text[parent[0]] === '{') {
    const close = parent[1] - 1;
    const inner = text.slice(parent[0] + 1, close).trim();
    return { offset: close, length: 0, newText: inner ? `, ${entry}` : entry };
  }
  const column = parent[0] - lineStartOf(text, parent[0]);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineEnd = nextLineStart(text, parent[1]);
  const hasBreak = lineEnd > parent[1] && /[\r\n]/.test(text.slice(lineEnd - 1, lineEnd));
  const at = hasBreak ? lineEnd : text.length;
  const line = `${' '.repeat(column)}${entry}`;
  return hasBreak ? { offset: at, length: 0, newText: `${line}${eol}` } : { offset: at, length: 0, newText: `${eol}${line}` };
}
