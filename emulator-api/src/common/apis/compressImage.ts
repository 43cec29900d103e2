import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, documented, inferred } from '../types.js';
import { docs } from './sources.js';

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
      text: 'A non-JPEG input is recognised by its header only and not decoded, so a truncated PNG comes back unchanged; a file that is no image fails with 1300009.',
      provenance: assumed('Android reads the type with BitmapFactory bounds only; the doc says other formats are "returned as the original image"'),
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
    { errno: Errno.invalidParameter, when: 'src missing or not a string; quality not a number or outside 1..100; unknown parameter', provenance: assumed('errno 104 is the documented "invalid parameter"; which cases use it is our choice') },
    { errno: Errno.notSupported, when: 'the client is below the support matrix or the app kind / platform has no support', provenance: documented(docs.errno) },
    { errno: Errno.fileNotExist, when: 'src names no file', provenance: inferred('"file doesn\'t exist" in the WeChat-compatible family; errno 203 is the documented meaning') },
    { errno: Errno.invalidFilePath, when: 'src is malformed: NUL byte, unknown scheme, backslash or percent-encoded separator', provenance: assumed(docs.errno) },
    { errno: Errno.noReadPermission, when: 'src escapes its area with .. or a symlink', provenance: assumed(docs.errno) },
    { errno: Errno.invalidImageData, when: 'the file is not an image, or is corrupt or truncated where it must be decoded', provenance: inferred('"decode image fail" in the WeChat-compatible family; 1300009 "invalid image data"') },
    { errno: Errno.imageFormatNotSupported, when: 'the file is an image in a format that cannot be decoded (HEIC here: this machine has no HEVC decoder)', provenance: assumed('1300011 "image format not supported"; a real iOS client decodes HEIC') },
    { errno: Errno.invalidImageSize, when: 'the image has more pixels than the decoder accepts (decompression bomb)', provenance: assumed('1300008 "invalid image size"') },
    { errno: Errno.unableToCompressImage, when: 'encoding or writing the output failed', provenance: assumed('1300003 "unable to compress image"') },
  ],
});
