/**
 * Test images made on the fly with sharp (no committed binaries): each one exercises a rule of the
 * behaviour table.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';

export interface Fixtures {
  dir: string;
  /** 320×240 photo-like JPEG (gradient and noise, so quality changes the size). */
  photoJpeg: string;
  /** 64×48 PNG, red at 50 % alpha. */
  alphaPng: string;
  /** Stored 60×20 (left half red, right half blue) with EXIF orientation 6: shows upright as 20×60, red on top. */
  rotatedJpeg: string;
  /** 50×40 CMYK JPEG. */
  cmykJpeg: string;
  /** 3-frame animated GIF, 30×20 per frame: red, green, blue. */
  animatedGif: string;
  /** A JPEG cut in half. */
  truncatedJpeg: string;
  /** A PNG cut in half (its header is intact). */
  truncatedPng: string;
  /** A JPEG whose header claims 60000×60000 pixels. */
  bombJpeg: string;
  /** An ISO-BMFF header with brand heic: recognised as HEIC, which sharp here cannot decode. */
  fakeHeic: string;
  /** Plain text with a .jpg name. */
  textAsJpg: string;
  webp: string;
  /** 320×240 uncompressed TIFF (sharp): its directory lies after the pixels, past the first 4 KB. */
  tiff: string;
  /** 64×48 AVIF (sharp, AV1), left half red, right half blue. */
  avif: string;
  /** 2×2 24-bit BMP written by hand (this sharp has no BMP encoder or decoder). */
  bmp: string;
  /** A 40×30 SVG: red rectangle on a blue one (XML text, no magic number). */
  svg: string;
  /** The JPEG XL codestream signature (FF 0A) and a few bytes: recognised as JXL, decodable by nothing here. */
  jxl: string;
}

/** A 2×2, 24-bit, bottom-up BMP: top row red, green; bottom row blue, white. */
export function tinyBmp(): Buffer {
  const rowBytes = 8; // 2 pixels × 3 bytes, padded to 4
  const pixels = Buffer.alloc(rowBytes * 2);
  // Bottom row first, BGR.
  Buffer.from([255, 0, 0, 255, 255, 255]).copy(pixels, 0);
  Buffer.from([0, 0, 255, 0, 255, 0]).copy(pixels, rowBytes);
  const header = Buffer.alloc(54);
  header.write('BM', 0, 'latin1');
  header.writeUInt32LE(54 + pixels.length, 2);
  header.writeUInt32LE(54, 10);
  header.writeUInt32LE(40, 14);
  header.writeInt32LE(2, 18);
  header.writeInt32LE(2, 22);
  header.writeUInt16LE(1, 26);
  header.writeUInt16LE(24, 28);
  header.writeUInt32LE(pixels.length, 34);
  header.writeInt32LE(2835, 38);
  header.writeInt32LE(2835, 42);
  return Buffer.concat([header, pixels]);
}

function photoRaw(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 3);
  let seed = 12345;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >> 16) % 64;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = Math.min(255, Math.round((x / width) * 200) + noise());
      data[i + 1] = Math.min(255, Math.round((y / height) * 200) + noise());
      data[i + 2] = Math.min(255, 100 + noise());
    }
  }
  return data;
}

export async function photoJpegBuffer(width: number, height: number, quality = 95): Promise<Buffer> {
  return sharp(photoRaw(width, height), { raw: { width, height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

/** Overwrites the height and width in a baseline JPEG's SOF0 segment. */
function patchJpegSize(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i < out.length - 9; i++) {
    if (out[i] === 0xff && (out[i + 1] === 0xc0 || out[i + 1] === 0xc2)) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error('no SOF marker found');
}

/** The run's temporary root (test/global-setup.ts), so that nothing outlives the test run. */
export function testTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(process.env.TTSIM_TEST_ROOT ?? os.tmpdir(), prefix));
}

export async function makeFixtures(): Promise<Fixtures> {
  const dir = testTempDir('fixtures-');
  const file = (name: string) => path.join(dir, name);

  const photo = await photoJpegBuffer(320, 240);
  fs.writeFileSync(file('photo.jpg'), photo);

  await sharp({ create: { width: 64, height: 48, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0.5 } } }).png().toFile(file('alpha.png'));

  const halves = await sharp({ create: { width: 60, height: 20, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: { create: { width: 30, height: 20, channels: 3, background: { r: 0, g: 0, b: 255 } } }, left: 30, top: 0 }])
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  fs.writeFileSync(file('rotated.jpg'), halves);

  await sharp({ create: { width: 50, height: 40, channels: 3, background: { r: 20, g: 120, b: 220 } } }).toColourspace('cmyk').jpeg().toFile(file('cmyk.jpg'));

  const frames = [
    { r: 255, g: 0, b: 0 },
    { r: 0, g: 255, b: 0 },
    { r: 0, g: 0, b: 255 },
  ].map((background) => sharp({ create: { width: 30, height: 20, channels: 3, background } }).png().toBuffer());
  await sharp(await Promise.all(frames), { join: { animated: true } }).gif().toFile(file('animated.gif'));

  fs.writeFileSync(file('truncated.jpg'), photo.subarray(0, Math.floor(photo.length / 2)));
  const png = await sharp(photoRaw(200, 150), { raw: { width: 200, height: 150, channels: 3 } }).png().toBuffer();
  fs.writeFileSync(file('truncated.png'), png.subarray(0, Math.floor(png.length / 2)));
  fs.writeFileSync(file('bomb.jpg'), patchJpegSize(await photoJpegBuffer(16, 16), 60000, 60000));

  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  fs.writeFileSync(file('photo.heic'), Buffer.concat([ftyp, Buffer.alloc(200, 7)]));
  fs.writeFileSync(file('notes.jpg'), 'these are notes, not an image\n');
  await sharp(photoRaw(40, 30), { raw: { width: 40, height: 30, channels: 3 } }).webp().toFile(file('photo.webp'));
  await sharp(photoRaw(320, 240), { raw: { width: 320, height: 240, channels: 3 } }).tiff({ compression: 'none' }).toFile(file('scan.tif'));
  await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([{ input: { create: { width: 32, height: 48, channels: 3, background: { r: 0, g: 0, b: 255 } } }, left: 32, top: 0 }])
    .avif({ quality: 90 })
    .toFile(file('photo.avif'));
  fs.writeFileSync(file('tiny.bmp'), tinyBmp());
  fs.writeFileSync(file('drawing.svg'), '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a test drawing -->\n<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="#00f"/><rect width="20" height="30" fill="#f00"/></svg>\n');
  fs.writeFileSync(file('photo.jxl'), Buffer.concat([Buffer.from([0xff, 0x0a, 0xfa, 0x7f, 0x01, 0x90, 0x08]), Buffer.alloc(32, 0)]));

  return {
    dir,
    photoJpeg: file('photo.jpg'),
    alphaPng: file('alpha.png'),
    rotatedJpeg: file('rotated.jpg'),
    cmykJpeg: file('cmyk.jpg'),
    animatedGif: file('animated.gif'),
    truncatedJpeg: file('truncated.jpg'),
    truncatedPng: file('truncated.png'),
    bombJpeg: file('bomb.jpg'),
    fakeHeic: file('photo.heic'),
    textAsJpg: file('notes.jpg'),
    webp: file('photo.webp'),
    tiff: file('scan.tif'),
    avif: file('photo.avif'),
    bmp: file('tiny.bmp'),
    svg: file('drawing.svg'),
    jxl: file('photo.jxl'),
  };
}

export function tempDataDir(): string {
  return testTempDir('data-');
}
