/**
 * (c) jimp (pure JavaScript): read the file, decode, encode at the quality, write the file. jpeg-js refuses
 * images whose decode needs over 512 MB by default (48 MP does), so the limit is raised to 2 GB.
 */
import * as fsp from 'node:fs/promises';
import { Jimp } from 'jimp';

const DECODE_OPTIONS = { 'image/jpeg': { maxMemoryUsageInMB: 2048 } };

export async function setup({ input, quality }) {
  return {
    describe: 'jimp fromBuffer → getBuffer(image/jpeg)',
    async run(outFile) {
      const image = await Jimp.fromBuffer(await fsp.readFile(input), DECODE_OPTIONS);
      await fsp.writeFile(outFile, await image.getBuffer('image/jpeg', { quality }));
      return { output: outFile };
    },
    close: async () => {},
  };
}
