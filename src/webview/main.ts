/**
 * The form editor's webview: messaging and state. The host sends the model and the document's
 * state (`init`, as soon as it has it, even before this page has loaded), then what changed after
 * every change of the text (`patch`: the top-level fields that changed; `state`: all of it); the
 * form is built once per `init` and updated in place after. A page that gets a patch or state
 * without its form asks again (`inbox.ts`). Every change the person makes is one `edit` with the
 * version of the state it was made on; the file stays the single source of truth.
 */
import type { FormState, WebviewMessage } from '../core/form/protocol';
import { expanded, isHostMessage, patched } from '../core/form/protocol';
import { Inbox } from './inbox';
import { makeField } from './render/field';
import { createControl } from './render/controls';
import { FormView, type UiState } from './render/form';
import type { Ctx } from './render/types';
import type { EditOp } from '../core/edit/types';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// Marks the form bench reads: when the script ran and when the state arrived.
performance.mark('bluejay-script');
const vscode = acquireVsCodeApi();
let view: FormView | undefined;
let state: FormState | undefined;
const inbox = new Inbox();

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

const ctx: Ctx = {
  send(edit: EditOp) {
    if (!state || state.value === null || state.unreadable !== undefined) return;
    post({ type: 'edit', version: state.version, edit });
  },
  more(path, from) {
    const [key] = path;
    if (path.length === 1 && key !== undefined) post({ type: 'more', key, from });
  },
  field: (spec, path) => makeField(spec, path, ctx),
  control: (spec, path, host) => createControl(spec, path, ctx, host),
};

function savedUi(): UiState {
  const s = vscode.getState();
  if (s === null || typeof s !== 'object') return { filter: '', closed: [] };
  const { filter, closed } = s as { filter?: unknown; closed?: unknown };
  return {
    filter: typeof filter === 'string' ? filter : '',
    closed: Array.isArray(closed) ? closed.filter((c): c is string => typeof c === 'string') : [],
  };
}

/** Where the form goes: the page's #app. A form is no live region: each value it updates would be read out. */
function root(): HTMLElement {
  const app = document.getElementById('app') ?? document.body;
  app.removeAttribute('aria-live');
  return app;
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) return;
  const step = inbox.take(message.type);
  if (step === 'ask') post({ type: 'ready' });
  if (step === 'ask' || step === 'wait') return;
  if (message.type === 'init') {
    performance.mark('bluejay-init');
    view = new FormView(
      message.model,
      ctx,
      (command) => post({ type: 'command', command }),
      savedUi(),
      (ui) => vscode.setState(ui),
    );
    root().replaceChildren(view.element);
  }
  if (message.type === 'patch') {
    // Patches come in order, each against the value the one before left.
    if (!state?.value) return;
    state = { ...message.state, value: patched(state.value, message.patch, message.state.cuts) };
  } else {
    // An older state than the one shown (messages crossing) is not worth a flicker back.
    if (message.type === 'state' && state && message.state.version < state.version) return;
    state = message.state.value
      ? { ...message.state, value: expanded(message.state.value, message.state.cuts) }
      : message.state;
  }
  view?.setState(state);
});

post({ type: 'ready' });
