/** What the figures were measured on. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import sharp from 'sharp';

const require = createRequire(import.meta.url);

function packageVersion(name) {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    return 'unknown';
  }
}

/** First match of `pattern` in what the command prints (stdout or stderr: cjpeg -version uses stderr). */
function commandVersion(command, args, pattern) {
  const run = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
  return pattern.exec(`${run.stdout ?? ''}${run.stderr ?? ''}`)?.[1] ?? 'unknown';
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cores: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    totalMemBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sharp: sharp.versions.sharp,
    vips: sharp.versions.vips,
    jpegLib: sharp.versions.mozjpeg ? `mozjpeg ${sharp.versions.mozjpeg}` : 'libjpeg-turbo',
    jimp: packageVersion('jimp'),
    playwright: packageVersion('playwright-core'),
    chromium: commandVersion('/usr/bin/chromium', ['--version'], /Chromium ([\d.]+)/),
    libjpegTurbo: commandVersion('cjpeg', ['-version'], /libjpeg-turbo version ([\d.]+)/),
  };
}

/**
 * CPU accounting for "was anything else running?": machine-wide busy time from /proc/stat against the bench's
 * own CPU time (itself plus reaped descendants, /proc/self/stat utime+stime+cutime+cstime), in clock ticks.
 */
export function cpuSnapshot() {
  try {
    const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = cpu;
    const self = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = self.slice(self.lastIndexOf(')') + 2).split(' ').map(Number);
    return {
      busy: user + nice + system + irq + softirq,
      idle: idle + iowait,
      steal,
      self: fields[11] + fields[12] + fields[13] + fields[14],
    };
  } catch {
    return undefined;
  }
}

/** Shares (0..1) of the machine's CPU time between two snapshots: used by other processes, and stolen by the host. */
export function cpuShares(before, after) {
  if (!before || !after) return undefined;
  const total = after.busy + after.idle + after.steal - (before.busy + before.idle + before.steal);
  if (total <= 0) return undefined;
  const others = after.busy - before.busy - (after.self - before.self);
  return { others: Math.max(0, others) / total, steal: (after.steal - before.steal) / total };
}
