/**
 * The push queue: one request in flight per file (a save during a push queues one more push of the
 * newest text). The push itself (pushNow.ts) loads with dist/api.js; the context (ctx.ts) hands it in.
 */
import type * as vscode from 'vscode';
import type { PushOutcome } from '../core/sync/push';

export interface PushOptions {
  readonly signal?: AbortSignal;
  readonly quiet?: boolean;
  /** The text to push (what was saved); the document's current text otherwise. */
  readonly text?: string;
  /** The target (its key slot) the person already agreed to push to, when it is production. */
  readonly confirmed?: string;
  /**
   * When Bluejay's copy changed since the file was last pushed or pulled (driftGuard.ts): `ask` (the
   * default for a push of the document's own text) lets the person choose per field, `warn` (the
   * default with `text` given: push on save) says so with actions, `fail` (the default when quiet:
   * Push All) only marks it `remote-drift`; none of them sends. `force` pushes all the same.
   */
  readonly onDrift?: DriftMode;
  /** Send a file whose values look like secrets without asking (automation); by default the person is asked. */
  readonly allowSecrets?: boolean;
}

/**
 * What a push does when Bluejay's copy changed since the baseline: ask (per field), warn, fail,
 * force, or take Bluejay's value for the fields named (pointers) and push the rest (automation).
 */
export type DriftMode = 'ask' | 'warn' | 'fail' | 'force' | { readonly take: readonly string[] };

export interface PushRun {
  readonly outcome: PushOutcome | undefined;
  /** Why nothing was sent, when nothing was. */
  readonly reason?: 'untrusted' | 'invalid' | 'pinned' | 'no-key' | 'cancelled' | 'drift' | 'secret';
}

/** One push of one document, as it is done (pushNow.ts). */
export type PushOne = (doc: vscode.TextDocument, options: PushOptions) => Promise<PushRun>;

/** The push queue: one push per file at a time, each done by `pushOne`. */
export class Pusher {
  private readonly running = new Map<string, Promise<PushRun>>();
  private readonly again = new Map<string, PushOptions>();

  constructor(private readonly pushOne: PushOne) {}

  /**
   * Pushes `doc` (or the `text` given, such as what was just saved); if a push of it is under way,
   * one more push follows it with the newest request's options. `quiet` leaves the telling to the
   * caller (bulk pushes say it once, in a summary).
   */
  push(doc: vscode.TextDocument, options: PushOptions = {}): Promise<PushRun> {
    const key = doc.uri.toString();
    const current = this.running.get(key);
    if (current) {
      this.again.set(key, options);
      return current.then(() => this.running.get(key) ?? this.push(doc, options));
    }
    const run = this.pushOne(doc, options).finally(() => {
      this.running.delete(key);
      const next = this.again.get(key);
      this.again.delete(key);
      if (next && !doc.isClosed) void this.push(doc, next);
    });
    this.running.set(key, run);
    return run;
  }
}
