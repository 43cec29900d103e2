/**
 * Linux /proc readers for memory of processes we do not run in-process (Chromium, djpeg, cjpeg):
 * the process tree under a pid, VmHWM / VmRSS from status and Pss from smaps_rollup.
 */
import * as fs from 'node:fs';

function readOrUndefined(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** All live descendants of `root` (not root itself), from the ppid field of /proc/<pid>/stat. */
export function descendants(root) {
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readOrUndefined(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name is in parentheses and may contain spaces; fields after the last ')' are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const out = [];
  const queue = [root];
  while (queue.length) {
    for (const child of children.get(queue.shift()) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

/** { VmHWM, VmRSS } in KiB, or undefined when the process is gone. */
export function memoryStatus(pid) {
  const status = readOrUndefined(`/proc/${pid}/status`);
  if (!status) return undefined;
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?', hwmKiB: field('VmHWM'), rssKiB: field('VmRSS') };
}

/** Proportional set size in KiB (shared pages split between their users), or undefined. */
export function pssKiB(pid) {
  const rollup = readOrUndefined(`/proc/${pid}/smaps_rollup`);
  const match = rollup && /^Pss:\s+(\d+) kB/m.exec(rollup);
  return match ? Number(match[1]) : undefined;
}

/**
 * Samples the memory of every descendant of `root` every `intervalMs`: the peak of the summed Pss (what the
 * tree really occupies at once) and each process's own VmHWM (whose sum over-states the simultaneous peak).
 */
export function treeMemorySampler(root, intervalMs = 50) {
  let peakPssKiB = 0;
  const hwm = new Map();
  const sample = () => {
    let pss = 0;
    for (const pid of descendants(root)) {
      pss += pssKiB(pid) ?? 0;
      const status = memoryStatus(pid);
      if (status) hwm.set(pid, { name: status.name, hwmKiB: Math.max(status.hwmKiB, hwm.get(pid)?.hwmKiB ?? 0) });
    }
    peakPssKiB = Math.max(peakPssKiB, pss);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      const processes = [...hwm.values()];
      return { peakPssKiB, sumHwmKiB: processes.reduce((sum, p) => sum + p.hwmKiB, 0), processes };
    },
  };
}

/**
 * This process's own peak RSS in KiB: VmHWM of its address space. Not process.resourceUsage().maxRSS, which
 * Linux carries over fork + exec: a child's maxRSS starts at its parent's RSS at spawn time (here the bench
 * runner's, over 500 MB right after generating the 100 MP input), so it would over-state a small worker.
 */
export function selfPeakRssKiB() {
  return memoryStatus(process.pid)?.hwmKiB || process.resourceUsage().maxRSS;
}
