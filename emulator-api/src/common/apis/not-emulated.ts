/**
 * Feishu client APIs that ttsim knows by name but does not emulate. A gadget calling one gets the fail a
 * client without it would give (errno 103) with "not emulated by ttsim" in the message and the event
 * stream; `canIUse` answers false; `ttsim check` lists them. Names not here and not in the registry are
 * unknown: `tt.<name>` is undefined, as on a real client.
 *
 * Provenance of the list: assumed. The names are the gadget / web-app APIs of Feishu's API overview as
 * ttsim's authors know them; ttsim has not read each page, so no matrix is claimed for them.
 */
import { assumed, documented, type Provenance } from '../types.js';
import { docs } from './sources.js';

export const notEmulatedProvenance: Provenance = assumed(`${docs.overview}: API names as known to ttsim's authors; pages not read`);

export const notEmulatedApis: readonly string[] = [
  // Device
  'getLocation', 'chooseLocation', 'openLocation', 'startLocationUpdate', 'stopLocationUpdate', 'onLocationChange', 'offLocationChange',
  'scanCode', 'getWifiStatus', 'getConnectedWifi',
  'startAccelerometer', 'stopAccelerometer', 'onAccelerometerChange', 'offAccelerometerChange',
  'startCompass', 'stopCompass', 'onCompassChange', 'offCompassChange',
  'startGyroscope', 'stopGyroscope', 'onGyroscopeChange', 'offGyroscopeChange',
  'startDeviceMotionListening', 'stopDeviceMotionListening', 'onDeviceMotionChange',
  'getScreenBrightness', 'setScreenBrightness', 'setKeepScreenOn', 'onUserCaptureScreen', 'offUserCaptureScreen',
  'vibrateLong', 'getBatteryInfo', 'getBatteryInfoSync', 'addPhoneContact',
  'openBluetoothAdapter', 'closeBluetoothAdapter', 'getBluetoothAdapterState', 'startBluetoothDevicesDiscovery',
  'stopBluetoothDevicesDiscovery', 'getBluetoothDevices', 'onBluetoothDeviceFound', 'createBLEConnection', 'closeBLEConnection',
  'startBeaconDiscovery', 'stopBeaconDiscovery', 'getBeacons', 'onBeaconUpdate', 'onBeaconServiceChange',
  'getHCEState', 'startHCE', 'stopHCE', 'onHCEMessage', 'sendHCEMessage',
  // Media
  'chooseVideo', 'saveVideoToPhotosAlbum', 'saveImageToPhotosAlbum', 'chooseMedia', 'createVideoContext', 'createCameraContext',
  'getRecorderManager', 'getBackgroundAudioManager', 'createInnerAudioContext', 'startRecord', 'stopRecord',
  'chooseFile', 'chooseMessageFile',
  // Open abilities: chat, contacts, docs
  'chooseChat', 'chooseContact', 'openChat', 'enterChat', 'enterProfile', 'enterBot', 'shareAppMessage', 'showShareMenu', 'hideShareMenu',
  'getChatInfo', 'getChatIDsByOpenChatIDs', 'openSchemaInBrowser', 'requestAuthCode', 'checkSession', 'getConnectedInfo',
  'authorize', 'getSetting', 'openSetting', 'startFacialRecognitionVerify', 'startPasswordVerify', 'getTenantInfo',
  'docsPicker', 'filePicker', 'sendMessageCard', 'openMiniProgram', 'navigateToMiniProgram', 'exitMiniProgram',
  // Interface
  'createAnimation', 'loadFontFace', 'onWindowResize', 'offWindowResize',
  // Storage and files beyond what ttsim emulates
  'getSavedFileList', 'getSavedFileInfo', 'removeSavedFile',
  // Misc
  'reportAnalytics', 'getLogManager', 'getExtConfig', 'getExtConfigSync', 'setEnableDebug', 'onMemoryWarning',
];

const notEmulatedSet: ReadonlySet<string> = new Set(notEmulatedApis);

/** Registry names of the methods of the object tt.getFileSystemManager() returns start with this. */
export const FSM_PREFIX = 'FileSystemManager.';

/**
 * The FileSystemManager's methods as Feishu's getFileSystemManager page lists them (docs/research/feishu-apis.md);
 * those the registry lacks are not emulated.
 */
export const fileSystemManagerMethods: readonly string[] = [
  'access', 'accessSync', 'saveFile', 'saveFileSync', 'getFileInfo', 'getSavedFileList', 'removeSavedFile',
  'copyFile', 'copyFileSync', 'mkdir', 'mkdirSync', 'readdir', 'readdirSync', 'readFile', 'readFileSync',
  'rename', 'renameSync', 'rmdir', 'rmdirSync', 'stat', 'statSync', 'unlink', 'unlinkSync', 'writeFile', 'writeFileSync',
  // Not on getFileSystemManager's own page, but in the 2025 API overview.
  'appendFile', 'appendFileSync',
];
export const fileSystemManagerProvenance: Provenance = documented(`${docs.fileSystem}: the method list of getFileSystemManager, and appendFile(Sync) from ${docs.overview}`);

export function isNotEmulated(name: string): boolean {
  return notEmulatedSet.has(name);
}
