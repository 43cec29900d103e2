/** Reads a JPEG's dimensions from its SOF marker (no decoder), to check that every method produced a real JPEG. */
import * as fs from 'node:fs';

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

export function jpegInfo(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 256 * 1024));
    fs.readSync(fd, head, 0, head.length, 0);
    if (head[0] !== 0xff || head[1] !== 0xd8) return { ok: false, bytes: size, reason: 'no SOI marker' };
    let at = 2;
    while (at + 9 < head.length) {
      if (head[at] !== 0xff) return { ok: false, bytes: size, reason: `bad marker at ${at}` };
      const marker = head[at + 1];
      if (marker === 0xff) {
        at += 1;
        continue;
      }
      const length = head.readUInt16BE(at + 2);
      if (SOF_MARKERS.has(marker)) {
        return { ok: true, bytes: size, height: head.readUInt16BE(at + 5), width: head.readUInt16BE(at + 7), progressive: marker === 0xc2 };
      }
      at += 2 + length;
    }
    return { ok: false, bytes: size, reason: 'no SOF marker in the first 256 KiB' };
  } finally {
    fs.closeSync(fd);
  }
}
