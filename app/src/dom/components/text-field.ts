/**
 * <input> and <textarea>. The value is written to the field only when the template's value changed since
 * the last render, so a re-render never disturbs what the user is typing (and, as in WeChat, setting the
 * same value again does not clear a field the page did not keep in sync).
 * Events: input `{ value, cursor }`, confirm on Enter `{ value }`, focus `{ value, height: 0 }`, blur `{ value, cursor }`.
 */
import { changed, read, readFlag, readNumber, readText, setAttributeIfChanged, toggleAttribute } from '../attributes.js';
import type { Attrs, Component, ComponentEvent } from '../component.js';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** WeChat's default maxlength is 140; -1 means no limit. */
const DEFAULT_MAX_LENGTH = 140;
const INPUT_MODES: Record<string, string> = { number: 'numeric', digit: 'decimal', idcard: 'text' };
const ENTER_KEY_HINTS = new Set(['send', 'search', 'next', 'go', 'done']);

function updateField(field: Field, next: Attrs, previous: Attrs | undefined): void {
  if (changed(next, previous, 'value')) {
    const value = readText(next, 'value');
    if (field.value !== value) field.value = value;
  }
  setAttributeIfChanged(field, 'placeholder', read(next, 'placeholder') === undefined ? null : readText(next, 'placeholder'));
  const maxLength = readNumber(next, 'maxlength', DEFAULT_MAX_LENGTH);
  setAttributeIfChanged(field, 'maxlength', maxLength >= 0 ? String(Math.floor(maxLength)) : null);
  const disabled = readFlag(next, 'disabled');
  if (field.disabled !== disabled) field.disabled = disabled;
  const confirmType = readText(next, 'confirm-type');
  setAttributeIfChanged(field, 'enterkeyhint', ENTER_KEY_HINTS.has(confirmType) ? confirmType : null);
  const wantsFocus = readFlag(next, 'focus') || (previous === undefined && readFlag(next, 'auto-focus'));
  const wanted = previous !== undefined && (readFlag(previous, 'focus') || readFlag(previous, 'auto-focus'));
  if (wantsFocus && !wanted) queueMicrotask(() => field.isConnected && field.focus());
  else if (!readFlag(next, 'focus') && previous !== undefined && readFlag(previous, 'focus') && field.ownerDocument.activeElement === field) field.blur();
}

function cursorOf(field: Field): number {
  return field.selectionEnd ?? field.value.length;
}

function translateField(event: Event, element: HTMLElement, confirmOnEnter: boolean): ComponentEvent[] {
  const field = element as Field;
  if (event.target !== field) return [];
  switch (event.type) {
    case 'input':
      return [{ type: 'input', detail: { value: field.value, cursor: cursorOf(field), keyCode: undefined } }];
    case 'keydown': {
      const key = event as KeyboardEvent;
      if (key.key !== 'Enter' || key.isComposing || !confirmOnEnter) return [];
      if (field instanceof HTMLTextAreaElement) key.preventDefault();
      return [{ type: 'confirm', detail: { value: field.value } }];
    }
    case 'focusin':
      return [{ type: 'focus', detail: { value: field.value, height: 0 } }];
    case 'focusout':
      return [{ type: 'blur', detail: { value: field.value, cursor: cursorOf(field) } }];
    default:
      return [];
  }
}

export const inputComponent: Component = {
  domTag: 'input',
  ownsContent: true,
  create: (context) => context.document.createElement('input'),
  update(element, next, previous) {
    const input = element as HTMLInputElement;
    const type = readText(next, 'type', 'text');
    const htmlType = readFlag(next, 'password') || type === 'safe-password' ? 'password' : 'text';
    if (input.type !== htmlType) input.type = htmlType;
    setAttributeIfChanged(input, 'inputmode', INPUT_MODES[type] ?? null);
    updateField(input, next, previous);
  },
  translate: (event, element) => translateField(event, element, true),
};

export const textareaComponent: Component = {
  domTag: 'textarea',
  ownsContent: true,
  create: (context) => context.document.createElement('textarea'),
  update(element, next, previous) {
    updateField(element as HTMLTextAreaElement, next, previous);
    toggleAttribute(element, 'data-tt-auto-height', readFlag(next, 'auto-height'));
  },
  // A textarea's Enter is a new line unless a confirm-type other than "return" asks for confirm.
  translate: (event, element, attrs) => translateField(event, element, ENTER_KEY_HINTS.has(readText(attrs, 'confirm-type'))),
};
