/**
 * Quick fixes for problems: replace a value with an allowed one, clamp a number, rename or remove
 * an unknown key, add a missing property. Each is made by the one edit engine (core/edit), with the
 * form's guarantees: one minimal edit, read back and checked, comments, key order and quoting kept.
 */
import { applyEdits } from '../edit/apply';
import { editsFor } from '../edit/engine';
import type { EditOp, TextEdit } from '../edit/types';
import { assign, at, sameValue } from '../edit/values';
import { doubleQuoted, keyText } from '../edit/yamlWrite';
import type { Format, Kind } from '../kinds';
import { parseText } from '../parse/memo';
import { fromPointer, type Problem } from '../problem';
import { schemaAtPath, typesOf } from '../schema/lookup';
import { LineMap } from '../text';
import { isRecord } from '../record';

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
}

const MAX_CHOICES = 12;

export function quickFixes(text: string, format: Format, kind: Kind | undefined, problem: Problem): QuickFix[] {
  const hint = problem.fix;
  if (!hint) return [];
  const path = fromPointer(problem.pointer);
  const fix = (title: string, op: EditOp, preferred: boolean): QuickFix[] => {
    const r = editsFor(text, format, op);
    return r.ok && r.edits.length ? [{ title, edits: r.edits, preferred }] : [];
  };
  switch (hint.kind) {
    case 'replace': {
      const ordered = hint.preferred
        ? [hint.preferred, ...hint.values.filter((v) => v !== hint.preferred)]
        : [...hint.values];
      return ordered
        .slice(0, MAX_CHOICES)
        .flatMap((v) => fix(`Change to '${v}'`, { op: 'set', path, value: v }, v === hint.preferred));
    }
    case 'clamp':
      return fix(`Change to ${hint.value}`, { op: 'set', path, value: hint.value }, true);
    case 'unknown-key': {
      const key = path[path.length - 1] ?? '';
      const fixes: QuickFix[] = [];
      const rename = hint.rename === undefined ? undefined : renameKey(text, format, problem, hint.rename);
      if (hint.rename !== undefined && rename)
        fixes.push({ title: `Rename '${key}' to '${hint.rename}'`, edits: [rename], preferred: true });
      fixes.push(...fix(`Remove '${key}'`, { op: 'unset', path }, fixes.length === 0));
      return fixes;
    }
    case 'add':
      return fix(
        `Add '${hint.property}'`,
        { op: 'set', path: [...path, hint.property], value: placeholder(kind, [...path, hint.property]) },
        true,
      );
  }
}

/**
 * Renames the key the problem marks, written the way it was (quoted or plain), checked by reading
 * the text back: the same value with that one key renamed, in its place. Undefined when it would not.
 */
function renameKey(text: string, format: Format, problem: Problem, to: string): TextEdit | undefined {
  const lines = new LineMap(text);
  const start = lines.lineStart(problem.range.start.line) + problem.range.start.character;
  const end = lines.lineStart(problem.range.end.line) + problem.range.end.character;
  const current = text.slice(start, end);
  const q = current[0];
  const newText =
    format === 'json' || q === '"' ? doubleQuoted(to) : q === "'" ? `'${to.replace(/'/g, "''")}'` : keyText(to);
  const edit = { offset: start, length: end - start, newText };
  const path = fromPointer(problem.pointer);
  const before = parseText(text, format);
  const after = parseText(applyEdits(text, [edit]), format);
  if (!before.ok || !after.ok || after.issues.length) return undefined;
  const parent = path.slice(0, -1);
  const old = at(before.value, parent).value;
  const got = at(after.value, parent).value;
  if (!isRecord(old) || !isRecord(got)) return undefined;
  const from = path[path.length - 1] ?? '';
  const expected = Object.fromEntries(Object.entries(old).map(([k, v]) => [k === from ? to : k, v]));
  const sameOrder = Object.keys(got).join('\u0000') === Object.keys(expected).join('\u0000');
  const whole = assign(before.value, parent, expected);
  return sameOrder && whole.ok && sameValue(whole.value, after.value) ? edit : undefined;
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
  if (t.includes('integer') || t.includes('number'))
    return s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 0);
  if (t.includes('array')) return [];
  if (t.includes('object')) return {};
  return '';
}
