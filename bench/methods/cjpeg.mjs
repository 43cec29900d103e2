/**
 * (d) libjpeg-turbo's command-line pipeline `djpeg in | cjpeg -quality Q > out` spawned via sh, from a helper
 * process (see lib/spawner.mjs for why). The time is spawn → exit of sh, measured in the helper. Peak RSS of
 * djpeg and cjpeg comes from GNU time (%M, KiB) when /usr/bin/time exists, else from polling /proc every 5 ms.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { treeMemorySampler } from '../lib/procfs.mjs';

const GNU_TIME = '/usr/bin/time';
const SPAWNER = fileURLToPath(new URL('../lib/spawner.mjs', import.meta.url));

function startSpawner() {
  const helper = fork(SPAWNER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 1;
  const failAll = (error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  helper.on('message', ({ id, ms, error }) => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (error) waiter?.reject(new Error(error));
    else waiter?.resolve(ms);
  });
  helper.on('exit', (code, signal) => failAll(new Error(`spawner exited with ${code ?? signal}`)));
  return {
    pid: helper.pid,
    run: (script, env) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        helper.send({ id, script, env });
      }),
    /** Disconnecting makes the helper exit; waiting for that reaps it (its CPU time then counts as ours). */
    close: async () => {
      if (helper.exitCode !== null || helper.signalCode !== null) return;
      const exited = once(helper, 'exit');
      if (helper.connected) helper.disconnect();
      await exited;
    },
  };
}

export async function setup({ input, quality, workDir }) {
  const useTime = fs.existsSync(GNU_TIME);
  const timeFiles = { djpeg: path.join(workDir, 'djpeg.time'), cjpeg: path.join(workDir, 'cjpeg.time') };
  const peaks = { djpeg: 0, cjpeg: 0, pair: 0 };
  const spawner = startSpawner();
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
      let ms;
      let djpeg;
      let cjpeg;
      if (useTime) {
        ms = await spawner.run(`${GNU_TIME} -f %M -o "$T1" djpeg "$IN" | ${GNU_TIME} -f %M -o "$T2" cjpeg -quality "$Q" > "$OUT"`, env);
        djpeg = await readTime(timeFiles.djpeg);
        cjpeg = await readTime(timeFiles.cjpeg);
      } else {
        const sampler = treeMemorySampler(spawner.pid, 5);
        ms = await spawner.run('djpeg "$IN" | cjpeg -quality "$Q" > "$OUT"', env);
        const { processes } = sampler.stop();
        djpeg = Math.max(0, ...processes.filter((p) => p.name === 'djpeg').map((p) => p.hwmKiB));
        cjpeg = Math.max(0, ...processes.filter((p) => p.name === 'cjpeg').map((p) => p.hwmKiB));
      }
      peaks.djpeg = Math.max(peaks.djpeg, djpeg);
      peaks.cjpeg = Math.max(peaks.cjpeg, cjpeg);
      peaks.pair = Math.max(peaks.pair, djpeg + cjpeg);
      return { ms, output: outFile };
    },
    memory: () => ({
      peakKiB: peaks.pair,
      how: `djpeg + cjpeg peak RSS (${useTime ? 'GNU time %M' : 'polled VmHWM'}): djpeg ${Math.round(peaks.djpeg / 1024)} MB + cjpeg ${Math.round(peaks.cjpeg / 1024)} MB`,
    }),
    close: () => spawner.close(),
  };
}
