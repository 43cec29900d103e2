/** (ttsim) tt.compressImage through a session, as a gadget calls it; the input is imported once in setup. */
import { createSession } from 'ttsim';

export async function setup({ input, quality, workDir }) {
  const session = await createSession({ app: 'gadget', platform: 'android', client: '7.35.0', dataDir: workDir });
  const src = await session.importFile(input);
  return {
    describe: 'tt.compressImage (session, android 7.35.0)',
    async run() {
      const result = await session.tt.compressImage({ src, quality });
      if (result?.errMsg !== 'compressImage:ok') throw new Error(`compressImage failed: ${JSON.stringify(result)}`);
      return { output: session.resolve(result.tempFilePath) };
    },
    close: () => session.close(),
  };
}
