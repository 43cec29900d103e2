/** What the figures were measured on. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
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
    loadAvgStart: os.loadavg(),
  };
}
