// `npm run electron [-- --project=<folder> --platform=ios …]`: opens the ttsim window where the Electron
// binary is on this machine; otherwise says in one line how to get it and that browser mode works.
import { spawn } from 'node:child_process';
import { findElectron } from '../dist/main/src/node/electron-binary.js';

const MAIN = 'dist/main/src/electron-main/index.js';
const electron = findElectron();
if (!electron.available) {
  console.error(`ttsim: no Electron window here: ${electron.reason}; browser mode works now: npx ttsim dev`);
  process.exit(1);
}
const child = spawn(electron.binary, [MAIN, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
