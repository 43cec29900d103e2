/** The Storage tab's state: the app's storage as the `storage` operation answers it, and its JSON forms. */
import type { OpReply } from '../protocol.js';

export type StorageAnswer = OpReply<'storage'>;
export type StorageItem = StorageAnswer['items'][number];

export interface StorageSlice {
  readonly loading: boolean;
  readonly loaded: boolean;
  readonly items: readonly StorageItem[];
  /** KB in use and the limit, as getStorageInfo says them. */
  readonly currentSize: number;
  readonly limitSize: number;
  readonly error?: string;
}

export const initialStorage: StorageSlice = { loading: false, loaded: false, items: [], currentSize: 0, limitSize: 0 };

export function reduceStorageLoading(storage: StorageSlice): StorageSlice {
  return { ...storage, loading: true };
}

export function reduceStorage(storage: StorageSlice, answer: StorageAnswer | { readonly error: string }): StorageSlice {
  const { error: _e, ...rest } = storage;
  if ('error' in answer) return { ...rest, loading: false, loaded: true, error: answer.error };
  const items = [...answer.items].sort((a, b) => a.key.localeCompare(b.key));
  return { ...rest, loading: false, loaded: true, items, currentSize: answer.currentSize, limitSize: answer.limitSize };
}

/** Calls after which the storage is listed again. */
export const isStorageWrite = (api: string): boolean => /^(setStorage|removeStorage|clearStorage)/.test(api);

/** A value typed in a form: JSON (a string needs its quotes). */
export function parseValue(text: string): { readonly value: unknown } | { readonly error: string } {
  if (!text.trim()) return { error: 'Type a JSON value: "text" (with quotes), 42, true, null, [..] or {..}.' };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `Not JSON (${error instanceof Error ? error.message : String(error)}): a string needs its quotes, "like this".` };
  }
}

/** "1.5" KB with at most two decimals. */
export const kb = (value: number): string => `${Math.round(value * 100) / 100} KB`;
