/**
 * The text of the document being typed in, kept in step by applying each change to the last copy
 * (diagnostics.ts): on a 1 MB file `getText` joins 30,000 lines again, 10-30 ms a keystroke, where
 * a splice is a fraction of a millisecond. Pure, no `vscode` here: the caller says whether a
 * result agrees with the document, so the unit tests can drive it.
 */

/** One change as VS Code reports it: offsets in the text before the change. */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

export class TextMirror {
  private last: { readonly key: string; readonly version: number; readonly text: string } | undefined;

  /** The text of `key` at `version`, when that is the one kept. */
  textOf(key: string, version: number): string | undefined {
    const t = this.last;
    return t && t.key === key && t.version === version ? t.text : undefined;
  }

  /** Keeps `text` as `key`'s at `version` (only the last document's is kept). */
  set(key: string, version: number, text: string): void {
    this.last = { key, version, text };
  }

  forget(key: string): void {
    if (this.last?.key === key) this.last = undefined;
  }

  /**
   * `key` changed to `version`. A single change to the version before is applied, and kept when
   * `agrees(text, start, end)` (the caller's check against the document, around `start`..`end` of
   * the new text); anything else (several changes, a skipped version, a disagreement) drops the
   * copy, and the next reader reads the document whole. No change at all (a save) keeps it.
   */
  change(
    key: string,
    version: number,
    changes: readonly TextChange[],
    agrees: (text: string, start: number, end: number) => boolean,
  ): void {
    const t = this.last;
    if (!t || t.key !== key || changes.length === 0) return;
    this.last = undefined;
    const c = changes.length === 1 ? changes[0] : undefined;
    if (!c || t.version !== version - 1) return;
    const text = t.text.slice(0, c.rangeOffset) + c.text + t.text.slice(c.rangeOffset + c.rangeLength);
    if (agrees(text, c.rangeOffset, c.rangeOffset + c.text.length)) this.last = { key, version, text };
  }
}
