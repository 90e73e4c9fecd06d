/**
 * Quick fixes for problems: replace a value with an allowed one, clamp a number, rename or remove
 * an unknown key, add a missing property. Each is a minimal text edit that keeps comments, key
 * order and quoting: JSON through jsonc-parser's edit functions, YAML by the spans the parse found.
 */
import { modify, type FormattingOptions } from 'jsonc-parser';
import type { Kind } from '../kinds';
import { parseYaml } from '../parse/yaml';
import { fromPointer, type Problem } from '../problem';
import { schemaAtPath, typesOf } from '../schema/lookup';
import { LineMap } from '../text';
import { addYamlProperty, removeYamlPair, yamlScalar } from './yamlText';

export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
}

const MAX_CHOICES = 12;

export function quickFixes(text: string, format: 'yaml' | 'json', kind: Kind | undefined, problem: Problem): QuickFix[] {
  const hint = problem.fix;
  if (!hint) return [];
  const lines = new LineMap(text);
  const start = lines.lineStart(problem.range.start.line) + problem.range.start.character;
  const end = lines.lineStart(problem.range.end.line) + problem.range.end.character;
  const current = text.slice(start, end);
  const path = fromPointer(problem.pointer);
  const replace = (newText: string): TextEdit[] => [{ offset: start, length: end - start, newText }];
  switch (hint.kind) {
    case 'replace': {
      const ordered = hint.preferred ? [hint.preferred, ...hint.values.filter((v) => v !== hint.preferred)] : [...hint.values];
      return ordered.slice(0, MAX_CHOICES).map((v) => ({ title: `Change to '${v}'`, edits: replace(quoteLike(current, v, format)), preferred: v === hint.preferred }));
    }
    case 'clamp':
      return [{ title: `Change to ${hint.value}`, edits: replace(String(hint.value)), preferred: true }];
    case 'unknown-key': {
      const key = path[path.length - 1] ?? '';
      const fixes: QuickFix[] = [];
      if (hint.rename) fixes.push({ title: `Rename '${key}' to '${hint.rename}'`, edits: replace(quoteLike(current, hint.rename, format)), preferred: true });
      const removal = format === 'json' ? jsonEdits(text, path, undefined) : yamlRemoval(text, path);
      if (removal.length) fixes.push({ title: `Remove '${key}'`, edits: removal, preferred: !hint.rename });
      return fixes;
    }
    case 'add': {
      const value = placeholder(kind, [...path, hint.property]);
      const edits = format === 'json' ? jsonEdits(text, [...path, hint.property], value) : yamlAddition(text, path, hint.property, value);
      return edits.length ? [{ title: `Add '${hint.property}'`, edits, preferred: true }] : [];
    }
  }
}

/** `value` written the way `current` is: same quotes in YAML, a JSON string in JSON. */
function quoteLike(current: string, value: string, format: 'yaml' | 'json'): string {
  if (format === 'json') return JSON.stringify(value);
  const q = current[0];
  if (q === '"') return JSON.stringify(value);
  if (q === "'") return `'${value.replace(/'/g, "''")}'`;
  return yamlScalar(value);
}

/** A value to start from: the default, an example, the first allowed value, or an empty one of the right type. */
function placeholder(kind: Kind | undefined, path: readonly string[]): unknown {
  const s = kind && schemaAtPath(kind, path);
  if (!s) return '';
  if (s.default !== undefined) return s.default;
  const allowed = (s.enum ?? []).filter((v) => v !== null);
  if (allowed.length) return allowed[0];
  if (s.examples?.length) return s.examples[0];
  const t = typesOf(s);
  if (t.includes('boolean')) return false;
  if (t.includes('integer') || t.includes('number')) return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
  if (t.includes('array')) return [];
  if (t.includes('object')) return {};
  return '';
}

function jsonEdits(text: string, path: readonly string[], value: unknown): TextEdit[] {
  const jsonPath = path.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return modify(text, jsonPath, value, { formattingOptions: jsonFormatting(text) }).map((e) => ({ offset: e.offset, length: e.length, newText: e.content }));
}

/** The indentation and line break a JSON file already uses. */
export function jsonFormatting(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function yamlRemoval(text: string, path: readonly string[]): TextEdit[] {
  const parsed = parseYaml(text);
  if (!parsed.ok) return [];
  const key = parsed.locator.keySpan(path);
  const value = parsed.locator.valueSpan(path);
  return key && value?.exact ? [removeYamlPair(text, key, value.span)] : [];
}

function yamlAddition(text: string, parent: readonly string[], property: string, value: unknown): TextEdit[] {
  const parsed = parseYaml(text);
  if (!parsed.ok) return [];
  const span = parent.length ? parsed.locator.valueSpan(parent) : { span: parsed.locator.rootSpan(), exact: true };
  return span?.exact && span.span ? [addYamlProperty(text, span.span, property, value)] : [];
}
