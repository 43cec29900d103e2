/**
 * (d) libjpeg-turbo's command-line pipeline `djpeg in | cjpeg -quality Q > out` spawned via sh. Peak RSS of
 * djpeg and cjpeg comes from GNU time (%M, KiB) when /usr/bin/time exists, else from polling /proc every 5 ms.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { treeMemorySampler } from '../lib/procfs.mjs';

const GNU_TIME = '/usr/bin/time';
const RUN_TIMEOUT_MS = 120_000;

function sh(script, env) {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], timeout: RUN_TIMEOUT_MS, killSignal: 'SIGKILL' });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new Error(`sh exited with ${code ?? signal}: ${stderr.trim()}`))));
  });
}

export async function setup({ input, quality, workDir }) {
  const useTime = fs.existsSync(GNU_TIME);
  const timeFiles = { djpeg: path.join(workDir, 'djpeg.time'), cjpeg: path.join(workDir, 'cjpeg.time') };
  const peaks = { djpeg: 0, cjpeg: 0, pair: 0 };
  const readTime = async (file) => {
    const lines = (await fsp.readFile(file, 'utf8')).trim().split('\n');
    const kib = Number(lines.at(-1));
    if (!Number.isFinite(kib) || lines.length > 1) throw new Error(`unexpected ${GNU_TIME} output: ${lines.join(' / ')}`);
    return kib;
  };
  return {
    describe: `sh -c 'djpeg | cjpeg -quality ${quality}'`,
    async run(outFile) {
      const env = { IN: input, OUT: outFile, Q: String(quality), T1: timeFiles.djpeg, T2: timeFiles.cjpeg };
      let djpeg;
      let cjpeg;
      if (useTime) {
        await sh(`${GNU_TIME} -f %M -o "$T1" djpeg "$IN" | ${GNU_TIME} -f %M -o "$T2" cjpeg -quality "$Q" > "$OUT"`, env);
        djpeg = await readTime(timeFiles.djpeg);
        cjpeg = await readTime(timeFiles.cjpeg);
      } else {
        const sampler = treeMemorySampler(process.pid, 5);
        await sh('djpeg "$IN" | cjpeg -quality "$Q" > "$OUT"', env);
        const { processes } = sampler.stop();
        djpeg = Math.max(0, ...processes.filter((p) => p.name === 'djpeg').map((p) => p.hwmKiB));
        cjpeg = Math.max(0, ...processes.filter((p) => p.name === 'cjpeg').map((p) => p.hwmKiB));
      }
      peaks.djpeg = Math.max(peaks.djpeg, djpeg);
      peaks.cjpeg = Math.max(peaks.cjpeg, cjpeg);
      peaks.pair = Math.max(peaks.pair, djpeg + cjpeg);
      return { output: outFile };
    },
    memory: () => ({
      peakKiB: peaks.pair,
      how: `djpeg + cjpeg peak RSS (${useTime ? 'GNU time %M' : 'polled VmHWM'}): djpeg ${Math.round(peaks.djpeg / 1024)} MB + cjpeg ${Math.round(peaks.cjpeg / 1024)} MB`,
    }),
    close: async () => {},
  };
}
