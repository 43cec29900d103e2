import semver from 'semver';
import type { ApiParsedParams, ApiResult } from '../../common/registry.js';
import { safeAreaOf } from '../../common/profiles.js';
import { canIUse as answerCanIUse } from '../../common/support.js';
import { canIUseRuleIds } from '../../common/can-i-use-rules.js';
import type { NodeCallContext } from '../context.js';

const DEVICE_TYPE_SINCE = '7.47.0';

export function systemInfo(ctx: NodeCallContext): ApiResult<'getSystemInfo'> {
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
