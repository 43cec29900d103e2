import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../src/index.js';
import { makeFixtures, tempDataDir, testTempDir, type Fixtures } from './fixtures.js';
import { failOf, openSession, syncFailure } from './helpers.js';

let fx: Fixtures;
const sessions: Session[] = [];
beforeAll(async () => {
  fx = await makeFixtures();
});
afterAll(async () => Promise.all(sessions.map((s) => s.close())));

describe('paths are confined to the sandbox', () => {
  const outside = testTempDir('outside-');
  const secret = path.join(outside, 'secret.txt');
  fs.writeFileSync(secret, 'host secret');

  it.each([
    ['ttfile://temp/../../../../etc/passwd', 201, /leaves ttfile:\/\/temp/],
    ['ttfile://user/../../sessions', 201, /leaves ttfile:\/\/user/],
    ['ttfile://temp/a\0.jpg', 213, /NUL byte/],
    ['ttfile://temp/%2e%2e/%2e%2e/secret', 213, /percent-encoded/],
    ['ttfile://temp/..%2F..%2Fsecret', 213, /percent-encoded/],
    ['ttfile://temp/..\\..\\secret', 213, /use \/ not \\/],
    ['file:///etc/passwd', 213, /expected ttfile:\/\/temp/],
    ['ttfile://other/x', 213, /expected ttfile:\/\/temp/],
    ['/etc/passwd', 203, /runs without a gadget package/],
    ['../../../../etc/passwd', 201, /leaves the gadget package/],
  ])('%s → errno %i', async (src, errno, message) => {
    const session = await openSession({}, sessions);
    const fail = await failOf(session.tt.compressImage({ src }));
    expect(fail.errno).toBe(errno);
    expect(fail.errMsg).toMatch(message);
  });

  it('refuses a symlink that points out of the sandbox, for reading and writing', async () => {
    const session = await openSession({}, sessions);
    fs.symlinkSync(secret, path.join(session.dirs.userDir, 'link.txt'));
    fs.symlinkSync(outside, path.join(session.dirs.userDir, 'linkdir'));
    const fsm = session.tt.getFileSystemManager();
    expect(syncFailure(() => fsm.readFileSync('ttfile://user/link.txt', 'utf8')).errno).toBe(201);
    expect(syncFailure(() => fsm.writeFileSync('ttfile://user/linkdir/evil.txt', 'x', 'utf8')).errno).toBe(202);
    expect((await failOf(session.tt.compressImage({ src: 'ttfile://user/link.txt' }))).errno).toBe(201);
    expect(fs.readdirSync(outside)).toEqual(['secret.txt']);
    expect(fs.readFileSync(secret, 'utf8')).toBe('host secret');
  });

  it('keeps a .. that stays inside', async () => {
    const session = await openSession({}, sessions);
    const src = await session.importFile(fx.photoJpeg);
    const name = src.slice('ttfile://temp/'.length);
    const result = await session.tt.compressImage({ src: `ttfile://temp/sub/../${name}` });
    expect(result.errMsg).toBe('compressImage:ok');
  });

  it('resolves package-relative paths into the project, read-only', async () => {
    const project = testTempDir('project-');
    fs.mkdirSync(path.join(project, 'images'));
    fs.copyFileSync(fx.alphaPng, path.join(project, 'images', 'a.png'));
    const session = await openSession({ project, platform: 'ios' }, sessions);
    for (const src of ['images/a.png', '/images/a.png', './images/a.png']) {
      expect((await session.tt.compressImage({ src })).errMsg).toBe('compressImage:ok');
    }
    const fsm = session.tt.getFileSystemManager();
    expect(syncFailure(() => fsm.writeFileSync('images/b.png', 'x', 'utf8')).errno).toBe(202);
    expect(syncFailure(() => fsm.unlinkSync('images/a.png')).errno).toBe(202);
    expect(fs.readdirSync(path.join(project, 'images'))).toEqual(['a.png']);
  });

  it('session.resolve gives the host path and refuses escapes', async () => {
    const session = await openSession({}, sessions);
    const src = await session.importFile(fx.photoJpeg);
    expect(session.resolve(src).startsWith(session.dirs.tempDir)).toBe(true);
    expect(() => session.resolve('ttfile://temp/../../x')).toThrow(/leaves ttfile:\/\/temp/);
  });
});

describe('FileSystemManager', () => {
  it('writes, reads, lists, stats and deletes in ttfile://user', async () => {
    const session = await openSession({ platform: 'ios' }, sessions);
    const fsm = session.tt.getFileSystemManager();
    expect(session.tt.getFileSystemManager()).toBe(fsm);
    await fsm.writeFile({ filePath: 'ttfile://user/notes.txt', data: 'héllo', encoding: 'utf8' });
    expect((await fsm.readFile({ filePath: 'ttfile://user/notes.txt', encoding: 'utf8' })).data).toBe('héllo');
    const raw = (await fsm.readFile({ filePath: 'ttfile://user/notes.txt' })).data;
    expect(raw).toBeInstanceOf(ArrayBuffer);
    expect(Buffer.from(raw as ArrayBuffer).toString('utf8')).toBe('héllo');
    expect(fsm.readFileSync('ttfile://user/notes.txt', 'base64')).toBe(Buffer.from('héllo').toString('base64'));
    // tt.env.USER_DATA_PATH names the same store.
    expect(session.tt.env.USER_DATA_PATH).toBe('ttfile://user');
    fsm.writeFileSync(`${session.tt.env.USER_DATA_PATH}/bytes.bin`, new Uint8Array([1, 2, 3]).buffer);
    expect(fs.readFileSync(path.join(session.dirs.userDir, 'bytes.bin'))).toEqual(Buffer.from([1, 2, 3]));
    expect((await fsm.readdir({ dirPath: 'ttfile://user' })).files).toEqual(['bytes.bin', 'notes.txt']);
    const { stats } = await fsm.stat({ path: 'ttfile://user/notes.txt' });
    expect(stats.size).toBe(Buffer.byteLength('héllo'));
    expect(stats.isFile?.()).toBe(true);
    expect(fsm.statSync('ttfile://user').isDirectory?.()).toBe(true);
    await fsm.access({ path: 'ttfile://user/notes.txt' });
    await fsm.unlink({ filePath: 'ttfile://user/notes.txt' });
    expect((await failOf(fsm.access({ path: 'ttfile://user/notes.txt' }))).errno).toBe(203);
    expect((await failOf(fsm.readdir({ dirPath: 'ttfile://user/bytes.bin' }))).errno).toBe(206);
  });

  it('leaves Stats.isFile / isDirectory out on PC, as documented', async () => {
    const session = await openSession({ platform: 'pc' }, sessions);
    const { stats } = await session.tt.getFileSystemManager().stat({ path: 'ttfile://user' });
    expect(stats.isFile).toBeUndefined();
    expect(stats.size).toBeGreaterThanOrEqual(0);
  });

  it('treats ttfile://temp as read-and-delete only', async () => {
    const session = await openSession({}, sessions);
    const src = await session.importFile(fx.photoJpeg);
    const fsm = session.tt.getFileSystemManager();
    const fail = await failOf(fsm.writeFile({ filePath: 'ttfile://temp/x.txt', data: 'x' }));
    expect(fail).toMatchObject({ errno: 202 });
    expect(fail.errMsg).toMatch(/^writeFile:fail permission denied, ttfile:\/\/temp is read-only/);
    await fsm.unlink({ filePath: src });
    expect(fs.readdirSync(session.dirs.tempDir)).toEqual([]);
  });

  it('fails readFile over 10 MB with errno 210', async () => {
    const session = await openSession({}, sessions);
    fs.writeFileSync(path.join(session.dirs.userDir, 'big.bin'), Buffer.alloc(10 * 1024 * 1024 + 1));
    const fail = await failOf(session.tt.getFileSystemManager().readFile({ filePath: 'ttfile://user/big.bin' }));
    expect(fail.errno).toBe(210);
  });

  it('writes atomically: an existing file is replaced whole, no partial files are left', async () => {
    const session = await openSession({}, sessions);
    const fsm = session.tt.getFileSystemManager();
    fsm.writeFileSync('ttfile://user/a.txt', 'first version', 'utf8');
    fsm.writeFileSync('ttfile://user/a.txt', 'second', 'utf8');
    expect(fs.readdirSync(session.dirs.userDir)).toEqual(['a.txt']);
    expect(fsm.readFileSync('ttfile://user/a.txt', 'utf8')).toBe('second');
    expect(syncFailure(() => fsm.writeFileSync('ttfile://user/no/such/dir.txt', 'x', 'utf8')).errno).toBe(203);
  });

  it('throws TtSyncError with errMsg and errno from Sync twins', async () => {
    const session = await openSession({}, sessions);
    const error = syncFailure(() => session.tt.getFileSystemManager().readFileSync('ttfile://user/missing.txt', 'utf8'));
    expect(error.errMsg).toBe('readFileSync:fail no such file or directory, "ttfile://user/missing.txt"');
    expect(error.errno).toBe(203);
  });

  it('follows the FileSystemManager matrix: writeFile needs 5.23.0, Sync twins are not on PC', async () => {
    const old = await openSession({ client: '5.22.0' }, sessions);
    const fsm = old.tt.getFileSystemManager();
    expect((await failOf(fsm.writeFile({ filePath: 'ttfile://user/a', data: 'x' }))).errno).toBe(103);
    expect(old.tt.canIUse('FileSystemManager.readFile')).toBe(true);
    const pc = await openSession({ platform: 'pc' }, sessions);
    expect(syncFailure(() => pc.tt.getFileSystemManager().readdirSync('ttfile://user')).errno).toBe(103);
  });
});

describe('the store and the temp folder', () => {
  it('keeps ttfile://user across sessions of the same app id, not of another', async () => {
    const dataDir = tempDataDir();
    const first = await openSession({ dataDir, appId: 'cli_demo' }, sessions);
    first.tt.getFileSystemManager().writeFileSync('ttfile://user/kept.txt', 'kept', 'utf8');
    await first.close();
    const second = await openSession({ dataDir, appId: 'cli_demo' }, sessions);
    expect(second.tt.getFileSystemManager().readFileSync('ttfile://user/kept.txt', 'utf8')).toBe('kept');
    const other = await openSession({ dataDir, appId: 'cli_other' }, sessions);
    expect(other.tt.getFileSystemManager().readdirSync('ttfile://user')).toEqual([]);
  });

  it('clears ttfile://temp when the session closes, unless keepTemp', async () => {
    const session = await openSession({}, sessions);
    await session.importFile(fx.photoJpeg);
    await session.close();
    expect(fs.existsSync(session.dirs.tempDir)).toBe(false);
    const kept = await openSession({ keepTemp: true }, sessions);
    const src = await kept.importFile(fx.photoJpeg);
    await kept.close();
    expect(fs.existsSync(kept.resolve(src))).toBe(true);
  });

  it('rejects an app id that could leave the data folder', async () => {
    await expect(openSession({ appId: '../escape' }, sessions)).rejects.toThrow(/invalid appId/);
  });
});

describe('ttfile://user over a crash and at its size limit', () => {
  it('removes the hidden partial file a killed write left behind, at the next session of the app', async () => {
    const dataDir = tempDataDir();
    const first = await openSession({ dataDir, appId: 'crashy' }, sessions);
    const partial = path.join(first.dirs.userDir, '.ttsim-partial-killed-write');
    fs.writeFileSync(partial, 'half a file');
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(partial, old, old);
    const fresh = path.join(first.dirs.userDir, '.ttsim-partial-in-flight');
    fs.writeFileSync(fresh, 'a write of another session, now');
    await openSession({ dataDir, appId: 'crashy' }, sessions);
    expect(fs.existsSync(partial), 'the stale partial is gone').toBe(false);
    expect(fs.existsSync(fresh), 'a partial of a write in flight stays').toBe(true);
  });

  it('fails with errno 208 when a write would take the store past 200 MB, and keeps the store as it was', async () => {
    const session = await openSession({ appId: 'full' }, sessions);
    // A sparse file: 200 MB less 8 KB by size, no disk used.
    const big = path.join(session.dirs.userDir, 'big.bin');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 200 * 1024 * 1024 - 8 * 1024);
    const fsm = session.fileSystemManager;
    const fail = await failOf(fsm.writeFile({ filePath: 'ttfile://user/one-mb.bin', data: new Uint8Array(1024 * 1024).buffer }));
    expect(fail).toMatchObject({ errno: 208, errMsg: expect.stringMatching(/^writeFile:fail total size limit exceeded: .*200 MB/) });
    expect(fs.existsSync(path.join(session.dirs.userDir, 'one-mb.bin'))).toBe(false);
    expect(fs.readdirSync(session.dirs.userDir).filter((n) => n.startsWith('.ttsim-partial'))).toEqual([]);
    // Replacing a file counts only the difference; a small write still fits.
    await fsm.writeFile({ filePath: 'ttfile://user/small.txt', data: 'fits' });
    expect(fs.readFileSync(path.join(session.dirs.userDir, 'small.txt'), 'utf8')).toBe('fits');
    const src = await session.importFile(fx.photoJpeg);
    const saved = await failOf(session.tt.saveFile({ tempFilePath: src }));
    expect(saved.errno, 'saveFile of a photo would pass the limit too').toBe(208);
  });
});
