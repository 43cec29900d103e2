/**
 * Client profiles: which client a session pretends to be (app kind, platform, client version)
 * and the device facts that getSystemInfo reports.
 */
import { appKinds, platformLabels, platforms, type AppKind, type Platform } from './types.js';
import { withArticle } from './validation.js';

/** Values of getSystemInfo().platform, as documented by Feishu. */
export type SystemPlatform = 'ios' | 'android' | 'darwin' | 'windows_nt' | 'openharmony';

export interface DeviceFacts {
  /** Preset id, or 'custom'. */
  readonly id: string;
  readonly label: string;
  readonly platform: Platform;
  readonly systemPlatform: SystemPlatform;
  /** getSystemInfo().system, e.g. "iOS 17.5". */
  readonly system: string;
  readonly brand: string;
  readonly model: string;
  readonly pixelRatio: number;
  readonly screenWidth: number;
  readonly screenHeight: number;
  readonly windowWidth: number;
  readonly windowHeight: number;
  readonly statusBarHeight: number;
  readonly deviceType: 'phone' | 'tablet' | 'pc';
  readonly language: string;
}

export interface ClientProfile {
  readonly app: AppKind;
  readonly platform: Platform;
  /** Feishu client version, three-part semver, e.g. "7.35.0". */
  readonly client: string;
  readonly device: DeviceFacts;
}

/** The client version a session uses when none is given: the first that has every API in the registry on every platform. */
export const DEFAULT_CLIENT = '7.39.0';

export const devicePresets: readonly DeviceFacts[] = [
  {
    id: 'iphone-15', label: 'iPhone 15', platform: 'ios', systemPlatform: 'ios', system: 'iOS 17.5',
    brand: 'Apple', model: 'iPhone 15', pixelRatio: 3, screenWidth: 393, screenHeight: 852,
    windowWidth: 393, windowHeight: 759, statusBarHeight: 54, deviceType: 'phone', language: 'zh_CN',
  },
  {
    id: 'pixel-8', label: 'Google Pixel 8', platform: 'android', systemPlatform: 'android', system: 'Android 14',
    brand: 'google', model: 'Pixel 8', pixelRatio: 2.625, screenWidth: 412, screenHeight: 915,
    windowWidth: 412, windowHeight: 836, statusBarHeight: 24, deviceType: 'phone', language: 'zh_CN',
  },
  {
    id: 'windows-pc', label: 'Windows PC', platform: 'pc', systemPlatform: 'windows_nt', system: 'Windows 11',
    brand: 'PC', model: 'PC', pixelRatio: 1, screenWidth: 1920, screenHeight: 1080,
    windowWidth: 400, windowHeight: 700, statusBarHeight: 0, deviceType: 'pc', language: 'zh_CN',
  },
  {
    id: 'mac', label: 'Mac', platform: 'pc', systemPlatform: 'darwin', system: 'macOS 14.5',
    brand: 'PC', model: 'PC', pixelRatio: 2, screenWidth: 1512, screenHeight: 982,
    windowWidth: 400, windowHeight: 700, statusBarHeight: 0, deviceType: 'pc', language: 'zh_CN',
  },
  {
    id: 'mate-60', label: 'HUAWEI Mate 60 (HarmonyOS NEXT)', platform: 'harmony', systemPlatform: 'openharmony',
    system: 'OpenHarmony 5.0', brand: 'HUAWEI', model: 'ALN-AL00', pixelRatio: 3.5, screenWidth: 360,
    screenHeight: 780, windowWidth: 360, windowHeight: 700, statusBarHeight: 38, deviceType: 'phone', language: 'zh_CN',
  },
];

/** The safe area getSystemInfo reports for a device (the simulator draws the same): below the status bar, to the screen's bottom. */
export function safeAreaOf(device: DeviceFacts): { left: number; right: number; top: number; bottom: number; width: number; height: number } {
  return {
    left: 0,
    right: device.windowWidth,
    top: device.statusBarHeight,
    bottom: device.screenHeight,
    width: device.windowWidth,
    height: device.screenHeight - device.statusBarHeight,
  };
}

export function defaultDeviceFor(platform: Platform): DeviceFacts {
  const device = devicePresets.find((d) => d.platform === platform);
  if (!device) throw new Error(`no device preset for platform ${platform}`);
  return device;
}

export function findDevicePreset(id: string): DeviceFacts | undefined {
  return devicePresets.find((d) => d.id === id);
}

export interface ProfileOptions {
  app: AppKind;
  platform: Platform;
  client: string;
  /** A preset id, or device facts (the platform must match). Defaults to the platform's first preset. */
  device?: string | DeviceFacts;
}

/** Checks the options and returns a profile, or throws an Error saying what to fix. */
export function createProfile(options: ProfileOptions): ClientProfile {
  if (!appKinds.includes(options.app)) {
    throw new Error(`unknown app kind ${JSON.stringify(options.app)}: expected one of ${appKinds.join(', ')}`);
  }
  if (!platforms.includes(options.platform)) {
    throw new Error(`unknown platform ${JSON.stringify(options.platform)}: expected one of ${platforms.join(', ')}`);
  }
  const client = normaliseClientVersion(options.client);
  let device: DeviceFacts;
  if (options.device === undefined) device = defaultDeviceFor(options.platform);
  else if (typeof options.device === 'string') {
    const preset = findDevicePreset(options.device);
    if (!preset) {
      throw new Error(`unknown device preset ${JSON.stringify(options.device)}: expected one of ${devicePresets.map((d) => d.id).join(', ')}`);
    }
    device = preset;
  } else device = options.device;
  if (device.platform !== options.platform) {
    throw new Error(`device ${device.id} is ${withArticle(platformLabels[device.platform])} device, but the profile's platform is ${platformLabels[options.platform]} (${options.platform})`);
  }
  return { app: options.app, platform: options.platform, client, device };
}

/** Accepts "7.35.0", "v7.35.0" or "7.35" and returns "7.35.0"; throws on anything else. */
export function normaliseClientVersion(version: string): string {
  // Three numbers at most, each a safe integer (as semver's own limit); no semver import: the devtools bundle
  // imports this file for its presets, and a Feishu version needs no more than this.
  const cleaned = typeof version === 'string' ? version.trim().replace(/^[vV]/, '') : '';
  const parts = /^\d{1,16}(\.\d{1,16}){0,2}$/.test(cleaned) ? cleaned.split('.').map(Number) : [];
  if (parts.length === 0 || !parts.every(Number.isSafeInteger)) {
    throw new Error(`invalid client version ${JSON.stringify(version)}: expected a version like 7.35.0`);
  }
  while (parts.length < 3) parts.push(0);
  return parts.join('.');
}

export function describeProfile(profile: ClientProfile): string {
  return `${profile.app} ${profile.platform} client ${profile.client}`;
}
