import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { launch, type LaunchOptions, type Simulator } from 'ttsim/automation';

export const root = new URL('../', import.meta.url).pathname;
export const example = (name: string) => path.join(root, 'examples', name);

/** Test images made on the fly. */
export async function images(): Promise<{ png: string; jpeg: string; corrupt: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-e2e-'));
  const png = path.join(dir, 'alpha.png');
  const jpeg = path.join(dir, 'photo.jpg');
  const corrupt = path.join(dir, 'corrupt.jpg');
  await sharp({ create: { width: 120, height: 80, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0.5 } } }).png().toFile(png);
  const noise = Buffer.alloc(200 * 150 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  await sharp(noise, { raw: { width: 200, height: 150, channels: 3 } }).jpeg({ quality: 95 }).toFile(jpeg);
  fs.writeFileSync(corrupt, fs.readFileSync(jpeg).subarray(0, 400));
  return { png, jpeg, corrupt, dir };
}

export async function open(options: Omit<LaunchOptions, 'dataDir'>): Promise<Simulator> {
  return launch({ ...options, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-e2e-data-')) });
}
