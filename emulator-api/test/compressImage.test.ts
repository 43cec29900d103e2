import * as fs from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord, Platform, Session } from '../src/index.js';
import { makeFixtures, type Fixtures } from './fixtures.js';
import { failOf, openSession } from './helpers.js';

let fx: Fixtures;
const sessions: Session[] = [];
beforeAll(async () => {
  fx = await makeFixtures();
});
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
});

async function compress(platform: Platform, hostFile: string, quality?: number) {
  const session = await openSession({ platform }, sessions);
  const src = await session.importFile(hostFile);
  const result = await session.tt.compressImage({ src, ...(quality === undefined ? {} : { quality }) });
  const out = session.resolve(result.tempFilePath);
  const meta = await sharp(out).metadata().catch(() => undefined);
  return { session, src, result, out, bytes: fs.readFileSync(out), meta: meta! };
}

async function pixel(file: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [...data.subarray(i, i + info.channels)];
}

const near = (actual: number[], expected: number[], tolerance = 12) =>
  expected.every((value, i) => Math.abs((actual[i] ?? -999) - value) <= tolerance);

describe('compressImage on iOS: always a JPEG', () => {
  it('turns an alpha PNG into a JPEG with alpha flattened onto white', async () => {
    const { result, meta, out } = await compress('ios', fx.alphaPng, 90);
    expect(result.errMsg).toBe('compressImage:ok');
    expect(result.tempFilePath).toMatch(/^ttfile:\/\/temp\/[0-9a-f-]{36}-[0-9a-f-]{36}-[0-9a-f]{32}\.jpg$/);
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([64, 48]);
    expect(meta.hasAlpha).toBe(false);
    // 50 % red over white is (255, 128, 128).
    expect(near(await pixel(out, 10, 10), [255, 128, 128])).toBe(true);
  });

  it('takes the first frame of an animated GIF', async () => {
    const input = await sharp(fx.animatedGif).metadata();
    expect(input.pages).toBe(3);
    const { meta, out } = await compress('ios', fx.animatedGif);
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([30, 20]);
    expect(near(await pixel(out, 15, 10), [255, 0, 0], 30)).toBe(true);
  });

  it('converts CMYK to sRGB', async () => {
    expect((await sharp(fx.cmykJpeg).metadata()).space).toBe('cmyk');
    const { meta, out } = await compress('ios', fx.cmykJpeg);
    expect(meta.space).toBe('srgb');
    expect(meta.channels).toBe(3);
    // libvips' CMYK → sRGB conversion of the input is the reference; a JPEG left in CMYK would have 4 channels.
    const { data } = await sharp(fx.cmykJpeg).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    expect(near(await pixel(out, 25, 20), [...data.subarray(0, 3)])).toBe(true);
  });

  it('re-encodes WebP as JPEG', async () => {
    const { meta } = await compress('ios', fx.webp);
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([40, 30]);
  });
});

describe('compressImage on Android, PC and Harmony: only JPEG is compressed', () => {
  for (const platform of ['android', 'pc', 'harmony'] as const) {
    it(`${platform}: returns a PNG byte for byte under a new .png temp path`, async () => {
      const { result, bytes, src } = await compress(platform, fx.alphaPng, 10);
      expect(result.tempFilePath).toMatch(/\.png$/);
      expect(result.tempFilePath).not.toBe(src);
      expect(bytes.equals(fs.readFileSync(fx.alphaPng))).toBe(true);
    });

    it(`${platform}: returns an animated GIF unchanged, all frames kept`, async () => {
      const { result, bytes, meta } = await compress(platform, fx.animatedGif);
      expect(result.tempFilePath).toMatch(/\.gif$/);
      expect(bytes.equals(fs.readFileSync(fx.animatedGif))).toBe(true);
      expect(meta.pages).toBe(3);
    });

    it(`${platform}: re-encodes a JPEG at the given quality`, async () => {
      const low = await compress(platform, fx.photoJpeg, 10);
      const high = await compress(platform, fx.photoJpeg, 90);
      expect(low.meta.format).toBe('jpeg');
      expect([low.meta.width, low.meta.height]).toEqual([320, 240]);
      expect(low.bytes.length).toBeLessThan(high.bytes.length);
      expect(high.bytes.length).toBeLessThan(fs.statSync(fx.photoJpeg).size);
    });
  }

  it('returns a HEIC file unchanged on Android (non-JPEG rule) but fails on iOS (cannot decode here)', async () => {
    const android = await compress('android', fx.fakeHeic);
    expect(android.result.tempFilePath).toMatch(/\.heic$/);
    expect(android.bytes.equals(fs.readFileSync(fx.fakeHeic))).toBe(true);

    const ios = await openSession({ platform: 'ios' }, sessions);
    const fail = await failOf(ios.tt.compressImage({ src: await ios.importFile(fx.fakeHeic) }));
    expect(fail.errno).toBe(1300011);
    expect(fail.errMsg).toMatch(/^compressImage:fail image format not supported: .* is HEIC/);
  });

  it('returns a truncated PNG unchanged on Android (not decoded) but fails on iOS', async () => {
    const android = await compress('android', fx.truncatedPng);
    expect(android.bytes.equals(fs.readFileSync(fx.truncatedPng))).toBe(true);
    const ios = await openSession({ platform: 'ios' }, sessions);
    const fail = await failOf(ios.tt.compressImage({ src: await ios.importFile(fx.truncatedPng) }));
    expect(fail.errno).toBe(1300009);
  });
});

describe('compressImage keeps the picture upright and applies quality', () => {
  for (const platform of ['ios', 'android'] as const) {
    it(`${platform}: applies EXIF orientation 6 to the pixels`, async () => {
      const stored = await sharp(fx.rotatedJpeg).metadata();
      expect([stored.width, stored.height, stored.orientation]).toEqual([60, 20, 6]);
      const { meta, out } = await compress(platform, fx.rotatedJpeg, 95);
      expect([meta.width, meta.height]).toEqual([20, 60]);
      expect(meta.orientation ?? 1).toBe(1);
      // Rotated 90° clockwise: the stored left half (red) is now on top, the right half (blue) below.
      expect(near(await pixel(out, 10, 5), [255, 0, 0], 40)).toBe(true);
      expect(near(await pixel(out, 10, 55), [0, 0, 255], 40)).toBe(true);
    });
  }

  it('uses quality 80 when none is given (same bytes as quality: 80)', async () => {
    const byDefault = await compress('android', fx.photoJpeg);
    const explicit = await compress('android', fx.photoJpeg, 80);
    const q70 = await compress('android', fx.photoJpeg, 70);
    expect(byDefault.bytes.equals(explicit.bytes)).toBe(true);
    expect(byDefault.bytes.equals(q70.bytes)).toBe(false);
  });

  it('accepts the edges 1 and 100', async () => {
    const q1 = await compress('ios', fx.photoJpeg, 1);
    const q100 = await compress('ios', fx.photoJpeg, 100);
    expect(q1.bytes.length).toBeLessThan(q100.bytes.length);
  });

  it('leaves the input file untouched', async () => {
    const { session, src } = await compress('ios', fx.photoJpeg, 10);
    expect(fs.readFileSync(session.resolve(src)).equals(fs.readFileSync(fx.photoJpeg))).toBe(true);
  });
});

describe('compressImage fails clearly on bad input', () => {
  it.each([
    [0, /quality must be at least 1 but received 0/],
    [101, /quality must be at most 100 but received 101/],
    [0.5, /quality must be at least 1/],
    [Number.NaN, /expected number for quality/],
    ['80', /expected number for quality but received "80" of type string/],
  ])('quality %s → errno 104', async (quality, message) => {
    const session = await openSession({}, sessions);
    const src = await session.importFile(fx.photoJpeg);
    const fail = await failOf(session.tt.compressImage({ src, quality: quality as number }));
    expect(fail).toMatchObject({ errno: 104, errString: 'invalid parameter' });
    expect(fail.errMsg).toMatch(/^compressImage:fail parameter error: /);
    expect(fail.errMsg).toMatch(message);
  });

  it('records the quality-out-of-range rule with a quality that fails validation (its `validates` rule)', async () => {
    const session = await openSession({}, sessions);
    const records: CallRecord[] = [];
    session.onCall((record) => records.push(record));
    const src = await session.importFile(fx.photoJpeg);
    expect(await failOf(session.tt.compressImage({ src, quality: 0 }))).toMatchObject({ errno: 104 });
    await session.tt.compressImage({ src, quality: 50 });
    expect(await failOf(session.tt.compressImage({ src: '' }))).toMatchObject({ errno: 104 });
    expect(records.map((record) => [record.errno, record.rules.map((rule) => rule.id).includes('quality-out-of-range')])).toEqual([
      [104, true],
      [undefined, false],
      // A failing src is not a quality problem.
      [104, false],
    ]);
    expect(records[0]!.rules.find((rule) => rule.id === 'quality-out-of-range')!.text).toMatch(/fails with errno 104/);
  });

  it('names a missing or misspelt parameter', async () => {
    const session = await openSession({}, sessions);
    expect((await failOf(session.tt.compressImage({} as never))).errMsg).toMatch(/src is required/);
    // A client ignores an unknown key (the missing file decides); strict sessions refuse it with "did you mean".
    expect((await failOf(session.tt.compressImage({ src: 'a.jpg', qualty: 50 } as never))).errno).toBe(203);
    const strict = await openSession({ strict: true }, sessions);
    const typo = await failOf(strict.tt.compressImage({ src: 'a.jpg', qualty: 50 } as never));
    expect(typo.errno).toBe(104);
    expect(typo.errMsg).toMatch(/unknown parameter qualty \(did you mean quality\?\)/);
    expect((await failOf(session.tt.compressImage('a.jpg' as never))).errMsg).toMatch(/expected an object but received "a.jpg"/);
  });

  const cases: [string, keyof Fixtures, number, RegExp][] = [
    ['a truncated JPEG', 'truncatedJpeg', 1300009, /corrupt or truncated/],
    ['a text file named .jpg', 'textAsJpg', 1300009, /is not an image/],
    ['a decompression bomb', 'bombJpeg', 1300008, /more than 268402689 pixels/],
  ];
  for (const platform of ['ios', 'android', 'pc'] as const) {
    for (const [what, fixture, errno, message] of cases) {
      it(`${platform}: ${what} → errno ${errno}, nothing left on disk`, async () => {
        const session = await openSession({ platform }, sessions);
        const src = await session.importFile(fx[fixture] as string);
        const before = fs.readdirSync(session.dirs.tempDir);
        const fail = await failOf(session.tt.compressImage({ src }));
        expect(fail.errno).toBe(errno);
        expect(fail.errMsg).toMatch(message);
        expect(fs.readdirSync(session.dirs.tempDir)).toEqual(before);
      });
    }
  }

  it('a missing file → errno 203', async () => {
    const session = await openSession({}, sessions);
    const fail = await failOf(session.tt.compressImage({ src: 'ttfile://temp/nothing-here.jpg' }));
    expect(fail).toMatchObject({ errno: 203, errMsg: 'compressImage:fail no such file or directory, "ttfile://temp/nothing-here.jpg"' });
  });

  it('a directory → errno 207', async () => {
    const session = await openSession({}, sessions);
    session.tt.getFileSystemManager();
    const fail = await failOf(session.tt.compressImage({ src: 'ttfile://temp' }));
    expect(fail.errno).toBe(207);
  });

  it('the bomb is refused from its header, before any decoding', async () => {
    const session = await openSession({ platform: 'ios' }, sessions);
    const src = await session.importFile(fx.bombJpeg);
    const rssBefore = process.memoryUsage().rss;
    await failOf(session.tt.compressImage({ src }));
    // 60000 × 60000 × 3 bytes would be 10 GB: any decoding attempt would show here.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('compressImage never blocks the event loop', () => {
  it('answers getSystemInfo while 8 large compressions are running', async () => {
    const session = await openSession({ platform: 'ios' }, sessions);
    const big = path.join(fx.dir, 'big.jpg');
    const { photoJpegBuffer } = await import('./fixtures.js');
    fs.writeFileSync(big, await photoJpegBuffer(3000, 2000));
    const src = await session.importFile(big);
    let finished = 0;
    const jobs = Array.from({ length: 8 }, () => session.tt.compressImage({ src, quality: 80 }).then(() => finished++));
    const info = await session.tt.getSystemInfo();
    const finishedWhenAnswered = finished;
    await Promise.all(jobs);
    expect(info.platform).toBe('ios');
    expect(finishedWhenAnswered).toBeLessThan(8);
    expect(finished).toBe(8);
  });
});
