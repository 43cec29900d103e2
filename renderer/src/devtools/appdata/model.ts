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
