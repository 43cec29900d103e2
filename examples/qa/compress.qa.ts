/**
 * A QA scenario for compress-demo (and its web-app twin): choose a PNG and a JPEG, compress each at
 * quality 30 and at the default, and check what each Feishu client gives back. Run it under five
 * profiles with `ttsim qa examples/compress-demo examples/webapp-demo --scenario examples/qa/compress.qa.ts`,
 * or `npx playwright test -c examples/qa` (the profiles are the projects of playwright.config.ts).
 */
import * as path from 'node:path';
import { test, expect, type Simulator, type SuccessResult } from 'ttsim/test';

const images = path.join(import.meta.dirname, '..', 'images');

/** Chooses one host file through tt.chooseImage, as a user picking it in the album would. */
async function choose(sim: Simulator, file: string): Promise<string> {
  sim.chooseFiles([path.join(images, file)]);
  const chosen = await sim.callTT('chooseImage', { count: 1, sourceType: ['album'] });
  if (!sim.canIUse('chooseImage')) {
    // An older client without the API: the call fails with errno 103, and there is no image to compress.
    expect(chosen).toMatchObject({ errno: 103 });
    return `ttfile://temp/not-chosen-${file}`;
  }
  expect(chosen.errMsg).toBe('chooseImage:ok');
  const [first] = (chosen as SuccessResult).tempFilePaths as string[];
  return first!;
}

/** Compresses and checks the answer against what this profile's client does. */
async function compress(sim: Simulator, src: string, quality: number | undefined, chosenFormat: 'png' | 'jpeg') {
  const result = await sim.callTT('compressImage', { src, ...(quality === undefined ? {} : { quality }) });
  if (!sim.canIUse('compressImage')) {
    // Outside the support matrix the client fails the call; it never succeeds silently.
    expect(result).toMatchObject({ errno: 103 });
    return;
  }
  expect(result.errMsg).toBe('compressImage:ok');
  const out = sim.readFile(String((result as SuccessResult).tempFilePath));
  const isJpeg = out[0] === 0xff && out[1] === 0xd8;
  // iOS always answers a JPEG; Android, PC and Harmony compress JPEG only and give other formats back unchanged.
  const expectJpeg = chosenFormat === 'jpeg' || sim.profile.platform === 'ios';
  expect(isJpeg, `${sim.profile.platform} should answer ${expectJpeg ? 'a JPEG' : 'the PNG unchanged'}`).toBe(expectJpeg);
}

test('a PNG and a JPEG, compressed at quality 30 and at the default', async ({ sim }) => {
  const png = await test.step('choose a PNG with alpha', () => choose(sim, 'translucent.png'));
  await test.step('compress the PNG at quality 30', () => compress(sim, png, 30, 'png'));
  await test.step('compress the PNG at the default quality', () => compress(sim, png, undefined, 'png'));
  const jpeg = await test.step('choose a JPEG photo', () => choose(sim, 'photo.jpg'));
  await test.step('compress the JPEG at quality 30', () => compress(sim, jpeg, 30, 'jpeg'));
  await test.step('compress the JPEG at the default quality', () => compress(sim, jpeg, undefined, 'jpeg'));
});
