/**
 * The AppData tab's state: the page stack, the page on top and its data (the guest answers pageStack,
 * currentPage and pageData), and the edit in progress; `patchOf` turns an edited JSON text into the
 * setPageData patch of the top-level keys that changed.
 */
import { showValue } from '../format.js';
import type { CurrentPage } from '../protocol.js';

export interface AppDataSlice {
  readonly loading: boolean;
  readonly loaded: boolean;
  readonly stack: readonly string[];
  /** The page on top; null when no page is open. */
  readonly page?: CurrentPage | null;
  readonly data?: unknown;
  /** Why the guest did not answer. */
  readonly error?: string;
  /** Why this page's data cannot be set (a web app: the host's message); the data is then read-only. */
  readonly readOnly?: string;
  /** The JSON text being edited; undefined when not editing (the editor shows the live data). */
  readonly draft?: string;
  /** The data when the edit began: Apply sends the keys changed from it (not the ones the page changed since). */
  readonly draftBase?: unknown;
  /** What the last Apply did, or why it failed. */
  readonly message?: { readonly text: string; readonly failed: boolean };
}

export const initialAppData: AppDataSlice = { loading: false, loaded: false, stack: [] };

export function reduceAppDataLoading(appData: AppDataSlice): AppDataSlice {
  return { ...appData, loading: true };
}

export interface AppDataAnswer {
  readonly stack: readonly string[];
  readonly page: CurrentPage | null;
  readonly data: unknown;
  readonly readOnly?: string;
}

export function reduceAppData(appData: AppDataSlice, answer: AppDataAnswer | { readonly error: string }): AppDataSlice {
  const { error: _e, readOnly: _r, ...rest } = appData;
  if ('error' in answer) return { ...rest, loading: false, loaded: true, error: answer.error };
  return { ...rest, loading: false, loaded: true, stack: answer.stack, page: answer.page, data: answer.data, ...(answer.readOnly ? { readOnly: answer.readOnly } : {}) };
}

/** Starts, changes (text) or ends (undefined) an edit. */
export function reduceDraft(appData: AppDataSlice, draft: string | undefined): AppDataSlice {
  const { draft: _d, draftBase: _b, ...rest } = appData;
  if (draft === undefined) return rest;
  return { ...rest, draft, draftBase: appData.draft === undefined ? appData.data : appData.draftBase };
}

export function reduceAppDataMessage(appData: AppDataSlice, message: AppDataSlice['message']): AppDataSlice {
  const { message: _m, ...rest } = appData;
  return message ? { ...rest, message } : rest;
}

/** The data as the editor shows it. */
export const dataText = (data: unknown): string => (data === undefined ? '{}' : showValue(data));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The setData patch that turns `data` into the edited text: the top-level keys whose value changed or that
 * are new. setData cannot remove a key, so a removed key is an error that says so.
 */
export function patchOf(data: unknown, text: string): { readonly patch: Record<string, unknown> } | { readonly error: string } {
  let edited: unknown;
  try {
    edited = JSON.parse(text);
  } catch (error) {
    return { error: `The page data is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!isRecord(edited)) return { error: 'The page data must be a JSON object (its keys are what setData sets).' };
  // Compare with the text the editor started from, so values JSON cannot carry (Dates, buffers) compare as shown.
  const before: unknown = JSON.parse(dataText(data));
  const original = isRecord(before) ? before : {};
  const removed = Object.keys(original).filter((key) => !Object.hasOwn(edited, key));
  if (removed.length > 0) return { error: `setData cannot remove a key (${removed.join(', ')}): set it to null instead.` };
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(edited)) {
    if (!Object.hasOwn(original, key) || JSON.stringify(original[key]) !== JSON.stringify(value)) patch[key] = value;
  }
  return { patch };
}

// ── the data as a tree, edited one value at a time ──────────────────────────────────────────────────

/** A place in the page data: keys of objects and indexes of arrays, from the top. */
export type DataPath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The setData path key of a place ("items[0].name"), or undefined when a key cannot be written in one (a key
 * with a dot, a bracket or a space: setData would read it as a path).
 */
export function pathKey(path: DataPath): string | undefined {
  let key = '';
  for (const [i, part] of path.entries()) {
    if (typeof part === 'number') key += `[${part}]`;
    else if (i === 0 ? !/[.[\]]/.test(part) && part.length > 0 : IDENTIFIER.test(part)) key += i === 0 ? part : `.${part}`;
    else return undefined;
  }
  return key || undefined;
}

/** How a place is named to a person: the path key, or the parts as JSON when there is none. */
export const pathName = (path: DataPath): string => pathKey(path) ?? path.map((p) => JSON.stringify(p)).join(' › ');

/** A copy of `value` with the place `path` set to `next` (the copies are shallow along the path). */
export function setAt(value: unknown, path: DataPath, next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = [...value];
    copy[head] = setAt(value[head], rest, next);
    return copy;
  }
  const record = isRecord(value) ? value : {};
  return { ...record, [head!]: setAt(record[head!], rest, next) };
}

/**
 * The setData patch that sets one place: its path key when it has one ({"items[0].name": "x"}), else its
 * top-level key with the new value inside a copy.
 */
export function patchAt(data: unknown, path: DataPath, value: unknown): Record<string, unknown> {
  const key = pathKey(path);
  if (key !== undefined) return { [key]: value };
  const top = String(path[0]);
  return { [top]: setAt(isRecord(data) ? data[top] : undefined, path.slice(1), value) };
}

/** What an edit field's text means: JSON (42, true, null, "text", [1], {}) or, when it is not JSON, the text itself. */
export function parseEdit(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A leaf as the tree shows it, and whether it can be edited in place (JSON values only; buffers, dates and methods not). */
export function leafText(value: unknown): { readonly text: string; readonly kind: string; readonly editable: boolean } {
  if (value === null) return { text: 'null', kind: 'null', editable: true };
  switch (typeof value) {
    case 'string':
      return { text: JSON.stringify(value), kind: 'string', editable: true };
    case 'number':
    case 'boolean':
      return { text: String(value), kind: typeof value, editable: true };
    case 'undefined':
      return { text: 'undefined', kind: 'null', editable: true };
    default:
      return { text: showValue(value, 0), kind: 'other', editable: false };
  }
}

/** Whether a value opens as a branch of the tree (a plain object or an array). */
export const isBranch = (value: unknown): value is Record<string, unknown> | unknown[] =>
  Array.isArray(value) || (isRecord(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null));
