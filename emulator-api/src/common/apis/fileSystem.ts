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
  provenance: inferred('Feishu\'s file-system page as quoted in public Feishu gadget write-ups ("本地用户文件 … 每个小程序最多可存储 200MB"); errno 208 "total size limit exceeded" from the errno page, which API gives it is assumed'),
};

const fsFailures: FailureRule[] = [
  { errno: Errno.fileNotExist, when: 'no file or directory at the path', provenance: documented(docs.errno) },
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
/** Sync twins: "5.23.0 · 5.23.0 · ✗ · 7.35.0" in the gadget overview; web apps do not list them (assumed unsupported). */
const syncTwinSupport = {
  matrix: { gadget: { android: '5.23.0', ios: '5.23.0', pc: null, harmony: '7.35.0' }, webapp: sameForBoth(null, null, null, null).webapp },
  provenance: documented(`${docs.overview}: gadget row; web apps do not list the Sync methods (assumed unsupported)`),
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
): [ApiSpec<`FileSystemManager.${Method}`, Params, Result, 'async', 'host'>, ApiSpec<`FileSystemManager.${Method}Sync`, Params, z.ZodType, 'sync', 'host'>] {
  const fields = Object.values(result.shape) as z.ZodType[];
  const syncReturn = fields.length === 1 ? fields[0]! : z.undefined();
  const common = { summary, doc: docs.fileSystem, params, support, behaviours: [...pathRules, ...extraRules], failures: fsFailures };
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

const encoding = z.enum(['utf8', 'utf-8', 'base64', 'hex', 'ascii', 'binary', 'latin1', 'ucs2', 'utf16le']);
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

export const getFileSystemManager = defineApi({
  name: 'getFileSystemManager',
  style: 'sync',
  summary: 'Returns the FileSystemManager (readFile, writeFile, stat, readdir, unlink, access and their Sync twins).',
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
