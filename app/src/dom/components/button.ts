/**
 * <button> → <button type="button">. type primary/default/warn, size mini, plain and loading become
 * data-tt-* attributes styled by the component stylesheet; disabled is the DOM's, so a disabled button
 * gets no tap (assumed: Feishu documents no tap on a disabled button).
 */
import { readFlag, readText, setAttributeIfChanged, toggleAttribute } from '../attributes.js';
import type { Component } from '../component.js';

const TYPES = new Set(['primary', 'default', 'warn']);

export const buttonComponent: Component = {
  domTag: 'button',
  ownsContent: false,
  create(context) {
    const button = context.document.createElement('button');
    button.type = 'button';
    return button;
  },
  update(element, next) {
    const button = element as HTMLButtonElement;
    const type = readText(next, 'type');
    setAttributeIfChanged(button, 'data-tt-type', TYPES.has(type) ? type : 'default');
    setAttributeIfChanged(button, 'data-tt-size', readText(next, 'size') === 'mini' ? 'mini' : null);
    toggleAttribute(button, 'data-tt-plain', readFlag(next, 'plain'));
    toggleAttribute(button, 'data-tt-loading', readFlag(next, 'loading'));
    const disabled = readFlag(next, 'disabled');
    if (button.disabled !== disabled) button.disabled = disabled;
  },
};
