/**
 * <switch> → <div> holding an <input type="checkbox"> drawn as a switch (or as a checkbox with
 * type="checkbox"). bindchange `{ value: boolean }`. `checked` is written only when the template changes it.
 */
import { changed, read, readFlag, readText, setAttributeIfChanged } from '../attributes.js';
import type { Component } from '../component.js';

function checkbox(element: HTMLElement): HTMLInputElement {
  return element.firstElementChild as HTMLInputElement;
}

export const switchComponent: Component = {
  domTag: 'div',
  ownsContent: true,
  create(context) {
    const element = context.document.createElement('div');
    const input = context.document.createElement('input');
    input.type = 'checkbox';
    input.setAttribute('data-tt-part', 'checkbox');
    const knob = context.document.createElement('span');
    knob.setAttribute('data-tt-part', 'knob');
    element.append(input, knob);
    return element;
  },
  update(element, next, previous) {
    const input = checkbox(element);
    if (changed(next, previous, 'checked')) {
      const checked = readFlag(next, 'checked');
      if (input.checked !== checked) input.checked = checked;
    }
    const disabled = readFlag(next, 'disabled');
    if (input.disabled !== disabled) input.disabled = disabled;
    setAttributeIfChanged(element, 'data-tt-type', readText(next, 'type') === 'checkbox' ? 'checkbox' : 'switch');
    const color = read(next, 'color');
    const wanted = typeof color === 'string' ? color : '';
    if (input.style.getPropertyValue('--tt-switch-color') !== wanted) {
      if (wanted === '') input.style.removeProperty('--tt-switch-color');
      else input.style.setProperty('--tt-switch-color', wanted);
    }
  },
  translate(event, element) {
    const input = checkbox(element);
    if (event.target !== input || event.type !== 'change') return [];
    return [{ type: 'change', detail: { value: input.checked } }];
  },
};
