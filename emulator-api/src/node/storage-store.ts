/**
 * An app id's storage on disk: <data dir>/apps/<appId>/storage, one JSON file per key (named by the key's
 * SHA-256, holding key, type, data and its order), each written atomically. Writes are synchronous so
 * that setStorageSync has persisted when it returns. Sessions of the same app id in one process share
 * one store, so each sees the others' writes.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Errno, TtError } from '../common/errors.js';
import { itemBytes, storageInfoOf, storageRuleIds, STORAGE_ITEM_LIMIT_BYTES, STORAGE_TOTAL_LIMIT_BYTES, type StorageInfo, type StoredItem, type StoredType } from '../common/storage-model.js';
import { PARTIAL_PREFIX, writeAtomicSync } from './sandbox.js';

interface StoredFile {
  key: string;
  type: StoredType;
  data: string;
  /** First-set order, so that getStorageInfo lists keys in the same order after a relaunch. */
  order: number;
}

const TYPES = new Set<string>(['String', 'Number', 'Boolean', 'Null', 'Undefined', 'Date', 'Object', 'Array']);
const open = new Map<string, { store: StorageStore; users: number }>();

const fileNameOf = (key: string) => `${createHash('sha256').update(key, 'utf8').digest('hex')}.json`;

export class StorageStore {
  private readonly items = new Map<string, StoredItem & { order: number; bytes: number }>();
  private totalBytes = 0;
  private nextOrder = 1;

  private constructor(readonly dir: string) {}

  /** The store of `dir`, shared with other open sessions of the same app id; `release` when done. */
  static open(dir: string): StorageStore {
    const resolved = path.resolve(dir);
    const entry = open.get(resolved);
    if (entry) {
      entry.users++;
      return entry.store;
    }
    const store = new StorageStore(resolved);
    store.load();
    open.set(resolved, { store, users: 1 });
    return store;
  }

  release(): void {
    const entry = open.get(this.dir);
    if (entry && entry.store === this && --entry.users <= 0) open.delete(this.dir);
  }

  private load(): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const loaded: StoredFile[] = [];
    for (const name of fs.readdirSync(this.dir)) {
      if (!name.endsWith('.json') || name.startsWith(PARTIAL_PREFIX)) continue;
      try {
        const file = JSON.parse(fs.readFileSync(path.join(this.dir, name), 'utf8')) as Partial<StoredFile>;
        if (typeof file.key !== 'string' || typeof file.data !== 'string' || !TYPES.has(String(file.type)) || fileNameOf(file.key) !== name) throw new Error('not a storage entry');
        loaded.push({ key: file.key, type: file.type!, data: file.data, order: typeof file.order === 'number' ? file.order : 0 });
      } catch (error) {
        console.warn(`[ttsim] ignoring ${path.join(this.dir, name)}: ${(error as Error).message}`);
      }
    }
    loaded.sort((a, b) => a.order - b.order);
    for (const file of loaded) this.remember(file.key, { type: file.type, data: file.data }, file.order);
    this.nextOrder = (loaded.at(-1)?.order ?? 0) + 1;
  }

  private remember(key: string, item: StoredItem, order: number): void {
    const bytes = itemBytes(key, item);
    this.totalBytes += bytes - (this.items.get(key)?.bytes ?? 0);
    this.items.set(key, { type: item.type, data: item.data, order, bytes });
  }

  get(key: string): StoredItem | undefined {
    const item = this.items.get(key);
    return item && { type: item.type, data: item.data };
  }

  /** Checks the limits, then persists. Throws TtError 212 (one key over 1 MB) or 208 (over 10 MB in all). */
  set(key: string, item: StoredItem): void {
    const bytes = itemBytes(key, item);
    if (bytes > STORAGE_ITEM_LIMIT_BYTES) {
      throw new TtError(Errno.writeSizeLimitExceeded, `exceed storage item max length: key ${JSON.stringify(key.slice(0, 60))} would take ${bytes} bytes; one key may take at most ${STORAGE_ITEM_LIMIT_BYTES} bytes (1 MB)`, { rule: storageRuleIds.itemLimit });
    }
    const previous = this.items.get(key);
    const total = this.totalBytes - (previous?.bytes ?? 0) + bytes;
    if (total > STORAGE_TOTAL_LIMIT_BYTES) {
      throw new TtError(Errno.totalSizeLimitExceeded, `exceed storage max size: this would make ${total} bytes in all; an app may store at most ${STORAGE_TOTAL_LIMIT_BYTES} bytes (10 MB), ${this.totalBytes} are used`, { rule: storageRuleIds.totalLimit });
    }
    const order = previous?.order ?? this.nextOrder++;
    const file: StoredFile = { key, type: item.type, data: item.data, order };
    fs.mkdirSync(this.dir, { recursive: true });
    writeAtomicSync(path.join(this.dir, fileNameOf(key)), JSON.stringify(file));
    this.remember(key, item, order);
  }

  remove(key: string): boolean {
    const previous = this.items.get(key);
    if (!previous) return false;
    fs.rmSync(path.join(this.dir, fileNameOf(key)), { force: true });
    this.items.delete(key);
    this.totalBytes -= previous.bytes;
    return true;
  }

  /** Removes every key at once: the folder is renamed away before it is deleted. */
  clear(): void {
    const away = path.join(path.dirname(this.dir), `${PARTIAL_PREFIX}cleared-${randomUUID()}`);
    if (fs.existsSync(this.dir)) fs.renameSync(this.dir, away);
    fs.mkdirSync(this.dir, { recursive: true });
    this.items.clear();
    this.totalBytes = 0;
    fs.rmSync(away, { recursive: true, force: true });
  }

  info(): StorageInfo {
    return storageInfoOf(this.entries());
  }

  entries(): [string, StoredItem][] {
    return [...this.items].map(([key, item]) => [key, { type: item.type, data: item.data }]);
  }
}
