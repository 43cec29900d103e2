/**
 * <form> and what a `<button form-type="submit|reset">` inside it does (WeChat-compatible family: inferred;
 * Feishu's form page was not read).
 *
 * Submit: `bindsubmit` gets `{ value: { [name]: value } }` with every named field inside the form (not in a
 * nested form): input / textarea (string), switch (boolean), slider (number), picker (index, index array,
 * or the time / date string), radio-group (the checked value or ''), checkbox-group (array of checked
 * values). Reset: every field goes back to its blank value ('' / false / the slider's min / no radio or
 * checkbox checked / picker 0, zeros or '') and `bindreset` gets `{}` — the blank values follow the
 * WeChat family's open implementations (uni-app's copies of WeChat's components): assumed for Feishu.
 *
 * The event delegation calls `formAction` for each tap, as it asks navigator.ts about navigation.
 */
import { toText } from '../../ttml/text.js';
import { readText } from '../attributes.js';
import type { MountedElement } from '../mounted.js';
import { checkboxGroupValue, itemsOf, radioGroupValue, setChecked } from './choice.js';
import { pickerField } from './picker.js';
import { plainComponent } from './plain.js';

export interface FormField {
  value(element: HTMLElement): unknown;
  reset(element: HTMLElement): void;
}

function part<T extends Element>(element: HTMLElement, name: string): T | null {
  for (const child of element.children) if (child.getAttribute('data-tt-part') === name) return child as T;
  return null;
}

const textField: FormField = {
  value: (element) => (element as HTMLInputElement).value,
  reset: (element) => {
    (element as HTMLInputElement).value = '';
  },
};

/** TTML tag → how a form reads and resets it (the DOM structure each component draws). */
const FIELDS: Readonly<Record<string, FormField>> = {
  input: textField,
  textarea: textField,
  switch: {
    value: (element) => part<HTMLInputElement>(element, 'checkbox')?.checked ?? false,
    reset: (element) => {
      const input = part<HTMLInputElement>(element, 'checkbox');
      if (input) input.checked = false;
    },
  },
  slider: {
    value: (element) => Number(part<HTMLInputElement>(element, 'range')?.value ?? 0),
    reset: (element) => {
      const range = part<HTMLInputElement>(element, 'range');
      if (!range) return;
      range.value = range.min;
      const shown = part<HTMLElement>(element, 'value');
      if (shown) shown.textContent = range.value;
    },
  },
  picker: pickerField,
  'radio-group': {
    value: radioGroupValue,
    reset: (element) => itemsOf(element, 'radio').forEach((item) => setChecked(item, false)),
  },
  'checkbox-group': {
    value: checkboxGroupValue,
    reset: (element) => itemsOf(element, 'checkbox').forEach((item) => setChecked(item, false)),
  },
};

export const formComponent = plainComponent('form');

type Lookup = (element: Element) => MountedElement | undefined;

/** The named fields of a form (those whose nearest form is this one), in document order. */
function fieldsOf(form: HTMLElement, lookup: Lookup): { element: HTMLElement; name: string; field: FormField }[] {
  const fields: { element: HTMLElement; name: string; field: FormField }[] = [];
  for (const element of form.querySelectorAll<HTMLElement>('[data-tt]')) {
    const field = FIELDS[element.getAttribute('data-tt') ?? ''];
    if (field === undefined || element.parentElement?.closest('[data-tt="form"]') !== form) continue;
    const name = toText(lookup(element)?.vnode.attrs.name);
    fields.push({ element, name, field });
  }
  return fields;
}

export function formValues(form: HTMLElement, lookup: Lookup): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const { element, name, field } of fieldsOf(form, lookup)) if (name !== '') value[name] = field.value(element);
  return value;
}

export function resetForm(form: HTMLElement, lookup: Lookup): void {
  for (const { element, field } of fieldsOf(form, lookup)) field.reset(element);
}

export interface FormAction {
  form: MountedElement;
  type: 'submit' | 'reset';
  detail: unknown;
}

/** For a tap along `path` (innermost first): the submit or reset it causes, if it hit a form button. */
export function formAction(path: readonly MountedElement[], lookup: Lookup): FormAction | undefined {
  const buttonAt = path.findIndex((mounted) => mounted.vnode.tag === 'button');
  if (buttonAt < 0) return undefined;
  const formType = readText(path[buttonAt]!.vnode.attrs, 'form-type');
  if (formType !== 'submit' && formType !== 'reset') return undefined;
  const form = path.slice(buttonAt + 1).find((mounted) => mounted.vnode.tag === 'form');
  if (form === undefined) return undefined;
  if (formType === 'submit') return { form, type: 'submit', detail: { value: formValues(form.node, lookup) } };
  resetForm(form.node, lookup);
  return { form, type: 'reset', detail: {} };
}
