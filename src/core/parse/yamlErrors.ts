/** js-yaml's exceptions as problems a person can act on, at the spot they name. */
import { YAMLException } from 'js-yaml';
import type { SyntaxIssue } from './types';

export function yamlIssue(e: unknown, text: string, base: number): SyntaxIssue {
  if (e instanceof YAMLException) {
    const reason = e.reason || 'invalid YAML';
    if (/single document/.test(reason)) {
      const at = secondDocumentStart(text);
      return {
        code: 'multiple-documents',
        message: 'A definition file holds one YAML document; this one has more (a second `---`).',
        span: [at + base, at + base + 3],
      };
    }
    const pos = e.mark?.position ?? 0;
    const width = pos < text.length && text[pos] !== '\n' && text[pos] !== '\r' ? 1 : 0;
    const message = /tab characters/.test(reason)
      ? 'Tab characters are not allowed in YAML indentation; indent with spaces.'
      : `YAML syntax error: ${reason}.`;
    return { code: 'yaml-syntax', message, span: [pos + base, pos + base + width] };
  }
  if (e instanceof RangeError)
    return { code: 'too-deep', message: 'The YAML is nested too deeply to read.', span: [base, base] };
  return {
    code: 'yaml-syntax',
    message: `YAML could not be read: ${e instanceof Error ? e.message : String(e)}`,
    span: [base, base],
  };
}

function secondDocumentStart(text: string): number {
  const re = /^---(?=\s|$)/gm;
  let m: RegExpExecArray | null;
  let contentBefore = false;
  let last = 0;
  while ((m = re.exec(text)) !== null) {
    if (contentBefore || /^[^#\s%]/m.test(text.slice(last, m.index))) return m.index;
    contentBefore = true;
    last = m.index + 3;
  }
  return 0;
}
