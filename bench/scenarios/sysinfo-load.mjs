/**
 * getSystemInfo latency with and without load: N concurrent tt.compressImage calls on one session while the
 * same session answers `await tt.getSystemInfo()` in a loop (one call every ~2 ms), each timed with
 * performance.now(). Event-loop delay is recorded too, since a blocked loop is what a UI would feel.
 */
import * as fsp from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createSession } from 'ttsim';
import { selfPeakRssKiB } from '../lib/procfs.mjs';
import { percentile } from '../lib/stats.mjs';

const BASELINE_SAMPLES = 300;
const LOAD_DEADLINE_MS = 120_000;
const INTERVAL_MS = 2;

function summary(latencies) {
  return { n: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies) };
}

export async function sysinfoUnderLoad({ input, quality, concurrency, workDir }) {
  const session = await createSession({ app: 'gadget', platform: 'android', client: '7.35.0', dataDir: workDir });
  try {
    const src = await session.importFile(input);
    const compress = async () => {
      const started = performance.now();
      const result = await session.tt.compressImage({ src, quality });
      const ms = performance.now() - started;
      await fsp.rm(session.resolve(result.tempFilePath), { force: true });
      return ms;
    };
    const loop = async (keepGoing) => {
      const latencies = [];
      while (keepGoing(latencies.length)) {
        const started = performance.now();
        const info = await session.tt.getSystemInfo();
        latencies.push(performance.now() - started);
        if (!info?.platform) throw new Error(`getSystemInfo returned ${JSON.stringify(info)}`);
        await sleep(INTERVAL_MS);
      }
      return latencies;
    };

    // Warm-up: JIT, sharp, file-type and zod paths, so neither figure includes first-call costs.
    await compress();
    await loop((n) => n < 30);

    const baseline = await loop((n) => n < BASELINE_SAMPLES);

    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const deadline = performance.now() + LOAD_DEADLINE_MS;
    let settled = 0;
    const started = performance.now();
    const jobs = Array.from({ length: concurrency }, () => compress().finally(() => settled++));
    const underLoad = await loop(() => settled < concurrency && performance.now() < deadline);
    const outcomes = await Promise.allSettled(jobs);
    const loadMs = performance.now() - started;
    delay.disable();
    const failed = outcomes.filter((o) => o.status === 'rejected');
    if (failed.length) throw new Error(`${failed.length} of ${concurrency} compressions failed: ${JSON.stringify(failed[0].reason)}`);
    if (settled < concurrency) throw new Error(`compressions did not finish within ${LOAD_DEADLINE_MS} ms`);

    return {
      method: 'sysinfo-load',
      input,
      quality,
      concurrency,
      baseline: summary(baseline),
      underLoad: summary(underLoad),
      eventLoopDelayMs: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
      loadMs,
      perCallMs: outcomes.map((o) => o.value),
      selfPeakRssKiB: selfPeakRssKiB(),
    };
  } finally {
    await session.close();
  }
}
