/**
 * Watching a Testing-view run's queued simulations (dist/api.js; only types from `vscode`, so unit
 * tests run it with fakes): every run watched at once with the core's runner, each conversation
 * reported as it ends (one report at a time per run), each file's item summed up at the end, and on
 * Cancel the conversations still running ended.
 */
import type { TestItem, Uri } from 'vscode';
import type { Clock } from '../../../core/api/pacing';
import {
  endConversations,
  unfinishedIds,
  watchRun,
  type QueuedRun,
  type ResultReport,
  type RunReport,
} from '../../../core/run/runner';
import type { Member } from '../../../core/run/target';
import type { Sender } from '../../../core/sync/push';
import type { ItemState } from './report';
import * as l10n from '@vscode/l10n';

/** What a watch reports to (the Reporter). */
export interface WatchOut {
  result(item: TestItem, uri: Uri, r: ResultReport, report: RunReport): Promise<ItemState>;
  errored(item: TestItem, text: string): void;
  skipped(item: TestItem, why?: string): void;
  summary(item: TestItem, states: readonly ItemState[], durationMs: number | undefined): void;
}

export interface WatchLeaf {
  readonly item: TestItem;
  readonly uri: Uri;
}

export interface WatchGroup<L extends WatchLeaf> {
  readonly q: QueuedRun;
  readonly members: Member<L>[];
}

export interface WatchOptions {
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly say: (r: RunReport) => void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Watches every group at once and resolves only when each is done: one group's failure (a report
 * that throws, an unexpected error) errors that group's items and never stops or orphans the others.
 */
export async function watchAll<L extends WatchLeaf>(
  out: WatchOut,
  client: Sender,
  groups: readonly WatchGroup<L>[],
  options: WatchOptions,
): Promise<void> {
  await Promise.all(
    groups.map(async (g) => {
      try {
        await watchOne(out, client, g.q, g.members, options);
      } catch (e) {
        for (const m of g.members)
          out.errored(m.ref.item, l10n.t('Run {0} could not be reported: {1}', g.q.runId, message(e)));
      }
    }),
  );
}

async function watchOne<L extends WatchLeaf>(
  out: WatchOut,
  client: Sender,
  q: QueuedRun,
  members: Member<L>[],
  { clock, signal, say }: WatchOptions,
): Promise<void> {
  const seen = new Map<string, ItemState>();
  const byDh = new Map(members.map((m) => [m.digitalHumanId, m.ref]));
  // Why a conversation could not be reported, per digital human: its file's item is errored with it.
  const failures = new Map<string, string[]>();
  let pending = Promise.resolve();
  const report = (r: RunReport, final: boolean): Promise<void> => {
    for (const x of r.results) {
      const dh = x.digitalHumanId ?? '';
      const leaf = byDh.get(dh);
      if (!leaf || seen.has(x.resultId) || (x.outcome === 'running' && !final)) continue;
      seen.set(x.resultId, 'skipped');
      // One report that fails never breaks the chain: the others are still reported.
      pending = pending
        .then(async () => void seen.set(x.resultId, await out.result(leaf.item, leaf.uri, x, r)))
        .catch((e: unknown) => {
          seen.set(x.resultId, 'errored');
          failures.set(dh, [
            ...(failures.get(dh) ?? []),
            l10n.t('Conversation {0} could not be reported: {1}', x.resultId, message(e)),
          ]);
        });
    }
    return pending;
  };
  const last = await watchRun(client, q, {
    clock,
    signal,
    onProgress: (r) => {
      say(r);
      void report(r, false);
    },
  });
  if (last.state === 'cancelled') {
    // Conversations that ended before the cancel are reported first: the run ends after this returns,
    // and a report made after its end would be dropped.
    await report(last, false);
    const ended = await endConversations(client, unfinishedIds(last, q));
    for (const m of members)
      out.skipped(
        m.ref.item,
        'error' in ended
          ? l10n.t('cancelled; the conversations could not be ended: {0}', ended.error)
          : l10n.t('cancelled; {0} conversation(s) of run {1} ended', ended.ended.length, q.runId),
      );
    return;
  }
  await report(last, true);
  for (const m of members) {
    const mine = last.results.filter((x) => x.digitalHumanId === m.digitalHumanId);
    if (last.state !== 'finished') {
      out.errored(
        m.ref.item,
        last.state === 'timeout'
          ? l10n.t("Run {0} was still going when the wait ended: look in Bluejay's app ({1}).", q.runId, last.url ?? '')
          : l10n.t('Run {0} could not be read: {1}', q.runId, last.error ?? l10n.t('unknown error')),
      );
      continue;
    }
    const failed = failures.get(m.digitalHumanId);
    if (failed) {
      out.errored(m.ref.item, failed.join('\n'));
      continue;
    }
    const total = mine.reduce((n, x) => n + (x.durationMs ?? 0), 0);
    out.summary(
      m.ref.item,
      mine.map((x) => seen.get(x.resultId) ?? 'errored'),
      total || undefined,
    );
  }
}
