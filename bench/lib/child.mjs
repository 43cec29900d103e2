/**
 * Runs bench/worker.mjs in a child process with a timeout. The child gets its own process group, so a timeout
 * (or Ctrl-C of the bench) can take down whatever it started, Chromium included: SIGTERM first (playwright
 * closes its browser on SIGTERM), SIGKILL to the group after a grace period.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('../worker.mjs', import.meta.url));
const RESULT_PREFIX = '@@bench-result ';
const GRACE_MS = 5_000;
const live = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export function runWorker(args, { timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      // Leftovers of the group (say, a Chromium helper) do not outlive their worker.
      killGroup(child, 'SIGKILL');
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (timedOut) return reject(new Error(`worker ${args.join(' ')} timed out after ${timeoutMs} ms\n${stderr.trim()}`));
      if (code !== 0 || !line) return reject(new Error(`worker ${args.join(' ')} exited with ${code ?? signal}\n${stderr.trim()}`));
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)));
    });
  });
}

/** Kills every running worker group (used on SIGINT / SIGTERM of the bench). */
export function killAllWorkers() {
  for (const child of live) killGroup(child, 'SIGKILL');
}
