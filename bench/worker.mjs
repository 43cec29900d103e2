/**
 * One measurement in its own process, so that peak RSS belongs to one method and one input:
 *
 *   node bench/worker.mjs <method> <input.jpg> [--runs N] [--warmup N] [--quality Q]
 *   node bench/worker.mjs sysinfo-load <input.jpg> [--concurrency N] [--quality Q]
 *   (both take --work-dir DIR: scratch space the caller removes; default a temp folder of our own)
 *
 * method: ttsim | sharp | canvas | jimp | cjpeg, or several joined by commas (timed interleaved in one process;
 * the process's peak RSS then covers all of them). Prints one line `@@bench-result <json>` on stdout.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { jpegInfo } from './lib/jpeg.mjs';
import { selfPeakRssKiB } from './lib/procfs.mjs';

export const RESULT_PREFIX = '@@bench-result ';
const METHODS = ['ttsim', 'sharp', 'canvas', 'jimp', 'cjpeg'];

/**
 * Times one or more methods on one input. With several (`ttsim,sharp,cjpeg`), calls go round-robin, the
 * starting method rotating each round, so that a slow spell of a shared VM hits every method alike.
 */
async function measureMethods(methods, input, { runs, warmup, quality }, workDir) {
  const rssBeforeKiB = Math.round(process.memoryUsage().rss / 1024);
  const impls = [];
  try {
    for (const method of methods) {
      const { setup } = await import(`./methods/${method}.mjs`);
      impls.push({ method, impl: await setup({ input, quality, workDir }), samples: [], output: undefined });
    }
    const rssAfterSetupKiB = Math.round(process.memoryUsage().rss / 1024);
    for (let round = 0; round < warmup + runs; round++) {
      for (let k = 0; k < impls.length; k++) {
        const entry = impls[(round + k) % impls.length];
        const outFile = path.join(workDir, `out-${entry.method}-${round}.jpg`);
        const started = performance.now();
        const result = await entry.impl.run(outFile);
        const wallMs = performance.now() - started;
        const produced = result.output ?? outFile;
        if (round === warmup + runs - 1) entry.output = jpegInfo(produced);
        await fsp.rm(produced, { force: true });
        if (round >= warmup) entry.samples.push({ ms: result.ms ?? wallMs, wallMs, ...(result.extra ? { extra: result.extra } : {}) });
      }
    }
    return {
      input,
      quality,
      runs,
      warmup,
      interleaved: methods.length > 1,
      selfPeakRssKiB: selfPeakRssKiB(),
      rssBeforeKiB,
      rssAfterSetupKiB,
      methods: Object.fromEntries(
        impls.map(({ method, impl, samples, output }) => {
          const methodMemory = impl.memory?.();
          return [method, { describe: impl.describe, samples, output, ...(methodMemory ? { methodMemory } : {}) }];
        }),
      ),
    };
  } finally {
    for (const { impl } of impls) await impl.close();
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
      'work-dir': { type: 'string' },
    },
  });
  const [method, input] = positionals;
  if (!method || !input) throw new Error('usage: node bench/worker.mjs <method[,method…]|sysinfo-load> <input.jpg> [--runs N] [--warmup N] [--quality Q]');
  if (!fs.existsSync(input)) throw new Error(`no such input: ${input}`);
  const options = { runs: Number(values.runs), warmup: Number(values.warmup), quality: Number(values.quality), concurrency: Number(values.concurrency) };
  // Scratch space (outputs, ttsim's dataDir): given by bench/run.mjs, which removes it; else our own.
  const ownDir = values['work-dir'] === undefined;
  const workDir = ownDir ? await fsp.mkdtemp(path.join(os.tmpdir(), 'ttsim-bench-')) : values['work-dir'];
  try {
    let result;
    if (method === 'sysinfo-load') {
      const { sysinfoUnderLoad } = await import('./scenarios/sysinfo-load.mjs');
      result = await sysinfoUnderLoad({ input, ...options, workDir });
    } else {
      const methods = method.split(',');
      const unknown = methods.find((m) => !METHODS.includes(m));
      if (unknown) throw new Error(`unknown method ${unknown} (expected ${METHODS.join(', ')}, several joined by commas, or sysinfo-load)`);
      result = await measureMethods(methods, input, options, workDir);
    }
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  } finally {
    if (ownDir) await fsp.rm(workDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  },
);
