/**
 * When a changed document is validated (diagnostics.ts): pure, on a clock the caller passes, so
 * the unit tests can drive it. No `vscode` here.
 */

/** One open document's validations: what they cost lately and when the last one ended. */
export class ValidationPace {
  private last = 0;

  /** Milliseconds to wait, from `now`, after a change before validating. */
  delay(configured: number, _now: number): number {
    // A large file waits twice as long as its last validation took, so validation never crowds typing.
    return Math.max(configured, 2 * this.last);
  }

  /** A validation ran from `started` to `ended` (milliseconds on the same clock). */
  record(started: number, ended: number): void {
    this.last = ended - started;
  }
}
