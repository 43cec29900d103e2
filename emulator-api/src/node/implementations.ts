/**
 * Each registry API's implementation, keyed by name. The type makes a missing implementation a compile
 * error, so adding an API is one registry entry plus one line here.
 */
import type { ApiParsedParams, HostApiName } from '../common/registry.js';
import { compressImage } from './apis/compressImage.js';
import { getUserInfo, login } from './apis/account.js';
import { h5sdkConfig } from './apis/jssdk.js';
import { getLaunchOptionsSync, getUpdateManager, openDocument, openSchema } from './apis/app-services.js';
import { getClipboardData, makePhoneCall, setClipboardData, vibrateShort } from './apis/device.js';
import { access, appendFile, copyFile, fsGetFileInfo, getFileInfo, getSavedFileList, mkdir, readdir, readFile, removeSavedFile, rename, rmdir, saveFile, stat, unlink, writeFile } from './apis/files.js';
import { chooseImage, getImageInfo } from './apis/image.js';
import { canIUse, getFileSystemManager, getSystemInfo, getSystemInfoSync } from './apis/system.js';
import { connectSocket, downloadFile, request, uploadFile } from './apis/network.js';
import { getNetworkType } from './apis/network-status.js';
import * as storage from './apis/storage.js';
import type { NodeCallContext } from './context.js';

type Implementations = { [N in HostApiName]: (params: ApiParsedParams<N>, ctx: NodeCallContext) => unknown };

/** A Sync twin: the same work, returning the result's one field (or nothing); a failure is thrown (the caller's makeSyncApi throws it on). */
function syncTwin<P, R extends object>(impl: (params: P, ctx: NodeCallContext) => R, field?: keyof R) {
  return (params: P, ctx: NodeCallContext) => {
    let result: R;
    try {
      result = impl(params, ctx);
    } catch (error) {
      ctx.applyRule('sync-throws');
      throw error;
    }
    return field === undefined ? undefined : result[field];
  };
}

export const implementations: Implementations = {
  compressImage,
  chooseImage,
  getImageInfo,
  saveFile,
  getFileSystemManager,
  'FileSystemManager.readFile': readFile,
  'FileSystemManager.readFileSync': syncTwin(readFile, 'data'),
  'FileSystemManager.writeFile': writeFile,
  'FileSystemManager.writeFileSync': syncTwin(writeFile),
  'FileSystemManager.stat': stat,
  'FileSystemManager.statSync': syncTwin(stat, 'stats'),
  'FileSystemManager.readdir': readdir,
  'FileSystemManager.readdirSync': syncTwin(readdir, 'files'),
  'FileSystemManager.unlink': unlink,
  'FileSystemManager.unlinkSync': syncTwin(unlink),
  'FileSystemManager.access': access,
  'FileSystemManager.accessSync': syncTwin(access),
  'FileSystemManager.appendFile': appendFile,
  'FileSystemManager.appendFileSync': syncTwin(appendFile),
  'FileSystemManager.copyFile': copyFile,
  'FileSystemManager.copyFileSync': syncTwin(copyFile),
  'FileSystemManager.mkdir': mkdir,
  'FileSystemManager.mkdirSync': syncTwin(mkdir),
  'FileSystemManager.rmdir': rmdir,
  'FileSystemManager.rmdirSync': syncTwin(rmdir),
  'FileSystemManager.rename': rename,
  'FileSystemManager.renameSync': syncTwin(rename),
  'FileSystemManager.saveFile': saveFile,
  'FileSystemManager.saveFileSync': syncTwin(saveFile, 'savedFilePath'),
  'FileSystemManager.getSavedFileList': getSavedFileList,
  'FileSystemManager.removeSavedFile': removeSavedFile,
  'FileSystemManager.getFileInfo': fsGetFileInfo,
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
  'h5sdk.config': h5sdkConfig,
  request,
  uploadFile,
  downloadFile,
  connectSocket,
  setStorage: storage.setStorage,
  setStorageSync: storage.setStorageSync,
  getStorage: storage.getStorage,
  getStorageSync: storage.getStorageSync,
  removeStorage: storage.removeStorage,
  removeStorageSync: storage.removeStorageSync,
  clearStorage: storage.clearStorage,
  clearStorageSync: storage.clearStorageSync,
  getStorageInfo: storage.getStorageInfo,
  getStorageInfoSync: storage.getStorageInfoSync,
  getNetworkType,
};
