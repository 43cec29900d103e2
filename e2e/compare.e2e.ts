/**
 * Live compare in a real browser, driven by role and name: compress-demo on iOS 7.35.0 beside Android
 * 7.35.0; a PNG chosen once (one picker for both frames) and compressed by a tap in the iOS frame is
 * compressed in the Android frame too (the tap is replayed); the lined-up log marks the compressImage row,
 * iOS's JPEG against Android's PNG, with the rule that made the JPEG; no serious accessibility violations.
 * The same for webapp-demo, a web app: its own buttons' taps are replayed as a gadget's are.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { example, open } from './helpers.js';

/** The devtools on iOS at `client`, with room for two phones at 100 %: Playwright's clicks miss their target inside a scaled frame. */
async function openOnIos(project: string, client: string) {
  const sim = await open({ project: example(project), platform: 'ios', client, ui: 'devtools' });
  await sim.page.setViewportSize({ width: 1500, height: 1150 });
  return sim;
}

/** Starts a compare with Android at the same client: the dialog offers the usual edges (Android and PC at this client); Android alone is kept. */
async function compareWithAndroid(page: Page, client: string): Promise<void> {
  await page.getByRole('button', { name: /Compare profiles/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare profiles' });
  await expect(dialog.getByLabel('Platform of profile 2')).toHaveValue('android');
  await expect(dialog.getByLabel('Client version of profile 2')).toHaveValue(client);
  await expect(dialog.getByLabel('Platform of profile 3')).toHaveValue('pc');
  await dialog.getByRole('button', { name: 'Remove profile 3' }).click();
  await dialog.getByRole('button', { name: 'Start compare' }).click();
  await expect(dialog).toBeHidden();
}

/** Answers the compare's one picker with the translucent PNG sample. */
async function chooseThePng(page: Page): Promise<void> {
  const picker = page.getByRole('dialog');
  await picker.getByRole('checkbox', { name: /translucent\.png/ }).check();
  await picker.getByRole('button', { name: /^Choose/ }).click();
  await expect(picker).toBeHidden();
}

test('iOS vs Android: a tap in one frame is replayed in the other, and the log marks JPEG vs PNG', async () => {
  // Two sessions and two guests on a 2-core machine that runs other tests beside it.
  test.setTimeout(120_000);
  const sim = await openOnIos('compress-demo', '7.35.0');
  const page = sim.page;
  try {
    await compareWithAndroid(page, '7.35.0');

    const view = page.getByRole('main', { name: 'Live compare' });
    await expect(view.getByRole('region', { name: /^iOS 7\.35\.0/ })).toBeVisible();
    await expect(view.getByRole('region', { name: /^Android 7\.35\.0/ })).toBeVisible();
    const ios = page.frameLocator('iframe[title^="iOS 7.35.0"]');
    const android = page.frameLocator('iframe[title^="Android 7.35.0"]');
    await expect(android.getByText('Choose an image')).toBeVisible({ timeout: 15_000 });

    // One picker for the tap in the iOS frame; the same PNG reaches both.
    await ios.getByText('Choose an image').click();
    await chooseThePng(page);
    await expect(ios.getByText(/PNG · 240 × 320/)).toBeVisible();
    await expect(android.getByText(/PNG · 240 × 320/)).toBeVisible();

    // Compress in the iOS frame: both frames compress; iOS makes a JPEG, Android keeps the PNG.
    await ios.getByText('Compress', { exact: true }).click();
    await expect(ios.getByText(/JPEG · 240 × 320/)).toBeVisible();
    await expect(android.getByText(/PNG · 240 × 320/)).toHaveCount(2);
    await expect(view.getByRole('list', { name: 'Replays in Android 7.35.0' })).toContainText(/Replayed tap on button\.compress "Compress" from iOS 7\.35\.0/);

    // The log lines the calls up and marks where they differ.
    const log = view.getByRole('table', { name: 'Calls by profile' });
    const compressRow = log.getByRole('row', { name: /compressImage/ });
    await expect(compressRow).toHaveAttribute('data-differs', 'true');
    await expect(compressRow).toContainText(/differs: output: jpeg 240×320 [^,]* on iOS 7\.35\.0, png 240×320 [^,]* on Android 7\.35\.0/);
    await expect(compressRow).toContainText('ios-always-jpeg');
    await expect(compressRow.getByText('documented').first()).toBeVisible();
    const chooseRow = log.getByRole('row', { name: /chooseImage/ });
    await expect(chooseRow).toContainText(/png 240×320/);
    await expect(chooseRow).not.toHaveAttribute('data-differs', 'true');
    await page.screenshot({ path: test.info().outputPath('compare.png') });

    const results = await new AxeBuilder({ page }).exclude('iframe').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);

    // Ending it closes the Android session and brings the one-device devtools back.
    await view.getByRole('button', { name: 'End compare' }).click();
    await expect(view).toBeHidden();
    await expect(page.getByRole('tab', { name: /API/ })).toBeVisible();
    await expect.poll(() => sim.host.list().length).toBe(1);
  } finally {
    await sim.close();
  }
});

test('a web app too: webapp-demo on iOS and Android 3.44.0, a tap on its own buttons replayed, JPEG vs PNG marked', async () => {
  test.setTimeout(120_000);
  const sim = await openOnIos('webapp-demo', '3.44.0');
  const page = sim.page;
  try {
    await compareWithAndroid(page, '3.44.0');

    const view = page.getByRole('main', { name: 'Live compare' });
    const ios = page.frameLocator('iframe[title*="iOS 3.44.0"]');
    const android = page.frameLocator('iframe[title*="Android 3.44.0"]');
    // The page enables its controls after h5sdk.config succeeds, in both frames.
    await expect(android.locator('#choose')).toBeVisible({ timeout: 15_000 });
    await expect(ios.locator('#choose')).toBeVisible();

    await ios.locator('#choose').click();
    await chooseThePng(page);
    await expect(ios.locator('#before .facts')).toHaveText(/^PNG · 240 × 320/);
    await expect(android.locator('#before .facts')).toHaveText(/^PNG · 240 × 320/);

    await ios.locator('#compress').click();
    await expect(ios.locator('#after .facts')).toHaveText(/^JPEG · 240 × 320/);
    await expect(android.locator('#after .facts')).toHaveText(/^PNG · 240 × 320/);
    await expect(view.getByRole('list', { name: 'Replays in web app · Android 3.44.0' })).toContainText(/Replayed tap on .*compress.* from web app · iOS 3\.44\.0/);

    const compressRow = view.getByRole('table', { name: 'Calls by profile' }).getByRole('row', { name: /compressImage/ });
    await expect(compressRow).toHaveAttribute('data-differs', 'true');
    await expect(compressRow).toContainText(/jpeg 240×320 [^,]* on web app · iOS 3\.44\.0, png 240×320 [^,]* on web app · Android 3\.44\.0/);
  } finally {
    await sim.close();
  }
});
