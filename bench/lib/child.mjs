/**
 * Runs bench/worker.mjs in a child process with a timeout. The child gets its own process group, so a timeout
 * (or Ctrl-C of the bench) can take down whatever it started, Chromium included: SIGTERM first (playwright
 * closes its browser on SIGTERM), SIGKILL to the group after a grace period. The worker's scratch folder is
 * made and removed here, so that nothing is left behind however the worker ends.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('../worker.mjs', import.meta.url));
const RESULT_PREFIX = '@@bench-result ';
const GRACE_MS = 5_000;
const live = new Set();
let stopped = false;

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export function runWorker(args, { timeoutMs }) {
  return new Promise((resolve, reject) => {
    if (stopped) return reject(new Error('the bench is stopping'));
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-bench-'));
    const child = spawn(process.execPath, [WORKER, ...args, '--work-dir', workDir], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.workDir = workDir;
    live.add(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), GRACE_MS).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      live.delete(child);
      fs.rmSync(workDir, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      // Leftovers of the group (say, a Chromium helper) do not outlive their worker.
      killGroup(child, 'SIGKILL');
      fs.rmSync(workDir, { recursive: true, force: true });
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (timedOut) return reject(new Error(`worker ${args.join(' ')} timed out after ${timeoutMs} ms\n${stderr.trim()}`));
      if (code !== 0 || !line) return reject(new Error(`worker ${args.join(' ')} exited with ${code ?? signal}\n${stderr.trim()}`));
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)));
    });
  });
}

/**
 * Stops every running worker and refuses new ones (on SIGINT / SIGTERM of the bench): SIGTERM first, so that playwright closes
 * Chromium and removes its profile folder, then SIGKILL to whatever is left after `graceMs`. Each worker's
 * scratch folder goes with it.
 */
export async function stopAllWorkers(graceMs = 3_000) {
  stopped = true;
  for (const child of live) killGroup(child, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (live.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const child of live) {
    killGroup(child, 'SIGKILL');
    fs.rmSync(child.workDir, { recursive: true, force: true });
  }
}
