/**
 * ttsim's benchmark: tt.compressImage against raw sharp, a Chromium canvas, jimp and djpeg | cjpeg; peak RSS
 * on a 100 MP input; getSystemInfo latency under load. Run after `npm run build`:
 *
 *   node bench/run.mjs
 *
 * Progress goes to stderr; the markdown report to stdout and to bench/RESULTS.md.
 */
import * as fsp from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { runWorker, stopAllWorkers } from './lib/child.mjs';
import { ensureInput, ensureRotatedCopy } from './lib/inputs.mjs';
import { cpuShares, cpuSnapshot, machineInfo } from './lib/machine.mjs';
import { renderReport } from './lib/report.mjs';

const RESULTS_FILE = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

/** Runs per size: ttsim / sharp / cjpeg are cheap and noisy, so they get more rounds than canvas and jimp. */
const PLAN = [
  { size: '12MP', rounds: 21, warmup: 2, slowRuns: 5, timeoutMs: 120_000 },
  { size: '48MP', rounds: 21, warmup: 1, slowRuns: 3, timeoutMs: 240_000 },
];

const log = (message) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** Set on SIGINT / SIGTERM: no more workers, and no report (a partial one would overwrite RESULTS.md). */
let stopping = false;
class Stopped extends Error {}

/** A worker's result, or { error } so that one broken method does not sink the whole report. */
async function attempt(what, args, timeoutMs) {
  if (stopping) throw new Stopped();
  log(`${what} …`);
  const started = performance.now();
  try {
    const result = await runWorker(args, { timeoutMs });
    log(`${what} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    if (stopping) throw new Stopped();
    log(`${what} FAILED: ${error.message}`);
    return { error: error.message };
  }
}

const runArgs = (runs, warmup) => ['--runs', String(runs), '--warmup', String(warmup), '--quality', '80'];

async function main() {
  const started = performance.now();
  const cpuBefore = cpuSnapshot();
  const machine = machineInfo();
  log(`${machine.cores} × ${machine.model}, node ${machine.node}, sharp ${machine.sharp} / libvips ${machine.vips}`);

  const inputs = {};
  let generateMs = 0;
  let generatedInputs = false;
  for (const label of ['12MP', '48MP', '100MP']) {
    const t = performance.now();
    inputs[label] = await ensureInput(label, log);
    if (!inputs[label].cached) {
      generatedInputs = true;
      generateMs += performance.now() - t;
    }
  }
  const rotated100 = await ensureRotatedCopy(inputs['100MP']);

  const compression = {};
  for (const { size, rounds, warmup, slowRuns, timeoutMs } of PLAN) {
    const file = inputs[size].file;
    compression[size] = {
      interleaved: await attempt(`${size} ttsim + sharp + cjpeg interleaved`, ['ttsim,sharp,cjpeg', file, ...runArgs(rounds, warmup)], timeoutMs),
      ttsimSolo: await attempt(`${size} ttsim alone (peak RSS)`, ['ttsim', file, ...runArgs(2, 1)], timeoutMs),
      sharpSolo: await attempt(`${size} sharp alone (peak RSS)`, ['sharp', file, ...runArgs(2, 1)], timeoutMs),
      canvas: await attempt(`${size} Chromium canvas`, ['canvas', file, ...runArgs(slowRuns, 1)], timeoutMs),
      jimp: await attempt(`${size} jimp`, ['jimp', file, ...runArgs(slowRuns, 1)], timeoutMs),
    };
  }

  const once = runArgs(1, 0);
  const memory100 = {
    ttsim: await attempt('100MP ttsim (fresh process)', ['ttsim', inputs['100MP'].file, ...once], 120_000),
    sharp: await attempt('100MP sharp (fresh process)', ['sharp', inputs['100MP'].file, ...once], 120_000),
    ttsimRotated: await attempt('100MP orientation 6 ttsim', ['ttsim', rotated100.file, ...once], 120_000),
    sharpRotated: await attempt('100MP orientation 6 sharp', ['sharp', rotated100.file, ...once], 120_000),
  };

  const sysinfo = await attempt('getSystemInfo under 8 × 12MP compressions', ['sysinfo-load', inputs['12MP'].file, '--concurrency', '8', '--quality', '80'], 180_000);

  const results = {
    machine,
    plan: PLAN,
    inputs,
    compression,
    memory100,
    sysinfo,
    cpu: cpuShares(cpuBefore, cpuSnapshot()),
    generatedInputs,
    generateMs,
    durationMs: performance.now() - started,
  };
  const report = renderReport(results);
  await fsp.writeFile(RESULTS_FILE, report);
  process.stdout.write(`${report}\n`);
  log(`wrote ${RESULTS_FILE}; total ${(results.durationMs / 1000).toFixed(0)} s`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping workers`);
    void stopAllWorkers().finally(() => process.exit(130));
  });
}

main().catch(async (error) => {
  if (error instanceof Stopped) return; // the signal handler exits
  console.error(error?.stack ?? error);
  await stopAllWorkers();
  process.exit(1);
});
