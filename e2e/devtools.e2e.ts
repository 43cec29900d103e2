/**
 * The devtools in a real browser, driven as a person would (by role and name): choose an image in the
 * picker, compress it in compress-demo, read the call with its rule and provenance in the API log, see
 * before / after in Files, mock an API and see the gadget receive it, edit a page and see it reload; no
 * serious or critical accessibility violations on the main screen.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { example, open } from './helpers.js';

function copyOfExample(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-devtools-'));
  fs.cpSync(example('compress-demo'), dir, { recursive: true });
  return dir;
}

test('choose in the picker, compress on iOS, read the rule and the before / after, mock, hot reload', async () => {
  const project = copyOfExample();
  const sim = await open({ project, platform: 'ios', client: '7.35.0', ui: 'devtools', watch: true });
  const page = sim.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  try {
    const guest = sim.frame();
    // The gadget's chooseImage waits for the picker: a PNG with alpha from the samples.
    await guest.getByText('Choose an image').click();
    const picker = page.getByRole('dialog');
    await picker.getByRole('checkbox', { name: /translucent\.png/ }).check();
    await picker.getByRole('button', { name: /^Choose/ }).click();
    await expect(picker).toBeHidden();
    await expect(guest.getByText(/PNG · 240 × 320/)).toBeVisible();
    await guest.getByText('Compress', { exact: true }).click();
    await expect(guest.getByText(/JPEG · 240 × 320/)).toBeVisible();

    // The API log: the compressImage call and the rule that made a JPEG of a PNG, with its provenance.
    await page.getByRole('row', { name: /compressImage/ }).first().click();
    const details = page.getByRole('region', { name: 'Call details' });
    await expect(details.getByText('ios-always-jpeg')).toBeVisible();
    await expect(details.getByText(/documented/).first()).toBeVisible();

    // Files: before and after side by side, both sizes, PNG in and JPEG out.
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByRole('button', { name: /Compare call/ }).first().click();
    const table = page.getByRole('table', { name: 'Before and after' });
    await expect(table.getByRole('row', { name: /Format/ })).toContainText(/png[\s\S]*jpeg/i);
    await expect(table.getByRole('row', { name: /Size/ })).toContainText(/KB[\s\S]*KB|B[\s\S]*B/);
    await expect(table.getByRole('row', { name: /Dimensions/ })).toContainText('240 × 320');

    // A mock set in the devtools answers the gadget's next call.
    await page.getByRole('tab', { name: /API/ }).click();
    await page.getByRole('button', { name: /Mock/ }).first().click();
    const mockForm = page.getByRole('form', { name: 'Mock an API' });
    await mockForm.getByLabel('API to mock').fill('compressImage');
    await mockForm.getByLabel(/Mock answer/).fill('{ "errno": 1300003, "errMsg": "compressImage:fail mocked by the devtools" }');
    await mockForm.getByRole('button', { name: 'Set mock' }).click();
    await expect(mockForm.getByRole('status')).toContainText(/compressImage/);
    await guest.getByText('Compress', { exact: true }).click();
    await expect(guest.locator('.error')).toContainText('1300003');
    await expect.poll(() => sim.events().some((e) => e.type === 'call' && e.record.api === 'compressImage' && e.mocked)).toBe(true);

    // An edit of the page reloads the guest with the new template.
    const ttml = path.join(project, 'pages/index/index.ttml');
    fs.writeFileSync(ttml, fs.readFileSync(ttml, 'utf8').replace('Choose an image', 'Pick a picture'));
    await expect(sim.frame().getByText('Pick a picture')).toBeVisible({ timeout: 10_000 });
  } finally {
    await sim.close();
  }
});

test('switching the profile from iOS to Android: the same PNG now comes back unchanged', async () => {
  const sim = await open({ project: example('compress-demo'), platform: 'ios', client: '7.35.0', ui: 'devtools' });
  const page = sim.page;
  await page.setViewportSize({ width: 1400, height: 900 });
  const compressAlphaPng = async () => {
    const guest = sim.frame();
    await guest.getByText('Choose an image').click();
    const picker = page.getByRole('dialog');
    await picker.getByRole('checkbox', { name: /translucent\.png/ }).check();
    await picker.getByRole('button', { name: /^Choose/ }).click();
    await expect(guest.getByText(/PNG · 240 × 320/).first()).toBeVisible();
    await guest.getByText('Compress', { exact: true }).click();
    return guest;
  };
  try {
    const onIos = await compressAlphaPng();
    await expect(onIos.getByText(/JPEG · 240 × 320/)).toBeVisible();
    await page.getByRole('button', { name: /^Profile .*: switch$/ }).click();
    const form = page.getByRole('dialog', { name: 'Switch profile' });
    await form.getByLabel('Platform').selectOption('android');
    await form.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('button', { name: /^Profile .*android.*: switch$/ })).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => page.frames().some((f) => f.url().includes('/g/') && !f.url().includes(sim.session.id))).toBe(true);
    const onAndroid = await compressAlphaPng();
    // Android compresses only JPEG: the PNG comes back as it was, under a new temp path.
    await expect(onAndroid.getByText(/PNG · 240 × 320/)).toHaveCount(2);
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByRole('button', { name: /Compare call/ }).first().click();
    await expect(page.getByRole('table', { name: 'Before and after' }).getByRole('row', { name: /Format/ })).toContainText(/png[\s\S]*png/i);
  } finally {
    await sim.close();
  }
});

test('no serious or critical accessibility violations on the main screen and in each panel', async () => {
  test.setTimeout(120_000);
  const sim = await open({ project: example('compress-demo'), platform: 'android', client: '7.35.0', ui: 'devtools' });
  try {
    await sim.page.setViewportSize({ width: 1400, height: 900 });
    await expect(sim.page.getByRole('tab', { name: /API/ })).toBeVisible();
    const tabs = sim.page.getByRole('tab');
    expect(await tabs.count()).toBeGreaterThanOrEqual(7);
    const found: string[] = [];
    for (let i = 0; i < (await tabs.count()); i++) {
      const name = (await tabs.nth(i).innerText()).trim();
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      // The guest frame is the gadget's own page (its author's to fix), so only the devtools around it are checked.
      const results = await new AxeBuilder({ page: sim.page }).exclude('iframe').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      found.push(...serious.map((v) => `${name} tab: ${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join('; ')})`));
    }
    expect(found).toEqual([]);
  } finally {
    await sim.close();
  }
});
