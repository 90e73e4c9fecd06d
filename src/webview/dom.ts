/**
 * Element helpers. Text goes in only as text nodes, textContent or value: never as HTML, and no
 * inline handlers or styles (the webview's CSP forbids them anyway).
 */
import { iconSvg, type IconName } from './icons';

type Child = Node | string | false | null | undefined;
type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

/** Creates an element; attributes as strings (false/undefined leave them out, true sets them empty). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(name, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== false && c !== null && c !== undefined) el.append(c);
  return el;
}

let counter = 0;

/** A document-unique id for label/aria references. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A codicon, hidden from screen readers (the button or text beside it says what it means). */
export function icon(name: IconName, extra = ''): HTMLSpanElement {
  return h(
    'span',
    { class: `codicon codicon-${name}${extra ? ' ' + extra : ''}`, 'aria-hidden': 'true' },
    iconSvg(name),
  );
}

/** A button showing only an icon; its label is both the accessible name and the tooltip. */
export function iconButton(name: IconName, label: string, onClick: () => void, extraClass = ''): HTMLButtonElement {
  const b = h(
    'button',
    { type: 'button', class: `icon-button${extraClass ? ' ' + extraClass : ''}`, 'aria-label': label, title: label },
    icon(name),
  );
  b.addEventListener('click', onClick);
  return b;
}

/** A button with an icon and a text label. */
export function textButton(
  name: IconName,
  text: string,
  onClick: () => void,
  extraClass = 'secondary',
): HTMLButtonElement {
  const b = h('button', { type: 'button', class: `text-button ${extraClass}` }, icon(name), h('span', {}, text));
  b.addEventListener('click', onClick);
  return b;
}

/** Sets or removes a boolean ARIA/HTML attribute. */
export function flag(el: Element, name: string, on: boolean, value = 'true'): void {
  if (on) el.setAttribute(name, value);
  else el.removeAttribute(name);
}

/** The first control inside an element that can take focus. */
export function firstFocusable(root: Element): HTMLElement | null {
  return root.querySelector<HTMLElement>(
    'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]):not([hidden])',
  );
}

/** Whether the element is where the keyboard is (not merely the last focus of a window that lost it). */
export function hasFocus(el: Element): boolean {
  return document.activeElement === el && document.hasFocus();
}

/** Replaces a problem list's rows only when they say something new (a live region repeats what it is given). */
export function replaceIfChanged(list: HTMLElement, rows: readonly HTMLElement[]): boolean {
  const key = rows.map((r) => r.textContent ?? '').join('\n');
  if (list.dataset['shown'] === key) return false;
  list.dataset['shown'] = key;
  list.replaceChildren(...rows);
  return true;
}

/** Grows a textarea to its content where CSS `field-sizing` is not supported. */
export function autoGrow(area: HTMLTextAreaElement): void {
  if (typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content')) return;
  const grow = (): void => {
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  };
  area.addEventListener('input', grow);
  requestAnimationFrame(grow);
}
