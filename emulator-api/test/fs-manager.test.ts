/**
 * The rest of the FileSystemManager: mkdir, rmdir, rename, copyFile, appendFile, saveFile,
 * getSavedFileList, removeSavedFile and their Sync twins, each against Feishu's matrix, the sandbox's areas,
 * the 200 MB store limit and atomic writes. Every outcome is checked on disk.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileSystemManagerMethods, FSM_PREFIX } from '../src/common/apis/not-emulated.js';
import { createProfile, findApi, listApis, type CallRecord, type Session } from '../src/index.js';
import { canIUse } from '../src/common/support.js';
import { makeFixtures, testTempDir, type Fixtures } from './fixtures.js';
import { failOf, openSession, syncFailure } from './helpers.js';

let fx: Fixtures;
const sessions: Session[] = [];
beforeAll(async () => {
  fx = await makeFixtures();
});
afterAll(async () => Promise.all(sessions.map((s) => s.close())));

async function logged(options: Parameters<typeof openSession>[0] = {}) {
  const session = await openSession(options, sessions);
  const records: CallRecord[] = [];
  session.onCall((record) => records.push(record));
  const rulesOf = (api: string) => records.filter((r) => r.api === api).map((r) => r.rules.map((rule) => rule.id));
  return { session, fsm: session.tt.getFileSystemManager(), records, rulesOf };
}

const partials = (dir: string): string[] => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => path.basename(name).startsWith('.ttsim-partial'));

/** A sparse file that takes the store to `bytes`, without using the disk. */
function fillStore(session: Session, bytes: number): void {
  const big = path.join(session.dirs.userDir, 'big.bin');
  fs.closeSync(fs.openSync(big, 'w'));
  fs.truncateSync(big, bytes);
}

describe("the methods and their matrices (Feishu's 2025 pages and API overview)", () => {
  it('every method of the getFileSystemManager page and the overview is in the registry', () => {
    const missing = fileSystemManagerMethods.filter((method) => !findApi(FSM_PREFIX + method));
    expect(missing).toEqual([]);
    expect(listApis().some((spec) => spec.name === 'FileSystemManager.truncate')).toBe(false);
  });

  it.each([
    // [schema, app, platform, client, expected]
    ['FileSystemManager.mkdir', 'gadget', 'pc', '5.23.0', true],
    ['FileSystemManager.mkdir', 'gadget', 'android', '5.22.0', false],
    ['FileSystemManager.mkdirSync', 'gadget', 'pc', '7.39.0', false],
    ['FileSystemManager.mkdirSync', 'gadget', 'ios', '5.23.0', true],
    ['FileSystemManager.mkdirSync', 'webapp', 'ios', '7.39.0', false],
    ['FileSystemManager.rmdir', 'webapp', 'pc', '5.23.0', true],
    ['FileSystemManager.rmdirSync', 'gadget', 'harmony', '7.35.0', true],
    ['FileSystemManager.rmdirSync', 'gadget', 'harmony', '7.34.0', false],
    ['FileSystemManager.rename', 'gadget', 'harmony', '7.35.0', true],
    ['FileSystemManager.copyFile', 'webapp', 'android', '5.23.0', true],
    ['FileSystemManager.copyFileSync', 'gadget', 'pc', '7.39.0', false],
    ['FileSystemManager.appendFile', 'gadget', 'pc', '5.23.0', false],
    ['FileSystemManager.appendFile', 'gadget', 'pc', '5.24.0', true],
    ['FileSystemManager.appendFile', 'webapp', 'pc', '5.24.0', true],
    ['FileSystemManager.appendFileSync', 'gadget', 'android', '5.23.0', true],
    ['FileSystemManager.saveFile', 'webapp', 'ios', '5.23.0', true],
    ['FileSystemManager.saveFileSync', 'gadget', 'pc', '7.39.0', false],
    ['FileSystemManager.getSavedFileList', 'webapp', 'pc', '5.23.0', true],
    ['FileSystemManager.removeSavedFile', 'gadget', 'android', '5.22.0', false],
    ['FileSystemManager.mkdir.object.recursive', 'gadget', 'ios', '5.23.0', true],
  ] as const)('canIUse(%s) for %s %s %s → %s', (schema, app, platform, client, expected) => {
    expect(canIUse(schema, createProfile({ app, platform, client }))).toBe(expected);
  });

  it('every new method cites a Feishu page for its matrix', () => {
    for (const method of ['mkdir', 'rmdir', 'rename', 'copyFile', 'appendFile', 'saveFile', 'getSavedFileList', 'removeSavedFile']) {
      const spec = findApi(FSM_PREFIX + method)!;
      expect(spec.support.provenance.kind, method).toBe('documented');
      expect(spec.support.provenance.source, method).toMatch(/Feishu/);
    }
  });
});

describe('mkdir / mkdirSync', () => {
  it('creates a folder; recursive creates its parents; without it a missing parent is 203', async () => {
    const { session, fsm, rulesOf } = await logged();
    await fsm.mkdir({ dirPath: 'ttfile://user/albums' });
    expect(fs.statSync(path.join(session.dirs.userDir, 'albums')).isDirectory()).toBe(true);
    expect((await failOf(fsm.mkdir({ dirPath: 'ttfile://user/a/b/c' }))).errno).toBe(203);
    expect(fs.existsSync(path.join(session.dirs.userDir, 'a'))).toBe(false);
    await fsm.mkdir({ dirPath: 'ttfile://user/a/b/c', recursive: true });
    expect(fs.statSync(path.join(session.dirs.userDir, 'a', 'b', 'c')).isDirectory()).toBe(true);
    fsm.mkdirSync('ttfile://user/x/y', true);
    expect(fs.statSync(path.join(session.dirs.userDir, 'x', 'y')).isDirectory()).toBe(true);
    expect(rulesOf('FileSystemManager.mkdir')[1]).toContain('mkdir-recursive');
  });

  it('something already there is 204, except a folder with recursive: true', async () => {
    const { session, fsm, rulesOf } = await logged();
    fsm.mkdirSync('ttfile://user/d');
    expect(syncFailure(() => fsm.mkdirSync('ttfile://user/d')).errno).toBe(204);
    fsm.mkdirSync('ttfile://user/d', true);
    fs.writeFileSync(path.join(session.dirs.userDir, 'f.txt'), 'x');
    expect(syncFailure(() => fsm.mkdirSync('ttfile://user/f.txt', true)).errno).toBe(204);
    expect(syncFailure(() => fsm.mkdirSync('ttfile://user/f.txt/sub', true)).errno).toBe(206);
    expect(syncFailure(() => fsm.mkdirSync('ttfile://user/f.txt/sub')).errno).toBe(206);
    expect(rulesOf('FileSystemManager.mkdirSync')[1]).toEqual(expect.arrayContaining(['mkdir-exists', 'sync-throws']));
  });

  it('only in ttfile://user: temp and the package are 202, an escape is 202 too', async () => {
    const project = testTempDir('project-');
    fs.writeFileSync(path.join(project, 'app.json'), '{}');
    const { session, fsm, rulesOf } = await logged({ project });
    expect((await failOf(fsm.mkdir({ dirPath: 'ttfile://temp/new' }))).errno).toBe(202);
    expect((await failOf(fsm.mkdir({ dirPath: 'pages/new' }))).errno).toBe(202);
    expect((await failOf(fsm.mkdir({ dirPath: 'ttfile://user/../../escape' }))).errno).toBe(202);
    expect(fs.readdirSync(session.dirs.tempDir)).toEqual([]);
    expect(fs.readdirSync(project)).toEqual(['app.json']);
    expect(rulesOf('FileSystemManager.mkdir')[0]).toEqual(['mkdir-user-only', 'path-areas']);
    expect(rulesOf('FileSystemManager.mkdir')[2]).toEqual(['path-checked']);
  });
});

describe('rmdir / rmdirSync', () => {
  it('removes an empty folder; a full one is 205 unless recursive', async () => {
    const { session, fsm } = await logged();
    fsm.mkdirSync('ttfile://user/a/b', true);
    fs.writeFileSync(path.join(session.dirs.userDir, 'a', 'b', 'f.txt'), 'x');
    const full = await failOf(fsm.rmdir({ dirPath: 'ttfile://user/a' }));
    expect(full.errno).toBe(205);
    expect(full.errMsg).toMatch(/^rmdir:fail directory not empty: ttfile:\/\/user\/a holds 1 entry/);
    expect(fs.existsSync(path.join(session.dirs.userDir, 'a', 'b', 'f.txt'))).toBe(true);
    await fsm.rmdir({ dirPath: 'ttfile://user/a', recursive: true });
    expect(fs.readdirSync(session.dirs.userDir)).toEqual([]);
    fsm.mkdirSync('ttfile://user/e');
    fsm.rmdirSync('ttfile://user/e');
    expect(fs.existsSync(path.join(session.dirs.userDir, 'e'))).toBe(false);
  });

  it('a file is 206, nothing there 203, an area root or the package 202; a temp folder can go', async () => {
    const project = testTempDir('project-');
    fs.mkdirSync(path.join(project, 'pages'));
    const { session, fsm, rulesOf } = await logged({ project });
    fs.writeFileSync(path.join(session.dirs.userDir, 'f.txt'), 'x');
    expect((await failOf(fsm.rmdir({ dirPath: 'ttfile://user/f.txt' }))).errno).toBe(206);
    expect((await failOf(fsm.rmdir({ dirPath: 'ttfile://user/none' }))).errno).toBe(203);
    expect((await failOf(fsm.rmdir({ dirPath: 'ttfile://user', recursive: true }))).errno).toBe(202);
    expect((await failOf(fsm.rmdir({ dirPath: 'pages' }))).errno).toBe(202);
    expect(fs.existsSync(path.join(project, 'pages'))).toBe(true);
    expect(fs.existsSync(path.join(session.dirs.userDir, 'f.txt'))).toBe(true);
    fs.mkdirSync(path.join(session.dirs.tempDir, 'unzipped'));
    fs.writeFileSync(path.join(session.dirs.tempDir, 'unzipped', 'a.txt'), 'a');
    await fsm.rmdir({ dirPath: 'ttfile://temp/unzipped', recursive: true });
    expect(fs.readdirSync(session.dirs.tempDir)).toEqual([]);
    expect(rulesOf('FileSystemManager.rmdir').at(-1)).toEqual(expect.arrayContaining(['rmdir-areas', 'rmdir-recursive']));
  });
});

describe('rename / renameSync', () => {
  it('renames a file and a folder inside ttfile://user; a file replaces a file', async () => {
    const { session, fsm } = await logged();
    const user = session.dirs.userDir;
    fsm.writeFileSync('ttfile://user/a.txt', 'A', 'utf8');
    fsm.writeFileSync('ttfile://user/b.txt', 'B', 'utf8');
    await fsm.rename({ oldPath: 'ttfile://user/a.txt', newPath: 'ttfile://user/b.txt' });
    expect(fs.readdirSync(user)).toEqual(['b.txt']);
    expect(fs.readFileSync(path.join(user, 'b.txt'), 'utf8')).toBe('A');
    fsm.mkdirSync('ttfile://user/dir/sub', true);
    fsm.renameSync('ttfile://user/b.txt', 'ttfile://user/dir/sub/c.txt');
    fsm.renameSync('ttfile://user/dir', 'ttfile://user/moved');
    expect(fs.readFileSync(path.join(user, 'moved', 'sub', 'c.txt'), 'utf8')).toBe('A');
    expect(fs.existsSync(path.join(user, 'dir'))).toBe(false);
  });

  it('refuses a folder into itself (209), onto something (204), a missing parent (203), temp or package (202)', async () => {
    const { session, fsm, rulesOf } = await logged();
    fsm.mkdirSync('ttfile://user/d/e', true);
    fsm.writeFileSync('ttfile://user/f.txt', 'F', 'utf8');
    expect(syncFailure(() => fsm.renameSync('ttfile://user/d', 'ttfile://user/d/e/d')).errno).toBe(209);
    expect(syncFailure(() => fsm.renameSync('ttfile://user/f.txt', 'ttfile://user/d')).errno).toBe(204);
    expect(syncFailure(() => fsm.renameSync('ttfile://user/d', 'ttfile://user/f.txt')).errno).toBe(204);
    expect(syncFailure(() => fsm.renameSync('ttfile://user/f.txt', 'ttfile://user/none/f.txt')).errno).toBe(203);
    expect(syncFailure(() => fsm.renameSync('ttfile://user/none.txt', 'ttfile://user/x.txt')).errno).toBe(203);
    const src = await session.importFile(fx.photoJpeg);
    expect((await failOf(fsm.rename({ oldPath: src, newPath: 'ttfile://user/photo.jpg' }))).errno).toBe(202);
    expect((await failOf(fsm.rename({ oldPath: 'ttfile://user/f.txt', newPath: 'ttfile://temp/f.txt' }))).errno).toBe(202);
    expect(fs.existsSync(session.resolve(src))).toBe(true);
    expect(fs.readFileSync(path.join(session.dirs.userDir, 'f.txt'), 'utf8')).toBe('F');
    expect(rulesOf('FileSystemManager.renameSync')[0]).toContain('no-subpath');
    expect(rulesOf('FileSystemManager.rename')[0]).toEqual(['rename-user-only', 'path-areas']);
  });
});

describe('copyFile / copyFileSync', () => {
  it('copies a temp file and a package file into ttfile://user, byte for byte; a file replaces a file', async () => {
    const project = testTempDir('project-');
    fs.mkdirSync(path.join(project, 'images'));
    fs.copyFileSync(fx.alphaPng, path.join(project, 'images', 'a.png'));
    const { session, fsm } = await logged({ project, platform: 'ios' });
    const src = await session.importFile(fx.photoJpeg);
    await fsm.copyFile({ srcPath: src, destPath: 'ttfile://user/photo.jpg' });
    expect(fs.readFileSync(path.join(session.dirs.userDir, 'photo.jpg')).equals(fs.readFileSync(fx.photoJpeg))).toBe(true);
    expect(fs.existsSync(session.resolve(src)), 'the source stays').toBe(true);
    fsm.copyFileSync('images/a.png', 'ttfile://user/photo.jpg');
    const meta = await sharp(path.join(session.dirs.userDir, 'photo.jpg')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 64, 48]);
    expect(partials(session.dirs.userDir)).toEqual([]);
  });

  it('copies a folder with everything in it, leaving out what a Feishu package does not hold', async () => {
    const project = testTempDir('project-');
    fs.mkdirSync(path.join(project, 'assets', 'icons'), { recursive: true });
    fs.writeFileSync(path.join(project, 'assets', 'a.txt'), 'a');
    fs.writeFileSync(path.join(project, 'assets', 'icons', 'i.svg'), '<svg/>');
    fs.writeFileSync(path.join(project, 'assets', '.env'), 'SECRET=1');
    fs.mkdirSync(path.join(project, 'assets', 'node_modules'));
    fs.writeFileSync(path.join(project, 'assets', 'node_modules', 'x.js'), 'x');
    const { session, fsm, rulesOf } = await logged({ project });
    await fsm.copyFile({ srcPath: 'assets', destPath: 'ttfile://user/assets' });
    const copied = path.join(session.dirs.userDir, 'assets');
    expect(fs.readdirSync(copied, { recursive: true, encoding: 'utf8' }).sort()).toEqual(['a.txt', 'icons', path.join('icons', 'i.svg')]);
    expect(fs.readFileSync(path.join(copied, 'icons', 'i.svg'), 'utf8')).toBe('<svg/>');
    expect(rulesOf('FileSystemManager.copyFile')[0]).toEqual(expect.arrayContaining(['copy-folders', 'atomic-write', 'user-store-200mb']));
    // Into itself: 209; onto a folder: 204.
    expect((await failOf(fsm.copyFile({ srcPath: 'ttfile://user/assets', destPath: 'ttfile://user/assets/icons/again' }))).errno).toBe(209);
    expect((await failOf(fsm.copyFile({ srcPath: 'assets/a.txt', destPath: 'ttfile://user/assets' }))).errno).toBe(204);
    expect(partials(session.dirs.userDir)).toEqual([]);
  });

  it('destPath outside ttfile://user is 202 (the copyFileSync page: "destPath 目录必须以 ttfile://user 开头")', async () => {
    const { session, fsm, rulesOf } = await logged();
    const src = await session.importFile(fx.photoJpeg);
    expect(syncFailure(() => fsm.copyFileSync(src, `${src}.copy`)).errno).toBe(202);
    expect(fs.readdirSync(session.dirs.tempDir)).toHaveLength(1);
    expect(rulesOf('FileSystemManager.copyFileSync')[0]).toEqual(expect.arrayContaining(['copy-dest-user', 'path-areas', 'sync-throws']));
    const rule = findApi('FileSystemManager.copyFile')!.behaviours.find((r) => r.id === 'copy-dest-user')!;
    expect(rule.provenance.kind).toBe('documented');
  });

  it('a folder holding a symlink out of the sandbox fails with 201 and leaves nothing', async () => {
    const outside = testTempDir('outside-');
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'host secret');
    const { session, fsm } = await logged();
    const user = session.dirs.userDir;
    fs.mkdirSync(path.join(user, 'src'));
    fs.writeFileSync(path.join(user, 'src', 'ok.txt'), 'ok');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(user, 'src', 'link.txt'));
    expect((await failOf(fsm.copyFile({ srcPath: 'ttfile://user/src', destPath: 'ttfile://user/dst' }))).errno).toBe(201);
    expect(fs.existsSync(path.join(user, 'dst'))).toBe(false);
    expect(partials(user)).toEqual([]);
  });

  it('a copy that would take the store past 200 MB fails with 208 and writes nothing', async () => {
    const { session, fsm } = await logged({ appId: 'full-copy' });
    fillStore(session, 200 * 1024 * 1024 - 8 * 1024);
    const src = await session.importFile(fx.photoJpeg);
    const fail = await failOf(fsm.copyFile({ srcPath: src, destPath: 'ttfile://user/photo.jpg' }));
    expect(fail.errno).toBe(208);
    expect(fs.readdirSync(session.dirs.userDir)).toEqual(['big.bin']);
  });
});

describe('appendFile / appendFileSync', () => {
  it('appends strings (any encoding) and ArrayBuffers to an existing file, atomically', async () => {
    const { session, fsm, rulesOf } = await logged();
    const file = path.join(session.dirs.userDir, 'log.txt');
    fsm.writeFileSync('ttfile://user/log.txt', 'one\n', 'utf8');
    await fsm.appendFile({ filePath: 'ttfile://user/log.txt', data: 'two\n' });
    fsm.appendFileSync('ttfile://user/log.txt', Buffer.from('three\n').toString('base64'), 'base64');
    await fsm.appendFile({ filePath: 'ttfile://user/log.txt', data: new TextEncoder().encode('four\n').buffer as ArrayBuffer });
    fsm.appendFileSync('ttfile://user/log.txt', Buffer.from('five\n', 'utf16le').toString('utf16le'), 'utf-16le');
    expect(fs.readFileSync(file, 'utf8')).toBe('one\ntwo\nthree\nfour\n' + Buffer.from('five\n', 'utf16le').toString('utf8'));
    expect(partials(session.dirs.userDir)).toEqual([]);
    expect(rulesOf('FileSystemManager.appendFile')[0]).toEqual(expect.arrayContaining(['atomic-write', 'user-store-200mb']));
  });

  it('a missing file is 203 (appendFile does not create it), a folder 207, temp 202, over 10 MB 212', async () => {
    const { session, fsm, rulesOf } = await logged();
    expect((await failOf(fsm.appendFile({ filePath: 'ttfile://user/none.txt', data: 'x' }))).errno).toBe(203);
    expect(fs.existsSync(path.join(session.dirs.userDir, 'none.txt'))).toBe(false);
    fsm.mkdirSync('ttfile://user/d');
    expect((await failOf(fsm.appendFile({ filePath: 'ttfile://user/d', data: 'x' }))).errno).toBe(207);
    const src = await session.importFile(fx.photoJpeg);
    expect((await failOf(fsm.appendFile({ filePath: src, data: 'x' }))).errno).toBe(202);
    expect(fs.readFileSync(session.resolve(src)).equals(fs.readFileSync(fx.photoJpeg))).toBe(true);
    fsm.writeFileSync('ttfile://user/a.bin', 'start', 'utf8');
    const tooBig = await failOf(fsm.appendFile({ filePath: 'ttfile://user/a.bin', data: new ArrayBuffer(10 * 1024 * 1024 + 1) }));
    expect(tooBig.errno).toBe(212);
    expect(fs.readFileSync(path.join(session.dirs.userDir, 'a.bin'), 'utf8')).toBe('start');
    expect(rulesOf('FileSystemManager.appendFile').at(-1)).toContain('append-limit-10mb');
    expect(rulesOf('FileSystemManager.appendFile')[0]).toContain('append-existing-file');
  });

  it('past 200 MB: 208, the file unchanged', async () => {
    const { session, fsm } = await logged({ appId: 'full-append' });
    fillStore(session, 200 * 1024 * 1024 - 4);
    fsm.writeFileSync('ttfile://user/a.txt', 'ab', 'utf8');
    expect((await failOf(fsm.appendFile({ filePath: 'ttfile://user/a.txt', data: 'cdefgh' }))).errno).toBe(208);
    expect(fs.readFileSync(path.join(session.dirs.userDir, 'a.txt'), 'utf8')).toBe('ab');
  });

  it('on PC (from 5.24.0) only utf8 and hex are accepted: base64 fails with 104', async () => {
    const { session, fsm, rulesOf } = await logged({ platform: 'pc' });
    fsm.writeFile({ filePath: 'ttfile://user/a.txt', data: 'a' });
    await fsm.writeFile({ filePath: 'ttfile://user/a.txt', data: 'a' });
    await fsm.appendFile({ filePath: 'ttfile://user/a.txt', data: Buffer.from('b').toString('hex'), encoding: 'hex' });
    const fail = await failOf(fsm.appendFile({ filePath: 'ttfile://user/a.txt', data: 'Yw==', encoding: 'base64' }));
    expect(fail.errno).toBe(104);
    expect(fail.errMsg).toMatch(/encoding base64 is not supported by appendFile on PC/);
    expect(fs.readFileSync(path.join(session.dirs.userDir, 'a.txt'), 'utf8')).toBe('ab');
    expect(rulesOf('FileSystemManager.appendFile').at(-1)).toEqual(['append-encodings-pc']);
    const old = await openSession({ platform: 'pc', client: '5.23.0' }, sessions);
    expect((await failOf(old.tt.getFileSystemManager().appendFile({ filePath: 'ttfile://user/a.txt', data: 'x' }))).errno).toBe(103);
  });
});

describe('FileSystemManager.saveFile / saveFileSync', () => {
  it('moves a temp file into ttfile://user (errMsg "saveFile:ok"); the Sync twin returns the saved path', async () => {
    const { session, fsm, records } = await logged();
    const a = await session.importFile(fx.photoJpeg);
    const result = await fsm.saveFile({ tempFilePath: a, filePath: 'ttfile://user/feishu.jpg' });
    expect(result).toEqual({ errMsg: 'saveFile:ok', savedFilePath: 'ttfile://user/feishu.jpg' });
    expect(fs.existsSync(session.resolve(a))).toBe(false);
    expect(fs.readFileSync(path.join(session.dirs.userDir, 'feishu.jpg')).equals(fs.readFileSync(fx.photoJpeg))).toBe(true);
    const b = await session.importFile(fx.alphaPng);
    const saved = fsm.saveFileSync(b);
    expect(saved).toBe(`ttfile://user/${path.posix.basename(b)}`);
    expect((await sharp(session.resolve(saved)).metadata()).format).toBe('png');
    expect(records.find((r) => r.api === 'FileSystemManager.saveFileSync')!.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['save-default-name', 'save-moves']));
    expect(syncFailure(() => fsm.saveFileSync(saved, 'ttfile://user/again.png')).errno).toBe(213);
  });
});

describe('getSavedFileList / removeSavedFile', () => {
  it('lists every file in ttfile://user with size and time, sub-folders too, no partials or symlinks', async () => {
    const { session, fsm } = await logged();
    const before = Math.floor(Date.now() / 1000);
    fsm.writeFileSync('ttfile://user/b.txt', 'bb', 'utf8');
    fsm.mkdirSync('ttfile://user/sub');
    fsm.writeFileSync('ttfile://user/sub/a.txt', 'a', 'utf8');
    fs.writeFileSync(path.join(session.dirs.userDir, '.ttsim-partial-in-flight'), 'x');
    fs.symlinkSync('/etc/passwd', path.join(session.dirs.userDir, 'link'));
    const { fileList } = await fsm.getSavedFileList();
    expect(fileList.map(({ filePath, size }) => ({ filePath, size }))).toEqual([
      { filePath: 'ttfile://user/b.txt', size: 2 },
      { filePath: 'ttfile://user/sub/a.txt', size: 1 },
    ]);
    for (const item of fileList) expect(item.createTime).toBeGreaterThanOrEqual(before - 1);
  });

  it('removes a saved file; a temp path is 213, a folder 207, nothing there 203', async () => {
    const { session, fsm, rulesOf } = await logged();
    fsm.writeFileSync('ttfile://user/a.txt', 'a', 'utf8');
    await fsm.removeSavedFile({ filePath: 'ttfile://user/a.txt' });
    expect(fs.readdirSync(session.dirs.userDir)).toEqual([]);
    const src = await session.importFile(fx.photoJpeg);
    expect((await failOf(fsm.removeSavedFile({ filePath: src }))).errno).toBe(213);
    expect(fs.existsSync(session.resolve(src))).toBe(true);
    fsm.mkdirSync('ttfile://user/d');
    expect((await failOf(fsm.removeSavedFile({ filePath: 'ttfile://user/d' }))).errno).toBe(207);
    expect((await failOf(fsm.removeSavedFile({ filePath: 'ttfile://user/none' }))).errno).toBe(203);
    expect(rulesOf('FileSystemManager.removeSavedFile')[1]).toEqual(['remove-saved-user-only']);
  });
});
