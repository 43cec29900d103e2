/**
 * The desktop window, through Playwright's Electron support, where this machine has the Electron binary
 * (`npx install-electron`); skipped with the reason otherwise. The same devtools as in browser mode, over IPC.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectron } from '../main/src/node/electron-binary.js';
import { example, root } from './helpers.js';

const found = findElectron();

test('the ttsim window shows the devtools and the gadget, isolated from Node', async () => {
  test.skip(!found.available, found.available ? '' : `no Electron binary on this machine: ${found.reason}`);
  if (!found.available) return;
  const app = await electron.launch({
    executablePath: found.binary,
    args: [path.join(root, 'dist/main/src/electron-main/index.js'), `--project=${example('compress-demo')}`, '--platform=android', `--data-dir=${fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-electron-'))}`],
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('tab', { name: /API/ })).toBeVisible();
    const guest = window.frames().find((f) => f.url().includes('/g/'));
    expect(guest).toBeDefined();
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { ttsimHost?: { send?: unknown } }).ttsimHost?.send)).toBe('function');
  } finally {
    await app.close();
  }
});
