/**
 * compressImage with every format sharp (libvips) knows besides JPEG / PNG / GIF / WebP: TIFF, AVIF, HEIC,
 * BMP, SVG, JPEG XL. Android, PC and Harmony return each as the original (the doc's "other formats"); iOS
 * returns a JPEG where it decodes the format. Every output is read back from disk.
 */
import * as fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord, Platform, Session } from '../src/index.js';
import { sniff } from '../src/node/images.js';
import { makeFixtures, type Fixtures } from './fixtures.js';
import { failOf, openSession } from './helpers.js';

let fx: Fixtures;
const sessions: Session[] = [];
beforeAll(async () => {
  fx = await makeFixtures();
});
afterAll(async () => Promise.all(sessions.map((s) => s.close())));

async function run(platform: Platform, file: string, quality?: number) {
  const session = await openSession({ platform }, sessions);
  const records: CallRecord[] = [];
  session.onCall((record) => records.push(record));
  const src = await session.importFile(file);
  const call = session.tt.compressImage({ src, ...(quality === undefined ? {} : { quality }) });
  const outcome = await call.then(
    (result) => ({ ok: true as const, result }),
    (fail: unknown) => ({ ok: false as const, fail: fail as { errno: number; errMsg: string } }),
  );
  const record = records.find((r) => r.api === 'compressImage')!;
  return { session, src, outcome, rules: record.rules.map((rule) => rule.id), record };
}

async function pixel(file: string, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [...data.subarray(i, i + info.channels)];
}
const near = (actual: number[], expected: number[], tolerance = 40) => expected.every((value, i) => Math.abs((actual[i] ?? -999) - value) <= tolerance);

describe('the sniffer recognises every format by its bytes', () => {
  it('finds a TIFF whose directory lies past the first 4 KB, SVG by its XML text, BMP, AVIF, HEIC and JXL by magic', async () => {
    // The TIFF's first IFD offset (bytes 4..7) points past the 4100 bytes a header-only sniff reads.
    expect(fs.readFileSync(fx.tiff).readUInt32LE(4)).toBeGreaterThan(4100);
    expect(await sniff(fx.tiff)).toEqual({ ext: 'tif', mime: 'image/tiff', via: 'file' });
    expect(await sniff(fx.svg)).toEqual({ ext: 'svg', mime: 'image/svg+xml', via: 'svg' });
    expect(await sniff(fx.bmp)).toMatchObject({ ext: 'bmp', mime: 'image/bmp' });
    expect(await sniff(fx.avif)).toMatchObject({ ext: 'avif', mime: 'image/avif' });
    expect(await sniff(fx.fakeHeic)).toMatchObject({ ext: 'heic', mime: 'image/heic' });
    expect(await sniff(fx.jxl)).toMatchObject({ ext: 'jxl', mime: 'image/jxl' });
    expect(await sniff(fx.textAsJpg)).toBeUndefined();
  });
});

const formats: [string, keyof Fixtures, string, string][] = [
  ['TIFF', 'tiff', 'tif', 'format-tiff'],
  ['AVIF', 'avif', 'avif', 'format-avif'],
  ['HEIC', 'fakeHeic', 'heic', 'format-heic'],
  ['BMP', 'bmp', 'bmp', 'format-bmp'],
  ['SVG', 'svg', 'svg', 'format-svg'],
  ['JPEG XL', 'jxl', 'jxl', 'format-jxl'],
];

describe('Android, PC and Harmony: every non-JPEG format comes back as the original', () => {
  for (const platform of ['android', 'pc', 'harmony'] as const) {
    for (const [name, fixture, ext, rule] of formats) {
      it(`${platform}: ${name} → the same bytes under a new .${ext} temp path (${rule})`, async () => {
        const { session, src, outcome, rules } = await run(platform, fx[fixture] as string, 50);
        expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
        if (!outcome.ok) return;
        const tempFilePath = String(outcome.result.tempFilePath);
        expect(tempFilePath).toMatch(new RegExp(`^ttfile://temp/[0-9a-f-]{36}-[0-9a-f-]{36}-[0-9a-f]{32}\\.${ext}$`));
        expect(tempFilePath).not.toBe(src);
        const out = session.resolve(tempFilePath);
        expect(fs.readFileSync(out).equals(fs.readFileSync(fx[fixture] as string))).toBe(true);
        expect(rules).toEqual(expect.arrayContaining([rule, 'format-by-content', 'non-jpeg-returned-as-is']));
        expect(rules).not.toContain('jpeg-recompressed');
      });
    }
  }

  it('the returned TIFF and AVIF still decode to their size and pixels', async () => {
    const tiff = await run('android', fx.tiff);
    const tiffOut = tiff.session.resolve(String((tiff.outcome as { result: { tempFilePath: string } }).result.tempFilePath));
    const tiffMeta = await sharp(tiffOut).metadata();
    expect([tiffMeta.format, tiffMeta.width, tiffMeta.height]).toEqual(['tiff', 320, 240]);
    const avif = await run('pc', fx.avif);
    const avifOut = avif.session.resolve(String((avif.outcome as { result: { tempFilePath: string } }).result.tempFilePath));
    const avifMeta = await sharp(avifOut).metadata();
    expect([avifMeta.format, avifMeta.width, avifMeta.height]).toEqual(['heif', 64, 48]);
    expect(near(await pixel(avifOut, 8, 24), [255, 0, 0])).toBe(true);
  });

  it('a text file is still not an image (1300009)', async () => {
    const { outcome, rules } = await run('android', fx.textAsJpg);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.fail.errno).toBe(1300009);
    expect(rules).toEqual(expect.arrayContaining(['format-by-content', 'non-jpeg-not-decoded']));
  });
});

describe('iOS: a JPEG where ttsim can decode the format', () => {
  it('TIFF → JPEG 320×240', async () => {
    const { session, outcome, rules } = await run('ios', fx.tiff, 60);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const out = session.resolve(String(outcome.result.tempFilePath));
    expect(String(outcome.result.tempFilePath)).toMatch(/\.jpg$/);
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 320, 240]);
    expect(rules).toEqual(expect.arrayContaining(['format-tiff', 'ios-always-jpeg']));
  });

  it('AVIF → JPEG 64×48 with its red and blue halves', async () => {
    const { session, outcome, rules } = await run('ios', fx.avif, 90);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const out = session.resolve(String(outcome.result.tempFilePath));
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 64, 48]);
    expect(near(await pixel(out, 8, 24), [255, 0, 0])).toBe(true);
    expect(near(await pixel(out, 56, 24), [0, 0, 255])).toBe(true);
    expect(rules).toContain('format-avif');
  });

  it.each([
    ['HEIC', 'fakeHeic', 'format-heic', /is HEIC/],
    ['BMP', 'bmp', 'format-bmp', /is BMP/],
    ['JPEG XL', 'jxl', 'format-jxl', /is JXL/],
  ] as const)('%s fails with 1300011 (ttsim cannot decode it; an iPhone can), nothing written', async (_name, fixture, rule, message) => {
    const { session, outcome, rules } = await run('ios', fx[fixture]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.fail.errno).toBe(1300011);
    expect(outcome.fail.errMsg).toMatch(message);
    expect(rules).toContain(rule);
    expect(fs.readdirSync(session.dirs.tempDir)).toHaveLength(1);
  });

  it('SVG fails with 1300009: UIImage reads no SVG', async () => {
    const { outcome, rules } = await run('ios', fx.svg);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.fail.errno).toBe(1300009);
      expect(outcome.fail.errMsg).toMatch(/is SVG/);
    }
    expect(rules).toContain('format-svg');
  });
});

describe('quality that is not a whole number', () => {
  it('50.5 is rounded to 51, recorded as quality-rounded, and encodes as quality 51 does', async () => {
    const half = await run('android', fx.photoJpeg, 50.5);
    const whole = await run('android', fx.photoJpeg, 51);
    expect(half.rules).toContain('quality-rounded');
    expect(whole.rules).not.toContain('quality-rounded');
    const bytes = (r: typeof half) => fs.readFileSync(r.session.resolve(String((r.outcome as { result: { tempFilePath: string } }).result.tempFilePath)));
    const a = bytes(half);
    const b = bytes(whole);
    expect(a.equals(b)).toBe(true);
    expect((await sharp(a).metadata()).format).toBe('jpeg');
    const rule = half.record.rules.find((r) => r.id === 'quality-rounded')!;
    expect(rule.provenance.kind).toBe('assumed');
  });

  it('a PNG on Android is not encoded, so nothing is rounded', async () => {
    const { rules } = await run('android', fx.alphaPng, 50.5);
    expect(rules).not.toContain('quality-rounded');
  });

  it('0.5 and 100.5 are outside 1..100 and still fail with 104', async () => {
    const session = await openSession({}, sessions);
    const src = await session.importFile(fx.photoJpeg);
    expect((await failOf(session.tt.compressImage({ src, quality: 0.5 }))).errno).toBe(104);
    expect((await failOf(session.tt.compressImage({ src, quality: 100.5 }))).errno).toBe(104);
  });
});
