/**
 * The API key kept out of text meant for people: one function for the client's error text
 * (api/errors.ts `redact`) and for the CLI's net over all it prints (cli/io.ts `withoutKey`).
 */

/** What stands for the key wherever it would be shown. */
export const REDACTED = '[redacted]';

/** The shortest start of the key hidden where a value was cut (`...`) inside it. */
const MIN_PART = 4;

/** The key as written and as each output escapes it (JSON, XML with and without `&apos;`, GitHub annotation data and properties), longest first. */
function keyForms(key: string): string[] {
  const xml = key.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const data = key.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return [
    ...new Set([
      key,
      JSON.stringify(key).slice(1, -1),
      xml,
      xml.replace(/'/g, '&apos;'),
      data,
      data.replace(/:/g, '%3A').replace(/,/g, '%2C'),
    ]),
  ].sort((a, b) => b.length - a.length);
}

/**
 * A function that replaces the key with `[redacted]`: as written and in each escaped form, the
 * longest form first (so no half of an escape is left), and its start (4 characters on) right
 * before a `...`, where a value was cut inside it. Values are cut where the key is not known
 * (validation messages, plan's values), so the start is looked for here, once, for all of them.
 * `undefined` when there is no key or it is shorter than `min`: a short key cannot be told from
 * ordinary text, and how short is too short is the caller's choice.
 */
export function keyRedactor(key: string | undefined, min: number): ((text: string) => string) | undefined {
  if (!key || key.length < min) return undefined;
  const forms = keyForms(key);
  return (text) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    if (out.includes('...')) for (const form of forms) out = startCut(out, form);
    return out;
  };
}

/** `text` with the start of `form` (at least MIN_PART characters) that comes right before a `...` replaced. */
function startCut(text: string, form: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('...'); at !== -1; at = text.indexOf('...', at + 3))
    for (let n = Math.min(form.length - 1, at - from); n >= MIN_PART; n--)
      if (text.startsWith(form.slice(0, n), at - n)) {
        out += text.slice(from, at - n) + REDACTED;
        from = at;
        break;
      }
  return from === 0 ? text : out + text.slice(from);
}
