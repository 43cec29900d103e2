/**
 * <slider> → <div> holding an <input type="range"> and, with show-value, the value. bindchanging fires
 * while dragging (the range's input events), bindchange on release (its change event), both `{ value }`.
 */
import { changed, read, readFlag, readNumber, toggleAttribute } from '../attributes.js';
import type { Component } from '../component.js';

function parts(element: HTMLElement): { range: HTMLInputElement; value: HTMLElement } {
  return { range: element.firstElementChild as HTMLInputElement, value: element.lastElementChild as HTMLElement };
}

export const sliderComponent: Component = {
  domTag: 'div',
  ownsContent: true,
  create(context) {
    const element = context.document.createElement('div');
    const range = context.document.createElement('input');
    range.type = 'range';
    range.setAttribute('data-tt-part', 'range');
    const value = context.document.createElement('span');
    value.setAttribute('data-tt-part', 'value');
    element.append(range, value);
    return element;
  },
  update(element, next, previous) {
    const { range, value } = parts(element);
    const min = readNumber(next, 'min', 0);
    const max = readNumber(next, 'max', 100);
    const step = readNumber(next, 'step', 1);
    if (range.min !== String(min)) range.min = String(min);
    if (range.max !== String(max)) range.max = String(max);
    if (range.step !== String(step)) range.step = String(step);
    if (changed(next, previous, 'value') || changed(next, previous, 'min') || changed(next, previous, 'max')) {
      const wanted = String(Math.min(max, Math.max(min, readNumber(next, 'value', min))));
      if (range.value !== wanted) range.value = wanted;
    }
    const disabled = readFlag(next, 'disabled');
    if (range.disabled !== disabled) range.disabled = disabled;
    const color = read(next, 'active-color') ?? read(next, 'selected-color');
    const accent = typeof color === 'string' ? color : '';
    if (range.style.accentColor !== accent) range.style.accentColor = accent;
    toggleAttribute(element, 'data-tt-show-value', readFlag(next, 'show-value'));
    if (value.textContent !== range.value) value.textContent = range.value;
  },
  translate(event, element) {
    const { range, value } = parts(element);
    if (event.target !== range) return [];
    const current = Number(range.value);
    value.textContent = range.value;
    if (event.type === 'input') return [{ type: 'changing', detail: { value: current } }];
    if (event.type === 'change') return [{ type: 'change', detail: { value: current } }];
    return [];
  },
};
