/** (a) sharp called directly with ttsim's exact pipeline and jpegOutputOptions(). */
import sharp from 'sharp';
import { MAX_INPUT_PIXELS, jpegOutputOptions } from '../../dist/emulator-api/src/node/images.js';

export async function setup({ input, quality }) {
  sharp.cache(false);
  return {
    describe: 'sharp → toFile, same options',
    async run(outFile) {
      await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', animated: false })
        .autoOrient()
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .jpeg(jpegOutputOptions(quality))
        .toFile(outFile);
      return { output: outFile };
    },
    close: async () => {},
  };
}
