import { Errno, TtError } from '../../common/errors.js';
import type { ApiParsedParams } from '../../common/registry.js';
import type { NodeCallContext } from '../context.js';
import { readHeader } from '../images.js';
import { importIntoTemp } from '../temp-files.js';
import { requireFile } from './files.js';

const DEFAULT_COUNT = 9;

export async function chooseImage({ count, sourceType }: ApiParsedParams<'chooseImage'>, ctx: NodeCallContext) {
  if (count === undefined) ctx.applyRule('count-default-9');
  let sources = sourceType ?? ['album', 'camera'];
  if (ctx.profile.platform === 'pc') {
    ctx.applyRule('pc-album-only');
    sources = ['album'];
  }
  ctx.applyRule('size-type-ignored');
  const limit = count ?? DEFAULT_COUNT;
  const picked = (await ctx.chooser({ count: limit, sourceType: sources })).slice(0, limit);
  if (picked.length === 0) {
    throw new TtError(Errno.userCanceled, 'cancel: no image was chosen (give files with session.chooseFiles(), `ttsim compress <file>` or the simulator\'s picker)', { rule: 'no-chooser-cancels' });
  }
  ctx.applyRule('chosen-files-copied-to-temp');
  const tempFiles = [];
  for (const hostPath of picked) {
    const imported = await importIntoTemp(ctx.sandbox, hostPath);
    tempFiles.push({ path: imported.path.guestPath, size: imported.size });
  }
  return { tempFilePaths: tempFiles.map((f) => f.path), tempFiles };
}

const orientations = ['up', 'up', 'up-mirrored', 'down', 'down-mirrored', 'left-mirrored', 'right', 'right-mirrored', 'left'] as const;

export async function getImageInfo({ src }: ApiParsedParams<'getImageInfo'>, ctx: NodeCallContext) {
  const input = ctx.sandbox.resolve(src, 'read', { mustExist: true });
  requireFile(input.hostPath, src);
  const header = await readHeader(input.hostPath, src);
  ctx.applyRule('size-not-rotated');
  ctx.applyRule('type-orientation-extra');
  return {
    width: header.width,
    height: header.height,
    path: src,
    type: header.format === 'jpg' ? 'jpeg' : header.format,
    orientation: orientations[header.orientation] ?? 'up',
  };
}
