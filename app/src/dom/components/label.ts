/**
 * <label>: a tap on it acts on a control — the one whose id is `for`, else the first control inside it
 * (WeChat-compatible family: inferred). Controls: radio and checkbox (toggled as by a tap), switch
 * (toggled, with its bindchange), button (tapped), input and textarea (focused). A tap that lands on a
 * control inside the label is that control's own and the label adds nothing.
 */
import { readText } from '../attributes.js';
import type { Component } from '../component.js';
import { activateChoice } from './choice.js';

const CONTROLS = ['radio', 'checkbox', 'switch', 'button', 'input', 'textarea'];
const CONTROL_SELECTOR = CONTROLS.map((tag) => `[data-tt="${tag}"]`).join(', ');

const targets = new WeakMap<HTMLElement, string>();

function findControl(label: HTMLElement): HTMLElement | null {
  const id = targets.get(label) ?? '';
  if (id !== '') {
    const scope: ParentNode = label.closest('[data-tt="page"]') ?? label.ownerDocument;
    const target = scope.querySelector<HTMLElement>(`[id="${id.replace(/["\\]/g, '\\$&')}"]`);
    if (target === null) return null;
    return target.matches(CONTROL_SELECTOR) ? target : target.querySelector<HTMLElement>(CONTROL_SELECTOR);
  }
  return label.querySelector<HTMLElement>(CONTROL_SELECTOR);
}

function activate(control: HTMLElement): void {
  switch (control.getAttribute('data-tt')) {
    case 'radio':
    case 'checkbox':
      activateChoice(control);
      return;
    case 'switch': {
      const input = control.querySelector<HTMLInputElement>('[data-tt-part="checkbox"]');
      if (input === null || input.disabled) return;
      input.checked = !input.checked;
      // The switch's own translate turns this into its bindchange.
      input.dispatchEvent(new (control.ownerDocument.defaultView?.Event ?? Event)('change', { bubbles: true }));
      return;
    }
    case 'button':
      if (!(control as HTMLButtonElement).disabled) control.click();
      return;
    default:
      control.focus();
  }
}

export const labelComponent: Component = {
  domTag: 'div',
  ownsContent: false,
  create(context) {
    const label = context.document.createElement('div');
    label.addEventListener('click', (event) => {
      const hit = (event.target as Element).closest(CONTROL_SELECTOR);
      if (hit !== null && label.contains(hit)) return;
      const control = findControl(label);
      if (control !== null) activate(control);
    });
    return label;
  },
  update(element, next) {
    targets.set(element, readText(next, 'for'));
  },
};
