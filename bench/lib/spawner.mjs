/**
 * A helper process that runs shell pipelines for the (d) method on request (IPC: { id, script, env } →
 * { id, ms } or { id, error }), timing each one itself.
 *
 * Why not spawn from the worker: spawning forks the worker, and after a fork every heap page of the worker is
 * write-protected, so the next in-process encode (sharp, ttsim) pays a page fault per reused page. On this
 * kind of VM (paravirtualised page tables) that made a 12 MP sharp run ~40 ms (60 %) slower whenever it
 * followed a spawn, which would skew the interleaved timings. Forking this small process instead leaves the
 * worker's heap alone.
 */
import { spawn } from 'node:child_process';

const RUN_TIMEOUT_MS = 120_000;

function sh(script, env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('sh', ['-c', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], timeout: RUN_TIMEOUT_MS, killSignal: 'SIGKILL' });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      if (code === 0) resolve(ms);
      else reject(new Error(`sh exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
}

process.on('message', ({ id, script, env }) => {
  sh(script, env).then(
    (ms) => process.send({ id, ms }),
    (error) => process.send({ id, error: error.message }),
  );
});
// The worker went away (finished or crashed): so do we.
process.on('disconnect', () => process.exit(0));
