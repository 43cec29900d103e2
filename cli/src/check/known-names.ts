/**
 * Feishu names that are neither in ttsim's registry nor in emulator-api's not-emulated API list, so that
 * `ttsim check` does not call them unknown. They belong next to apis/not-emulated.ts
 * (emulator-api/src/common); they live here until that file takes them.
 */
import { docs } from '../../../emulator-api/src/common/apis/sources.js';
import { documented, type Provenance } from '../../../emulator-api/src/common/types.js';

/** Registry names of the methods of the object tt.getFileSystemManager() returns start with this. */
export const FSM_PREFIX = 'FileSystemManager.';

/**
 * Methods of the FileSystemManager as Feishu's getFileSystemManager page lists them
 * (docs/research/feishu-apis.md, "getFileSystemManager"). Those the registry has are checked against it;
 * the rest are "not emulated".
 */
export const fileSystemManagerMethods: readonly string[] = [
  'access', 'accessSync', 'saveFile', 'saveFileSync', 'getFileInfo', 'getSavedFileList', 'removeSavedFile',
  'copyFile', 'copyFileSync', 'mkdir', 'mkdirSync', 'readdir', 'readdirSync', 'readFile', 'readFileSync',
  'rename', 'renameSync', 'rmdir', 'rmdirSync', 'stat', 'statSync', 'unlink', 'unlinkSync', 'writeFile', 'writeFileSync',
];
export const fileSystemManagerProvenance: Provenance = documented(`${docs.fileSystem}: the method list of getFileSystemManager`);

