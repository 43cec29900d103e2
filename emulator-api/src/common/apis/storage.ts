/**
 * Storage APIs (数据缓存): setStorage / getStorage / removeStorage / clearStorage / getStorageInfo and
 * their Sync twins, which take positional arguments (setStorageSync(key, data)). Kept per app id on disk.
 */
import { z } from 'zod';
import { defineApi, type BehaviourRule, type FailureRule } from '../api-spec.js';
import { Errno } from '../errors.js';
import { storageRuleIds as ids } from '../storage-model.js';
import { assumed, inferred, type SupportMatrix } from '../types.js';
import { ANY_VERSION, docs } from './sources.js';

const matrix: SupportMatrix = {
  gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' },
  webapp: { android: null, ios: null, pc: null, harmony: null },
};
const support = { matrix, provenance: assumed(`${docs.storage}: gadget rows follow the overview's pattern ("✓", Harmony 7.35.0); web apps assumed to use window.localStorage`) };
const family = inferred(`${docs.wechatFamily}: "单个 key 允许存储的最大数据长度为 1MB，所有数据存储上限为 10MB"`);

const commonRules: BehaviourRule[] = [
  { id: ids.perApp, platforms: 'all', text: 'Storage belongs to the app id and survives relaunches; ttsim keeps it on disk under <data dir>/apps/<appId>/storage, one file per key, each written atomically.', provenance: inferred(`${docs.wechatFamily}: storage lives as long as the gadget; the layout is ttsim's`) },
  { id: ids.keepsType, platforms: 'all', text: 'Values keep their type: strings, numbers, booleans, null, undefined and Date come back as such; objects and arrays are stored as JSON (nested Dates become ISO strings, functions are dropped); a function, symbol, BigInt or cyclic object fails with 104.', provenance: inferred(`${docs.wechatFamily}: "只支持原生类型、Date、及能够通过JSON.stringify序列化的对象"`) },
];
const writeRules: BehaviourRule[] = [
  ...commonRules,
  { id: ids.itemLimit, platforms: 'all', text: 'A key whose name plus JSON data is over 1 MB (UTF-8) fails with errno 212 and stores nothing.', provenance: assumed(`limit from the family (${docs.wechatFamily}); Feishu documents no storage errno, 212 is its "data to write exceeds size limit"`) },
  { id: ids.totalLimit, platforms: 'all', text: 'A write that would take the app over 10 MB in all fails with errno 208 and stores nothing.', provenance: assumed(`limit from the family; 208 is Feishu's "total size limit exceeded"`) },
];
const keyParam = z.string().min(1);
const keyFailures: FailureRule[] = [
  { errno: Errno.invalidParameter, when: 'key missing, empty or not a string; data not serialisable; an unknown parameter when the session is strict', provenance: assumed(docs.errno) },
  { errno: Errno.notSupported, when: 'a web app, or Harmony below 7.35.0', provenance: assumed(docs.storage) },
];
const writeFailures: FailureRule[] = [
  ...keyFailures,
  { errno: Errno.writeSizeLimitExceeded, when: 'one key over 1 MB', provenance: family },
  { errno: Errno.totalSizeLimitExceeded, when: 'all keys over 10 MB', provenance: family },
];
const infoResult = z.strictObject({ keys: z.array(z.string()), currentSize: z.number(), limitSize: z.number() });
const infoRule: BehaviourRule = { id: ids.infoInKb, platforms: 'all', text: 'keys in the order they were first set; currentSize (rounded up) and limitSize (10240) in KB.', provenance: inferred(docs.wechatFamily) };
const mirrorRule: BehaviourRule = { id: ids.guestMirror, platforms: 'all', text: 'In the simulator the gadget answers getStorageSync / getStorageInfoSync from its own copy of the storage (fetched once, kept current by its own writes); writes reach the host before they return.', provenance: assumed('ttsim design: a round trip per read would cost about 1 ms') };
const syncRule: BehaviourRule = { id: ids.syncPositional, platforms: 'all', text: 'The Sync twin takes its arguments in order (setStorageSync(key, data)), returns the value and throws an Error carrying errMsg and errno.', provenance: inferred(docs.wechatFamily) };

export const setStorage = defineApi({
  name: 'setStorage',
  style: 'async',
  summary: 'Stores a value under a key for this app id.',
  doc: docs.storage,
  params: z.strictObject({ key: keyParam, data: z.unknown() }),
  result: z.strictObject({}),
  support,
  behaviours: writeRules,
  failures: writeFailures,
});

export const setStorageSync = defineApi({
  name: 'setStorageSync',
  style: 'sync',
  positional: ['key', 'data'],
  summary: 'setStorage, done before it returns.',
  doc: docs.storage,
  params: z.strictObject({ key: keyParam, data: z.unknown() }),
  result: z.undefined(),
  support,
  behaviours: [...writeRules, syncRule],
  failures: writeFailures,
});

export const getStorage = defineApi({
  name: 'getStorage',
  style: 'async',
  summary: 'Reads the value stored under a key.',
  doc: docs.storage,
  params: z.strictObject({ key: keyParam }),
  result: z.strictObject({ data: z.unknown() }),
  support,
  behaviours: [
    ...commonRules,
    { id: ids.asyncMissingKey, platforms: 'all', text: 'A key that is not stored fails with errno 203 "data not found".', provenance: inferred(`${docs.wechatFamily} ("getStorage:fail data not found"); the errno is assumed: Feishu documents none, 203 is its "does not exist"`) },
  ],
  failures: [...keyFailures, { errno: Errno.fileNotExist, when: 'the key is not stored', provenance: assumed(docs.errno) }],
});

export const getStorageSync = defineApi({
  name: 'getStorageSync',
  style: 'sync',
  positional: ['key'],
  summary: 'getStorage, returned directly; "" for a key that is not stored.',
  doc: docs.storage,
  params: z.strictObject({ key: keyParam }),
  result: z.unknown(),
  support,
  behaviours: [
    ...commonRules,
    syncRule,
    { id: ids.syncMissingKey, platforms: 'all', text: 'A key that is not stored returns "" (no error).', provenance: inferred(docs.wechatFamily) },
    mirrorRule,
  ],
  failures: keyFailures,
});

export const removeStorage = defineApi({
  name: 'removeStorage',
  style: 'async',
  summary: 'Removes a key (a key that is not stored is not an error).',
  doc: docs.storage,
  params: z.strictObject({ key: keyParam }),
  result: z.strictObject({}),
  support,
  behaviours: [...commonRules, { id: 'remove-missing-ok', platforms: 'all', text: 'Removing a key that is not stored succeeds.', provenance: inferred(docs.wechatFamily) }],
  failures: keyFailures,
});

export const removeStorageSync = defineApi({
  name: 'removeStorageSync',
  style: 'sync',
  positional: ['key'],
  summary: 'removeStorage, done before it returns.',
  doc: docs.storage,
  params: z.strictObject({ key: keyParam }),
  result: z.undefined(),
  support,
  behaviours: [...commonRules, syncRule, { id: 'remove-missing-ok', platforms: 'all', text: 'Removing a key that is not stored succeeds.', provenance: inferred(docs.wechatFamily) }],
  failures: keyFailures,
});

export const clearStorage = defineApi({
  name: 'clearStorage',
  style: 'async',
  summary: 'Removes every key of this app id.',
  doc: docs.storage,
  params: z.strictObject({}),
  result: z.strictObject({}),
  support,
  behaviours: commonRules,
  failures: keyFailures.slice(1),
});

export const clearStorageSync = defineApi({
  name: 'clearStorageSync',
  style: 'sync',
  summary: 'clearStorage, done before it returns.',
  doc: docs.storage,
  params: z.strictObject({}),
  result: z.undefined(),
  support,
  behaviours: [...commonRules, syncRule],
  failures: keyFailures.slice(1),
});

export const getStorageInfo = defineApi({
  name: 'getStorageInfo',
  style: 'async',
  summary: 'The stored keys and the space used and allowed, in KB.',
  doc: docs.storage,
  params: z.strictObject({}),
  result: infoResult,
  support,
  behaviours: [...commonRules, infoRule],
  failures: keyFailures.slice(1),
});

export const getStorageInfoSync = defineApi({
  name: 'getStorageInfoSync',
  style: 'sync',
  summary: 'getStorageInfo, returned directly.',
  doc: docs.storage,
  params: z.strictObject({}),
  result: infoResult,
  support,
  behaviours: [...commonRules, infoRule, syncRule, mirrorRule],
  failures: keyFailures.slice(1),
});

export const storageApis = [setStorage, setStorageSync, getStorage, getStorageSync, removeStorage, removeStorageSync, clearStorage, clearStorageSync, getStorageInfo, getStorageInfoSync] as const;
