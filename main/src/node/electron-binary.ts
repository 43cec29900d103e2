/**
 * Finds the Electron binary, if this machine has one. The `electron` npm package ships only its types and
 * an installer; `npx install-electron` fetches the binary where a network allows. Without it ttsim runs in
 * browser mode.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type ElectronAvailability = { available: true; binary: string } | { available: false; reason: string };

export function findElectron(): ElectronAvailability {
  const require = createRequire(import.meta.url);
  try {
    // In plain Node, require('electron') returns the binary's path, or throws when it was never downloaded.
    const binary = require('electron') as unknown;
    if (typeof binary === 'string' && existsSync(binary)) return { available: true, binary };
    return { available: false, reason: 'the electron package is installed but its binary is missing: run `npx install-electron`' };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { available: false, reason: `Electron is not available (${message}); run \`npx install-electron\` where the network allows, or use browser mode` };
  }
}
