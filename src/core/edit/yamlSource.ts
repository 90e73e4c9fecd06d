/** Lines of a text, whatever its line breaks (`\n`, `\r\n`, `\r`): starts, ends, columns. */
const isBreak = (c: number): boolean => c === 10 || c === 13;

export class YamlSource {
  constructor(private readonly text: string) {}

  lineStart(offset: number): number {
    let i = offset;
    while (i > 0 && !isBreak(this.text.charCodeAt(i - 1))) i--;
    return i;
  }

  /** The offset of the line break ending the line holding `offset` (or the text's end). */
  lineEnd(offset: number): number {
    let i = offset;
    while (i < this.text.length && !isBreak(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** The start of the line after the one holding `offset` (or the text's end). */
  nextLine(offset: number): number {
    const e = this.lineEnd(offset);
    if (e >= this.text.length) return e;
    return this.text[e] === '\r' && this.text[e + 1] === '\n' ? e + 2 : e + 1;
  }

  /** The start of the line before the one starting at `lineStart`, if any. */
  prevLineStart(lineStart: number): number | undefined {
    if (lineStart === 0) return undefined;
    let e = lineStart - 1;
    if (this.text[e] === '\n' && this.text[e - 1] === '\r') e--;
    return this.lineStart(e);
  }

  line(lineStart: number): string {
    return this.text.slice(lineStart, this.lineEnd(lineStart));
  }

  /** The lines from the one holding `start` to the one holding `end`. */
  lines(start: number, end: number): string[] {
    return this.text.slice(this.lineStart(start), this.lineEnd(end)).split(/\r\n|\r|\n/);
  }

  col(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** Whether only spaces precede `offset` on its line. */
  onlyIndentBefore(offset: number): boolean {
    return /^ *$/.test(this.text.slice(this.lineStart(offset), offset));
  }

  /** `offset` moved back over white space and line breaks. */
  trimBack(offset: number): number {
    let i = offset;
    while (i > 0 && /\s/.test(this.text[i - 1] ?? '')) i--;
    return i;
  }
}
