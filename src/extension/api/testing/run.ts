/**
 * A run from the Testing view (dist/api.js): the items asked for become files to run in a
 * simulation; "Push and Run" pushes them first (the Pusher); the core decides which may run
 * (refusals are errored with their code); one queue request per simulation, never repeated; the
 * runs are watched with the core's runner and reported as they end; Cancel aborts the wait and ends
 * the conversations still running. Progress shows in the status bar.
 */
import * as vscode from 'vscode';
import { realClock, type Clock } from '../../../core/api/pacing';
import { queueRun, type QueuedRun, type RunReport } from '../../../core/run/runner';
import { groupBySimulation, runTarget, type Member, type RunTarget } from '../../../core/run/target';
import type { Sender } from '../../../core/sync/push';
import { confirmPush } from '../sync/environmentPrompts';
import { requireKey } from '../sync/keyPrompts';
import type { Ctx } from '../../ctx';
import { clientFor } from '../sync/remoteRead';
import { Reporter, type KnownResult, type RecordedResult } from './report';
import { formatOf } from './scan';
import type { TestTree } from './tree';
import { watchAll } from './watch';

let clock: Clock = realClock;
/** In-host tests run against the local server on a clock that never waits (through the extension's API). */
export function setRunClock(c: Clock | undefined): void {
  clock = c ?? realClock;
}

export interface Leaf {
  readonly item: vscode.TestItem;
  readonly uri: vscode.Uri;
  readonly simulationId: string | undefined;
}

export interface RunContext {
  readonly controller: vscode.TestController;
  readonly tree: TestTree;
  readonly editor: Ctx;
  readonly known: Map<string, KnownResult>;
}

/** The file items a request names (a simulation: its files; a conversation: its file), without the excluded ones. */
export function leavesOf(ctx: RunContext, request: vscode.TestRunRequest): Leaf[] {
  const excluded = new Set((request.exclude ?? []).map((i) => i.id));
  const roots: vscode.TestItem[] = [];
  if (request.include) roots.push(...request.include);
  else ctx.controller.items.forEach((i) => roots.push(i));
  const out = new Map<string, Leaf>();
  const visit = (item: vscode.TestItem): void => {
    if (excluded.has(item.id)) return;
    const ref = ctx.tree.refOf(item);
    if (ref?.type === 'simulation') item.children.forEach(visit);
    else if (ref?.type === 'conversation') visit(ref.parent);
    else if (ref?.type === 'file') out.set(item.id, { item, uri: ref.uri, simulationId: ref.simulationId });
  };
  roots.forEach(visit);
  return [...out.values()];
}

/** Runs the leaves; `pushFirst` for "Push and Run". What was reported, for tests. */
export async function runLeaves(
  ctx: RunContext,
  request: vscode.TestRunRequest,
  leaves: readonly Leaf[],
  token: vscode.CancellationToken,
  pushFirst: boolean,
): Promise<RecordedResult[]> {
  const run = ctx.controller.createTestRun(
    request,
    pushFirst ? vscode.l10n.t('Push and Run in Bluejay') : vscode.l10n.t('Run in Bluejay'),
  );
  const out = new Reporter(run, ctx.tree, ctx.known);
  const abort = new AbortController();
  const cancel = token.onCancellationRequested(() => abort.abort());
  try {
    leaves.forEach((l) => run.enqueued(l.item));
    if (!vscode.workspace.isTrusted) {
      leaves.forEach((l) =>
        out.errored(
          l.item,
          vscode.l10n.t('Running simulations is disabled in an untrusted workspace: trust the workspace to run.'),
        ),
      );
      return out.recorded;
    }
    const target = leaves.length ? await requireKey(ctx.editor.keys) : undefined;
    if (!target) {
      leaves.forEach((l) =>
        out.errored(l.item, vscode.l10n.t('Not run: no API key is set for Bluejay (Bluejay: Set API Key).')),
      );
      return out.recorded;
    }
    const client = clientFor(ctx.editor, target);
    const pushed = pushFirst ? await pushAll(ctx, leaves, target, abort.signal) : new Map<string, string>();
    const runnable: { target: RunTarget; ref: Leaf }[] = [];
    for (const leaf of leaves) {
      if (abort.signal.aborted) break;
      const failure = pushed.get(leaf.uri.toString());
      if (failure) {
        out.errored(leaf.item, failure, new vscode.Location(leaf.uri, new vscode.Position(0, 0)));
        continue;
      }
      const t = await targetOf(leaf, client, abort.signal);
      if (t.action === 'run') runnable.push({ target: t, ref: leaf });
      else if (t.action === 'skipped') out.skipped(leaf.item, vscode.l10n.t('a persona is not run'));
      else out.refused(leaf.item, leaf.uri, t.problems);
    }
    await runGroups(ctx, run, out, client, groupBySimulation(runnable), abort.signal);
    // A file whose id another file of the run also has is run once, for the first.
    for (const { ref } of runnable)
      if (!out.recorded.some((r) => r.itemId === ref.item.id))
        out.skipped(
          ref.item,
          abort.signal.aborted ? vscode.l10n.t('cancelled') : vscode.l10n.t('another file of this run has the same id'),
        );
    if (abort.signal.aborted)
      for (const l of leaves)
        if (!out.recorded.some((r) => r.itemId === l.item.id)) out.skipped(l.item, vscode.l10n.t('cancelled'));
    return out.recorded;
  } finally {
    cancel.dispose();
    run.end();
  }
}

async function targetOf(leaf: Leaf, client: Sender, signal: AbortSignal): Promise<RunTarget> {
  const doc = await vscode.workspace.openTextDocument(leaf.uri);
  return runTarget(doc.getText(), leaf.uri.path, client, {
    format: formatOf(leaf.uri.path, doc.languageId),
    signal,
    ...(leaf.simulationId !== undefined && { simulation: leaf.simulationId }),
  });
}

/** Push and Run: each file pushed once (production asked once); a failed push is why that file is not run. */
async function pushAll(
  ctx: RunContext,
  leaves: readonly Leaf[],
  target: { slot: string } & Parameters<typeof confirmPush>[0],
  signal: AbortSignal,
): Promise<Map<string, string>> {
  const uris = [...new Map(leaves.map((l) => [l.uri.toString(), l.uri])).values()];
  const failures = new Map<string, string>();
  if (
    !(await confirmPush(
      target,
      uris.length === 1 ? vscode.l10n.t('1 digital human') : vscode.l10n.t('{0} digital humans', uris.length),
    ))
  ) {
    for (const u of uris)
      failures.set(u.toString(), vscode.l10n.t('Not run: the push to production was not confirmed.'));
    return failures;
  }
  for (const uri of uris) {
    if (signal.aborted) break;
    const push = await ctx.editor.pusher.push(await vscode.workspace.openTextDocument(uri), {
      signal,
      quiet: true,
      confirmed: target.slot,
    });
    const o = push.outcome;
    const first = o?.problems.find((p) => p.severity === 'error');
    if (push.reason === 'drift')
      failures.set(
        uri.toString(),
        `remote-drift: ${vscode.l10n.t("Not run: Bluejay's copy changed since this file was last pushed or pulled. Diff or Pull it first, then Push and Run.")}`,
      );
    else if (push.reason)
      failures.set(
        uri.toString(),
        push.reason === 'invalid'
          ? vscode.l10n.t('Not run: the push did not happen ({0}). Fix the errors in Problems first.', push.reason)
          : vscode.l10n.t('Not run: the push did not happen ({0}).', push.reason),
      );
    else if (o?.action === 'failed')
      failures.set(
        uri.toString(),
        vscode.l10n.t(
          'Not run: the push failed: {0}',
          first ? `${first.code}: ${first.message}` : vscode.l10n.t('see Problems'),
        ),
      );
  }
  return failures;
}

/** One queue request per simulation (one after the other, never repeated), then every run watched at once. */
async function runGroups(
  ctx: RunContext,
  run: vscode.TestRun,
  out: Reporter,
  client: Sender,
  groups: Map<string, Member<Leaf>[]>,
  signal: AbortSignal,
): Promise<void> {
  const queued: { q: QueuedRun; members: Member<Leaf>[] }[] = [];
  for (const [simulationId, members] of groups) {
    if (signal.aborted) break;
    members.forEach((m) => out.started(m.ref.item));
    const q = await queueRun(
      client,
      simulationId,
      members.map((m) => m.digitalHumanId),
      signal,
    );
    if (!('resultIds' in q)) {
      // Cancelled while the queue request was on its way: the core ended the run it made.
      if (q.state === 'cancelled')
        members.forEach((m) => out.skipped(m.ref.item, q.error ?? vscode.l10n.t('cancelled')));
      else
        members.forEach((m) =>
          out.errored(m.ref.item, q.error ?? vscode.l10n.t('Simulation {0} was not queued.', simulationId)),
        );
      continue;
    }
    ctx.tree.setName(simulationId, q.simulationName);
    // This run's conversations replace those of the last one.
    members.forEach((m) => m.ref.item.children.replace([]));
    run.appendOutput(
      `${members.length === 1 ? vscode.l10n.t('Queued simulation {0} (run {1}) for 1 digital human', simulationId, q.runId) : vscode.l10n.t('Queued simulation {0} (run {1}) for {2} digital humans', simulationId, q.runId, members.length)}\r\n`,
    );
    queued.push({ q, members });
  }
  if (queued.length === 0) return;
  // The product's name, not translated.
  // eslint-disable-next-line no-restricted-syntax
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Bluejay' }, async (progress) => {
    const done = new Map<string, string>();
    const say = (r: RunReport): void => {
      done.set(
        r.simulationId,
        `${r.simulationName ?? vscode.l10n.t('simulation {0}', r.simulationId)} ${r.results.filter((x) => x.outcome !== 'running').length}/${r.total}`,
      );
      progress.report({ message: vscode.l10n.t('running {0}', [...done.values()].join(', ')) });
    };
    await watchAll(out, client, queued, { clock, signal, say });
  });
}
