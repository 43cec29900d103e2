/** `ttsim clean`: removes what ttsim leaves in its data folder between runs (never an app's ttfile://user store or storage). */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { defaultDataDir } from '../../emulator-api/src/index.js';
import { removeSessionFolders } from '../../emulator-api/src/node/stale-sessions.js';
import { COMPRESS_OUTPUTS } from './compress.js';

export interface CleanFlags {
  dataDir?: string;
  json?: boolean;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

export async function runClean(flags: CleanFlags, out: (line: string) => void): Promise<void> {
  const dataDir = path.resolve(flags.dataDir ?? defaultDataDir());
  // Folders of sessions whose process has ended, and those kept on purpose by older versions of compress.
  const sessions = await removeSessionFolders(dataDir, { unowned: true });
  const outputsDir = path.join(dataDir, COMPRESS_OUTPUTS);
  const outputs = fs.existsSync(outputsDir) ? fs.readdirSync(outputsDir).map((name) => path.join(outputsDir, name)) : [];
  const outputBytes = outputs.reduce((sum, file) => sum + (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);
  await fsp.rm(outputsDir, { recursive: true, force: true });
  if (flags.json) {
    out(JSON.stringify({ dataDir, sessions: sessions.removed, compressOutputs: outputs, bytes: sessions.bytes + outputBytes }));
    return;
  }
  out(`ttsim clean: ${dataDir}`);
  out(`removed ${sessions.removed.length} session folder${sessions.removed.length === 1 ? '' : 's'} (${formatBytes(sessions.bytes)}) and ${outputs.length} compress output${outputs.length === 1 ? '' : 's'} (${formatBytes(outputBytes)})`);
  out('kept: the folders of running sessions, every app\'s ttfile://user store and storage (apps/<appId>)');
}
