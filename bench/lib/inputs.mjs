/**
 * Benchmark inputs: photographic-like JPEGs (smooth gradients, soft shapes with hard edges, texture and
 * per-pixel sensor noise, 4:2:0 at quality 92 like a phone camera), generated once and cached in
 * os.tmpdir()/ttsim-bench-inputs. Bump GENERATOR_VERSION when the content recipe changes.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';

const GENERATOR_VERSION = 1;
export const INPUT_DIR = path.join(os.tmpdir(), 'ttsim-bench-inputs');

export const SIZES = {
  '12MP': { width: 4000, height: 3000 },
  '48MP': { width: 8000, height: 6000 },
  '100MP': { width: 12500, height: 8000 },
};

/**
 * Deterministic RGB pixels: a lit gradient, fractal value noise (cells of 512 down to 4 px, so there is
 * detail at every scale as in a photo), a coarse colour cast, hard-edged translucent discs and per-pixel noise.
 */
function renderPixels(width, height, seed) {
  const pixels = Buffer.allocUnsafe(width * height * 3);
  let state = seed >>> 0 || 1;
  const rand = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const smooth = (t) => t * t * (3 - 2 * t);
  // One lattice of random values per octave; each row interpolates its lattice rows once (vertical smoothstep),
  // then each pixel interpolates horizontally between two values.
  const octave = (cell, amplitude) => {
    const cols = Math.ceil(width / cell) + 2;
    const rows = Math.ceil(height / cell) + 2;
    const lattice = new Float32Array(cols * rows);
    for (let i = 0; i < lattice.length; i++) lattice[i] = (rand() * 2 - 1) * amplitude;
    return { cell, cols, lattice, row: new Float32Array(cols) };
  };
  const luma = [octave(512, 45), octave(128, 22), octave(32, 12), octave(8, 7), octave(4, 4)];
  const castR = octave(768, 25);
  const castB = octave(768, 25);
  const all = [...luma, castR, castB];
  const discs = Array.from({ length: 9 }, () => ({
    cx: rand() * width,
    cy: rand() * height,
    r: (0.05 + rand() * 0.2) * Math.min(width, height),
    tint: [rand() * 90 - 45, rand() * 90 - 45, rand() * 90 - 45],
  }));
  const sample = (o, x) => {
    const gx = x / o.cell;
    const i = gx | 0;
    const t = smooth(gx - i);
    return o.row[i] + (o.row[i + 1] - o.row[i]) * t;
  };
  let out = 0;
  for (let y = 0; y < height; y++) {
    for (const o of all) {
      const gy = y / o.cell;
      const j = gy | 0;
      const t = smooth(gy - j);
      const a = j * o.cols;
      const b = a + o.cols;
      for (let i = 0; i < o.cols; i++) o.row[i] = o.lattice[a + i] + (o.lattice[b + i] - o.lattice[a + i]) * t;
    }
    const light = 60 + (1 - y / height) * 90;
    const rowDiscs = discs.filter((d) => Math.abs(y - d.cy) < d.r);
    for (let x = 0; x < width; x++) {
      let v = light + (x / width) * 40;
      for (let k = 0; k < luma.length; k++) v += sample(luma[k], x);
      let dr = sample(castR, x);
      let dg = 0;
      let db = sample(castB, x);
      for (const d of rowDiscs) {
        const dx = x - d.cx;
        const dy = y - d.cy;
        if (dx * dx + dy * dy < d.r * d.r) {
          dr += d.tint[0];
          dg += d.tint[1];
          db += d.tint[2];
        }
      }
      const noise = (rand() + rand() - 1) * 10;
      const r = v + dr + noise;
      const g = v + dg + noise;
      const b = v + db + noise;
      pixels[out++] = r < 0 ? 0 : r > 255 ? 255 : r;
      pixels[out++] = g < 0 ? 0 : g > 255 ? 255 : g;
      pixels[out++] = b < 0 ? 0 : b > 255 ? 255 : b;
    }
  }
  return pixels;
}

/** The cached input for a size label, generated on first use (atomically, so an aborted run leaves no half file). */
export async function ensureInput(label, log = () => {}) {
  const { width, height } = SIZES[label];
  const file = path.join(INPUT_DIR, `photo-v${GENERATOR_VERSION}-${width}x${height}.jpg`);
  if (fs.existsSync(file)) return { label, width, height, file, bytes: fs.statSync(file).size, cached: true };
  await fsp.mkdir(INPUT_DIR, { recursive: true });
  const started = performance.now();
  const pixels = renderPixels(width, height, width * 31 + height);
  const partial = `${file}.${process.pid}.partial`;
  try {
    await sharp(pixels, { raw: { width, height, channels: 3 }, limitInputPixels: false })
      .jpeg({ quality: 92, chromaSubsampling: '4:2:0' })
      .toFile(partial);
    await fsp.rename(partial, file);
  } finally {
    await fsp.rm(partial, { force: true });
  }
  const bytes = fs.statSync(file).size;
  log(`generated ${label} input ${path.basename(file)} (${(bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { label, width, height, file, bytes, cached: false };
}

/**
 * A copy of `input` with an EXIF APP1 segment (Orientation = 6, "rotate 90° CW") spliced in after SOI:
 * what most phone photos carry. Made by byte surgery, no re-encode. Cached next to the input.
 */
export async function ensureRotatedCopy(input) {
  const file = input.file.replace(/\.jpg$/, '-orient6.jpg');
  if (fs.existsSync(file)) return { ...input, file, bytes: fs.statSync(file).size, orientation: 6 };
  const bytes = await fsp.readFile(input.file);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error(`${input.file} is not a JPEG`);
  // "Exif\0\0" + big-endian TIFF header + IFD0 with one SHORT entry (0x0112 Orientation = 6).
  const tiff = Buffer.from([
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
    0x00, 0x01,
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xffe1, 0);
  segment.writeUInt16BE(payload.length + 2, 2);
  const partial = `${file}.${process.pid}.partial`;
  await fsp.writeFile(partial, Buffer.concat([bytes.subarray(0, 2), segment, payload, bytes.subarray(2)]));
  await fsp.rename(partial, file);
  return { ...input, file, bytes: fs.statSync(file).size, orientation: 6 };
}
