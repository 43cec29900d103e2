/** FileSystemManager methods and saveFile. Sync on purpose: each Sync twin shares its implementation. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Errno, TtError } from '../../common/errors.js';
import type { ApiParsedParams } from '../../common/registry.js';
import type { NodeCallContext } from '../context.js';
import { PARTIAL_PREFIX, writeAtomicSync } from '../sandbox.js';
import { notInPackage } from '../../common/package-files.js';

const READ_LIMIT_BYTES = 10 * 1024 * 1024;

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
