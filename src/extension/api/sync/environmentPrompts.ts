/**
 * Switch Environment (behind the status bar item, statusBar.ts) and the question before a push to
 * production. In dist/api.js, loaded on first use.
 */
import type { QuickPickItem } from 'vscode';
import type { Config } from '../../config';
import type { Target } from '../../apiKeys';
import * as vscode from 'vscode';

const NONE = 'No environment';

type Choice = QuickPickItem & { readonly name?: string; readonly edit?: true };

/**
 * Switches to the environment named (automation, tests: '' for none), or to the one picked from a
 * list of them; "Edit Environments..." opens the setting. Resolves to whether it switched.
 */
export async function switchEnvironment(config: Config, arg: unknown): Promise<boolean> {
  if (typeof arg === 'string') {
    if (arg !== '' && !config.environments.some((e) => e.name === arg)) {
      void vscode.window.showErrorMessage(`Bluejay: there is no environment '${arg}'. Define it in the setting bluejay.environments.`);
      return false;
    }
    await config.setActiveEnvironment(arg || undefined);
    return true;
  }
  const active = config.activeEnvironmentName;
  const items: Choice[] = [
    ...config.environments.map((e) => ({ label: `$(${e.name === active ? 'check' : 'server-environment'}) ${e.name}`, description: e.baseUrl + (e.name === active ? ' (active)' : ''), name: e.name })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: `$(${active === undefined ? 'check' : 'circle-slash'}) ${NONE}`, description: `use bluejay.baseUrl (${config.baseUrl})`, name: '' },
    { label: '$(gear) Edit Environments...', edit: true },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Bluejay: Switch Environment', placeHolder: 'Where pushes (and the API key) go' });
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
  const again = "Push, and don't ask again this session";
  const choice = await vscode.window.showWarningMessage(
    `Push ${what} to production (${target.origin})?`,
    { modal: true, detail: `${target.name === undefined ? 'bluejay.baseUrl points at' : `'${target.name}' is`} production. The setting bluejay.confirmPushToProduction turns this question off.` },
    'Push',
    ...(session ? [again] : []),
  );
  if (choice === again) askedThisSession.add(target.slot);
  return choice === 'Push' || choice === again;
}
