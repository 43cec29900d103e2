/**
 * The host half of canvasToTempFilePath: the guest has encoded the canvas (PNG, or JPEG at the asked quality:
 * the browser's encoder honours it, so nothing is re-encoded here); the host checks the bytes are what was
 * promised and writes them into ttfile://temp.
 */
import { fileTypeFromBuffer } from 'file-type';
import { Errno, TtError } from '../../common/errors.js';
import type { ApiParsedParams } from '../../common/registry.js';
import type { NodeCallContext } from '../context.js';
import { writeAtomicSync } from '../sandbox.js';
import { chosenFileName } from '../temp-files.js';

const MIME_OF = { png: 'image/png', jpg: 'image/jpeg' } as const;

export async function ttsimStoreCanvasImage({ data, fileType }: ApiParsedParams<'ttsimStoreCanvasImage'>, ctx: NodeCallContext) {
  const bytes = new Uint8Array(data);
  const sniffed = await fileTypeFromBuffer(bytes);
  ctx.applyRule('format-checked');
  if (sniffed?.mime !== MIME_OF[fileType]) {
    throw new TtError(Errno.invalidImageData, `invalid image data: the canvas was to be encoded as ${fileType} but the bytes are ${sniffed ? sniffed.mime : `no known format (${bytes.length} bytes)`}`);
  }
  ctx.applyRule('temp-file-name');
  const target = ctx.sandbox.newTempPath(chosenFileName(fileType));
  writeAtomicSync(target.hostPath, bytes);
  return { tempFilePath: target.guestPath };
}
