/**
 * Hot reload: editing a file of the project reloads the guest with the new files, on the page that was
 * open and with its query; a TTML error after an edit shows in the overlay and the event stream, and the
 * session goes on (the next good edit brings the page back).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { open, root } from './helpers.js';

function copyOfFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-hot-'));
  fs.cpSync(path.join(root, 'e2e/fixtures/forms-gadget'), dir, { recursive: true });
  return dir;
}

test('an edit reloads the open page with its query; a broken edit shows its error and a fix recovers', async () => {
  const project = copyOfFixture();
  const sim = await open({ project, platform: 'android', client: '7.35.0', watch: true });
  try {
    await sim.navigateTo('/pages/widgets/widgets?from=test');
    const ttml = path.join(project, 'pages/widgets/widgets.ttml');
    const before = fs.readFileSync(ttml, 'utf8');
    const reloads = () => sim.events().filter((e) => e.type === 'session' && e.what === 'reloaded').length;
    fs.writeFileSync(ttml, before.replace('current: {{current}}', 'edited: {{current}}'));
    await expect.poll(reloads).toBe(1);
    await expect(sim.frame().locator('text=edited: 0')).toBeVisible();
    const page = await sim.currentPage();
    expect(page.path).toBe('pages/widgets/widgets');
    expect(page.query).toEqual({ from: 'test' });
    // A broken template: the overlay names the file, the session stays.
    fs.writeFileSync(ttml, '<view>{{ unclosed </view>');
    await expect.poll(reloads).toBe(2);
    await expect.poll(() => sim.events().some((e) => e.type === 'guest' && e.event.kind === 'error' && /widgets\.ttml/.test(JSON.stringify(e.event)))).toBe(true);
    fs.writeFileSync(ttml, before);
    await expect.poll(reloads).toBe(3);
    await expect(sim.frame().locator('text=current: 0')).toBeVisible();
    expect((await sim.currentPage()).path).toBe('pages/widgets/widgets');
  } finally {
    await sim.close();
  }
});
