/** setStorage / getStorage / removeStorage / clearStorage / getStorageInfo and their Sync twins. */
import { Errno, TtError } from '../../common/errors.js';
import type { ApiParsedParams } from '../../common/registry.js';
import { fromStoredItem, storageRuleIds as ids, toStoredItem } from '../../common/storage-model.js';
import type { NodeCallContext } from '../context.js';

function set(key: string, data: unknown, ctx: NodeCallContext): void {
  ctx.applyRule(ids.perApp);
  ctx.applyRule(ids.keepsType);
  ctx.storage.set(key, toStoredItem(data));
}

export function setStorage({ key, data }: ApiParsedParams<'setStorage'>, ctx: NodeCallContext) {
  set(key, data, ctx);
  return {};
}

export function setStorageSync({ key, data }: ApiParsedParams<'setStorageSync'>, ctx: NodeCallContext): undefined {
  ctx.applyRule(ids.syncPositional);
  set(key, data, ctx);
  return undefined;
}

export function getStorage({ key }: ApiParsedParams<'getStorage'>, ctx: NodeCallContext) {
  const item = ctx.storage.get(key);
  if (!item) throw new TtError(Errno.fileNotExist, `data not found: nothing is stored under key ${JSON.stringify(key)}`, { rule: ids.asyncMissingKey });
  ctx.applyRule(ids.keepsType);
  return { data: fromStoredItem(item) };
}

export function getStorageSync({ key }: ApiParsedParams<'getStorageSync'>, ctx: NodeCallContext): unknown {
  ctx.applyRule(ids.syncPositional);
  const item = ctx.storage.get(key);
  if (!item) {
    ctx.applyRule(ids.syncMissingKey);
    return '';
  }
  ctx.applyRule(ids.keepsType);
  return fromStoredItem(item);
}

export function removeStorage({ key }: ApiParsedParams<'removeStorage'>, ctx: NodeCallContext) {
  if (!ctx.storage.remove(key)) ctx.applyRule('remove-missing-ok');
  return {};
}

export function removeStorageSync(params: ApiParsedParams<'removeStorageSync'>, ctx: NodeCallContext): undefined {
  ctx.applyRule(ids.syncPositional);
  removeStorage(params, ctx);
  return undefined;
}

export function clearStorage(_params: ApiParsedParams<'clearStorage'>, ctx: NodeCallContext) {
  ctx.applyRule(ids.perApp);
  ctx.storage.clear();
  return {};
}

export function clearStorageSync(params: ApiParsedParams<'clearStorageSync'>, ctx: NodeCallContext): undefined {
  ctx.applyRule(ids.syncPositional);
  clearStorage(params, ctx);
  return undefined;
}

export function getStorageInfo(_params: ApiParsedParams<'getStorageInfo'>, ctx: NodeCallContext) {
  ctx.applyRule(ids.infoInKb);
  return ctx.storage.info();
}

export function getStorageInfoSync(params: ApiParsedParams<'getStorageInfoSync'>, ctx: NodeCallContext) {
  ctx.applyRule(ids.syncPositional);
  return getStorageInfo(params, ctx);
}
