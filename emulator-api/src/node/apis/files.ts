/** FileSystemManager methods and saveFile. Sync on purpose: each Sync twin shares its implementation. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { appendEncodingsPc } from '../../common/apis/fileSystem.js';
import { Errno, isTtError, TtError } from '../../common/errors.js';
import type { ApiParsedParams } from '../../common/registry.js';
import type { NodeCallContext } from '../context.js';
import { appendAtomicSync, copyFileAtomicSync, PARTIAL_PREFIX, partialPathFor, writeAtomicSync, type Access, type ResolvedPath } from '../sandbox.js';
import { notInPackage } from '../../common/package-files.js';

const READ_LIMIT_BYTES = 10 * 1024 * 1024;
/** One appendFile call carries at most this much (Feishu's appendFile page: 单次追加文件大小不能超过 10M). */
const APPEND_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * Resolves a path for an API whose own rule says which areas it works in: when the sandbox refuses the
 * area (path-areas, errno 202), that rule is recorded too.
 */
function resolveFor(ctx: NodeCallContext, guestPath: string, access: Access, areaRule: string, options: { mustExist?: boolean } = {}): ResolvedPath {
  try {
    return ctx.sandbox.resolve(guestPath, access, options);
  } catch (error) {
    if (isTtError(error) && error.rule === 'path-areas') ctx.applyRule(areaRule);
    throw error;
  }
}

/** The Stats at a host path, or undefined when nothing is there (also when a file stands where a folder would be). */
function statIfAny(hostPath: string): fs.Stats | undefined {
  try {
    return fs.statSync(hostPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Whether `inner` is `outer` or lies inside it (host paths). */
function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer + path.sep);
}

export function requireFile(hostPath: string, guestPath: string): fs.Stats {
  const stats = fs.statSync(hostPath);
  if (!stats.isFile()) throw new TtError(Errno.notFile, `not a file: ${guestPath} is a directory`);
  return stats;
}

function requireDirectory(hostPath: string, guestPath: string): void {
  if (!fs.statSync(hostPath).isDirectory()) throw new TtError(Errno.notDirectory, `not a directory: ${guestPath}`);
}

function requireParentDirectory(hostPath: string, guestPath: string): void {
  const parent = path.dirname(hostPath);
  if (!fs.existsSync(parent)) throw new TtError(Errno.fileNotExist, `no such file or directory: the folder of ${guestPath} does not exist`);
  requireDirectory(parent, path.posix.dirname(guestPath));
}

const nodeEncoding = (encoding: string) => (encoding === 'utf-8' ? 'utf8' : encoding) as BufferEncoding;

export function readFile({ filePath, encoding }: ApiParsedParams<'FileSystemManager.readFile'>, ctx: NodeCallContext) {
  const target = ctx.sandbox.resolve(filePath, 'read', { mustExist: true });
  const stats = requireFile(target.hostPath, filePath);
  if (stats.size > READ_LIMIT_BYTES) {
    ctx.applyRule('read-limit-10mb');
    throw new TtError(Errno.readSizeLimitExceeded, `read size limit exceeded: ${filePath} is ${stats.size} bytes, readFile reads at most 10 MB`);
  }
  const bytes = fs.readFileSync(target.hostPath);
  if (encoding) return { data: bytes.toString(nodeEncoding(encoding)) };
  return { data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

export function writeFile({ filePath, data, encoding }: ApiParsedParams<'FileSystemManager.writeFile'>, ctx: NodeCallContext) {
  const target = ctx.sandbox.resolve(filePath, 'write');
  requireParentDirectory(target.hostPath, filePath);
  if (fs.existsSync(target.hostPath) && !fs.statSync(target.hostPath).isFile()) {
    throw new TtError(Errno.notFile, `not a file: ${filePath} is a directory`);
  }
  ctx.applyRule('atomic-write');
  const bytes = typeof data === 'string' ? Buffer.from(data, nodeEncoding(encoding ?? 'utf8')) : new Uint8Array(data);
  ctx.applyRule('user-store-200mb');
  ctx.sandbox.checkUserStore(target, bytes.byteLength);
  writeAtomicSync(target.hostPath, bytes);
  return {};
}

export function stat({ path: guestPath }: ApiParsedParams<'FileSystemManager.stat'>, ctx: NodeCallContext) {
  const target = ctx.sandbox.resolve(guestPath, 'read', { mustExist: true });
  const s = fs.statSync(target.hostPath);
  const stats = {
    size: s.size,
    mode: s.mode,
    lastAccessedTime: Math.floor(s.atimeMs / 1000),
    lastModifiedTime: Math.floor(s.mtimeMs / 1000),
  };
  if (ctx.profile.platform === 'pc') {
    ctx.applyRule('stats-methods-not-on-pc');
    return { stats };
  }
  return { stats: { ...stats, isFile: () => s.isFile(), isDirectory: () => s.isDirectory() } };
}

export function readdir({ dirPath }: ApiParsedParams<'FileSystemManager.readdir'>, ctx: NodeCallContext) {
  const target = ctx.sandbox.resolve(dirPath, 'read', { mustExist: true });
  requireDirectory(target.hostPath, dirPath);
  const shown = (name: string) => !name.startsWith(PARTIAL_PREFIX) && (target.area !== 'package' || notInPackage(target.relative ? `${target.relative}/${name}` : name) === undefined);
  return { files: fs.readdirSync(target.hostPath).filter(shown).sort() };
}

export function mkdir({ dirPath, recursive }: ApiParsedParams<'FileSystemManager.mkdir'>, ctx: NodeCallContext) {
  const target = resolveFor(ctx, dirPath, 'write', 'mkdir-user-only');
  const existing = statIfAny(target.hostPath);
  if (existing) {
    ctx.applyRule('mkdir-exists');
    if (existing.isDirectory() && recursive) return {};
    throw new TtError(Errno.fileAlreadyExists, `file already exists: ${target.guestPath} is already a ${existing.isDirectory() ? 'folder' : 'file'}${existing.isDirectory() ? ' (recursive: true accepts an existing folder)' : ''}`);
  }
  if (recursive) {
    ctx.applyRule('mkdir-recursive');
    // The nearest existing folder above must be a folder: a file in the way is 206.
    let above = path.dirname(target.hostPath);
    while (!fs.existsSync(above)) above = path.dirname(above);
    if (!fs.statSync(above).isDirectory()) throw new TtError(Errno.notDirectory, `not a directory: a file is in the way of ${target.guestPath} (${ctx.sandbox.guestPathOf(above) ?? 'a parent'})`);
    fs.mkdirSync(target.hostPath, { recursive: true });
    return {};
  }
  const parent = path.dirname(target.hostPath);
  if (!fs.existsSync(parent)) {
    ctx.applyRule('mkdir-recursive');
    throw new TtError(Errno.fileNotExist, `no such file or directory: the folder above ${target.guestPath} does not exist (pass recursive: true to create it)`);
  }
  requireDirectory(parent, path.posix.dirname(target.guestPath));
  fs.mkdirSync(target.hostPath);
  return {};
}

export function rmdir({ dirPath, recursive }: ApiParsedParams<'FileSystemManager.rmdir'>, ctx: NodeCallContext) {
  const target = resolveFor(ctx, dirPath, 'delete', 'rmdir-areas', { mustExist: true });
  if (target.relative === '') {
    ctx.applyRule('rmdir-areas');
    throw new TtError(Errno.noWritePermission, `permission denied: ${target.guestPath} is the root of its area and cannot be removed (remove what is in it)`);
  }
  requireDirectory(target.hostPath, dirPath);
  if (target.area === 'temp') ctx.applyRule('rmdir-areas');
  const entries = fs.readdirSync(target.hostPath).filter((name) => !name.startsWith(PARTIAL_PREFIX));
  if (recursive) ctx.applyRule('rmdir-recursive');
  else if (entries.length > 0) {
    ctx.applyRule('rmdir-recursive');
    throw new TtError(Errno.directoryNotEmpty, `directory not empty: ${target.guestPath} holds ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} (pass recursive: true to remove them too)`);
  }
  fs.rmSync(target.hostPath, { recursive: true, force: true });
  return {};
}

export function rename({ oldPath, newPath }: ApiParsedParams<'FileSystemManager.rename'>, ctx: NodeCallContext) {
  const from = resolveFor(ctx, oldPath, 'write', 'rename-user-only', { mustExist: true });
  const to = resolveFor(ctx, newPath, 'write', 'rename-user-only');
  if (from.hostPath === to.hostPath) return {};
  if (isWithin(to.hostPath, from.hostPath)) {
    ctx.applyRule('no-subpath');
    throw new TtError(Errno.pathAndSubpath, `unable to operate on a path and its subpath at the same time: ${to.guestPath} is inside ${from.guestPath}`);
  }
  const source = fs.statSync(from.hostPath);
  const existing = statIfAny(to.hostPath);
  if (existing) {
    ctx.applyRule('rename-replaces-file');
    if (existing.isDirectory() || source.isDirectory()) {
      throw new TtError(Errno.fileAlreadyExists, `file already exists: ${to.guestPath} is a ${existing.isDirectory() ? 'folder' : 'file'} (rename replaces a file with a file only)`);
    }
  } else if (!fs.existsSync(path.dirname(to.hostPath))) ctx.applyRule('rename-replaces-file');
  requireParentDirectory(to.hostPath, to.guestPath);
  fs.renameSync(from.hostPath, to.hostPath);
  return {};
}

/** Bytes of the files a folder copy would write (what the package rule and the sandbox let through). */
function folderCopyPlan(ctx: NodeCallContext, source: ResolvedPath): { files: { from: string; relative: string }[]; folders: string[]; bytes: number } {
  const files: { from: string; relative: string }[] = [];
  const folders: string[] = [];
  let bytes = 0;
  const walk = (guestDir: string, relative: string) => {
    const dir = ctx.sandbox.resolve(guestDir || '.', 'read', { mustExist: true });
    for (const name of fs.readdirSync(dir.hostPath).sort()) {
      if (name.startsWith(PARTIAL_PREFIX)) continue;
      if (source.area === 'package' && notInPackage(dir.relative ? `${dir.relative}/${name}` : name) !== undefined) continue;
      // Every entry goes through the sandbox again: a symlink that leaves the area fails the copy (201).
      const entry = ctx.sandbox.resolve(`${guestDir.replace(/\/$/, '')}/${name}`, 'read', { mustExist: true });
      const stats = fs.statSync(entry.hostPath);
      const rel = relative ? `${relative}/${name}` : name;
      if (stats.isDirectory()) {
        folders.push(rel);
        walk(entry.guestPath, rel);
      } else if (stats.isFile()) {
        files.push({ from: entry.hostPath, relative: rel });
        bytes += stats.size;
      }
    }
  };
  walk(source.guestPath, '');
  return { files, folders, bytes };
}

export function copyFile({ srcPath, destPath }: ApiParsedParams<'FileSystemManager.copyFile'>, ctx: NodeCallContext) {
  const source = ctx.sandbox.resolve(srcPath, 'read', { mustExist: true });
  const target = resolveFor(ctx, destPath, 'write', 'copy-dest-user');
  const sourceStats = fs.statSync(source.hostPath);
  const existing = statIfAny(target.hostPath);
  if (sourceStats.isDirectory()) ctx.applyRule('copy-folders');
  if (existing && (existing.isDirectory() || sourceStats.isDirectory())) {
    ctx.applyRule('copy-folders');
    throw new TtError(Errno.fileAlreadyExists, `file already exists: ${target.guestPath} is a ${existing.isDirectory() ? 'folder' : 'file'} (copyFile replaces a file with a file only)`);
  }
  requireParentDirectory(target.hostPath, target.guestPath);
  ctx.applyRule('atomic-write');
  ctx.applyRule('user-store-200mb');
  if (!sourceStats.isDirectory()) {
    ctx.sandbox.checkUserStore(target, sourceStats.size);
    copyFileAtomicSync(source.hostPath, target.hostPath);
    return {};
  }
  if (isWithin(target.hostPath, source.hostPath)) {
    ctx.applyRule('no-subpath');
    throw new TtError(Errno.pathAndSubpath, `unable to operate on a path and its subpath at the same time: ${target.guestPath} is inside ${source.guestPath}`);
  }
  const plan = folderCopyPlan(ctx, source);
  ctx.sandbox.checkUserStore(target, plan.bytes);
  // The whole folder is built under a hidden name and renamed: a failed copy leaves nothing behind.
  const partial = partialPathFor(target.hostPath);
  try {
    fs.mkdirSync(partial);
    for (const folder of plan.folders) fs.mkdirSync(path.join(partial, ...folder.split('/')));
    for (const file of plan.files) fs.copyFileSync(file.from, path.join(partial, ...file.relative.split('/')));
    fs.renameSync(partial, target.hostPath);
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return {};
}

export function appendFile({ filePath, data, encoding }: ApiParsedParams<'FileSystemManager.appendFile'>, ctx: NodeCallContext) {
  if (typeof data === 'string' && encoding !== undefined && ctx.profile.platform === 'pc' && !appendEncodingsPc.includes(encoding)) {
    ctx.applyRule('append-encodings-pc');
    throw new TtError(Errno.invalidParameter, `parameter error: encoding ${encoding} is not supported by appendFile on PC (accepted: ${appendEncodingsPc.join(', ')})`);
  }
  const target = ctx.sandbox.resolve(filePath, 'write');
  const stats = statIfAny(target.hostPath);
  if (!stats || !stats.isFile()) {
    ctx.applyRule('append-existing-file');
    if (!stats) throw new TtError(Errno.fileNotExist, `no such file or directory, open ${target.guestPath} (appendFile adds to an existing file: create it with writeFile)`);
    throw new TtError(Errno.notFile, `not a file: ${target.guestPath} is a folder`);
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, nodeEncoding(encoding ?? 'utf8')) : new Uint8Array(data);
  if (bytes.byteLength > APPEND_LIMIT_BYTES) {
    ctx.applyRule('append-limit-10mb');
    throw new TtError(Errno.writeSizeLimitExceeded, `write size limit exceeded: appending ${bytes.byteLength} bytes, appendFile takes at most 10 MB per call`);
  }
  ctx.applyRule('user-store-200mb');
  ctx.sandbox.checkUserStore(target, stats.size + bytes.byteLength);
  ctx.applyRule('atomic-write');
  appendAtomicSync(target.hostPath, bytes);
  return {};
}

export function getSavedFileList(_params: ApiParsedParams<'FileSystemManager.getSavedFileList'>, ctx: NodeCallContext) {
  const root = ctx.sandbox.resolve('ttfile://user', 'read');
  ctx.applyRule('saved-list-fields');
  ctx.applyRule('saved-list-recursive');
  const fileList: { filePath: string; size: number; createTime: number }[] = [];
  const walk = (dir: string, relative: string) => {
    // Symlinks are neither files nor folders here: the list never reaches outside the store.
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(PARTIAL_PREFIX)) continue;
      const rel = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else if (entry.isFile()) {
        const stats = fs.statSync(path.join(dir, entry.name), { throwIfNoEntry: false });
        if (stats) fileList.push({ filePath: `ttfile://user/${rel}`, size: stats.size, createTime: Math.floor(stats.mtimeMs / 1000) });
      }
    }
  };
  walk(root.hostPath, '');
  fileList.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { fileList };
}

export function removeSavedFile({ filePath }: ApiParsedParams<'FileSystemManager.removeSavedFile'>, ctx: NodeCallContext) {
  const target = ctx.sandbox.resolve(filePath, 'delete');
  if (target.area !== 'user') {
    ctx.applyRule('remove-saved-user-only');
    throw new TtError(Errno.invalidFilePath, `invalid filePath: removeSavedFile removes files in ttfile://user, not ${JSON.stringify(filePath)}${target.area === 'temp' ? ' (unlink removes temp files)' : ''}`);
  }
  const stats = statIfAny(target.hostPath);
  if (!stats) throw new TtError(Errno.fileNotExist, `no such file or directory, ${JSON.stringify(filePath)}`);
  if (!stats.isFile()) {
    ctx.applyRule('remove-saved-user-only');
    throw new TtError(Errno.notFile, `not a file: ${target.guestPath} is a folder (rmdir removes folders)`);
  }
  fs.unlinkSync(target.hostPath);
  return {};
}

export function unlink({ filePath }: ApiParsedParams<'FileSystemManager.unlink'>, ctx: NodeCallContext) {
  const target = ctx.sandbox.resolve(filePath, 'delete', { mustExist: true });
  requireFile(target.hostPath, filePath);
  fs.unlinkSync(target.hostPath);
  return {};
}

export function access({ path: guestPath }: ApiParsedParams<'FileSystemManager.access'>, ctx: NodeCallContext) {
  ctx.sandbox.resolve(guestPath, 'read', { mustExist: true });
  return {};
}

export function saveFile({ tempFilePath, filePath }: ApiParsedParams<'saveFile'>, ctx: NodeCallContext) {
  const source = ctx.sandbox.resolve(tempFilePath, 'delete', { mustExist: true });
  if (source.area !== 'temp') throw new TtError(Errno.invalidFilePath, `invalid tempFilePath: expected a ttfile://temp/… path but received ${JSON.stringify(tempFilePath)}`);
  requireFile(source.hostPath, tempFilePath);
  if (filePath === undefined) ctx.applyRule('save-default-name');
  const target = ctx.sandbox.resolve(filePath ?? `ttfile://user/${path.posix.basename(source.relative)}`, 'write');
  ctx.applyRule('save-target-user-only');
  requireParentDirectory(target.hostPath, target.guestPath);
  if (fs.existsSync(target.hostPath) && fs.statSync(target.hostPath).isDirectory()) {
    throw new TtError(Errno.fileAlreadyExists, `file already exists: ${target.guestPath} is a directory`);
  }
  ctx.applyRule('user-store-200mb');
  ctx.sandbox.checkUserStore(target, fs.statSync(source.hostPath).size);
  ctx.applyRule('save-moves');
  try {
    fs.renameSync(source.hostPath, target.hostPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    writeAtomicSync(target.hostPath, fs.readFileSync(source.hostPath));
    fs.unlinkSync(source.hostPath);
  }
  return { savedFilePath: target.guestPath };
}

/** FileSystemManager.getFileInfo: the size, as Feishu documents it. */
export function fsGetFileInfo({ filePath }: ApiParsedParams<'FileSystemManager.getFileInfo'>, ctx: NodeCallContext) {
  const target = ctx.sandbox.resolve(filePath, 'read', { mustExist: true });
  return { size: requireFile(target.hostPath, filePath).size };
}

/** tt.getFileInfo: size and the hex digest of the bytes, streamed (files may be large). */
export async function getFileInfo({ filePath, digestAlgorithm }: ApiParsedParams<'getFileInfo'>, ctx: NodeCallContext) {
  const target = ctx.sandbox.resolve(filePath, 'read', { mustExist: true });
  const stats = requireFile(target.hostPath, filePath);
  ctx.applyRule('digest-hex');
  const hash = createHash(digestAlgorithm);
  for await (const chunk of fs.createReadStream(target.hostPath)) hash.update(chunk as Buffer);
  return { size: stats.size, digest: hash.digest('hex') };
}
