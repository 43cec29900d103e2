/**
 * One measurement in its own process, so that peak RSS belongs to one method and one input:
 *
 *   node bench/worker.mjs <method> <input.jpg> [--runs N] [--warmup N] [--quality Q]
 *   node bench/worker.mjs sysinfo-load <input.jpg> [--concurrency N] [--quality Q]
 *
 * method: ttsim | sharp | canvas | jimp | cjpeg. Prints one line `@@bench-result <json>` on stdout.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { jpegInfo } from './lib/jpeg.mjs';

export const RESULT_PREFIX = '@@bench-result ';
const METHODS = ['ttsim', 'sharp', 'canvas', 'jimp', 'cjpeg'];

const kib = () => process.resourceUsage().maxRSS;

async function measureMethod(method, input, { runs, warmup, quality }, workDir) {
  const { setup } = await import(`./methods/${method}.mjs`);
  const rssBeforeKiB = Math.round(process.memoryUsage().rss / 1024);
  const impl = await setup({ input, quality, workDir });
  const rssAfterSetupKiB = Math.round(process.memoryUsage().rss / 1024);
  const samples = [];
  let output;
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const outFile = path.join(workDir, `out-${i}.jpg`);
      const started = performance.now();
      const result = await impl.run(outFile);
      const wallMs = performance.now() - started;
      const produced = result.output ?? outFile;
      if (i === warmup + runs - 1 || i === 0) output = jpegInfo(produced);
      await fsp.rm(produced, { force: true });
      if (i >= warmup) samples.push({ ms: result.ms ?? wallMs, wallMs, ...(result.extra ? { extra: result.extra } : {}) });
    }
    const methodMemory = impl.memory?.();
    return {
      method,
      describe: impl.describe,
      input,
      quality,
      runs,
      warmup,
      samples,
      output,
      selfPeakRssKiB: kib(),
      rssBeforeKiB,
      rssAfterSetupKiB,
      ...(methodMemory ? { methodMemory } : {}),
    };
  } finally {
    await impl.close();
  }
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      quality: { type: 'string', default: '80' },
      concurrency: { type: 'string', default: '8' },
    },
  });
  const [method, input] = positionals;
  if (!method || !input) throw new Error('usage: node bench/worker.mjs <method|sysinfo-load> <input.jpg> [--runs N] [--warmup N] [--quality Q]');
  if (!fs.existsSync(input)) throw new Error(`no such input: ${input}`);
  const options = { runs: Number(values.runs), warmup: Number(values.warmup), quality: Number(values.quality), concurrency: Number(values.concurrency) };
  const workDir = await fsp.mkdtemp(path.join(os.tmpdir(), `ttsim-bench-${method}-`));
  try {
    let result;
    if (method === 'sysinfo-load') {
      const { sysinfoUnderLoad } = await import('./scenarios/sysinfo-load.mjs');
      result = await sysinfoUnderLoad({ input, ...options, workDir });
    } else if (METHODS.includes(method)) {
      result = await measureMethod(method, input, options, workDir);
    } else {
      throw new Error(`unknown method ${method} (expected ${METHODS.join(', ')} or sysinfo-load)`);
    }
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  } finally {
    await fsp.rm(workDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  },
);
