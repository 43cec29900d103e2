import semver from 'semver';
import type { ApiParsedParams, ApiResult } from '../../common/registry.js';
import { safeAreaOf } from '../../common/profiles.js';
import { canIUse as answerCanIUse } from '../../common/support.js';
import type { NodeCallContext } from '../context.js';
import type { BaseCallContext } from '../../common/call.js';
import type { ClientProfile } from '../../common/profiles.js';
import { findApi } from '../../common/registry.js';
import { checkApiSupport } from '../../common/support.js';
import { canIUseRuleIds, SYSTEM_INFO_IN_GUEST, type SystemInfoAnswer } from '../../common/guest-answers.js';

const DEVICE_TYPE_SINCE = '7.47.0';

export function systemInfo(ctx: BaseCallContext): ApiResult<'getSystemInfo'> {
  const { device, client, platform } = ctx.profile;
  ctx.applyRule('platform-values');
  ctx.applyRule('version-is-client');
  ctx.applyRule('sdk-version');
  const withDeviceType = platform !== 'pc' && semver.gte(client, DEVICE_TYPE_SINCE);
  ctx.applyRule('device-type');
  return {
    brand: device.brand,
    model: device.model,
    pixelRatio: device.pixelRatio,
    screenWidth: device.screenWidth,
    screenHeight: device.screenHeight,
    windowWidth: device.windowWidth,
    windowHeight: device.windowHeight,
    statusBarHeight: device.statusBarHeight,
    language: device.language,
    version: client,
    system: device.system,
    platform: device.systemPlatform,
    SDKVersion: `${client}.0`,
    fontSizeSetting: 16,
    appName: 'Feishu',
    theme: 'light',
    ...(withDeviceType ? { deviceType: device.deviceType } : {}),
    safeArea: safeAreaOf(device),
  };
}

/** getSystemInfo's answer for the guest to give itself (guest-answers.ts), when the profile supports it. */
export function systemInfoAnswer(profile: ClientProfile): SystemInfoAnswer {
  const rules: string[] = [];
  const value = systemInfo({ profile, applyRule: (id) => void rules.push(id) });
  const apis = (['getSystemInfo', 'getSystemInfoSync'] as const).filter((name) => checkApiSupport(findApi(name)!, profile).supported);
  return { value, rules: [...rules, SYSTEM_INFO_IN_GUEST], apis };
}

export const getSystemInfo = (_params: ApiParsedParams<'getSystemInfo'>, ctx: NodeCallContext) => systemInfo(ctx);
export const getSystemInfoSync = (_params: ApiParsedParams<'getSystemInfoSync'>, ctx: NodeCallContext) => systemInfo(ctx);

export function canIUse({ schema }: ApiParsedParams<'canIUse'>, ctx: NodeCallContext): boolean {
  ctx.applyRule(canIUseRuleIds.schemaForms);
  ctx.applyRule(canIUseRuleIds.registryAnswers);
  return answerCanIUse(schema, ctx.profile);
}

export function getFileSystemManager(_params: ApiParsedParams<'getFileSystemManager'>, ctx: NodeCallContext) {
  return ctx.fileSystemManager();
}
