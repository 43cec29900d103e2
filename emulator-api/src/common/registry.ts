/**
 * The API registry: every tt.* API ttsim knows, in one list. Types, validation, canIUse, the CLI's
 * `support` output and the README's API table are all derived from it.
 */
import type { z } from 'zod';
import { sideOf, type ApiSpec } from './api-spec.js';
import type { TaskKind } from './tasks.js';
import { canvasToTempFilePath, createCanvasContext } from './apis/canvas.js';
import { compressImage } from './apis/compressImage.js';
import { getLaunchOptionsSync, getUpdateManager, openDocument, openSchema } from './apis/app-services.js';
import { getUserInfo, login } from './apis/account.js';
import { h5sdkConfig } from './apis/jssdk.js';
import { getClipboardData, makePhoneCall, setClipboardData, vibrateShort } from './apis/device.js';
import { access, appendFile, copyFile, fsGetFileInfo, fsSaveFile, getFileInfo, getFileSystemManager, getSavedFileList, mkdir, readdir, readFile, removeSavedFile, rename, rmdir, saveFile, stat, unlink, writeFile } from './apis/fileSystem.js';
import { chooseImage, getImageInfo } from './apis/image.js';
import { hideLoading, hideToast, navigateBack, navigateTo, reLaunch, redirectTo, showLoading, showModal, showToast, switchTab } from './apis/interaction.js';
import { hideTabBar, pageScrollTo, previewImage, setNavigationBarColor, setNavigationBarTitle, showActionSheet, showTabBar, startPullDownRefresh, stopPullDownRefresh } from './apis/screen.js';
import { canIUse, getSystemInfo, getSystemInfoSync } from './apis/system.js';
import { createIntersectionObserver, createSelectorQuery, nextTick } from './apis/selector-query.js';
import { connectSocket, downloadFile, request, uploadFile } from './apis/network.js';
import { storageApis } from './apis/storage.js';
import { hideTabBarRedDot, removeTabBarBadge, setTabBarBadge, setTabBarItem, setTabBarStyle, showTabBarRedDot } from './apis/tab-bar.js';
import { hideNavigationBarLoading, setBackgroundColor, setBackgroundTextStyle, showNavigationBarLoading } from './apis/window-style.js';
import { getNetworkType, offNetworkStatusChange, onNetworkStatusChange } from './apis/network-status.js';
import { offAppHide, offAppShow, offError, offPageNotFound, onAppHide, onAppShow, onError, onPageNotFound } from './apis/app-events.js';

/**
 * Every API ttsim knows, in one list. Each entry says where it runs (`side`: the host's session, or the
 * guest runtime for what it draws on the simulated screen) and which task object it returns (`task`).
 */
export const apis = [
  // Run by the host's session (side 'host').
  compressImage,
  chooseImage,
  getImageInfo,
  saveFile,
  getFileSystemManager,
  ...readFile,
  ...writeFile,
  ...stat,
  ...readdir,
  ...unlink,
  ...access,
  ...appendFile,
  ...copyFile,
  ...mkdir,
  ...rmdir,
  ...rename,
  ...fsSaveFile,
  getSavedFileList,
  removeSavedFile,
  fsGetFileInfo,
  getFileInfo,
  getSystemInfo,
  getSystemInfoSync,
  canIUse,
  login,
  getUserInfo,
  setClipboardData,
  getClipboardData,
  vibrateShort,
  makePhoneCall,
  getLaunchOptionsSync,
  getUpdateManager,
  openSchema,
  openDocument,
  h5sdkConfig,
  request,
  uploadFile,
  downloadFile,
  connectSocket,
  ...storageApis,
  getNetworkType,
  // Run by the guest runtime, whose screen they change (side 'guest').
  showToast, hideToast, showLoading, hideLoading, showModal, showActionSheet, previewImage,
  navigateTo, redirectTo, navigateBack, switchTab, reLaunch,
  pageScrollTo, startPullDownRefresh, stopPullDownRefresh, setNavigationBarTitle, setNavigationBarColor, showTabBar, hideTabBar,
  createCanvasContext, canvasToTempFilePath,
  setTabBarBadge, removeTabBarBadge, showTabBarRedDot, hideTabBarRedDot, setTabBarItem, setTabBarStyle,
  showNavigationBarLoading, hideNavigationBarLoading, setBackgroundColor, setBackgroundTextStyle,
  onNetworkStatusChange, offNetworkStatusChange, onAppShow, offAppShow, onAppHide, offAppHide, onError, offError, onPageNotFound, offPageNotFound,
  createSelectorQuery, createIntersectionObserver, nextTick,
] as const;

type AnyListedApi = (typeof apis)[number];
export type ApiName = AnyListedApi['name'];
/** APIs that emulator-api's session runs itself. */
export type HostApiName = Exclude<AnyListedApi, { side?: 'guest' }>['name'];
/** APIs the guest runtime runs (it must implement each: see the guest's implementation map). */
export type GuestApiName = Extract<AnyListedApi, { side?: 'guest' }>['name'];
export type ApiByName<N extends ApiName> = Extract<AnyListedApi, { name: N }>;
/** Parameters as the guest passes them. */
export type ApiParams<N extends ApiName> = z.input<ApiByName<N>['params']>;
/** Parameters after validation and defaults. */
export type ApiParsedParams<N extends ApiName> = z.output<ApiByName<N>['params']>;
export type ApiResult<N extends ApiName> = z.output<ApiByName<N>['result']>;

const byName: ReadonlyMap<string, ApiSpec> = (() => {
  const map = new Map<string, ApiSpec>();
  for (const spec of apis as readonly ApiSpec[]) {
    if (map.has(spec.name)) throw new Error(`registry: ${spec.name} is listed twice`);
    map.set(spec.name, spec);
  }
  return map;
})();

export function findApi(name: string): ApiSpec | undefined {
  return byName.get(name);
}

/** Every API ttsim knows, host-side first. */
export function listApis(): readonly ApiSpec[] {
  return apis as readonly ApiSpec[];
}

/** The APIs a plain-Node session runs (no simulated screen). */
export function listHostApis(): readonly ApiSpec[] {
  return listApis().filter((spec) => sideOf(spec) === 'host');
}

/** The task object `name` returns (request → RequestTask, …), if any. */
export function taskKindOf(name: string): TaskKind | undefined {
  return byName.get(name)?.task;
}

/** APIs a gadget reaches as `tt.<name>` (not the FileSystemManager methods). */
export function topLevelApis(): readonly ApiSpec[] {
  return listApis().filter((spec) => !spec.name.includes('.'));
}
