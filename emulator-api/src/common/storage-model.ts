/**
 * Storage values as ttsim keeps them (tt.setStorage / getStorage and their Sync twins): one codec, one size
 * rule and one set of limits, shared by the host's store and the guest's read mirror. No Node, no DOM and
 * no zod, so the guest bundle can carry it.
 */
import { Errno, TtError } from './errors.js';
import { withArticle } from './validation.js';

/** The family's on-disk shape ({ type, data }): `data` is JSON text, except for Undefined (''). */
export type StoredType = 'String' | 'Number' | 'Boolean' | 'Null' | 'Undefined' | 'Date' | 'Object' | 'Array';
export interface StoredItem {
  readonly type: StoredType;
  readonly data: string;
}

/** One key's value (key + data, UTF-8) may be at most 1 MB; all keys together at most 10 MB. */
export const STORAGE_ITEM_LIMIT_BYTES = 1024 * 1024;
export const STORAGE_TOTAL_LIMIT_BYTES = 10 * 1024 * 1024;
/** getStorageInfo's limitSize, in KB. */
export const STORAGE_LIMIT_KB = STORAGE_TOTAL_LIMIT_BYTES / 1024;

/** Behaviour-rule ids of the storage entries, shared with the guest (which answers reads itself). */
export const storageRuleIds = {
  keepsType: 'values-keep-type',
  perApp: 'kept-per-app-id',
  syncMissingKey: 'sync-missing-key-empty-string',
  asyncMissingKey: 'missing-key-fails',
  itemLimit: 'item-limit-1mb',
  totalLimit: 'total-limit-10mb',
  infoInKb: 'info-in-kb',
  guestMirror: 'guest-read-mirror',
  syncPositional: 'sync-positional',
} as const;

/**
 * Turns a value into what is stored. Strings, numbers, booleans, null and undefined keep their type; a Date
 * comes back as a Date; objects and arrays are stored as JSON (so nested Dates become ISO strings, functions
 * and undefined fields disappear, as JSON.stringify does). Functions, symbols, BigInt and cyclic objects
 * fail with errno 104.
 */
export function toStoredItem(value: unknown): StoredItem {
  switch (typeof value) {
    case 'undefined':
      return { type: 'Undefined', data: '' };
    case 'string':
      return { type: 'String', data: JSON.stringify(value) };
    case 'number':
      return { type: 'Number', data: JSON.stringify(value) };
    case 'boolean':
      return { type: 'Boolean', data: String(value) };
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new TtError(Errno.invalidParameter, `parameter error: data cannot be stored: ${withArticle(typeof value)} is not serialisable (store a string, number, boolean, null, Date or a JSON-serialisable object)`);
    default:
      break;
  }
  if (value === null) return { type: 'Null', data: 'null' };
  if (value instanceof Date) return { type: 'Date', data: JSON.stringify(value.getTime()) };
  let data: string | undefined;
  try {
    data = JSON.stringify(value);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new TtError(Errno.invalidParameter, `parameter error: data cannot be stored as JSON: ${why}`);
  }
  return { type: Array.isArray(value) ? 'Array' : 'Object', data: data ?? 'null' };
}

/** A fresh copy of a stored value (changing what getStorage returned never changes the store). */
export function fromStoredItem(item: StoredItem): unknown {
  if (item.type === 'Undefined') return undefined;
  const parsed: unknown = JSON.parse(item.data);
  if (item.type === 'Date') return new Date(typeof parsed === 'number' ? parsed : Number.NaN);
  return parsed;
}

/** UTF-8 length of a string, without TextEncoder (hot path of getStorageInfoSync in the guest). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** What one key costs against the limits: its name plus its stored data. */
export function itemBytes(key: string, item: StoredItem): number {
  return utf8Length(key) + utf8Length(item.data);
}

export interface StorageInfo {
  keys: string[];
  /** KB in use, rounded up. */
  currentSize: number;
  /** KB allowed. */
  limitSize: number;
}

export function storageInfoOf(entries: Iterable<readonly [string, StoredItem]>): StorageInfo {
  const keys: string[] = [];
  let bytes = 0;
  for (const [key, item] of entries) {
    keys.push(key);
    bytes += itemBytes(key, item);
  }
  return { keys, currentSize: Math.ceil(bytes / 1024), limitSize: STORAGE_LIMIT_KB };
}

/** What the guest fetches once to answer getStorageSync / getStorageInfoSync itself. */
export interface StorageSnapshot {
  /** In insertion order. */
  readonly items: readonly (readonly [string, StoredItem])[];
  /** False when the profile lacks the read APIs: the guest then asks the host, which fails them with 103. */
  readonly localReads: boolean;
}
