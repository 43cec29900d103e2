/**
 * Image work with sharp: sniffing, header reads and JPEG encoding, all on sharp's thread pool so that the
 * event loop stays free. Decoder errors are mapped to Feishu errnos here, in one place.
 */
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import type { JpegOptions, Sharp, SharpOptions } from 'sharp';
import { Errno, TtError } from '../common/errors.js';
import { writeAtomic } from './sandbox.js';

/** sharp's own default (16383 × 16383): larger headers are decompression bombs and are refused before decoding. */
export const MAX_INPUT_PIXELS = 268_402_689;

/** Same settings for ttsim and for the raw-sharp baseline in bench/. */
export function jpegOutputOptions(quality: number): JpegOptions {
  return { quality: Math.round(quality), optimiseCoding: false, chromaSubsampling: '4:2:0' };
}

type SharpFactory = (input: string, options: SharpOptions) => Sharp;
let loading: Promise<SharpFactory> | undefined;

/**
 * sharp, loaded on the first image call: a session that never touches an image (and `ttsim dev` until the
 * gadget does) starts without libvips. Its cache is off: each image is read once.
 */
function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp as unknown as SharpFactory;
  });
  return loading;
}

export interface SniffedType {
  readonly ext: string;
  readonly mime: string;
  /**
   * How it was recognised: magic bytes in the first 4 KB (header), anywhere in the file (file: a TIFF's
   * directory may follow its pixels), SVG's XML text (svg), or one of libvips's own loaders (libvips).
   */
  readonly via: 'header' | 'file' | 'svg' | 'libvips';
}

/** Bytes file-type needs to recognise any format it knows from the start of a file. */
const SNIFF_BYTES = 4100;

/** SVG is XML text, with no magic number: an optional BOM, XML declaration, comments or doctype, then <svg. */
export function looksLikeSvg(header: Buffer): boolean {
  const text = header.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('<')) return false;
  const rest = text.replace(/^(?:<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*/i, '');
  return /^<svg[\s>/]/i.test(rest);
}

/** libvips loader names (sharp's metadata().format) as file extensions and MIME types. */
function fromLibvips(format: string, compression: string | undefined): Omit<SniffedType, 'via'> | undefined {
  switch (format) {
    case 'jpeg': return { ext: 'jpg', mime: 'image/jpeg' };
    case 'png': return { ext: 'png', mime: 'image/png' };
    case 'webp': return { ext: 'webp', mime: 'image/webp' };
    case 'gif': return { ext: 'gif', mime: 'image/gif' };
    case 'tiff': return { ext: 'tif', mime: 'image/tiff' };
    case 'svg': return { ext: 'svg', mime: 'image/svg+xml' };
    case 'heif': return compression === 'av1' ? { ext: 'avif', mime: 'image/avif' } : { ext: 'heic', mime: 'image/heic' };
    case 'jxl': return { ext: 'jxl', mime: 'image/jxl' };
    case 'jp2k': case 'jp2': return { ext: 'jp2', mime: 'image/jp2' };
    default: return undefined;
  }
}

/**
 * The file's type by its content, never its name: SVG's XML text, file-type's magic numbers over the first
 * 4 KB (read synchronously: microseconds, and libuv's thread pool stays free for sharp), then over the whole
 * file, then libvips's loaders. undefined when none knows it.
 */
export async function sniff(hostPath: string): Promise<SniffedType | undefined> {
  const header = Buffer.alloc(SNIFF_BYTES);
  const fd = fs.openSync(hostPath, 'r');
  let length: number;
  let size: number;
  try {
    length = fs.readSync(fd, header, 0, SNIFF_BYTES, 0);
    size = fs.fstatSync(fd).size;
  } finally {
    fs.closeSync(fd);
  }
  const head = header.subarray(0, length);
  // Before file-type, which calls any XML application/xml.
  if (looksLikeSvg(head)) return { ext: 'svg', mime: 'image/svg+xml', via: 'svg' };
  const fromHeader = await fileTypeFromBuffer(head);
  if (fromHeader) return { ext: fromHeader.ext, mime: fromHeader.mime, via: 'header' };
  if (size > length) {
    const fromFile = await fileTypeFromFile(hostPath);
    if (fromFile) return { ext: fromFile.ext, mime: fromFile.mime, via: 'file' };
  }
  try {
    const sharp = await loadSharp();
    const meta = await sharp(hostPath, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const known = meta.format ? fromLibvips(meta.format, meta.compression) : undefined;
    return known && { ...known, via: 'libvips' };
  } catch {
    return undefined;
  }
}

export function isImage(type: SniffedType | undefined): boolean {
  return type !== undefined && type.mime.startsWith('image/');
}

export function isJpeg(type: SniffedType | undefined): boolean {
  return type?.mime === 'image/jpeg';
}

/** Maps a sharp / libvips error to the errno a client would give, with a message that says what is wrong. */
export function decodeFailure(error: unknown, guestPath: string, type: SniffedType | undefined): TtError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) {
    return new TtError(Errno.invalidImageSize, `invalid image size: ${guestPath} has more than ${MAX_INPUT_PIXELS} pixels (decompression bomb?)`, { cause: error });
  }
  if (isImage(type) && (/unsupported image format|compression format has not been built|heif/i.test(message))) {
    return new TtError(Errno.imageFormatNotSupported, `image format not supported: ${guestPath} is ${type!.ext.toUpperCase()}, which ttsim cannot decode on this machine (${message.split('\n')[0]})`, { cause: error });
  }
  if (!isImage(type) && /unsupported image format/i.test(message)) {
    return new TtError(Errno.invalidImageData, `decode image fail: ${guestPath} is not an image${type ? ` (it is ${type.mime})` : ''}`, { cause: error });
  }
  return new TtError(Errno.invalidImageData, `decode image fail: ${guestPath} is corrupt or truncated (${message.split('\n')[0]})`, { cause: error });
}

export interface ImageHeader {
  readonly width: number;
  readonly height: number;
  readonly format: string;
  readonly orientation: number;
}

export async function readHeader(hostPath: string, guestPath: string): Promise<ImageHeader> {
  const type = await sniff(hostPath);
  try {
    const sharp = await loadSharp();
    const meta = await sharp(hostPath, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (!meta.width || !meta.height || !meta.format) throw new Error('unsupported image format');
    return { width: meta.width, height: meta.height, format: meta.format, orientation: meta.orientation ?? 1 };
  } catch (error) {
    throw decodeFailure(error, guestPath, type);
  }
}

/**
 * Decodes any image sharp reads and writes it as a JPEG at `quality`, atomically: EXIF orientation applied,
 * alpha flattened onto white, the first frame of an animation, converted to sRGB, metadata dropped.
 */
export async function encodeJpeg(input: { hostPath: string; guestPath: string; type: SniffedType | undefined }, outputPath: string, quality: number): Promise<void> {
  const sharp = await loadSharp();
  const pipeline = sharp(input.hostPath, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', animated: false })
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg(jpegOutputOptions(quality));
  let decoded = false;
  try {
    await writeAtomic(outputPath, async (partial) => {
      await pipeline.toFile(partial);
      decoded = true;
    });
  } catch (error) {
    if (decoded || isDiskError(error)) {
      throw new TtError(Errno.unableToCompressImage, `unable to compress image: writing the output failed (${(error as Error).message})`, { cause: error });
    }
    throw decodeFailure(error, input.guestPath, input.type);
  }
}

export async function copyFileAtomic(from: string, to: string): Promise<void> {
  await writeAtomic(to, (partial) => fsp.copyFile(from, partial));
}

function isDiskError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS' || code === 'EDQUOT';
}
