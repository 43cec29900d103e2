/**
 * Image work with sharp: sniffing, header reads and JPEG encoding, all on sharp's thread pool so that the
 * event loop stays free. Decoder errors are mapped to Feishu errnos here, in one place.
 */
import { fileTypeFromBuffer } from 'file-type';
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
}

/** Bytes file-type needs to recognise any format it knows. */
const SNIFF_BYTES = 4100;

/**
 * The file's type by its magic bytes (file-type), or undefined when it is none that file-type knows.
 * The header is read synchronously: a few microseconds, and it keeps libuv's thread pool free for sharp.
 */
export async function sniff(hostPath: string): Promise<SniffedType | undefined> {
  const header = Buffer.alloc(SNIFF_BYTES);
  const fd = fs.openSync(hostPath, 'r');
  let length: number;
  try {
    length = fs.readSync(fd, header, 0, SNIFF_BYTES, 0);
  } finally {
    fs.closeSync(fd);
  }
  const type = await fileTypeFromBuffer(header.subarray(0, length));
  return type ? { ext: type.ext, mime: type.mime } : undefined;
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
