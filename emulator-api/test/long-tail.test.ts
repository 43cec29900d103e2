import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Session } from '../src/index.js';
import { canIUse } from '../src/common/support.js';
import { createProfile } from '../src/common/profiles.js';
import { failOf, openSession } from './helpers.js';
import { tempDataDir } from './fixtures.js';

const sessions: Session[] = [];
afterAll(async () => Promise.all(sessions.map((s) => s.close())));

function writeUserFile(session: Session, name: string, bytes: Buffer): string {
  fs.writeFileSync(path.join(session.dirs.userDir, name), bytes);
  return `ttfile://user/${name}`;
}

describe('login and getUserInfo answer for the test user, never a real account', () => {
  it('login gives a code naming the test user, new each time', async () => {
    const session = await openSession({}, sessions);
    const first = await session.tt.login();
    const second = await session.tt.login();
    expect(first.errMsg).toBe('login:ok');
    expect(first.code).toMatch(/^ttsim-ou_ttsim_test_user-[0-9a-f]{12}$/);
    expect(second.code).not.toBe(first.code);
  });

  it('getUserInfo returns the configured test user; withCredentials adds fields no server can decrypt', async () => {
    const session = await openSession({ testUser: { nickName: '测试 Tester', openId: 'ou_qa' } }, sessions);
    const plain = await session.tt.getUserInfo();
    expect(plain.userInfo.nickName).toBe('测试 Tester');
    expect(JSON.parse(plain.rawData)).toEqual(plain.userInfo);
    expect(plain).not.toHaveProperty('encryptedData');
    const withCredentials = await session.tt.getUserInfo({ withCredentials: true, lang: 'en_US' });
    expect(withCredentials.userInfo.language).toBe('en_US');
    expect(withCredentials.signature).toMatch(/^[0-9a-f]{40}$/);
    expect(Buffer.from(withCredentials.iv!, 'base64')).toHaveLength(16);
  });

  it('is gadget-only: a web app gets 103 and canIUse false', async () => {
    const session = await openSession({ app: 'webapp', platform: 'ios', client: '7.39.0' }, sessions);
    expect(await failOf(session.tt.login())).toMatchObject({ errno: 103 });
    expect(canIUse('login', createProfile({ app: 'webapp', platform: 'ios', client: '7.39.0' }))).toBe(false);
    expect(canIUse('login', createProfile({ app: 'gadget', platform: 'harmony', client: '7.35.0' }))).toBe(true);
    expect(canIUse('login', createProfile({ app: 'gadget', platform: 'harmony', client: '7.34.0' }))).toBe(false);
  });
});

describe('clipboard, vibration, phone calls', () => {
  it('each session has its own clipboard, empty at start', async () => {
    const dataDir = tempDataDir();
    const a = await openSession({ dataDir }, sessions);
    const b = await openSession({ dataDir }, sessions);
    expect((await a.tt.getClipboardData()).data).toBe('');
    await a.tt.setClipboardData({ data: 'copied 复制' });
    expect((await a.tt.getClipboardData()).data).toBe('copied 复制');
    expect((await b.tt.getClipboardData()).data).toBe('');
    expect(await failOf(a.tt.setClipboardData({ data: 42 } as never))).toMatchObject({ errno: 104 });
  });

  it('vibrateShort and makePhoneCall are recorded on phones and not supported on PC', async () => {
    const phone = await openSession({ platform: 'android' }, sessions);
    const records: string[] = [];
    phone.onCall((record) => records.push(`${record.api}:${record.rules.map((r) => r.id).join(',')}`));
    await phone.tt.vibrateShort({ type: 'light' });
    await phone.tt.makePhoneCall({ phoneNumber: '+86 10 1234 5678' });
    expect(records).toEqual(['vibrateShort:recorded', 'makePhoneCall:recorded']);
    const pc = await openSession({ platform: 'pc' }, sessions);
    expect(await failOf(pc.tt.vibrateShort())).toMatchObject({ errno: 103 });
    expect(await failOf(phone.tt.makePhoneCall({ phoneNumber: '' }))).toMatchObject({ errno: 104 });
  });
});

describe('launch options, update manager, openSchema, openDocument', () => {
  it('getLaunchOptionsSync gives the entry page, or the launch the session was given', async () => {
    const project = fs.mkdtempSync(path.join(tempDataDir(), 'gadget-'));
    fs.writeFileSync(path.join(project, 'app.json'), JSON.stringify({ pages: ['pages/home/home', 'pages/b/b'] }));
    const plain = await openSession({ project }, sessions);
    expect(plain.tt.getLaunchOptionsSync()).toEqual({ path: 'pages/home/home', query: {}, scene: 1000, referrerInfo: {} });
    const given = await openSession({ project, launch: { path: 'pages/b/b', query: { id: '7' }, scene: 1011 } }, sessions);
    expect(given.tt.getLaunchOptionsSync()).toEqual({ path: 'pages/b/b', query: { id: '7' }, scene: 1011, referrerInfo: {} });
  });

  it('openSchema takes URLs only; openDocument needs an existing file', async () => {
    const session = await openSession({}, sessions);
    expect((await session.tt.openSchema({ schema: 'https://applink.feishu.cn/client/chat/open?openId=x' })).errMsg).toBe('openSchema:ok');
    expect(await failOf(session.tt.openSchema({ schema: 'not a url' }))).toMatchObject({ errno: 104 });
    expect(await failOf(session.tt.openDocument({ filePath: 'ttfile://user/missing.pdf' }))).toMatchObject({ errno: 203 });
    const doc = writeUserFile(session, 'report.pdf', Buffer.from('%PDF-1.4\n'));
    expect((await session.tt.openDocument({ filePath: doc })).errMsg).toBe('openDocument:ok');
  });
});

describe('getFileInfo', () => {
  it('gives the size and the md5 (default) or sha1 of the bytes', async () => {
    const session = await openSession({}, sessions);
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
    const file = writeUserFile(session, 'data.bin', bytes);
    const md5 = await session.tt.getFileInfo({ filePath: file });
    expect(md5).toEqual({ errMsg: 'getFileInfo:ok', size: 200_000, digest: createHash('md5').update(bytes).digest('hex') });
    const sha1 = await session.tt.getFileInfo({ filePath: file, digestAlgorithm: 'sha1' });
    expect(sha1.digest).toBe(createHash('sha1').update(bytes).digest('hex'));
    expect(await failOf(session.tt.getFileInfo({ filePath: 'ttfile://user/nope' }))).toMatchObject({ errno: 203 });
    expect(await failOf(session.tt.getFileInfo({ filePath: 'ttfile://user/../../etc/passwd' }))).toMatchObject({ errno: 201 });
  });

  it('FileSystemManager.getFileInfo gives the size only, as Feishu documents', async () => {
    const session = await openSession({}, sessions);
    const file = writeUserFile(session, 'three.txt', Buffer.from('abc'));
    const info = await session.fileSystemManager.getFileInfo({ filePath: file });
    expect(info).toEqual({ errMsg: 'getFileInfo:ok', size: 3 });
  });
});
