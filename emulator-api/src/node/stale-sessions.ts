/**
 * Session folders (<dataDir>/sessions/<id>) are removed when their session closes. A process that is
 * killed never closes its sessions, so each session folder names its owner process, and the first
 * session a process opens in a data folder removes the folders whose owner is gone. Folders kept on
 * purpose (keepTemp: the CLI prints paths into them) name no owner and are never swept.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';

const OWNER_FILE = '.ttsim-owner.json';

interface Owner {
  readonly pid: number;
}

/** Marks `sessionDir` as belonging to this process while it runs. */
export async function claimSessionDir(sessionDir: string): Promise<void> {
  await fsp.mkdir(sessionDir, { recursive: true });
  await fsp.writeFile(path.join(sessionDir, OWNER_FILE), JSON.stringify({ pid: process.pid } satisfies Owner));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(sessionDir: string): Owner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(sessionDir, OWNER_FILE), 'utf8')) as Partial<Owner>;
    return Number.isInteger(owner.pid) && owner.pid! > 0 ? { pid: owner.pid! } : undefined;
  } catch {
    return undefined;
  }
}

const swept = new Set<string>();

/** Bytes of the files under `dir` (symlinks not followed). */
function bytesUnder(dir: string): number {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.size ?? 0;
  }
  return bytes;
}

/**
 * Removes the session folders under `dataDir` that no running process owns: those whose owner has ended,
 * and with `unowned` those that name no owner (kept for the CLI). A folder of this process or of another
 * running one stays. Returns the folders removed and their size.
 */
export async function removeSessionFolders(dataDir: string, options: { unowned?: boolean } = {}): Promise<{ removed: string[]; bytes: number }> {
  const sessionsDir = path.join(dataDir, 'sessions');
  const entries = await fsp.readdir(sessionsDir, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(sessionsDir, entry.name);
    const owner = ownerOf(dir);
    if (owner ? owner.pid === process.pid || isRunning(owner.pid) : !options.unowned) continue;
    const size = bytesUnder(dir);
    await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    if (!fs.existsSync(dir)) {
      removed.push(dir);
      bytes += size;
    }
  }
  return { removed, bytes };
}

/** Removes the session folders under `dataDir` whose owner process has ended (once per process and dataDir). */
export async function sweepStaleSessions(dataDir: string): Promise<string[]> {
  if (swept.has(dataDir)) return [];
  swept.add(dataDir);
  return (await removeSessionFolders(dataDir)).removed;
}
