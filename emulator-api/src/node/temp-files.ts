/** Fresh temp-file names, importing host files into ttfile://temp (what chooseImage does) and storing guest-encoded images. */
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { Errno, TtError } from '../common/errors.js';
import { copyFileAtomic, sniff } from './images.js';
import { writeAtomicSync, type ResolvedPath, type Sandbox } from './sandbox.js';

/** `<uuid>.<ext>`: the shape of chooseImage's temp paths. */
export function chosenFileName(ext: string): string {
  return `${randomUUID()}.${ext}`;
}

/** `<uuid>-<uuid>-<32 hex>.<ext>`: the shape of compressImage's documented example result. */
export function derivedFileName(source: string, ext: string): string {
  const digest = createHash('md5').update(`${source}\0${Date.now()}\0${randomUUID()}`).digest('hex');
  return `${randomUUID()}-${randomUUID()}-${digest}.${ext}`;
}

/** Copies a host file into the sandbox's temp folder, as if the user had chosen it. */
export async function importIntoTemp(sandbox: Sandbox, hostPath: string): Promise<{ path: ResolvedPath; size: number }> {
  let stat;
  try {
    stat = await fsp.stat(hostPath);
  } catch {
    throw new TtError(Errno.fileNotExist, `no such file on the host: ${hostPath}`);
  }
  if (!stat.isFile()) throw new TtError(Errno.notFile, `not a file: ${hostPath}`);
  const type = await sniff(hostPath);
  const ext = (type?.ext ?? path.extname(hostPath).slice(1).toLowerCase()) || 'bin';
  const target = sandbox.newTempPath(chosenFileName(ext === 'jpg' ? 'jpeg' : ext));
  await copyFileAtomic(hostPath, target.hostPath);
  return { path: target, size: stat.size };
}

const IMAGE_MIME = { png: 'image/png', jpg: 'image/jpeg' } as const;

/**
 * Writes an image the guest encoded (canvasToTempFilePath) into ttfile://temp, after checking by its magic
 * bytes that it is the promised PNG or JPEG; returns its ttfile:// path.
 */
export async function storeEncodedImage(sandbox: Sandbox, bytes: Uint8Array, fileType: 'png' | 'jpg'): Promise<string> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed?.mime !== IMAGE_MIME[fileType]) {
    throw new TtError(Errno.invalidImageData, `invalid image data: the canvas was to be encoded as ${fileType} but the bytes are ${sniffed ? sniffed.mime : `no known format (${bytes.length} bytes)`}`, { rule: 'format-checked' });
  }
  const target = sandbox.newTempPath(chosenFileName(fileType));
  writeAtomicSync(target.hostPath, bytes);
  return target.guestPath;
}
