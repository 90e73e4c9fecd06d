/**
 * Bluejay in VS Code's Testing view (dist/api.js, loaded on first use by testingView.ts): the items (tree.ts),
 * the profiles "Run in Bluejay" (the default) and "Push and Run in Bluejay", running a file from its
 * CodeLens or the form, simulations' names, and Show Transcript (a read-only document).
 */
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { readSimulation, simulationRequest } from '../../../core/run/api';
import { targetUri } from '../../definitions';
import type { Ctx } from '../../ctx';
import { clientFor, quietTarget } from '../sync/remoteRead';
import type { KnownResult, RecordedResult } from './report';
import { leavesOf, runLeaves, setRunClock, type RunContext } from './run';
import { generateDigitalHumans, type GenerateOutcome } from './generate';
import { fetchTranscript, renderTranscript } from './transcript';
import { TestTree } from './tree';

export const TRANSCRIPT_SCHEME = 'bluejay-transcript';

export interface RunFileOptions {
  readonly pushFirst?: boolean;
  /** Tests cancel through it. */
  readonly token?: vscode.CancellationToken;
}

export class Testing implements vscode.Disposable {
  readonly tree: TestTree;
  private readonly known = new Map<string, KnownResult>();
  private readonly run: vscode.TestRunProfile;
  private readonly pushAndRun: vscode.TestRunProfile;
  private readonly ended = new vscode.EventEmitter<RecordedResult[]>();
  /** After each run, with what it reported (tests, automation). */
  readonly onDidEndRun = this.ended.event;
  private readonly named = new Set<string>();
  /** For tests: the run's clock (undefined: the real one). */
  readonly setRunClock = setRunClock;

  constructor(
    private readonly controller: vscode.TestController,
    private readonly ctx: Ctx,
  ) {
    // messages.ts, transcript.ts and watch.ts have no `vscode` (unit-tested in Node): they translate
    // through @vscode/l10n, given the bundle VS Code loaded for the display language here.
    if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
    this.tree = new TestTree(controller, {
      onDidUpdate: ctx.diagnostics.onDidUpdate,
      enabled: () => ctx.config.validationEnabled,
      textOf: (doc) => ctx.diagnostics.textOf(doc),
    });
    this.run = controller.createRunProfile(
      vscode.l10n.t('Run in Bluejay'),
      vscode.TestRunProfileKind.Run,
      async (req, token) => void (await this.runRequest(req, token, false)),
      true,
    );
    this.pushAndRun = controller.createRunProfile(
      vscode.l10n.t('Push and Run in Bluejay'),
      vscode.TestRunProfileKind.Run,
      async (req, token) => void (await this.runRequest(req, token, true)),
      false,
    );
  }

  private get context(): RunContext {
    return { controller: this.controller, tree: this.tree, editor: this.ctx, known: this.known };
  }

  async resolve(item: vscode.TestItem | undefined): Promise<void> {
    if (item) return;
    await this.tree.load();
    void this.readNames();
  }

  /**
   * A digital-human file shown in an editor: its items (and gutter buttons) now, before the Testing
   * view is ever opened. No request is made (simulations' names are read when the view resolves).
   */
  showDocument(doc: vscode.TextDocument): void {
    this.tree.addDocument(doc);
  }

  refresh(): Promise<void> {
    return this.tree.refresh();
  }

  async runRequest(
    request: vscode.TestRunRequest,
    token: vscode.CancellationToken,
    pushFirst: boolean,
  ): Promise<RecordedResult[]> {
    await this.tree.load();
    const recorded = await runLeaves(this.context, request, leavesOf(this.context, request), token, pushFirst);
    this.ended.fire(recorded);
    return recorded;
  }

  /** Runs every item of a file (CodeLens `Run`, the form's Run button, the palette). */
  async runFile(arg: unknown, options: RunFileOptions = {}): Promise<RecordedResult[] | undefined> {
    const uri = targetUri(arg);
    await this.tree.load();
    if (uri) await vscode.workspace.openTextDocument(uri); // scanned as it opens
    const items = uri ? this.tree.itemsOf(uri) : [];
    if (!uri || items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Bluejay: open a digital-human file to run it.'));
      return undefined;
    }
    const profile = options.pushFirst ? this.pushAndRun : this.run;
    const source = options.token ? undefined : new vscode.CancellationTokenSource();
    try {
      return await this.runRequest(
        new vscode.TestRunRequest(items, undefined, profile),
        options.token ?? source?.token ?? new vscode.CancellationTokenSource().token,
        options.pushFirst === true,
      );
    } finally {
      source?.dispose();
    }
  }

  /** "Bluejay: Generate Digital Humans..." (generate.ts). */
  generate(arg?: unknown): Promise<GenerateOutcome | undefined> {
    return generateDigitalHumans(this.ctx, arg);
  }

  /** Labels the simulations by their names, read with the key already set (asks nothing). */
  private async readNames(): Promise<void> {
    if (!vscode.workspace.isTrusted) return;
    const t = await quietTarget(this.ctx.keys);
    if (!t.ok) return;
    const client = clientFor(this.ctx, t.target);
    for (const sim of this.tree.simulations().filter((s) => !this.named.has(s))) {
      this.named.add(sim);
      try {
        this.tree.setName(sim, readSimulation((await client.send(simulationRequest(sim))).data).name);
      } catch {
        // stays "Simulation N"
      }
    }
  }

  /** Show Transcript: from a message's link ({resultId}), its context menu ({test}), or the palette (a pick of the last results). */
  async showTranscript(arg: unknown): Promise<void> {
    const a = arg as { resultId?: unknown; test?: { id?: unknown } } | undefined;
    let id =
      typeof a?.resultId === 'string'
        ? a.resultId
        : typeof a?.test?.id === 'string'
          ? a.test.id.split('#').pop()
          : undefined;
    if (id === undefined || !this.known.has(id)) {
      const picks = [...this.known.values()]
        .filter((k) => k.result.transcriptUrl)
        .reverse()
        .map((k) => ({
          label: vscode.l10n.t('Conversation {0}', k.result.resultId),
          description: `${k.result.outcome} · ${vscode.workspace.asRelativePath(k.fileUri)}`,
          detail: k.run.simulationName ?? vscode.l10n.t('simulation {0}', k.run.simulationId),
          id: k.result.resultId,
        }));
      if (picks.length === 0) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'Bluejay: no conversation with a transcript yet: run a digital human from the Testing view first.',
          ),
        );
        return;
      }
      id = (
        await vscode.window.showQuickPick(picks, {
          title: vscode.l10n.t('Bluejay: Show Transcript'),
          placeHolder: vscode.l10n.t('A conversation of the last runs'),
        })
      )?.id;
      if (id === undefined) return;
    }
    const doc = await vscode.workspace.openTextDocument(
      vscode.Uri.from({ scheme: TRANSCRIPT_SCHEME, path: `/conversation-${id}.transcript`, query: id }),
    );
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  /** The transcript document's text: fetched without the key, within a size limit and a deadline. */
  async transcript(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const k = this.known.get(uri.query);
    const url = k?.result.transcriptUrl;
    if (!k || !url)
      return `${vscode.l10n.t("Conversation {0} is not among this session's results (or has no transcript): run it again from the Testing view.", uri.query)}\n`;
    const r = k.result;
    const header = [
      `Conversation ${r.resultId} · ${r.outcome}${r.status ? ` (${r.status})` : ''}`,
      `${k.run.simulationName ?? 'Simulation'} (simulation ${k.run.simulationId}), run ${k.run.runId ?? '?'} · ${vscode.workspace.asRelativePath(k.fileUri)}`,
      ...(r.startTime
        ? [`Started ${r.startTime}${r.durationMs !== null ? `, ${Math.round(r.durationMs / 1000)} s` : ''}`]
        : []),
    ].join('\n');
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      return renderTranscript(await fetchTranscript(url, { signal: abort.signal }), header);
    } catch (e) {
      return `${header}\n\n${vscode.l10n.t('The transcript could not be shown: {0}.', e instanceof Error ? e.message : String(e))}\n`;
    } finally {
      sub.dispose();
    }
  }

  dispose(): void {
    this.ended.dispose();
    this.run.dispose();
    this.pushAndRun.dispose();
    this.tree.dispose();
  }
}
