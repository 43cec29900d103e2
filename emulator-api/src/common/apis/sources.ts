/**
 * The documents that registry entries cite, one place for each page's title. Paths are below
 * https://open.feishu.cn/document/client-docs/gadget/-web-app-api/ unless they start with a host;
 * docs/research/feishu-apis.md says how each was read.
 */
import type { SupportMatrix } from '../types.js';

export const docs = {
  compressImage: 'Feishu client API "compressImage" (…/media/image/compressimage, updated 2025-01-21)',
  chooseImage: 'Feishu client API "chooseImage" (…/media/image/chooseimage, updated 2025-08-01)',
  getImageInfo: 'Feishu client API "getImageInfo" (…/media/image/getimageinfo, updated 2025-04-15)',
  fileSystem: 'Feishu client API "FileSystemManager" pages and file-path rules (…/file/file_system_manager/…, updated 2025-01-21 / 2025-03-12)',
  saveFile: 'Feishu client API "saveFile" (…/file/savefile, updated 2025-01-21, marked no longer maintained)',
  fsmMkdir: 'Feishu client API "FileSystemManager.mkdir" (…/file/file_system_manager/file_system_manager_mkdir, updated 2025-01-21)',
  fsmRmdir: 'Feishu client API "FileSystemManager.rmdir" / "rmdirSync" (…/file_system_manager/file_system_manager_rmdir[_sync], updated 2025-01-21)',
  fsmRename: 'Feishu client API "FileSystemManager.rename" (…/file_system_manager/file_system_manager_rename, updated 2025-01-21)',
  fsmCopyFile: 'Feishu client API "FileSystemManager.copyFile" / "copyFileSync" (…/file_system_manager/file_system_manager_copy_file[_sync], updated 2025-01-21)',
  fsmAppendFile: 'Feishu client API "FileSystemManager.appendFile" (…/file/file_system_manager/appendfile, updated 2025-01-21)',
  fsmSaveFile: 'Feishu client API "FileSystemManager.saveFile" / "saveFileSync" (…/file_system_manager/file_system_manager_save_file[_sync], updated 2025-01-21)',
  fsmSavedFiles: 'Feishu client API "FileSystemManager.getSavedFileList" / "removeSavedFile" (…/file_system_manager/file_system_manager_get_saved_file_list, …_remove_saved_file, updated 2025-01-21)',
  fsmManager: 'Feishu client API "getFileSystemManager" (…/file/tt_get_file_system_manager, updated 2025-01-21): directory rules and method list',
  douyinFsm: 'the Douyin family\'s FileSystemManager pages (developer.open-douyin.com …/file-system-manager-rename, -copy-file), a sibling ByteDance client with the same ttfile:// scheme',
  getSystemInfo: 'Feishu client API "getSystemInfo" / "getSystemInfoSync" (…/device/system-information/…, updated 2025-08-01 / 2025-07-07)',
  canIUse: 'canIUse as documented in the Douyin family (Feishu has no page that ttsim has read)',
  errno: 'Feishu "Errno 错误码" (…/errno, updated 2025-04-15)',
  standardIO: 'Feishu "标准对象输入/输出" (standard object input / output) as summarised in shared/reference/feishu-api.md',
  interaction: 'Feishu client API "界面 › 交互" pages (showToast, showModal, showLoading); not read by ttsim',
  navigation: 'Feishu client API "界面 › 导航" pages (navigateTo, redirectTo, navigateBack, switchTab, reLaunch); not read by ttsim',
  previewImage: 'Feishu client API "previewImage" (…/media/image/previewimage, updated 2025-08-01)',
  login: 'Feishu client API "login" (open.larkoffice.com/document/uYjL24iN/uYzMuYzMuYzM, marked no longer maintained in favour of requestAccess)',
  request: 'Feishu client API "request" (open.feishu.cn/document/uYjL24iN/uIDMx4iMwEjLyATM, read 2026-11: support table, inputs and the data conversion notes)',
  downloadFile: 'Feishu client API "downloadFile" (open.feishu.cn/document/uYjL24iN/ucDMx4yNwEjL3ATM, read 2026-11: support table, inputs, outputs)',
  uploadFile: 'Feishu client API "uploadFile" (…/network/upload; not read by ttsim: its search found no copy of the page)',
  connectSocket: 'Feishu client API "connectSocket" (open.feishu.cn/document/uYjL24iN/ugDMx4COwEjL4ATM, read 2026-11: support table, inputs, SocketTask methods)',
  storage: 'Feishu client API "数据缓存" pages (setStorage, getStorage, …; not read by ttsim: its search found no copy of them)',
  wechatFamily: 'the WeChat-compatible family (WeChat wx.request / uploadFile / downloadFile / setStorage pages, Douyin tt.* pages)',
  gadgetFramework: 'Feishu gadget framework pages (App / Page lifecycle), as summarised in shared/reference/feishu-api.md',
  jssdk: 'Feishu web-app JSSDK pages (h5sdk.config / ready / error, 鉴权), as summarised in shared/reference/feishu-api.md',
  overview: 'Feishu "小程序 API 总览" and "H5 JSAPI 总览" (updated 2025-08-01)',
} as const;

/** "✓" in a Feishu table: supported, with no minimum version given. ttsim models it as 1.0.0. */
export const ANY_VERSION = '1.0.0';

/** The most common row pair: gadgets everywhere (Harmony from 7.35.0, as the whole gadget framework), no web apps. */
export const GADGET_ONLY: SupportMatrix = Object.freeze({
  gadget: Object.freeze({ android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' }),
  webapp: Object.freeze({ android: null, ios: null, pc: null, harmony: null }),
});
