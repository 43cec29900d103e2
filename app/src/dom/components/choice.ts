/**
 * <radio> / <radio-group> and <checkbox> / <checkbox-group> (WeChat-compatible family; Feishu's pages were
 * not read: inferred).
 *
 * A radio or checkbox is a `<div role="radio|checkbox">` whose first child is the drawn box
 * (`data-tt-part="icon"`), followed by its TTML children. State lives in the DOM: `data-tt-checked`
 * (and `aria-checked`), `data-tt-value`, `data-tt-disabled`. `checked` is written only when the template
 * changes it, like <switch>.
 *
 * Tapping an enabled radio checks it and unchecks the other radios of its group; the group then raises
 * `change` with `{ value: <the radio's value> }` (only when the selection changed). Tapping a checkbox
 * toggles it; its group raises `change` with `{ value: [values of the checked checkboxes, in document
 * order] }`. A radio or checkbox outside a group raises nothing (it has no events of its own).
 */
import { changed, read, readFlag, readText, setAttributeIfChanged, toggleAttribute } from '../attributes.js';
import type { Component } from '../component.js';
import { raise } from './raise.js';

type Kind = 'radio' | 'checkbox';
const GROUP: Record<Kind, string> = { radio: 'radio-group', checkbox: 'checkbox-group' };

export function isChecked(element: Element): boolean {
  return element.hasAttribute('data-tt-checked');
}

export function setChecked(element: Element, checked: boolean): void {
  toggleAttribute(element, 'data-tt-checked', checked);
  setAttributeIfChanged(element, 'aria-checked', String(checked));
}

function kindOf(element: Element): Kind | undefined {
  const tag = element.getAttribute('data-tt');
  return tag === 'radio' || tag === 'checkbox' ? tag : undefined;
}

/** The group an item belongs to: its nearest group ancestor of the matching kind. */
function groupOf(element: Element, kind: Kind): Element | null {
  return element.parentElement?.closest(`[data-tt="${GROUP[kind]}"]`) ?? null;
}

/** The items of a group that belong to it (not to a nested group of the same kind). */
export function itemsOf(group: Element, kind: Kind): Element[] {
  return [...group.querySelectorAll(`[data-tt="${kind}"]`)].filter((item) => groupOf(item, kind) === group);
}

export function radioGroupValue(group: Element): string {
  const checked = itemsOf(group, 'radio').find(isChecked);
  return checked?.getAttribute('data-tt-value') ?? '';
}

export function checkboxGroupValue(group: Element): string[] {
  return itemsOf(group, 'checkbox')
    .filter(isChecked)
    .map((item) => item.getAttribute('data-tt-value') ?? '');
}

/** What a tap on the item (or on a label pointing at it) does. */
export function activateChoice(element: Element): void {
  const kind = kindOf(element);
  if (kind === undefined || element.hasAttribute('data-tt-disabled')) return;
  const group = groupOf(element, kind);
  if (kind === 'radio') {
    if (isChecked(element)) return;
    setChecked(element, true);
    if (group === null) return;
    for (const other of itemsOf(group, 'radio')) if (other !== element) setChecked(other, false);
    raise(group, 'change', { value: radioGroupValue(group) });
    return;
  }
  setChecked(element, !isChecked(element));
  if (group !== null) raise(group, 'change', { value: checkboxGroupValue(group) });
}

function choiceComponent(kind: Kind): Component {
  return {
    domTag: 'div',
    ownsContent: false,
    create(context) {
      const element = context.document.createElement('div');
      element.setAttribute('role', kind);
      element.setAttribute('aria-checked', 'false');
      const icon = context.document.createElement('span');
      icon.setAttribute('data-tt-part', 'icon');
      element.append(icon);
      element.addEventListener('click', () => activateChoice(element));
      return element;
    },
    update(element, next, previous) {
      setAttributeIfChanged(element, 'data-tt-value', readText(next, 'value'));
      const disabled = readFlag(next, 'disabled');
      toggleAttribute(element, 'data-tt-disabled', disabled);
      setAttributeIfChanged(element, 'aria-disabled', disabled ? 'true' : null);
      if (changed(next, previous, 'checked')) {
        const checked = readFlag(next, 'checked');
        setChecked(element, checked);
        // A radio the template checks unchecks its siblings (without a change event), as a group allows one.
        if (checked && kind === 'radio') {
          queueMicrotask(() => {
            const group = groupOf(element, 'radio');
            if (group !== null && isChecked(element)) for (const other of itemsOf(group, 'radio')) if (other !== element) setChecked(other, false);
          });
        }
      }
      const icon = element.firstElementChild as HTMLElement;
      const color = read(next, 'color');
      const wanted = typeof color === 'string' ? color : '';
      if (icon.style.getPropertyValue('--tt-choice-color') !== wanted) {
        if (wanted === '') icon.style.removeProperty('--tt-choice-color');
        else icon.style.setProperty('--tt-choice-color', wanted);
      }
    },
  };
}

function groupComponent(): Component {
  return {
    domTag: 'div',
    ownsContent: false,
    create: (context) => context.document.createElement('div'),
    update: () => {},
  };
}

export const radioComponent = choiceComponent('radio');
export const checkboxComponent = choiceComponent('checkbox');
export const radioGroupComponent = groupComponent();
export const checkboxGroupComponent = groupComponent();
