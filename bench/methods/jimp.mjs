/** (c) jimp (pure JavaScript): read the file, decode, encode at the quality, write the file. */
import * as fsp from 'node:fs/promises';
import { Jimp } from 'jimp';

export async function setup({ input, quality }) {
  return {
    describe: 'jimp read → getBuffer(image/jpeg)',
    async run(outFile) {
      const image = await Jimp.read(await fsp.readFile(input));
      await fsp.writeFile(outFile, await image.getBuffer('image/jpeg', { quality }));
      return { output: outFile };
    },
    close: async () => {},
  };
}
