/**
 * <picker>: its TTML children are what the page shows; a tap on them (unless `disabled`) opens a bottom
 * sheet (picker-sheet.ts) with wheels for the mode (WeChat-compatible family: inferred; Feishu's picker
 * page was not read):
 * - selector (default): `range` (strings, or objects shown by `range-key`), `value` index;
 *   bindchange `{ value: index }`.
 * - multiSelector: `range` of arrays, `value` index array; bindcolumnchange `{ column, value: index }` while
 *   the sheet is open (the page may change `range` in it: the open sheet follows), bindchange `{ value: [..] }`.
 * - time: `value` "hh:mm", `start` / `end` (default 00:00–23:59); bindchange `{ value: "hh:mm" }`.
 * - date: `value` "YYYY-MM-DD", `start` / `end` (default 1900-01-01–2100-12-31, assumed), `fields`
 *   year / month / day; bindchange `{ value }` as "YYYY", "YYYY-MM" or "YYYY-MM-DD".
 * 确定 reports bindchange and keeps the choice as the picker's value (the page need not echo it back);
 * 取消 or the mask reports bindcancel `{}`. `header-text` titles the sheet. Other modes (region) show the
 * selector wheel of `range`.
 */
import { changed, readFlag, readText } from '../attributes.js';
import type { Attrs, Component } from '../component.js';
import type { FormField } from './form.js';
import { dateModel, multiSelectorModel, selectorModel, timeModel, type DateFields, type WheelModel } from './picker-model.js';
import { PickerSheet } from './picker-sheet.js';
import { raise } from './raise.js';

interface PickerState {
  attrs: Attrs;
  /** The picker's value: the template's when it changes, else the last confirmed choice. */
  value: unknown;
  sheet?: PickerSheet;
}

const states = new WeakMap<HTMLElement, PickerState>();

function modeOf(attrs: Attrs): string {
  return readText(attrs, 'mode') || 'selector';
}

function rangeOf(attrs: Attrs): unknown[] {
  const range = attrs.range;
  return Array.isArray(range) ? range : [];
}

/** The template's value in the shape of the mode (selector 0, multiSelector [], time / date ''). */
function normalizeValue(attrs: Attrs): unknown {
  const value = attrs.value;
  switch (modeOf(attrs)) {
    case 'multiSelector':
      return Array.isArray(value) ? value.map((v) => Math.trunc(Number(v)) || 0) : [];
    case 'time':
    case 'date':
      return typeof value === 'string' ? value : '';
    default: {
      const n = Math.trunc(Number(value ?? 0));
      return Number.isFinite(n) ? n : 0;
    }
  }
}

function blankValue(attrs: Attrs): unknown {
  switch (modeOf(attrs)) {
    case 'multiSelector':
      return rangeOf(attrs).map(() => 0);
    case 'time':
    case 'date':
      return '';
    default:
      return 0;
  }
}

function modelFor(attrs: Attrs, value: unknown, now = new Date()): WheelModel {
  const rangeKey = readText(attrs, 'range-key');
  switch (modeOf(attrs)) {
    case 'multiSelector':
      return multiSelectorModel(rangeOf(attrs), rangeKey, value);
    case 'time':
      return timeModel(typeof value === 'string' ? value : '', readText(attrs, 'start'), readText(attrs, 'end'), now);
    case 'date': {
      const fields = readText(attrs, 'fields');
      const dateFields: DateFields = fields === 'year' || fields === 'month' ? fields : 'day';
      return dateModel(typeof value === 'string' ? value : '', readText(attrs, 'start'), readText(attrs, 'end'), dateFields, now);
    }
    default:
      return selectorModel(rangeOf(attrs), rangeKey, value);
  }
}

function open(element: HTMLElement): void {
  const state = states.get(element);
  if (state === undefined || state.sheet?.isOpen || readFlag(state.attrs, 'disabled')) return;
  const model = modelFor(state.attrs, state.value);
  const mode = modeOf(state.attrs);
  /** A picker removed while its sheet is open closes it quietly. */
  const alive = () => {
    if (element.isConnected) return true;
    sheet.close();
    return false;
  };
  const sheet: PickerSheet = new PickerSheet(element.ownerDocument, model, mode, readText(state.attrs, 'header-text'), {
    onColumnChange: (column, index) => {
      if (alive() && mode === 'multiSelector') raise(element, 'columnchange', { column, value: index });
    },
    onConfirm: () => {
      if (!alive()) return;
      sheet.close();
      state.value = sheet.value();
      raise(element, 'change', { value: state.value });
    },
    onCancel: () => {
      if (!alive()) return;
      sheet.close();
      raise(element, 'cancel', {});
    },
  });
  state.sheet = sheet;
  sheet.open(element.closest('[data-tt="page"]') ?? element.ownerDocument.body);
}

export const pickerComponent: Component = {
  domTag: 'div',
  ownsContent: false,
  create(context) {
    const element = context.document.createElement('div');
    element.addEventListener('click', () => open(element));
    return element;
  },
  update(element, next, previous) {
    let state = states.get(element);
    if (state === undefined) {
      state = { attrs: next, value: normalizeValue(next) };
      states.set(element, state);
    } else if (changed(next, previous, 'value') || changed(next, previous, 'mode')) state.value = normalizeValue(next);
    state.attrs = next;
    const sheet = state.sheet;
    if (sheet?.isOpen) {
      sheet.setTitle(readText(next, 'header-text'));
      if (changed(next, previous, 'range') || changed(next, previous, 'range-key')) sheet.replaceModel(modelFor(next, sheet.value()));
    }
  },
};

export const pickerField: FormField = {
  value: (element) => {
    const value = states.get(element)?.value;
    return Array.isArray(value) ? [...(value as unknown[])] : value;
  },
  reset: (element) => {
    const state = states.get(element);
    if (state) state.value = blankValue(state.attrs);
  },
};

