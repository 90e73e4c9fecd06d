/**
 * A text box kept in step with the document without fighting the person typing in it: a state
 * that arrives while the box has focus is remembered, not shown, and applied on blur unless the
 * box has just committed (then the next state shows the result). Commits on change (blur) and on
 * Enter (Ctrl/Cmd+Enter in a multi-line box); Escape puts the document's value back.
 */
import type { FieldSpec } from '../../core/form/model';
import { flag, hasFocus } from '../dom';
import { displayText, type Presence } from '../paths';
import type { ControlHost } from './types';

/** What committing the box's text came to. */
export type Outcome = { readonly sent: true } | { readonly error: string } | { readonly revert: true };

export class Editable {
  /** The text of the document's value, as of the latest state. */
  private model = '';
  /** The text sent since the latest state, if any. */
  private sent: string | undefined;
  private invalid = false;

  constructor(
    readonly box: HTMLInputElement | HTMLTextAreaElement,
    private readonly host: ControlHost,
    private readonly commit: (text: string) => Outcome,
    multiline: boolean,
  ) {
    const el: HTMLElement = box;
    el.addEventListener('change', () => this.tryCommit());
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        if (box.value !== this.model || this.invalid) {
          e.preventDefault();
          e.stopPropagation();
          this.revert();
        }
      } else if (e.key === 'Enter' && !e.isComposing && (!multiline || e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        this.tryCommit();
      }
    });
    el.addEventListener('blur', () => {
      // Leaving the box commits it (also when the whole webview loses focus), then shows the latest state.
      this.tryCommit();
      if (this.sent === undefined && !this.invalid) box.value = this.model;
    });
  }

  /** The document's value changed (or a state arrived): show it unless the box is being edited. */
  setModel(text: string): void {
    this.model = text;
    this.sent = undefined;
    if (hasFocus(this.box) || this.invalid) return;
    if (this.box.value !== text) this.box.value = text;
  }

  private tryCommit(): void {
    const text = this.box.value;
    const bad = this.box instanceof HTMLInputElement && this.box.validity.badInput;
    if (!bad && text === (this.sent ?? this.model)) {
      this.setInvalid(undefined);
      return;
    }
    const out = this.commit(text);
    if ('sent' in out) {
      this.sent = text;
      this.setInvalid(undefined);
    } else if ('error' in out) {
      this.setInvalid(out.error);
    } else {
      this.revert();
    }
  }

  private revert(): void {
    this.box.value = this.model;
    this.setInvalid(undefined);
  }

  private setInvalid(message: string | undefined): void {
    this.invalid = message !== undefined;
    flag(this.box, 'data-local-invalid', this.invalid);
    this.host.setLocalError(message);
  }
}

/** What an empty box says: that the key is unset (and its default), or that it is null. */
export function placeholderFor(spec: FieldSpec, presence: Presence): string {
  if (presence === 'null') return 'null';
  if (presence === 'unset')
    return spec.default !== undefined && spec.default !== null
      ? `unset, default ${displayText(spec.default)}`
      : 'unset';
  return '';
}
