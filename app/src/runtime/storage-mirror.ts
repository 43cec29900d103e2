/**
 * The guest's storage APIs. Reads (getStorageSync, getStorageInfoSync) are answered from a copy of the
 * app's storage, fetched once on first use, because a round trip per read costs about 1 ms and gadgets read
 * storage in loops. Writes go to the host, which checks the limits and persists before answering: the Sync
 * ones by the synchronous bridge, so nothing is lost if the page closes right after setStorageSync returns;
 * the copy is updated when the host has said yes. Each read is still recorded in the host's event stream
 * (batched). Trade-off: writes made by another session of the same app id while this page runs are not
 * seen until the page reloads (a phone runs one instance of a gadget).
 */
import { argumentProblem, deliver, isEmptyObject, splitCallbacks, TtSyncError, type FailResult, type SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
import { isTtError } from '../../../emulator-api/src/common/errors.js';
import { fromStoredItem, storageInfoOf, storageRuleIds as ids, toStoredItem, type StorageSnapshot, type StoredItem } from '../../../emulator-api/src/common/storage-model.js';
import type { GuestApi } from '../../../emulator-api/src/protocol/messages.js';
import type { Bridge } from './bridge.js';
import { failFromError } from '../../../emulator-api/src/common/fail-result.js';

export interface StorageApiOptions {
  readonly bridge: Bridge;
  readonly track: <T>(work: Promise<T>) => Promise<T>;
  readonly onCallbackError: (api: string, error: unknown) => void;
  /** The generic bridge versions, for the calls the copy cannot answer (bad arguments, no support). */
  readonly syncViaHost: (api: GuestApi) => (...args: unknown[]) => unknown;
  readonly viaHost: (api: GuestApi) => (arg?: unknown) => unknown;
}

/** The copy of the storage: undefined until first needed; `local` false when the host must answer reads (no support). */
class StorageCopy {
  private items: Map<string, StoredItem> | undefined;
  private local = true;

  constructor(private readonly bridge: Bridge) {}

  /** Drops the copy: the next read fetches the host's storage again. */
  forget(): void {
    this.items = undefined;
    this.local = true;
  }

  read(): Map<string, StoredItem> | undefined {
    if (this.items || !this.local) return this.items;
    const snapshot = this.bridge.getSync<StorageSnapshot>('storage.json');
    this.local = snapshot.localReads;
    if (this.local) this.items = new Map(snapshot.items.map(([key, item]) => [key, item]));
    return this.items;
  }

  set(key: string, item: StoredItem): void {
    this.items?.set(key, item);
  }

  remove(key: string): void {
    this.items?.delete(key);
  }

  clear(): void {
    this.items?.clear();
  }
}

function failOf(api: string, error: unknown): FailResult | undefined {
  if (!isTtError(error)) return undefined;
  return failFromError(api, error);
}

/** Replacements for the storage entries of the boot list, by name. */
export function storageApis(apis: readonly GuestApi[], options: StorageApiOptions): Record<string, unknown> {
  const { bridge } = options;
  const copy = new StorageCopy(bridge);
  // The devtools edited the storage: the next read fetches it again.
  bridge.onStorageChanged(() => copy.forget());
  const byName = new Map(apis.map((api) => [api.name, api]));
  const out: Record<string, unknown> = {};
  const api = (name: string) => byName.get(name);

  const record = (name: string, params: unknown, result: SuccessResult | FailResult, rules: string[], startedAt: number, started: number) =>
    bridge.recordOutcome({ api: name, params, result, rules, startedAt, durationMs: performance.now() - started });

  /**
   * The value to send for `data`: what storage will keep (JSON semantics, Date kept), so that nothing the
   * bridge cannot carry leaves the guest. An unstorable value fails here, with the host's message.
   */
  const prepareData = (data: unknown): { item: StoredItem; value: unknown } => {
    const item = toStoredItem(data);
    return { item, value: fromStoredItem(item) };
  };

  const getSync = api('getStorageSync');
  if (getSync) {
    const remote = options.syncViaHost(getSync);
    out.getStorageSync = (...args: unknown[]) => {
      const key = args[0];
      const items = typeof key === 'string' && key.length > 0 ? copy.read() : undefined;
      if (!items || typeof key !== 'string') return remote(...args);
      const startedAt = Date.now();
      const started = performance.now();
      const item = items.get(key);
      const value = item ? fromStoredItem(item) : '';
      record('getStorageSync', { key }, { errMsg: 'getStorageSync:ok', value }, [ids.guestMirror, ids.syncPositional, item ? ids.keepsType : ids.syncMissingKey], startedAt, started);
      return value;
    };
  }

  const infoSync = api('getStorageInfoSync');
  if (infoSync) {
    const remote = options.syncViaHost(infoSync);
    out.getStorageInfoSync = (...args: unknown[]) => {
      const items = args[0] === undefined || isEmptyObject(args[0]) ? copy.read() : undefined;
      if (!items) return remote(...args);
      const startedAt = Date.now();
      const started = performance.now();
      const info = storageInfoOf(items);
      record('getStorageInfoSync', {}, { errMsg: 'getStorageInfoSync:ok', value: info }, [ids.guestMirror, ids.syncPositional, ids.infoInKb], startedAt, started);
      return info;
    };
  }

  /** A Sync write: through the host (limits, disk), then into the copy. */
  const syncWrite = (name: string, apply: (args: unknown[]) => { args: unknown[]; update: () => void }) => {
    const spec = api(name);
    if (!spec) return;
    out[name] = (...args: unknown[]) => {
      const startedAt = Date.now();
      const started = performance.now();
      let prepared: { args: unknown[]; update: () => void };
      try {
        prepared = apply(args);
      } catch (error) {
        const fail = failOf(name, error);
        if (!fail) throw error;
        record(name, { key: args[0] }, fail, [ids.keepsType, ids.syncPositional], startedAt, started);
        throw new TtSyncError(fail);
      }
      const answer = bridge.callSync(name, prepared.args);
      if (!answer.ok) throw new TtSyncError(answer.fail);
      prepared.update();
      return answer.value;
    };
  };
  syncWrite('setStorageSync', ([key, data]) => {
    const { item, value } = prepareData(data);
    // An undefined data is left out: in a JSON array it would arrive as null.
    return { args: item.type === 'Undefined' ? [key] : [key, value], update: () => typeof key === 'string' && copy.set(key, item) };
  });
  syncWrite('removeStorageSync', (args) => ({ args, update: () => typeof args[0] === 'string' && copy.remove(args[0]) }));
  syncWrite('clearStorageSync', (args) => ({ args, update: () => copy.clear() }));

  /** An async write: through the host, then into the copy when it succeeded. */
  const asyncWrite = (name: string, apply: (params: Record<string, unknown>) => { params: Record<string, unknown>; update: () => void }) => {
    const spec = api(name);
    if (!spec) return;
    const remote = options.viaHost(spec);
    out[name] = (arg?: unknown) => {
      const split = splitCallbacks(arg);
      if (argumentProblem(split)) return remote(arg);
      const startedAt = Date.now();
      const started = performance.now();
      let prepared: { params: Record<string, unknown>; update: () => void };
      try {
        prepared = apply(split.params);
      } catch (error) {
        const fail = failOf(name, error);
        if (!fail) throw error;
        record(name, { key: split.params.key }, fail, [ids.keepsType], startedAt, started);
        return deliver(Promise.resolve(fail), split.callbacks, (e) => options.onCallbackError(name, e));
      }
      const settled = options.track(bridge.call(name, prepared.params)).then((result) => {
        if (!('errno' in result)) prepared.update();
        return result;
      });
      return deliver(settled, split.callbacks, (e) => options.onCallbackError(name, e));
    };
  };
  asyncWrite('setStorage', (params) => {
    const { item, value } = prepareData(params.data);
    const { data: _data, ...rest } = params;
    return { params: item.type === 'Undefined' ? rest : { ...rest, data: value }, update: () => typeof params.key === 'string' && copy.set(params.key, item) };
  });
  asyncWrite('removeStorage', (params) => ({ params, update: () => typeof params.key === 'string' && copy.remove(params.key) }));
  asyncWrite('clearStorage', (params) => ({ params, update: () => copy.clear() }));
  return out;
}
