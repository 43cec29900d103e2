import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSession, type Session } from '../src/index.js';
import { tempDataDir } from './fixtures.js';

const opened: Session[] = [];
const profile = { app: 'gadget', platform: 'ios', client: '7.35.0' } as const;
afterAll(() => Promise.all(opened.map((s) => s.close())));

/** A session folder as a process left it: a temp file, and its owner's pid if any. */
function leftBehind(dataDir: string, name: string, pid: number | undefined): string {
  const dir = path.join(dataDir, 'sessions', name);
  fs.mkdirSync(path.join(dir, 'temp'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'temp', 'photo.jpg'), 'x');
  if (pid !== undefined) fs.writeFileSync(path.join(dir, '.ttsim-owner.json'), JSON.stringify({ pid }));
  return dir;
}

describe('session folders of ended processes', () => {
  it('are removed when a process opens its first session there; live, unowned and kept ones stay', async () => {
    const dataDir = tempDataDir();
    // The pid of a process that has ended.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(ended.stdout);
    expect(deadPid).toBeGreaterThan(0);

    const stale = leftBehind(dataDir, 'crashed', deadPid);
    const live = leftBehind(dataDir, 'running', process.ppid);
    const kept = leftBehind(dataDir, 'kept-by-the-cli', undefined);

    const session = await createSession({ dataDir, ...profile });
    opened.push(session);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(path.join(live, 'temp', 'photo.jpg'))).toBe(true);
    expect(fs.existsSync(path.join(kept, 'temp', 'photo.jpg'))).toBe(true);
    // The new session names its owner; one kept for the CLI does not.
    expect(JSON.parse(fs.readFileSync(path.join(path.dirname(session.dirs.tempDir), '.ttsim-owner.json'), 'utf8'))).toEqual({ pid: process.pid });
    const forCli = await createSession({ dataDir, keepTemp: true, ...profile });
    opened.push(forCli);
    expect(fs.existsSync(path.join(path.dirname(forCli.dirs.tempDir), '.ttsim-owner.json'))).toBe(false);
  });
});
