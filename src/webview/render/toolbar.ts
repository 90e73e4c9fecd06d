/** The top of the form: what is edited, the filter, Show Source, Diff, Pull, Run and Push; then the file-wide banners. */
import type { FormModel } from '../../core/form/model';
import type { FormCommand, FormProblem, FormState } from '../../core/form/protocol';
import { h, icon, replaceIfChanged, textButton } from '../dom';
import { pointerToPath } from '../paths';
import { problemRow } from './problems';

export interface ToolbarHandlers {
  filter(text: string): void;
  command(command: FormCommand): void;
}

export class Toolbar {
  readonly element: HTMLElement;
  readonly filterBox: HTMLInputElement;
  private readonly id: HTMLElement;
  private readonly format: HTMLElement;
  private readonly push: HTMLButtonElement;
  private readonly diff: HTMLButtonElement;
  private readonly pull: HTMLButtonElement;
  private readonly run: HTMLButtonElement;
  private readonly target: HTMLElement;

  private readonly kind: FormModel['kind'];

  constructor(model: FormModel, handlers: ToolbarHandlers, filter: string) {
    this.kind = model.kind;
    this.id = h('span', { class: 'toolbar-id' });
    this.format = h('span', { class: 'toolbar-format' });
    this.filterBox = h('input', {
      type: 'search',
      class: 'input filter',
      placeholder: 'Filter fields',
      'aria-label': 'Filter fields by key or title',
      spellcheck: 'false',
    });
    this.filterBox.value = filter;
    this.filterBox.addEventListener('input', () => handlers.filter(this.filterBox.value));
    this.filterBox.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.filterBox.value !== '') {
        e.preventDefault();
        this.filterBox.value = '';
        handlers.filter('');
      }
    });
    const source = textButton('go-to-file', 'Show Source', () => handlers.command('showSource'));
    this.push = textButton('cloud-upload', 'Push', () => handlers.command('push'), 'primary');
    this.push.hidden = true;
    this.push.title = 'Push this definition to Bluejay';
    this.diff = textButton('diff', 'Diff', () => handlers.command('diff'));
    this.diff.title = "Compare this file with Bluejay's copy";
    this.pull = textButton('cloud-download', 'Pull', () => handlers.command('pull'));
    this.pull.title = "Bring Bluejay's copy into this file (one undoable edit; comments kept)";
    this.run = textButton('play', 'Run', () => handlers.command('run'));
    this.run.title = 'Run this digital human in its simulations on Bluejay (results in the Testing view)';
    this.run.hidden = true;
    this.target = h('span', { class: 'toolbar-target', hidden: true });
    this.element = h(
      'header',
      { class: 'toolbar', 'aria-label': `${model.title} form` },
      h(
        'span',
        { class: 'toolbar-what' },
        h('span', { class: 'toolbar-kind' }, model.title),
        this.id,
        this.format,
        this.target,
      ),
      h('span', { class: 'filter-wrap' }, icon('filter', 'filter-icon'), this.filterBox),
      h('span', { class: 'toolbar-actions' }, source, this.diff, this.pull, this.run, this.push),
    );
  }

  update(state: FormState): void {
    this.id.textContent = state.id === null ? 'new (not created yet)' : `id ${String(state.id)}`;
    this.id.classList.toggle('is-new', state.id === null);
    this.format.textContent = state.format.toUpperCase();
    this.push.hidden = !state.canPush;
    // Diff and Pull need something on Bluejay to compare with: an id.
    this.diff.hidden = this.pull.hidden = !state.canPush || state.id === null;
    // Run: a digital human that is on Bluejay.
    this.run.hidden = !state.canPush || state.id === null || this.kind !== 'digital-human';
    this.target.hidden = state.target === undefined;
    this.target.textContent = state.target?.label ?? '';
    this.target.title = state.target
      ? `Pushes go to ${state.target.label}${state.target.production ? ' (production)' : ''}`
      : '';
    this.target.classList.toggle('is-production', state.target?.production === true);
  }
}

/** File-wide news: the text cannot be read (the form is read-only), and problems about the whole file. */
export class Banners {
  readonly element: HTMLElement;
  private readonly unreadable: HTMLElement;
  private readonly reason: HTMLElement;
  private readonly problems: HTMLElement;
  private readonly list: HTMLUListElement;

  constructor() {
    this.reason = h('span', { class: 'banner-detail' });
    this.unreadable = h(
      'div',
      { class: 'banner banner-error', role: 'alert', hidden: true },
      icon('error', 'banner-icon'),
      h(
        'div',
        {},
        h('strong', {}, 'The form is read-only until the text is fixed. '),
        h('span', {}, 'The text cannot be read as a definition: '),
        this.reason,
      ),
    );
    this.list = h('ul', { class: 'banner-list' });
    this.problems = h('div', { class: 'banner banner-problems', role: 'status', hidden: true }, this.list);
    this.element = h('div', { class: 'banners' }, this.unreadable, this.problems);
  }

  update(state: FormState, whole: readonly FormProblem[]): void {
    this.unreadable.hidden = state.unreadable === undefined && state.value !== null;
    this.reason.textContent = state.unreadable ?? 'it is not an object.';
    replaceIfChanged(
      this.list,
      whole.map((p) => {
        const row = problemRow(p);
        if (p.pointer !== '')
          row
            .querySelector('.problem-message')
            ?.prepend(h('code', { class: 'problem-where' }, pointerToPath(p.pointer).join('.')), ': ');
        return row;
      }),
    );
    this.problems.hidden = whole.length === 0;
  }
}
