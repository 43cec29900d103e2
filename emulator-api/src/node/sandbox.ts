/**
 * The session's sandboxed filesystem. Guest paths (`ttfile://temp/…`, `ttfile://user/…`, package-relative)
 * are parsed, normalised and checked here, and nowhere else; every host path the implementations touch
 * comes out of `resolve`. Writes go through `writeAtomic` (temp name + rename).
 */
import { randomUUID } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { notInPackage } from '../common/package-files.js';
import { Errno, TtError } from '../common/errors.js';
import { USER_DATA_PATH } from '../common/tt-env.js';

export type Area = 'temp' | 'user' | 'package';
export type Access = 'read' | 'write' | 'delete';

export interface ResolvedPath {
  readonly area: Area;
  /** Normalised guest path (`ttfile://temp/a.jpg`, `pages/index.png`). */
  readonly guestPath: string;
  /** Path relative to the area root, posix separators, '' for the root itself. */
  readonly relative: string;
  /** Absolute host path inside the area root (symlinks resolved for existing parts). */
  readonly hostPath: string;
}

export interface SandboxDirs {
  /** This session's temp folder (ttfile://temp). */
  readonly tempDir: string;
  /** The app id's store (ttfile://user), kept across sessions. */
  readonly userDir: string;
  /** The gadget package, read-only; undefined when the session runs without a project. */
  readonly packageDir: string | undefined;
}

const TEMP_PREFIX = 'ttfile://temp';
const USER_PREFIX = USER_DATA_PATH;
/** The behaviour rules (FileSystemManager, saveFile, …) a path failure is recorded under, when the API declares them. */
const AREAS_RULE = 'path-areas';
const CHECKED_RULE = 'path-checked';
/** Hidden prefix of in-flight atomic writes; never listed by readdir. */
export const PARTIAL_PREFIX = '.ttsim-partial-';
const MAX_NAME_BYTES = 255;
/** ttfile://user holds at most this much per app (Feishu's file-system page: 每个小程序最多可存储 200MB). */
export const USER_STORE_BYTES = 200 * 1024 * 1024;
/** A partial file older than this belongs to a write that died (kill -9): the next session removes it. */
const STALE_PARTIAL_MS = 60_000;

/** Bytes of the files under `dir`, and the stale partial files found on the way. */
function measure(dir: string, now = Date.now()): { bytes: number; stalePartials: string[] } {
  let bytes = 0;
  const stalePartials: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        // A folder copy in flight (copyFile) is counted; one a killed process left is removed.
        const stats = entry.name.startsWith(PARTIAL_PREFIX) ? fs.statSync(full, { throwIfNoEntry: false }) : undefined;
        if (stats && now - stats.mtimeMs > STALE_PARTIAL_MS) stalePartials.push(full);
        else walk(full);
      } else if (entry.isFile()) {
        const stats = fs.statSync(full, { throwIfNoEntry: false });
        if (!stats) continue;
        if (entry.name.startsWith(PARTIAL_PREFIX) && now - stats.mtimeMs > STALE_PARTIAL_MS) stalePartials.push(full);
        else bytes += stats.size;
      }
    }
  };
  walk(dir);
  return { bytes, stalePartials };
}

export class Sandbox {
  private readonly roots: Record<Area, string | undefined>;

  private constructor(readonly dirs: SandboxDirs, realRoots: Record<Area, string | undefined>) {
    this.roots = realRoots;
  }

  static async open(dirs: SandboxDirs): Promise<Sandbox> {
    await fsp.mkdir(dirs.tempDir, { recursive: true });
    await fsp.mkdir(dirs.userDir, { recursive: true });
    const real = async (dir: string | undefined) => (dir === undefined ? undefined : await fsp.realpath(dir));
    // Partial files of writes that a killed process never finished are hidden; remove them for good.
    for (const partial of measure(dirs.userDir).stalePartials) fs.rmSync(partial, { force: true, recursive: true });
    return new Sandbox(dirs, { temp: await real(dirs.tempDir), user: await real(dirs.userDir), package: await real(dirs.packageDir) });
  }

  /**
   * Parses and checks a guest path. Throws TtError: 213 for malformed paths, 201 / 202 for paths that
   * leave their area (or writes to a read-only area), 203 when `mustExist` and nothing is there.
   */
  resolve(guestPath: string, access: Access, options: { mustExist?: boolean } = {}): ResolvedPath {
    const { area, rest } = this.parse(guestPath);
    const root = this.roots[area];
    const denied = access === 'read' ? Errno.noReadPermission : Errno.noWritePermission;
    if (access === 'delete' && area === 'package') {
      throw new TtError(Errno.noWritePermission, `permission denied, the gadget package is read-only: ${JSON.stringify(guestPath)}`, { rule: AREAS_RULE });
    }
    if (access === 'write' && area !== 'user') {
      throw new TtError(Errno.noWritePermission, `permission denied, ${area === 'temp' ? 'ttfile://temp is read-only to the gadget' : 'the gadget package is read-only'}: write to a ttfile://user/… path instead (${guestPath})`, { rule: AREAS_RULE });
    }
    const trimmed = rest.replace(/^\/+/, '');
    const normalised = trimmed === '' ? '' : path.posix.normalize(trimmed).replace(/\/$/, '').replace(/^\.$/, '');
    if (normalised === '..' || normalised.startsWith('../')) {
      throw new TtError(denied, `permission denied, ${JSON.stringify(guestPath)} leaves ${area === 'package' ? 'the gadget package' : `ttfile://${area}`}`, { rule: CHECKED_RULE });
    }
    for (const part of normalised.split('/')) {
      if (Buffer.byteLength(part) > MAX_NAME_BYTES) throw new TtError(Errno.fileNameTooLong, `file name too long (over ${MAX_NAME_BYTES} bytes): ${part.slice(0, 40)}…`, { rule: CHECKED_RULE });
    }
    const guest = area === 'package' ? normalised : `ttfile://${area}${normalised ? `/${normalised}` : ''}`;
    if (root === undefined) {
      throw new TtError(Errno.fileNotExist, `no such file or directory, ${JSON.stringify(guestPath)}: this session runs without a gadget package`);
    }
    const outside = area === 'package' ? notInPackage(normalised) : undefined;
    if (outside) throw new TtError(Errno.fileNotExist, `no such file or directory, ${JSON.stringify(guestPath)}: ${outside}, so a Feishu package does not hold it`);
    const hostPath = this.confine(root, normalised, guestPath, denied);
    if (options.mustExist && !fs.existsSync(hostPath)) {
      throw new TtError(Errno.fileNotExist, `no such file or directory, ${JSON.stringify(guestPath)}`);
    }
    return { area, guestPath: guest, relative: normalised, hostPath };
  }

  /**
   * Throws 208 when writing `bytes` to `target` (in ttfile://user, replacing what is there) would take the
   * store past USER_STORE_BYTES. The store is measured on each write: other sessions of the app share it.
   */
  checkUserStore(target: ResolvedPath, bytes: number): void {
    if (target.area !== 'user') return;
    const replaced = fs.statSync(target.hostPath, { throwIfNoEntry: false })?.size ?? 0;
    const used = measure(this.roots.user!).bytes;
    if (used - replaced + bytes > USER_STORE_BYTES) {
      throw new TtError(Errno.totalSizeLimitExceeded, `total size limit exceeded: ttfile://user holds ${used} bytes; writing ${bytes} to ${target.guestPath} would pass its ${USER_STORE_BYTES / 1024 / 1024} MB`);
    }
  }

  /** The guest path of a host path inside the sandbox, or undefined. */
  guestPathOf(hostPath: string): string | undefined {
    for (const area of ['temp', 'user'] as const) {
      const root = this.roots[area]!;
      const rel = path.relative(root, hostPath);
      if (!rel.startsWith('..') && !path.isAbsolute(rel)) return `ttfile://${area}${rel ? `/${rel.split(path.sep).join('/')}` : ''}`;
    }
    return undefined;
  }

  /** A fresh, unused temp path with the given extension (no dot). Only the host writes temp files. */
  newTempPath(name: string): ResolvedPath {
    const hostPath = path.join(this.roots.temp!, name);
    return { area: 'temp', guestPath: `${TEMP_PREFIX}/${name}`, relative: name, hostPath };
  }

  private parse(guestPath: string): { area: Area; rest: string } {
    const malformed = (why: string) => new TtError(Errno.invalidFilePath, `invalid filePath${why}`, { rule: CHECKED_RULE });
    if (typeof guestPath !== 'string' || guestPath.length === 0) throw malformed(': expected a non-empty path');
    if (guestPath.includes('\0')) throw malformed(`, it contains a NUL byte: ${JSON.stringify(guestPath)}`);
    if (guestPath.includes('\\')) throw malformed(`, use / not \\ as separator: ${JSON.stringify(guestPath)}`);
    if (/%(2e|2f|5c|00)/i.test(guestPath)) throw malformed(`, percent-encoded dots, separators or NUL are not decoded: ${JSON.stringify(guestPath)}`);
    for (const [prefix, area] of [[TEMP_PREFIX, 'temp'], [USER_PREFIX, 'user']] as const) {
      if (guestPath === prefix || guestPath.startsWith(`${prefix}/`)) return { area, rest: guestPath.slice(prefix.length) };
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(guestPath)) {
      throw malformed(` ${JSON.stringify(guestPath)}: expected ttfile://temp/…, ttfile://user/… or a path inside the gadget package`);
    }
    return { area: 'package', rest: guestPath };
  }

  /** Joins and resolves symlinks of the existing part; anything that ends outside `root` is refused. */
  private confine(root: string, relative: string, guestPath: string, denied: typeof Errno.noReadPermission | typeof Errno.noWritePermission): string {
    const joined = path.join(root, ...relative.split('/').filter(Boolean));
    let existing = joined;
    const missing: string[] = [];
    for (;;) {
      try {
        existing = fs.realpathSync(existing);
        break;
      } catch {
        const parent = path.dirname(existing);
        if (parent === existing) break;
        missing.unshift(path.basename(existing));
        existing = parent;
      }
    }
    const real = path.join(existing, ...missing);
    if (real !== root && !real.startsWith(root + path.sep)) {
      throw new TtError(denied, `permission denied, ${JSON.stringify(guestPath)} resolves outside the sandbox (symlink)`, { rule: CHECKED_RULE });
    }
    return real;
  }
}

/** Writes via a hidden temp name in the same folder, then renames: readers never see half a file. */
export async function writeAtomic(hostPath: string, write: (partialPath: string) => Promise<unknown>): Promise<void> {
  const partial = path.join(path.dirname(hostPath), `${PARTIAL_PREFIX}${randomUUID()}`);
  try {
    await write(partial);
    // rename is a metadata operation: done synchronously it does not queue behind sharp on the thread pool.
    fs.renameSync(partial, hostPath);
  } catch (error) {
    await fsp.rm(partial, { force: true });
    throw error;
  }
}

export function writeAtomicSync(hostPath: string, data: string | Uint8Array): void {
  replaceAtomicSync(hostPath, (partial) => {
    const fd = fs.openSync(partial, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o644);
    try {
      fs.writeFileSync(fd, data);
    } finally {
      fs.closeSync(fd);
    }
  });
}

/** A fresh hidden name beside `hostPath`, for work that is renamed into place when done. */
export function partialPathFor(hostPath: string): string {
  return path.join(path.dirname(hostPath), `${PARTIAL_PREFIX}${randomUUID()}`);
}

/**
 * The one way a file is replaced synchronously: `fill` writes a hidden partial file beside it, which is
 * fsync'd and renamed over `hostPath`; on any failure the partial is removed and `hostPath` is untouched.
 */
function replaceAtomicSync(hostPath: string, fill: (partial: string) => void): void {
  const partial = partialPathFor(hostPath);
  try {
    fill(partial);
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, hostPath);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Copies a file via a hidden name in the target's folder (fsync'd), then renames: readers never see half a file. */
export function copyFileAtomicSync(from: string, hostPath: string): void {
  replaceAtomicSync(hostPath, (partial) => fs.copyFileSync(from, partial, fsConstants.COPYFILE_EXCL));
}

/** Appends to a file atomically: the old bytes and `data` go to a hidden copy, which replaces the file. */
export function appendAtomicSync(hostPath: string, data: Uint8Array): void {
  replaceAtomicSync(hostPath, (partial) => {
    fs.copyFileSync(hostPath, partial, fsConstants.COPYFILE_EXCL);
    fs.appendFileSync(partial, data);
  });
}
