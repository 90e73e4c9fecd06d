/**
 * Switch Environment (behind the status bar item, statusBar.ts) and the question before a push to
 * production. In dist/api.js, loaded on first use.
 */
import type { QuickPickItem } from 'vscode';
import type { Config } from '../../config';
import type { Target } from '../../apiKeys';
import * as vscode from 'vscode';

type Choice = QuickPickItem & { readonly name?: string; readonly edit?: true };

/**
 * Switches to the environment named (automation, tests: '' for none), or to the one picked from a
 * list of them; "Edit Environments..." opens the setting. Resolves to whether it switched.
 */
export async function switchEnvironment(config: Config, arg: unknown): Promise<boolean> {
  if (typeof arg === 'string') {
    if (arg !== '' && !config.environments.some((e) => e.name === arg)) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t("Bluejay: there is no environment '{0}'. Define it in the setting bluejay.environments.", arg),
      );
      return false;
    }
    await config.setActiveEnvironment(arg || undefined);
    return true;
  }
  const active = config.activeEnvironmentName;
  const items: Choice[] = [
    ...config.environments.map((e) => ({
      label: `$(${e.name === active ? 'check' : 'server-environment'}) ${e.name}`,
      description: e.name === active ? vscode.l10n.t('{0} (active)', e.baseUrl) : e.baseUrl,
      name: e.name,
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    {
      label: `$(${active === undefined ? 'check' : 'circle-slash'}) ${vscode.l10n.t('No environment')}`,
      description: vscode.l10n.t('use bluejay.baseUrl ({0})', config.baseUrl),
      name: '',
    },
    { label: vscode.l10n.t('$(gear) Edit Environments...'), edit: true },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Bluejay: Switch Environment'),
    placeHolder: vscode.l10n.t('Where pushes (and the API key) go'),
  });
  if (!picked) return false;
  if (picked.edit) {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'bluejay.environments');
    return false;
  }
  await config.setActiveEnvironment(picked.name || undefined);
  return true;
}

/** Targets whose pushes on save the person said not to ask about again, until the window closes. */
const askedThisSession = new Set<string>();

/**
 * Asks (modal) before `what` ("billing.persona.yaml", "3 definitions") goes to production, when
 * the target says so. `session` offers not to ask again for this target (push on save).
 */
export async function confirmPush(target: Target, what: string, session = false): Promise<boolean> {
  if (!target.confirm || (session && askedThisSession.has(target.slot))) return true;
  const again = vscode.l10n.t("Push, and don't ask again this session");
  const push = vscode.l10n.t('Push');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Push {0} to production ({1})?', what, target.origin),
    {
      modal: true,
      detail:
        target.name === undefined
          ? vscode.l10n.t(
              'bluejay.baseUrl points at production. The setting bluejay.confirmPushToProduction turns this question off.',
            )
          : vscode.l10n.t(
              "'{0}' is production. The setting bluejay.confirmPushToProduction turns this question off.",
              target.name,
            ),
    },
    push,
    ...(session ? [again] : []),
  );
  if (choice === again) askedThisSession.add(target.slot);
  return choice === push || choice === again;
}
