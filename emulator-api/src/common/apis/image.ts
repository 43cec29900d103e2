import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, documented, inferred } from '../types.js';
import { ANY_VERSION, docs } from './sources.js';

export const chooseImage = defineApi({
  name: 'chooseImage',
  style: 'async',
  summary: 'Lets the user pick images (album or camera); ttsim answers from a pluggable chooser.',
  doc: docs.chooseImage,
  params: z.strictObject({
    count: z.int().min(1).max(20).optional(),
    sizeType: z.array(z.enum(['original', 'compressed'])).optional(),
    sourceType: z.array(z.enum(['album', 'camera'])).optional(),
    cameraDevice: z.enum(['back', 'front']).optional(),
  }),
  result: z.strictObject({
    tempFilePaths: z.array(z.string()),
    tempFiles: z.array(z.object({ path: z.string(), size: z.number() })),
  }),
  support: {
    matrix: {
      gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' },
      webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
    },
    provenance: documented(`${docs.chooseImage}; gadget Android/iOS/PC are "✓" with no minimum version`),
  },
  fieldSupport: {
    'object.sizeType': {
      matrix: {
        gadget: { android: '3.38.0', ios: '3.38.0', pc: '3.38.0', harmony: '7.35.0' },
        webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
      },
      provenance: documented(docs.chooseImage),
    },
    'object.cameraDevice': {
      matrix: {
        gadget: { android: '5.9.0', ios: '3.8.0', pc: null, harmony: '7.35.0' },
        webapp: { android: '5.9.0', ios: '3.44.0', pc: null, harmony: '7.35.0' },
      },
      provenance: documented(docs.chooseImage),
    },
  },
  behaviours: [
    { id: 'count-default-9', platforms: 'all', text: 'count defaults to 9 and is at most 20; extra chosen files are dropped.', provenance: documented(docs.chooseImage) },
    { id: 'pc-album-only', platforms: ['pc'], text: 'PC picks from the album (file dialog) only; sourceType camera alone still opens the album.', provenance: documented(docs.chooseImage) },
    { id: 'chosen-files-copied-to-temp', platforms: 'all', text: 'Each chosen file is copied into ttfile://temp/<uuid>.<ext>; tempFiles gives path and size in bytes.', provenance: inferred('temp paths seen in public posts look like ttfile://temp/<uuid>.jpeg') },
    { id: 'size-type-ignored', platforms: 'all', text: 'sizeType is accepted but ttsim always returns the original file (a real phone may return a recompressed copy for ["compressed"]).', provenance: assumed('ttsim does not model the compressed pick') },
    { id: 'no-chooser-cancels', platforms: 'all', text: 'When no file is offered by the chooser (test, CLI flag or UI), the call fails as a user cancel.', provenance: documented(`${docs.chooseImage}: user cancel → errno 1300001`) },
  ],
  failures: [
    { errno: Errno.userCanceled, when: 'the user (or the chooser) picked nothing', provenance: documented(docs.chooseImage) },
    { errno: Errno.invalidParameter, when: 'count outside 1..20, unknown sizeType / sourceType values', provenance: assumed(docs.errno) },
  ],
});

export const getImageInfo = defineApi({
  name: 'getImageInfo',
  style: 'async',
  summary: 'Reads an image header: width, height and path (plus type and orientation, WeChat-style).',
  doc: docs.getImageInfo,
  params: z.strictObject({ src: z.string().min(1) }),
  result: z.strictObject({
    width: z.number(),
    height: z.number(),
    path: z.string(),
    type: z.string(),
    orientation: z.enum(['up', 'up-mirrored', 'down', 'down-mirrored', 'left-mirrored', 'right', 'right-mirrored', 'left']),
  }),
  support: {
    matrix: {
      gadget: { android: '2.4.0', ios: '2.4.0', pc: '2.4.0', harmony: '7.35.0' },
      webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
    },
    provenance: documented(docs.getImageInfo),
  },
  behaviours: [
    { id: 'size-not-rotated', platforms: 'all', text: 'width and height are the stored size: EXIF rotation is not applied to them.', provenance: documented(docs.getImageInfo) },
    { id: 'type-orientation-extra', platforms: 'all', text: 'type (jpeg, png, gif, webp, tiff, avif, heif) and orientation are returned as in the WeChat-compatible family; Feishu documents only width, height and path, so a real client may leave them out.', provenance: assumed('WeChat / Douyin getImageInfo return them') },
  ],
  failures: [
    { errno: Errno.fileNotExist, when: 'src names no file', provenance: assumed(docs.errno) },
    { errno: Errno.invalidImageData, when: 'the file is not an image', provenance: assumed(docs.errno) },
  ],
});
