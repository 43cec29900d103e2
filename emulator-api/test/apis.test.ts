import * as fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devicePresets, type CallRecord, type Session } from '../src/index.js';
import { makeFixtures, type Fixtures } from './fixtures.js';
import { failOf, openSession } from './helpers.js';

let fx: Fixtures;
const sessions: Session[] = [];
beforeAll(async () => {
  fx = await makeFixtures();
});
afterAll(async () => Promise.all(sessions.map((s) => s.close())));

describe('chooseImage', () => {
  it('answers from queued files, copies them into ttfile://temp and feeds compressImage (the doc\'s demo flow)', async () => {
    const session = await openSession({ platform: 'ios' }, sessions);
    session.chooseFiles([fx.photoJpeg, fx.alphaPng]);
    const chosen = await session.tt.chooseImage({ count: 1, sourceType: ['album', 'camera'] });
    expect(chosen.errMsg).toBe('chooseImage:ok');
    expect(chosen.tempFilePaths).toHaveLength(1);
    expect(chosen.tempFilePaths[0]).toMatch(/^ttfile:\/\/temp\/[0-9a-f-]{36}\.jpeg$/);
    expect(chosen.tempFiles[0]).toEqual({ path: chosen.tempFilePaths[0], size: fs.statSync(fx.photoJpeg).size });
    const compressed = await session.tt.compressImage({ src: chosen.tempFilePaths[0]!, quality: 50 });
    expect((await sharp(session.resolve(compressed.tempFilePath)).metadata()).format).toBe('jpeg');
  });

  it('fails as a user cancel when nothing is chosen', async () => {
    const session = await openSession({}, sessions);
    const fail = await failOf(session.tt.chooseImage());
    expect(fail).toMatchObject({ errno: 1300001, errString: 'user canceled' });
    expect(fail.errMsg).toMatch(/^chooseImage:fail cancel/);
  });

  it('asks a pluggable chooser, album only on PC', async () => {
    const requests: unknown[] = [];
    const session = await openSession({ platform: 'pc', chooser: (request) => (requests.push(request), [fx.alphaPng]) }, sessions);
    const chosen = await session.tt.chooseImage({ sourceType: ['camera'] });
    expect(chosen.tempFilePaths[0]).toMatch(/\.png$/);
    expect(requests).toEqual([{ count: 9, sourceType: ['album'] }]);
  });

  it('rejects a count above 20', async () => {
    const session = await openSession({}, sessions);
    expect((await failOf(session.tt.chooseImage({ count: 21 }))).errMsg).toMatch(/count must be at most 20/);
  });
});

describe('getImageInfo', () => {
  it('reports the stored size (rotation not applied), type and orientation', async () => {
    const session = await openSession({}, sessions);
    const src = await session.importFile(fx.rotatedJpeg);
    const info = await session.tt.getImageInfo({ src });
    expect(info).toEqual({ errMsg: 'getImageInfo:ok', width: 60, height: 20, path: src, type: 'jpeg', orientation: 'right' });
    const png = await session.tt.getImageInfo({ src: await session.importFile(fx.alphaPng) });
    expect([png.width, png.height, png.type, png.orientation]).toEqual([64, 48, 'png', 'up']);
  });

  it('fails on a file that is no image', async () => {
    const session = await openSession({}, sessions);
    expect((await failOf(session.tt.getImageInfo({ src: await session.importFile(fx.textAsJpg) }))).errno).toBe(1300009);
  });
});

describe('saveFile', () => {
  it('moves a compressed temp file into the store', async () => {
    const session = await openSession({ platform: 'ios' }, sessions);
    const { tempFilePath } = await session.tt.compressImage({ src: await session.importFile(fx.alphaPng) });
    const bytes = fs.readFileSync(session.resolve(tempFilePath));
    const { savedFilePath } = await session.tt.saveFile({ tempFilePath });
    expect(savedFilePath).toBe(`ttfile://user/${tempFilePath.slice('ttfile://temp/'.length)}`);
    expect(fs.readFileSync(session.resolve(savedFilePath)).equals(bytes)).toBe(true);
    expect(fs.existsSync(session.resolve(tempFilePath))).toBe(false);
    const named = await session.tt.saveFile({ tempFilePath: await session.importFile(fx.photoJpeg), filePath: 'ttfile://user/photo.jpg' });
    expect(named.savedFilePath).toBe('ttfile://user/photo.jpg');
  });

  it('refuses targets outside ttfile://user and sources outside ttfile://temp', async () => {
    const session = await openSession({}, sessions);
    const tempFilePath = await session.importFile(fx.photoJpeg);
    expect((await failOf(session.tt.saveFile({ tempFilePath, filePath: 'ttfile://temp/x.jpg' }))).errno).toBe(202);
    session.tt.getFileSystemManager().writeFileSync('ttfile://user/a.txt', 'x', 'utf8');
    expect((await failOf(session.tt.saveFile({ tempFilePath: 'ttfile://user/a.txt' }))).errno).toBe(213);
    expect(fs.existsSync(session.resolve(tempFilePath))).toBe(true);
  });
});

describe('getSystemInfo', () => {
  for (const device of devicePresets) {
    it(`${device.id}: platform ${device.systemPlatform}, client version, device facts`, async () => {
      const session = await openSession({ platform: device.platform, device: device.id, client: '7.50.0' }, sessions);
      const info = await session.tt.getSystemInfo();
      expect(info).toMatchObject({ errMsg: 'getSystemInfo:ok', platform: device.systemPlatform, version: '7.50.0', brand: device.brand, model: device.model, appName: 'Feishu' });
      expect(session.tt.getSystemInfoSync().platform).toBe(device.systemPlatform);
      if (device.platform === 'pc') expect(info.deviceType).toBeUndefined();
      else expect(info.deviceType).toBe(device.deviceType);
    });
  }

  it('has no deviceType before 7.47.0 and brand/model "PC" on PC', async () => {
    const phone = await openSession({ platform: 'android', client: '7.46.0' }, sessions);
    expect((await phone.tt.getSystemInfo()).deviceType).toBeUndefined();
    const pc = await openSession({ platform: 'pc', device: 'mac' }, sessions);
    expect(pc.tt.getSystemInfoSync()).toMatchObject({ brand: 'PC', model: 'PC', platform: 'darwin' });
  });

  it('refuses a device of another platform', async () => {
    await expect(openSession({ platform: 'ios', device: 'pixel-8' }, sessions)).rejects.toThrow(/pixel-8 is an Android device, but the profile's platform is iOS/);
    await expect(openSession({ client: 'latest' }, sessions)).rejects.toThrow(/invalid client version "latest"/);
  });
});

describe('standard object I/O', () => {
  it('records each call with its rules and provenance', async () => {
    const session = await openSession({ platform: 'android' }, sessions);
    const records: CallRecord[] = [];
    session.onCall((r) => records.push(r));
    await session.tt.compressImage({ src: await session.importFile(fx.alphaPng) });
    await failOf(session.tt.compressImage({ src: 'ttfile://temp/none.png' }));
    expect(records.map((r) => [r.api, r.ok, r.errno])).toEqual([['compressImage', true, undefined], ['compressImage', false, 203]]);
    const rule = records[0]!.rules.find((r) => r.id === 'non-jpeg-returned-as-is');
    expect(rule?.provenance.kind).toBe('documented');
    expect(records[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('runs success then complete asynchronously, and survives a throwing callback', async () => {
    const session = await openSession({}, sessions);
    const errors: unknown[] = [];
    session.onCallbackError((_api, error) => errors.push(error));
    const order: string[] = [];
    await new Promise<void>((done) => {
      session.tt.getSystemInfo({
        success: () => {
          order.push('success');
          throw new Error('guest bug');
        },
        complete: (res) => {
          order.push(`complete ${res.errMsg}`);
          done();
        },
      });
      order.push('returned');
    });
    expect(order).toEqual(['returned', 'success', 'complete getSystemInfo:ok']);
    expect(String(errors[0])).toMatch(/guest bug/);
  });

  it('fails a call that outlives its timeout, naming what it waited for', async () => {
    const session = await openSession({ callTimeoutMs: 50, chooser: () => new Promise(() => undefined) }, sessions);
    const fail = await failOf(session.tt.chooseImage());
    expect(fail).toMatchObject({ errno: 102, errMsg: 'chooseImage:fail timed out after 50 ms waiting for chooseImage to finish' });
  });

  it('rejects callbacks that are not functions', async () => {
    const session = await openSession({}, sessions);
    expect((await failOf(session.tt.getSystemInfo({ success: 'yes' } as never))).errMsg).toMatch(/expected function for success/);
  });
});
