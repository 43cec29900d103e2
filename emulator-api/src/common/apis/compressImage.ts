import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, documented, inferred } from '../types.js';
import { docs } from './sources.js';

/**
 * The formats sharp (libvips) knows besides JPEG, PNG, GIF and WebP, each with the rule that says what every
 * platform does with it. Android, PC and Harmony follow the doc ("其余格式不做压缩，并按原始图片返回");
 * iOS follows "统一返回压缩后的 jpeg" where its decoder (ImageIO) reads the format.
 */
const formatRules = {
  'image/tiff': 'format-tiff',
  'image/avif': 'format-avif',
  'image/heic': 'format-heic',
  'image/heif': 'format-heic',
  'image/bmp': 'format-bmp',
  'image/svg+xml': 'format-svg',
  'image/jxl': 'format-jxl',
} as const;

/** The format rule of a sniffed MIME type, if it has one. */
export function formatRuleOf(mime: string | undefined): (typeof formatRules)[keyof typeof formatRules] | undefined {
  return mime !== undefined && Object.hasOwn(formatRules, mime) ? formatRules[mime as keyof typeof formatRules] : undefined;
}

const asOriginal = (what: string) => `Android, PC and Harmony return ${what} as it is (not compressed, original bytes under a new temp path)`;
const bothStatements = inferred(`${docs.compressImage}: Android/PC return "other formats" as the original, iOS "统一返回压缩后的 jpeg"; that iOS decodes the format is Apple's ImageIO format list`);

export const compressImage = defineApi({
  name: 'compressImage',
  style: 'async',
  summary: 'Compresses an image at a chosen JPEG quality and returns a new temp file.',
  doc: docs.compressImage,
  params: z.strictObject({
    src: z.string().min(1),
    quality: z.number().min(1).max(100).optional(),
  }),
  result: z.strictObject({ tempFilePath: z.string() }),
  support: {
    matrix: {
      gadget: { android: '2.0.0', ios: '2.0.0', pc: '2.0.0', harmony: '7.35.0' },
      webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
    },
    provenance: documented(docs.compressImage),
  },
  behaviours: [
    {
      id: 'quality-default-80',
      platforms: 'all',
      text: 'quality defaults to 80; the accepted range is 1..100 (only JPEG output is affected).',
      provenance: documented(docs.compressImage),
    },
    {
      id: 'quality-out-of-range',
      platforms: 'all',
      text: 'quality outside 1..100, or not a number, fails with errno 104 instead of being clamped.',
      validates: 'quality',
      provenance: assumed('the doc gives min 1 / max 100 but not what happens outside; clamping silently would hide a bug'),
    },
    {
      id: 'ios-always-jpeg',
      platforms: ['ios'],
      text: 'iOS returns every decodable image as a compressed JPEG at `quality`.',
      provenance: documented(docs.compressImage),
    },
    {
      id: 'ios-jpeg-conversion',
      platforms: ['ios'],
      text: 'iOS conversion: EXIF orientation applied to the pixels, alpha flattened onto white, animated images give their first frame, CMYK converted to sRGB, metadata dropped.',
      provenance: assumed('what UIImage → UIImageJPEGRepresentation does; the doc only says "jpeg"'),
    },
    {
      id: 'jpeg-recompressed',
      platforms: ['android', 'pc', 'harmony'],
      text: 'A jpg/jpeg input is re-encoded at `quality` (EXIF orientation applied to the pixels, metadata dropped).',
      provenance: documented(docs.compressImage),
    },
    {
      id: 'non-jpeg-returned-as-is',
      platforms: ['android', 'pc', 'harmony'],
      text: 'Any other image format is not compressed: the original bytes come back under a new temp path with their own extension.',
      provenance: documented(docs.compressImage),
    },
    {
      id: 'non-jpeg-not-decoded',
      platforms: ['android', 'pc', 'harmony'],
      text: 'A non-JPEG input is recognised by its bytes only and not decoded, so a truncated PNG comes back unchanged; a file that is no image fails with 1300009.',
      provenance: assumed('Android reads the type with BitmapFactory bounds only; the doc says other formats are "returned as the original image"'),
    },
    {
      id: 'format-by-content',
      platforms: ['android', 'pc', 'harmony'],
      text: 'The format comes from the file\'s bytes, not its name: magic numbers in the first 4 KB, then anywhere in the file (a TIFF\'s directory may follow its pixels), then SVG\'s XML text, then libvips\'s own loaders. Only a file none of them reads as an image is "not an image" (1300009); a PNG named .jpg is a PNG.',
      provenance: assumed('the doc says "仅当输入图片为 jpg/jpeg 时压缩": how a client tells the format is not documented; a platform decoder reads content, not names'),
    },
    { id: 'format-tiff', platforms: 'all', text: `TIFF: ${asOriginal('it (.tif)')}; iOS decodes it and returns a JPEG.`, provenance: bothStatements },
    { id: 'format-avif', platforms: 'all', text: `AVIF: ${asOriginal('it (.avif)')}; iOS decodes it and returns a JPEG (ImageIO reads AVIF from iOS 16).`, provenance: bothStatements },
    {
      id: 'format-heic',
      platforms: 'all',
      text: `HEIF / HEIC: ${asOriginal('it (.heic)')}; a real iPhone decodes it and returns a JPEG, but ttsim's libvips has no HEVC decoder, so on iOS ttsim fails with 1300011.`,
      provenance: assumed(`${docs.compressImage} for Android/PC; the iOS failure is a ttsim limitation (sharp's prebuilt libvips decodes AVIF, not HEVC)`),
    },
    {
      id: 'format-bmp',
      platforms: 'all',
      text: `BMP: ${asOriginal('it (.bmp)')}; a real iPhone decodes it and returns a JPEG, but ttsim's libvips has no BMP loader, so on iOS ttsim fails with 1300011.`,
      provenance: assumed(`${docs.compressImage} for Android/PC; the iOS failure is a ttsim limitation`),
    },
    {
      id: 'format-svg',
      platforms: 'all',
      text: `SVG (XML text, recognised by its <svg> element): ${asOriginal('it (.svg)')}; iOS fails with 1300009, as UIImage does not read SVG.`,
      provenance: assumed(`${docs.compressImage} for Android/PC ("other formats"); for iOS, Apple's ImageIO lists no SVG, so "统一返回 jpeg" cannot hold for it`),
    },
    {
      id: 'format-jxl',
      platforms: 'all',
      text: `JPEG XL: ${asOriginal('it (.jxl)')}; iOS 17 decodes it, but ttsim's libvips has no JPEG XL loader, so on iOS ttsim fails with 1300011.`,
      provenance: assumed(`${docs.compressImage} for Android/PC; the iOS failure is a ttsim limitation`),
    },
    {
      id: 'quality-rounded',
      platforms: 'all',
      text: 'A quality that is not a whole number (50.5) is rounded to the nearest one (51) where a JPEG is encoded: JPEG encoders take whole-number qualities. No warning, as on a client.',
      provenance: assumed('the doc gives quality as a number 1..100 and says nothing of fractions; libjpeg / UIImageJPEGRepresentation scales take whole steps'),
    },
    {
      id: 'harmony-like-android',
      platforms: ['harmony'],
      text: 'Harmony behaves like Android for formats.',
      provenance: assumed('the doc describes iOS and Android/PC only ("三端")'),
    },
    {
      id: 'temp-file-name',
      platforms: 'all',
      text: 'The result is a fresh path ttfile://temp/<uuid>-<uuid>-<32 hex>.<ext>; the input file is left untouched.',
      provenance: inferred("the doc's success example ttfile://temp/668fbc22-…-f9c3d20d141d0e6f32eea6c240b59544.png"),
    },
  ],
  failures: [
    { errno: Errno.invalidParameter, when: 'src missing or not a string; quality not a number or outside 1..100; an unknown parameter when the session is strict', provenance: assumed('errno 104 is the documented "invalid parameter"; which cases use it is our choice') },
    { errno: Errno.notSupported, when: 'the client is below the support matrix or the app kind / platform has no support', provenance: documented(docs.errno) },
    { errno: Errno.fileNotExist, when: 'src names no file', provenance: inferred('"file doesn\'t exist" in the WeChat-compatible family; errno 203 is the documented meaning') },
    { errno: Errno.invalidFilePath, when: 'src is malformed: NUL byte, unknown scheme, backslash or percent-encoded separator', provenance: assumed(docs.errno) },
    { errno: Errno.noReadPermission, when: 'src escapes its area with .. or a symlink', provenance: assumed(docs.errno) },
    { errno: Errno.invalidImageData, when: 'the file is not an image, or is corrupt or truncated where it must be decoded; SVG on iOS', provenance: inferred('"decode image fail" in the WeChat-compatible family; 1300009 "invalid image data"') },
    { errno: Errno.imageFormatNotSupported, when: 'iOS: the file is an image in a format ttsim\'s libvips cannot decode (HEIC, BMP, JPEG XL)', provenance: assumed('1300011 "image format not supported"; a real iOS client decodes those') },
    { errno: Errno.invalidImageSize, when: 'the image has more pixels than the decoder accepts (decompression bomb)', provenance: assumed('1300008 "invalid image size"') },
    { errno: Errno.unableToCompressImage, when: 'encoding or writing the output failed', provenance: assumed('1300003 "unable to compress image"') },
  ],
});
