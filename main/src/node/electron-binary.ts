/**
 * Finds the Electron binary, if this machine has one. The `electron` npm package ships only its types and
 * an installer; `npx install-electron` fetches the binary where a network allows. Without it ttsim runs in
 * browser mode.
 *
 * This reads the package's files (path.txt, dist/) and never `require('electron')`: from Electron 45 that
 * starts a download when the binary is missing, and ttsim must not reach the network to find out.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

export type ElectronAvailability = { available: true; binary: string } | { available: false; reason: string };

const HOW = 'run `npx install-electron` where the network allows, or use browser mode (`ttsim dev`)';

export function findElectron(): ElectronAvailability {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: `the electron package is not installed; ${HOW}` };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : undefined;
  const binary = override ? path.join(override, executable ?? 'electron') : executable ? path.join(packageDir, 'dist', executable) : undefined;
  if (binary && fs.existsSync(binary)) return { available: true, binary };
  return { available: false, reason: `the Electron binary was never downloaded; ${HOW}` };
}
