import type { ApiParsedParams } from '../../common/registry.js';
import { formatRuleOf } from '../../common/apis/compressImage.js';
import { Errno, TtError } from '../../common/errors.js';
import type { NodeCallContext } from '../context.js';
import { copyFileAtomic, encodeJpeg, isImage, isJpeg, sniff } from '../images.js';
import { derivedFileName } from '../temp-files.js';
import { requireFile } from './files.js';

const DEFAULT_QUALITY = 80;

export async function compressImage({ src, quality }: ApiParsedParams<'compressImage'>, ctx: NodeCallContext) {
  if (quality === undefined) ctx.applyRule('quality-default-80');
  const q = quality ?? DEFAULT_QUALITY;
  const input = ctx.sandbox.resolve(src, 'read', { mustExist: true });
  requireFile(input.hostPath, src);
  const type = await sniff(input.hostPath);
  const { platform } = ctx.profile;
  ctx.applyRule('temp-file-name');
  // TIFF, AVIF, HEIC, BMP, SVG, JXL: each has a rule saying what every platform does with it.
  const formatRule = formatRuleOf(type?.mime);
  if (formatRule) ctx.applyRule(formatRule);

  if (platform === 'ios') {
    ctx.applyRule('ios-always-jpeg');
    ctx.applyRule('ios-jpeg-conversion');
    if (type?.mime === 'image/svg+xml') {
      throw new TtError(Errno.invalidImageData, `decode image fail: ${src} is SVG, which iOS does not decode as a bitmap (UIImage reads no SVG)`, { rule: 'format-svg' });
    }
  } else {
    if (platform === 'harmony') ctx.applyRule('harmony-like-android');
    if (!isJpeg(type)) {
      ctx.applyRule('format-by-content');
      if (!isImage(type)) {
        throw new TtError(Errno.invalidImageData, `decode image fail: ${src} is not an image${type ? ` (it is ${type.mime})` : ''}`, { rule: 'non-jpeg-not-decoded' });
      }
      ctx.applyRule('non-jpeg-returned-as-is');
      ctx.applyRule('non-jpeg-not-decoded');
      const output = ctx.sandbox.newTempPath(derivedFileName(input.guestPath, type!.ext));
      await copyFileAtomic(input.hostPath, output.hostPath);
      return { tempFilePath: output.guestPath };
    }
    ctx.applyRule('jpeg-recompressed');
  }
  if (!Number.isInteger(q)) ctx.applyRule('quality-rounded');
  const output = ctx.sandbox.newTempPath(derivedFileName(input.guestPath, 'jpg'));
  await encodeJpeg({ hostPath: input.hostPath, guestPath: src, type }, output.hostPath, q);
  return { tempFilePath: output.guestPath };
}
