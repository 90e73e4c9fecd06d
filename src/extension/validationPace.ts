/**
 * When a changed document is validated (diagnostics.ts): pure, on a clock the caller passes, so
 * the unit tests can drive it. No `vscode` here.
 *
 * A change is validated `configured` ms after it (the setting), and, for a file whose validation
 * is slow, not before as long again as one validation takes has passed since the last one ended:
 * while typing, validation takes at most half of the extension host, and an edit after a pause
 * waits the configured delay alone. (Before, every edit waited twice the last validation's time,
 * pause or not, and one slow run, a GC pause, doubled the wait of the next edit.)
 */

/** How many recent validations the cost estimate looks at (their median: one outlier is ignored). */
const KEPT = 3;

/** One open document's validations: what they cost lately and when the last one ended. */
export class ValidationPace {
  private readonly costs: number[] = [];
  private ended = -Infinity;

  /** What a validation of this document costs, as far as the last few tell (0 before the first). */
  get cost(): number {
    const s = [...this.costs].sort((a, b) => a - b);
    return s[(s.length - 1) >> 1] ?? 0; // of two, the smaller: one slow run is not the cost
  }

  /** Milliseconds to wait, from `now`, after a change before validating. */
  delay(configured: number, now: number): number {
    return Math.max(configured, this.ended + this.cost - now, 0);
  }

  /** A validation ran from `started` to `ended` (milliseconds on the same clock). */
  record(started: number, ended: number): void {
    this.costs.push(Math.max(0, ended - started));
    if (this.costs.length > KEPT) this.costs.shift();
    this.ended = ended;
  }
}
