/**
 * The whole form, built once from the model: the toolbar, the banners, and a collapsible section
 * per group with its fields in model order. A state updates every field in place.
 */
import type { FormGroup, FormModel } from '../../core/form/model';
import type { FormState } from '../../core/form/protocol';
import { h, icon, uid } from '../dom';
import { childOf, fieldMatches, pointerToPath } from '../paths';
import { distribute } from './problems';
import { Banners, Toolbar, type ToolbarHandlers } from './toolbar';
import type { Ctx, FieldNode } from './types';

/** What the webview remembers across reloads (vscode.setState). */
export interface UiState {
  readonly filter: string;
  readonly closed: readonly string[];
}

interface Section {
  readonly group: FormGroup;
  readonly details: HTMLDetailsElement;
  readonly badge: HTMLElement;
  /** Its fields; empty until the section is built (the first ones at once, the rest after the first paint). */
  nodes: readonly FieldNode[];
  build(): void;
}

/** How many sections are built before the form is first painted (those on screen at the top). */
const EAGER = 2;

export class FormView {
  readonly element: HTMLElement;
  private readonly toolbar: Toolbar;
  private readonly banners = new Banners();
  private readonly body: HTMLFieldSetElement;
  private readonly sections: Section[];
  private readonly noMatch = h('p', { class: 'no-match', hidden: true, role: 'status' });
  private filter: string;
  /** The value last shown, to tell which fields a patch left as they were. */
  private value: FormState['value'] = null;
  /** The groups closed by hand; while filtering, groups with matches are opened without forgetting this. */
  private readonly closed: Set<string>;
  /** The state last shown, for the sections built after it. */
  private state: FormState | undefined;

  constructor(
    model: FormModel,
    ctx: Ctx,
    command: ToolbarHandlers['command'],
    ui: UiState,
    private readonly saveUi: (ui: UiState) => void,
  ) {
    this.filter = ui.filter;
    this.closed = new Set(ui.closed);
    this.toolbar = new Toolbar(model, { command, filter: (text) => this.setFilter(text) }, ui.filter);
    this.sections = model.groups.map((g, i) => this.section(g, ctx, i < EAGER));
    this.body = h(
      'fieldset',
      { class: 'form-body' },
      h('legend', { class: 'visually-hidden' }, model.title),
      ...this.sections.map((s) => s.details),
      this.noMatch,
    );
    this.element = h(
      'div',
      { class: 'form' },
      this.toolbar.element,
      h('main', { class: 'form-main' }, this.banners.element, this.body),
    );
    this.applyFilter();
    // What is on screen first: the sections below are built once the first ones are painted
    // (a timer set in an animation frame runs after that frame's paint).
    requestAnimationFrame(() => setTimeout(() => this.buildRest(), 0));
  }

  private buildRest(): void {
    for (const s of this.sections) s.build();
    this.applyFilter();
    // Every field, the new ones included, shows the state (identity no longer tells what is new).
    this.value = null;
    if (this.state) this.setState(this.state);
  }

  setState(state: FormState): void {
    this.state = state;
    this.toolbar.update(state);
    const readable = state.value !== null && state.unreadable === undefined;
    this.body.disabled = !readable;
    this.body.classList.toggle('is-readonly', !readable);
    if (state.value !== null) {
      const before = this.value;
      for (const s of this.sections) {
        for (const n of s.nodes) {
          const c = childOf(state.value, n.spec.key);
          // A patch keeps an unchanged list or object as the very same one: nothing to redraw.
          if (
            before &&
            c.value !== null &&
            typeof c.value === 'object' &&
            childOf(before, n.spec.key).value === c.value
          )
            continue;
          n.update(c.value, c.present);
        }
      }
    }
    this.value = state.value;
    // Problems of sections not built yet wait for them (they are counted on the section's title).
    const waiting = new Set(
      this.sections.filter((s) => s.nodes.length === 0).flatMap((s) => s.group.fields.map((f) => f.key)),
    );
    const problems = waiting.size
      ? state.problems.filter((p) => !waiting.has(pointerToPath(p.pointer)[0] ?? ''))
      : state.problems;
    const whole = distribute(
      this.sections.flatMap((s) => s.nodes),
      problems,
    );
    this.banners.update(state, whole);
    this.countProblems(state);
  }

  private section(group: FormGroup, ctx: Ctx, eager: boolean): Section {
    const titleId = uid('group');
    const badge = h('span', { class: 'group-badge', hidden: true });
    const fields = h('div', { class: 'fields top' });
    const details = h(
      'details',
      { class: 'group', role: 'group', 'aria-labelledby': titleId, 'data-group': group.id },
      h(
        'summary',
        { class: 'group-summary' },
        icon('chevron-right', 'group-chevron'),
        h('span', { class: 'group-title', id: titleId }, group.title),
        badge,
      ),
      fields,
    );
    details.open = !this.closed.has(group.id);
    details.addEventListener('toggle', () => {
      if (this.filter.trim() !== '') return;
      if (details.open) this.closed.delete(group.id);
      else this.closed.add(group.id);
      this.save();
    });
    const section: Section = {
      group,
      details,
      badge,
      nodes: [],
      build() {
        if (section.nodes.length || !group.fields.length) return;
        section.nodes = group.fields.map((f) => ctx.field(f, [f.key]));
        fields.append(...section.nodes.map((n) => n.element));
      },
    };
    if (eager) section.build();
    return section;
  }

  private setFilter(text: string): void {
    this.filter = text;
    this.applyFilter();
    this.save();
  }

  private applyFilter(): void {
    const filtering = this.filter.trim() !== '';
    let any = false;
    for (const s of this.sections) {
      let matches = 0;
      for (const f of s.group.fields) if (fieldMatches(f, this.filter)) matches++;
      for (const n of s.nodes) n.element.hidden = !fieldMatches(n.spec, this.filter);
      s.details.hidden = matches === 0;
      s.details.open = filtering ? matches > 0 : !this.closed.has(s.group.id);
      any ||= matches > 0;
    }
    this.noMatch.hidden = any;
    this.noMatch.textContent = any ? '' : `No field's key or title contains “${this.filter.trim()}”.`;
  }

  /** A count on each group's title of the errors and warnings inside, visible even when it is closed. */
  private countProblems(state: FormState): void {
    const groupOf = new Map<string, Section>();
    for (const s of this.sections) for (const f of s.group.fields) groupOf.set(f.key, s);
    const counts = new Map<Section, { n: number; error: boolean }>();
    for (const p of state.problems) {
      const s = groupOf.get(pointerToPath(p.pointer)[0] ?? '');
      if (!s || p.severity === 'information') continue;
      const c = counts.get(s) ?? { n: 0, error: false };
      counts.set(s, { n: c.n + 1, error: c.error || p.severity === 'error' });
    }
    for (const s of this.sections) {
      const c = counts.get(s);
      s.badge.hidden = !c;
      s.badge.textContent = c ? String(c.n) : '';
      s.badge.className = `group-badge${c?.error ? ' is-error' : ' is-warning'}`;
      s.badge.title = c ? `${c.n} problem${c.n === 1 ? '' : 's'} in ${s.group.title}` : '';
      if (c) s.badge.setAttribute('aria-label', s.badge.title);
      else s.badge.removeAttribute('aria-label');
    }
  }

  private save(): void {
    this.saveUi({ filter: this.filter, closed: [...this.closed] });
  }
}
