import { z } from 'zod';
import { defineApi, type ApiSpec, type BehaviourRule, type FailureRule } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, documented, inferred, type SupportMatrix } from '../types.js';
import { ANY_VERSION, docs } from './sources.js';

const pathRules: BehaviourRule[] = [
  { id: 'path-areas', platforms: 'all', text: 'ttfile://user/… is the app\'s store (read-write, kept across launches); ttfile://temp/… is read-only to the gadget and cleared when the client restarts; a path without scheme points into the gadget package (read-only).', provenance: documented(docs.fileSystem) },
  { id: 'path-checked', platforms: 'all', text: 'Every path is normalised; .. or a symlink that leaves its area fails with 201/202, a NUL byte, backslash, percent-encoded separator or unknown scheme with 213, a name over 255 bytes with 214.', provenance: assumed('ttsim\'s sandbox; errno meanings documented') },
];

/** The store's size limit, for the APIs that write into ttfile://user. */
const userStoreRule: BehaviourRule = {
  id: 'user-store-200mb', platforms: 'all',
  text: 'ttfile://user holds at most 200 MB per app; a write that would pass it fails with errno 208 and leaves the store as it was.',
  provenance: documented(`${docs.fsmAppendFile} ("文件总大小不能超过用户目录总大小 200M"), ${docs.fsmSaveFile} ("目录最大 200M"); errno 208 "total size limit exceeded" is from ${docs.errno}, which API gives it is assumed`),
};

const fsFailures: FailureRule[] = [
  { errno: Errno.fileNotExist, when: 'no file or directory at the path (or no folder above it)', provenance: documented(docs.errno) },
  { errno: Errno.noReadPermission, when: 'the path leaves its area', provenance: documented(docs.errno) },
  { errno: Errno.noWritePermission, when: 'writing into ttfile://temp or the package, or leaving the area', provenance: documented(docs.fileSystem) },
  { errno: Errno.invalidFilePath, when: 'a malformed path', provenance: documented(docs.errno) },
  { errno: Errno.totalSizeLimitExceeded, when: 'a write would take ttfile://user past 200 MB', provenance: assumed(docs.errno) },
];

/** Documented rows are the same for gadgets and web apps. */
function sameForBoth(android: string | null, ios: string | null, pc: string | null, harmony: string | null): SupportMatrix {
  const row = { android, ios, pc, harmony };
  return { gadget: row, webapp: row };
}
const fsSupport = (matrix: SupportMatrix, note = '') => ({ matrix, provenance: documented(`${docs.fileSystem}${note}`) });
const since411 = fsSupport(sameForBoth('4.11.0', '4.11.0', '5.23.0', '7.35.0'));
const since523 = fsSupport(sameForBoth('5.23.0', '5.23.0', '5.23.0', '7.35.0'));
/**
 * Sync twins: "5.23.0 · 5.23.0 · ✗ · 7.35.0" in the gadget overview; the H5 overview does not list them and
 * the 2025 pages of rmdirSync, copyFileSync, saveFileSync and readdirSync say web apps ✗ ✗ ✗ ✗.
 */
const syncTwinSupport = {
  matrix: { gadget: { android: '5.23.0', ios: '5.23.0', pc: null, harmony: '7.35.0' }, webapp: sameForBoth(null, null, null, null).webapp },
  provenance: documented(`${docs.overview}: gadget row; web apps ✗ on the 2025 rmdirSync / copyFileSync / saveFileSync / readdirSync pages and not in the H5 overview`),
};

/**
 * One FileSystemManager method and its …Sync twin, sharing schema, rules and implementation. The twin takes
 * the parameters positionally (readFileSync(filePath, encoding)) and returns the result's one field, if any.
 */
function fsMethod<const Method extends string, Params extends z.ZodObject, Result extends z.ZodObject>(
  method: Method,
  summary: string,
  params: Params,
  result: Result,
  support: { matrix: SupportMatrix; provenance: ReturnType<typeof documented> },
  extraRules: BehaviourRule[] = [],
  extraFailures: FailureRule[] = [],
): [ApiSpec<`FileSystemManager.${Method}`, Params, Result, 'async', 'host'>, ApiSpec<`FileSystemManager.${Method}Sync`, Params, z.ZodType, 'sync', 'host'>] {
  const fields = Object.values(result.shape) as z.ZodType[];
  const syncReturn = fields.length === 1 ? fields[0]! : z.undefined();
  const common = { summary, doc: docs.fileSystem, params, support, behaviours: [...pathRules, ...extraRules], failures: [...fsFailures, ...extraFailures] };
  return [
    defineApi({ ...common, name: `FileSystemManager.${method}`, style: 'async', result }),
    defineApi({
      ...common,
      name: `FileSystemManager.${method}Sync`,
      style: 'sync',
      support: syncTwinSupport,
      positional: Object.keys(params.shape) as (keyof z.infer<Params> & string)[],
      result: syncReturn,
      behaviours: [...common.behaviours, { id: 'sync-throws', platforms: 'all', text: 'The Sync twin takes the parameters in order and returns the value; when the work fails it throws an Error carrying errMsg and errno (no fail callback).', provenance: assumed('WeChat-compatible family') }],
    }),
  ];
}

const encoding = z.enum(['utf8', 'utf-8', 'base64', 'hex', 'ascii', 'binary', 'latin1', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le']);
const fileData = z.union([z.string(), z.instanceof(ArrayBuffer)]);
const statsShape = z.object({
  size: z.number(),
  mode: z.number(),
  lastAccessedTime: z.number(),
  lastModifiedTime: z.number(),
  isFile: z.custom<() => boolean>((v) => typeof v === 'function').optional(),
  isDirectory: z.custom<() => boolean>((v) => typeof v === 'function').optional(),
});

export const readFile = fsMethod('readFile', 'Reads a file (at most 10 MB) as a string in `encoding`, or an ArrayBuffer.',
  z.strictObject({ filePath: z.string().min(1), encoding: encoding.optional() }),
  z.strictObject({ data: fileData }),
  since411,
  [{ id: 'read-limit-10mb', platforms: 'all', text: 'Reading more than 10 MB fails with errno 210.', provenance: documented(docs.fileSystem) }]);
export const writeFile = fsMethod('writeFile', 'Writes a string or ArrayBuffer to a file in ttfile://user, atomically.',
  z.strictObject({ filePath: z.string().min(1), data: fileData, encoding: encoding.optional() }),
  z.strictObject({}),
  since523,
  [{ id: 'atomic-write', platforms: 'all', text: 'The file is written under a temporary name and renamed, so a crash never leaves half a file (a partial file a killed process left is removed by the next session).', provenance: assumed('ttsim guarantee') }, userStoreRule]);
export const stat = fsMethod('stat', 'Returns the Stats of a file or directory.',
  z.strictObject({ path: z.string().min(1) }),
  z.strictObject({ stats: statsShape }),
  fsSupport(sameForBoth('4.11.0', '4.11.0', '5.23.0', '7.39.0')),
  [{ id: 'stats-methods-not-on-pc', platforms: ['pc'], text: 'Stats.isFile() and isDirectory() are not supported on PC (Harmony from 7.39.0): ttsim leaves them out there.', provenance: documented(docs.fileSystem) }]);
export const readdir = fsMethod('readdir', 'Lists the names in a directory.',
  z.strictObject({ dirPath: z.string().min(1) }),
  z.strictObject({ files: z.array(z.string()) }),
  since523);
export const unlink = fsMethod('unlink', 'Deletes a file (temp files included; package files are read-only).',
  z.strictObject({ filePath: z.string().min(1) }),
  z.strictObject({}),
  since523);
export const access = fsMethod('access', 'Succeeds when the path exists.',
  z.strictObject({ path: z.string().min(1) }),
  z.strictObject({}),
  fsSupport(sameForBoth('5.23.0', '5.23.0', '5.23.0', '7.35.0'), '; Harmony 7.35.0 from the 2025 overview table'));

const atomicRule: BehaviourRule = { id: 'atomic-write', platforms: 'all', text: 'The file is written under a temporary name and renamed, so a crash never leaves half a file (a partial file a killed process left is removed by the next session).', provenance: assumed('ttsim guarantee') };
/** Moving out of the area itself, or into one's own subtree. */
const subpathFailure: FailureRule = { errno: Errno.pathAndSubpath, when: 'a folder would be moved or copied into itself', provenance: documented(`${docs.errno}: 209 "Unable to operate on a path and its subpath at the same time"`) };
const existsFailure = (when: string): FailureRule => ({ errno: Errno.fileAlreadyExists, when, provenance: assumed(docs.errno) });
const failure = (errno: FailureRule['errno'], when: string): FailureRule => ({ errno, when, provenance: assumed(docs.errno) });

export const mkdir = fsMethod('mkdir', 'Creates a folder in ttfile://user (with recursive: its missing parents too).',
  z.strictObject({ dirPath: z.string().min(1), recursive: z.boolean().optional() }),
  z.strictObject({}),
  fsSupport(sameForBoth('5.23.0', '5.23.0', '5.23.0', '7.35.0'), `; ${docs.fsmMkdir}`),
  [
    { id: 'mkdir-user-only', platforms: 'all', text: 'dirPath must start with ttfile://user; a folder in ttfile://temp or the package fails with 202.', provenance: documented(`${docs.fsmMkdir}: "创建的目录路径, 必须 ttfile://user 开头"; errno 202 assumed`) },
    { id: 'mkdir-recursive', platforms: 'all', text: 'recursive (default false) creates the missing folders above dirPath first; without it a missing parent fails with 203 and a file in the way with 206.', provenance: documented(`${docs.fsmMkdir}: "是否递归创建该目录的上级目录后再创建该目录", default false; the errnos are assumed`) },
    { id: 'mkdir-exists', platforms: 'all', text: 'Something already at dirPath fails with 204, except an existing folder with recursive: true, which succeeds (as mkdir -p).', provenance: assumed(`WeChat's mkdir lists "file already exists" (有同名文件或目录); Feishu's page is silent; errno 204 from ${docs.errno}`) },
  ],
  [existsFailure('something is already at dirPath (an existing folder passes with recursive: true)'), failure(Errno.notDirectory, 'a file stands where a folder above dirPath should be')]);

export const rmdir = fsMethod('rmdir', 'Removes a folder (with recursive: and everything in it).',
  z.strictObject({ dirPath: z.string().min(1), recursive: z.boolean().optional() }),
  z.strictObject({}),
  fsSupport(sameForBoth('5.23.0', '5.23.0', '5.23.0', '7.35.0'), `; ${docs.fsmRmdir}`),
  [
    { id: 'rmdir-recursive', platforms: 'all', text: 'recursive (default false) removes the folder with everything in it; without it a folder that is not empty fails with 205.', provenance: documented(`${docs.fsmRmdir}: "是否需要递归删除指定的目录", default false; errno 205 "Directory not empty" from ${docs.errno}`) },
    { id: 'rmdir-areas', platforms: 'all', text: 'Folders in ttfile://user and ttfile://temp can be removed (temp is readable and deletable); the package cannot (202), nor the root of an area itself (202).', provenance: inferred(`${docs.fsmManager}: temp "读权限，删权限，无写权限", package "无删权限" (rmdirSync's example comment "必须以 ttfile://user 开头" stands before a folder its own mkdirSync creates, so ttsim reads it as about that folder); refusing an area's root is assumed`) },
  ],
  [failure(Errno.directoryNotEmpty, 'the folder is not empty and recursive is not true'), failure(Errno.notDirectory, 'dirPath is a file')]);

export const rename = fsMethod('rename', 'Moves or renames a file or folder inside ttfile://user.',
  z.strictObject({ oldPath: z.string().min(1), newPath: z.string().min(1) }),
  z.strictObject({}),
  fsSupport(sameForBoth('5.23.0', '5.23.0', '5.23.0', '7.35.0'), `; ${docs.fsmRename}`),
  [
    { id: 'rename-user-only', platforms: 'all', text: 'oldPath and newPath must both be in ttfile://user; a path in ttfile://temp or the package fails with 202 (save a temp file with saveFile).', provenance: inferred(`${docs.douyinFsm}: "开发者只有在 ttfile://user 目录下才有写的权限, 因此 rename 只能在用户目录下进行"; Feishu's page (${docs.fsmRename}) names no area`) },
    { id: 'rename-replaces-file', platforms: 'all', text: 'A file at newPath is replaced by a file (in one step, as POSIX rename); a folder there, or a file where a folder moves, fails with 204; a missing folder above newPath fails with 203.', provenance: assumed(`WeChat's rename lists "no such file or directory" for a missing parent; replacing is POSIX rename; errno 204 from ${docs.errno}`) },
    { id: 'no-subpath', platforms: 'all', text: 'A folder cannot be moved or copied into itself: errno 209.', provenance: documented(`${docs.errno}: 209 "Unable to operate on a path and its subpath at the same time"; which API gives it is assumed`) },
  ],
  [existsFailure('a folder is at newPath, or a folder would replace a file'), subpathFailure]);

export const copyFile = fsMethod('copyFile', 'Copies a file (or a folder with everything in it) into ttfile://user, atomically.',
  z.strictObject({ srcPath: z.string().min(1), destPath: z.string().min(1) }),
  z.strictObject({}),
  fsSupport(sameForBoth('5.23.0', '5.23.0', '5.23.0', '7.35.0'), `; ${docs.fsmCopyFile}`),
  [
    { id: 'copy-dest-user', platforms: 'all', text: 'destPath must be in ttfile://user (202 otherwise); srcPath may be anywhere the gadget can read: ttfile://user, ttfile://temp or the package.', provenance: documented(`${docs.fsmCopyFile}: copyFileSync's example says "destPath 目录必须以 \`ttfile://user\` 开头" (its other example copies into ttfile://temp, which ${docs.fsmManager} says the gadget cannot write)`) },
    { id: 'copy-folders', platforms: 'all', text: 'A folder is copied with everything in it (what the package rule hides from a package folder is left out); a file at destPath is replaced by a file, a folder there, or a folder copied onto a file, fails with 204.', provenance: inferred(`the page's title "复制本地文件/目录" (copy a local file / folder); replacing and 204 are assumed`) },
    { id: 'no-subpath', platforms: 'all', text: 'A folder cannot be moved or copied into itself: errno 209.', provenance: documented(`${docs.errno}: 209 "Unable to operate on a path and its subpath at the same time"; which API gives it is assumed`) },
    atomicRule,
    userStoreRule,
  ],
  [existsFailure('a folder is at destPath, or a folder would replace a file'), subpathFailure]);

const appendEncodingsOnPc = ['utf8', 'utf-8', 'hex'] as const;
export const appendFile = fsMethod('appendFile', 'Appends a string or ArrayBuffer to the end of a file in ttfile://user, atomically.',
  z.strictObject({ filePath: z.string().min(1), data: fileData, encoding: encoding.optional() }),
  z.strictObject({}),
  fsSupport(sameForBoth('5.23.0', '5.23.0', '5.24.0', '7.35.0'), `; ${docs.fsmAppendFile}`),
  [
    { id: 'append-limit-10mb', platforms: 'all', text: 'One append carries at most 10 MB; more fails with errno 212 and leaves the file as it was.', provenance: documented(`${docs.fsmAppendFile}: "单次追加文件大小不能超过 10M"; errno 212 "Data to write exceeds size limit" assumed`) },
    { id: 'append-existing-file', platforms: 'all', text: 'The file must exist: a missing file fails with 203 (appendFile does not create it), a folder with 207.', provenance: assumed('WeChat\'s appendFile lists "no such file or directory, open ${filePath}"; Feishu\'s page is silent') },
    { id: 'append-encodings-pc', platforms: ['pc'], text: `On PC only ${appendEncodingsOnPc.join(', ')} are accepted as encoding; another one fails with 104.`, provenance: documented(`${docs.fsmAppendFile}: the encoding table marks ascii, base64, binary, ucs2 and latin1 "不支持" on PC; errno 104 assumed`) },
    atomicRule,
    userStoreRule,
  ],
  [
    failure(Errno.notFile, 'filePath is a folder'),
    failure(Errno.writeSizeLimitExceeded, 'more than 10 MB in one call'),
    failure(Errno.invalidParameter, 'PC: an encoding other than utf8 / utf-8 / hex'),
  ]);
export const appendEncodingsPc: readonly string[] = appendEncodingsOnPc;

export const fsSaveFile = fsMethod('saveFile', 'Moves a temp file into ttfile://user and returns its saved path (the FileSystemManager form of tt.saveFile).',
  z.strictObject({ tempFilePath: z.string().min(1), filePath: z.string().min(1).optional() }),
  z.strictObject({ savedFilePath: z.string() }),
  fsSupport(sameForBoth('5.23.0', '5.23.0', '5.23.0', '7.35.0'), `; ${docs.fsmSaveFile}`),
  [
    { id: 'save-moves', platforms: 'all', text: 'The temp file is moved: it no longer exists at its temp path.', provenance: documented(docs.fsmSaveFile) },
    userStoreRule,
    { id: 'save-default-name', platforms: 'all', text: 'Without filePath the file lands at ttfile://user/<its temp name> (the page: "如果不填则会给出随机路径").', provenance: inferred(`${docs.fsmSaveFile}: a random path when filePath is left out; ttsim keeps the temp file's own (random) name`) },
    { id: 'save-target-user-only', platforms: 'all', text: 'filePath must be inside ttfile://user; other targets fail with 202.', provenance: documented(`${docs.fsmSaveFile}: "ttfile://user/ 为固定格式"`) },
  ],
  [existsFailure('filePath exists already and is a folder'), failure(Errno.invalidFilePath, 'tempFilePath is not a ttfile://temp path')]);

const savedFileItem = z.strictObject({ filePath: z.string(), size: z.number(), createTime: z.number() });
export const getSavedFileList = defineApi({
  name: 'FileSystemManager.getSavedFileList',
  errMsgName: 'getSavedFileList',
  style: 'async',
  summary: 'Lists the files in ttfile://user with their size and save time.',
  doc: docs.fsmSavedFiles,
  params: z.strictObject({}),
  result: z.strictObject({ fileList: z.array(savedFileItem) }),
  support: fsSupport(sameForBoth('5.23.0', '5.23.0', '5.23.0', '7.35.0'), `; ${docs.fsmSavedFiles}`),
  behaviours: [
    ...pathRules,
    { id: 'saved-list-fields', platforms: 'all', text: 'fileList holds one { filePath, size (bytes), createTime (seconds since 1970) } per file in ttfile://user.', provenance: documented(`${docs.fsmSavedFiles}: "获取用户目录内文件列表", FileItem filePath / size / createTime`) },
    { id: 'saved-list-recursive', platforms: 'all', text: 'Files in sub-folders are listed too (folders themselves are not), sorted by path; createTime is the file\'s last write time.', provenance: assumed('the page does not say whether sub-folders count, nor which time is "文件保存时的时间戳" after a later write') },
  ],
  failures: [],
});

export const removeSavedFile = defineApi({
  name: 'FileSystemManager.removeSavedFile',
  errMsgName: 'removeSavedFile',
  style: 'async',
  summary: 'Deletes a file in ttfile://user.',
  doc: docs.fsmSavedFiles,
  params: z.strictObject({ filePath: z.string().min(1) }),
  result: z.strictObject({}),
  support: fsSupport(sameForBoth('5.23.0', '5.23.0', '5.23.0', '7.35.0'), `; ${docs.fsmSavedFiles}`),
  behaviours: [
    ...pathRules,
    { id: 'remove-saved-user-only', platforms: 'all', text: 'filePath must be a file in ttfile://user: another area fails with 213 (use unlink for temp files), a folder with 207.', provenance: inferred(`${docs.fsmManager} lists it as "删除用户目录文件"; the errnos are assumed`) },
  ],
  failures: [...fsFailures, { errno: Errno.notFile, when: 'filePath is a folder', provenance: assumed(docs.errno) }],
});

export const getFileSystemManager = defineApi({
  name: 'getFileSystemManager',
  style: 'sync',
  summary: 'Returns the FileSystemManager: access, appendFile, copyFile, mkdir, readdir, readFile, rename, rmdir, saveFile, stat, unlink, writeFile (each with a Sync twin), getFileInfo, getSavedFileList, removeSavedFile.',
  doc: docs.fileSystem,
  params: z.strictObject({}),
  result: z.object({}).loose(),
  support: fsSupport(sameForBoth('4.11.0', '4.11.0', '4.11.0', '7.35.0')),
  behaviours: pathRules,
  failures: [],
});

export const saveFile = defineApi({
  name: 'saveFile',
  style: 'async',
  summary: 'Moves a temp file into the app\'s store (ttfile://user) and returns its saved path.',
  doc: docs.saveFile,
  params: z.strictObject({ tempFilePath: z.string().min(1), filePath: z.string().min(1).optional() }),
  result: z.strictObject({ savedFilePath: z.string() }),
  support: {
    matrix: {
      gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' },
      webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
    },
    provenance: documented(`${docs.saveFile}; gadget Android/iOS/PC are "✓" with no minimum version`),
  },
  behaviours: [
    ...pathRules,
    { id: 'save-moves', platforms: 'all', text: 'The temp file is moved: it no longer exists at its temp path.', provenance: documented(docs.saveFile) },
    userStoreRule,
    { id: 'save-default-name', platforms: 'all', text: 'Without filePath the file lands at ttfile://user/<its temp name>.', provenance: assumed('the page does not say where an unnamed save goes') },
    { id: 'save-target-user-only', platforms: 'all', text: 'filePath must be inside ttfile://user; other targets fail with 202.', provenance: documented(docs.fileSystem) },
  ],
  failures: [...fsFailures, { errno: Errno.fileAlreadyExists, when: 'filePath exists already and is a directory', provenance: assumed(docs.errno) }],
});

/** FileSystemManager.getFileInfo: size only, as Feishu documents it (no getFileInfoSync twin is listed). */
export const fsGetFileInfo = defineApi({
  name: 'FileSystemManager.getFileInfo',
  errMsgName: 'getFileInfo',
  style: 'async',
  summary: 'The size of a file in the package, ttfile://temp or ttfile://user.',
  doc: docs.fileSystem,
  params: z.strictObject({ filePath: z.string().min(1) }),
  result: z.strictObject({ size: z.number() }),
  support: since523,
  behaviours: pathRules,
  failures: fsFailures,
});

/** tt.getFileInfo: Feishu's overview does not list it; the WeChat-compatible family has it with a digest. */
export const getFileInfo = defineApi({
  name: 'getFileInfo',
  style: 'async',
  summary: 'Size and digest (md5 or sha1) of a file.',
  doc: docs.fileSystem,
  params: z.strictObject({ filePath: z.string().min(1), digestAlgorithm: z.enum(['md5', 'sha1']).default('md5') }),
  result: z.strictObject({ size: z.number(), digest: z.string() }),
  support: {
    matrix: { gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' }, webapp: sameForBoth(null, null, null, null).webapp },
    provenance: assumed(`${docs.overview} does not list a top-level getFileInfo (docs/research/feishu-apis.md); ttsim follows the WeChat-compatible family for gadgets only`),
  },
  behaviours: [
    ...pathRules,
    { id: 'digest-hex', platforms: 'all', text: 'digest is the lowercase hex md5 (default) or sha1 of the file\'s bytes.', provenance: assumed('WeChat-compatible family (wx.getFileInfo)') },
  ],
  failures: fsFailures,
});
