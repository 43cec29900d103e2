// Takes the README's screenshots of the examples through ttsim/automation: npm run build && node scripts/screenshots.mjs
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { launch } from 'ttsim/automation';

const out = new URL('../docs/screenshots/', import.meta.url).pathname;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-shots-'));
const photo = path.join(dir, 'translucent.png');
fs.copyFileSync(new URL('../examples/images/translucent.png', import.meta.url), photo);

async function shoot(name, options, act) {
  const sim = await launch({ ...options, dataDir: path.join(dir, name) });
  try {
    await act(sim);
    await sim.screenshot(path.join(out, `${name}.png`));
  } finally {
    await sim.close();
  }
}

await shoot('compress-demo-ios', { project: 'examples/compress-demo', platform: 'ios', client: '7.35.0' }, async (sim) => {
  const page = await sim.currentPage();
  sim.chooseFiles([photo]);
  await (await page.$('button.choose')).tap();
  await page.setData({ quality: 30 });
  await (await page.$('button.compress')).tap();
});
await shoot('compress-demo-harmony-7.34', { project: 'examples/compress-demo', platform: 'harmony', client: '7.34.0' }, async () => {});
await shoot('webapp-demo-android', { project: 'examples/webapp-demo', app: 'webapp', platform: 'android', client: '3.44.0' }, async (sim) => {
  sim.chooseFiles([photo]);
  const frame = sim.frame();
  await frame.locator('#choose').click();
  await frame.locator('#before .facts').filter({ hasText: '×' }).waitFor();
  await frame.locator('#compress').click();
  await frame.locator('#after .facts').filter({ hasText: '×' }).waitFor();
});
// gadget-zoo against its own server: the photo grid (custom components) and the chart (canvas).
const { startZooServer } = await import('../examples/gadget-zoo/dev-server.mjs');
const zoo = await startZooServer(0);
try {
  const zooOptions = { project: 'examples/gadget-zoo', platform: 'android', launchOptions: { query: { api: zoo.url } } };
  await shoot('gadget-zoo-welcome', { ...zooOptions, platform: 'ios' }, async (sim) => {
    await (await sim.currentPage()).waitFor((data) => data.photos.length === 3);
  });
  await shoot('gadget-zoo-photos', zooOptions, async (sim) => {
    await (await sim.modal())?.confirm();
    const page = await sim.currentPage();
    await page.waitFor((data) => data.photos.length === 3);
    const cards = await page.$$('photo-list >>> photo-card');
    await (await cards[0].$('.card')).tap();
    await (await cards[2].$('.card')).tap();
  });
  await shoot('gadget-zoo-chart', { ...zooOptions, platform: 'pc' }, async (sim) => {
    await (await sim.modal())?.confirm();
    await sim.frame().locator('[data-ttsim-tab="pages/chart/chart"]').click();
    await sim.waitForCall('createCanvasContext');
  });
} finally {
  await zoo.close();
}
// The devtools, driven by role and name as a person would: pick a PNG in the picker, compress on iOS, then
// the Files compare, the API log with the rule opened, the Matrix, and the fitted device beside AppData.
{
  const sim = await launch({ project: 'examples/compress-demo', platform: 'ios', client: '7.35.0', ui: 'devtools', viewport: { width: 1400, height: 900 }, dataDir: path.join(dir, 'devtools') });
  try {
    const page = sim.page;
    const guest = sim.frame();
    await guest.getByText('Choose an image').click();
    const picker = page.getByRole('dialog');
    await picker.getByRole('checkbox', { name: /translucent\.png/ }).check();
    await picker.getByRole('button', { name: /^Choose/ }).click();
    await guest.getByText(/PNG · 240 × 320/).waitFor();
    await guest.getByText('Compress', { exact: true }).click();
    await guest.getByText(/JPEG · 240 × 320/).waitFor();
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByRole('button', { name: /Compare call/ }).first().click();
    await page.getByRole('button', { name: 'Slider' }).click();
    await page.getByRole('slider', { name: 'Compare position' }).fill('50');
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(out, 'devtools-files-compare.png') });
    await page.getByRole('tab', { name: /^API/ }).click();
    await page.getByRole('row', { name: /compressImage/ }).first().click();
    await page.getByRole('region', { name: 'Call details' }).getByText('ios-always-jpeg').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, 'devtools-api-rule.png') });
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await page.getByRole('button', { name: /compressImage/ }).first().click().catch(() => undefined);
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(out, 'devtools-matrix.png') });
    // The device fitted to its pane with the safe area outlined, and AppData as a tree: a value edited in place.
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await page.getByRole('button', { name: 'Safe area' }).click();
    await page.getByRole('tab', { name: 'AppData' }).click();
    await page.getByRole('button', { name: /^Edit quality/ }).click();
    await page.getByRole('textbox', { name: 'New value of quality' }).fill('30');
    await page.keyboard.press('Enter');
    await guest.getByText('Quality 30', { exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: 'setData quality' }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(out, 'devtools-appdata.png') });
  } finally {
    await sim.close();
  }
}
/** Live compare (devtools-compare.png): compress-demo on iOS and Android 7.35.0, a PNG chosen and compressed in the iOS frame only. */
async function shootLiveCompare() {
  const sim = await launch({ project: 'examples/compress-demo', platform: 'ios', client: '7.35.0', ui: 'devtools', dataDir: path.join(dir, 'live-compare') });
  try {
    const page = sim.page;
    // Both phones at 100 %: Playwright's clicks miss their target inside a scaled frame.
    await page.setViewportSize({ width: 1500, height: 1150 });
    await page.getByRole('button', { name: /Compare profiles/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare profiles' });
    await dialog.getByRole('button', { name: 'Remove profile 3' }).click();
    await dialog.getByRole('button', { name: 'Start compare' }).click();
    const ios = page.frameLocator('iframe[title^="iOS 7.35.0"]');
    const android = page.frameLocator('iframe[title^="Android 7.35.0"]');
    await android.getByText('Choose an image').waitFor();
    await ios.getByText('Choose an image').click();
    const picker = page.getByRole('dialog');
    await picker.getByRole('checkbox', { name: /translucent\.png/ }).check();
    await picker.getByRole('button', { name: /^Choose/ }).click();
    await android.getByText(/PNG · 240 × 320/).waitFor();
    await ios.getByText('Compress', { exact: true }).click();
    await ios.getByText(/JPEG · 240 × 320/).waitFor();
    await android.getByText(/PNG · 240 × 320/).nth(1).waitFor();
    await page.getByRole('row', { name: /compressImage/ }).getByText(/differs: output/).waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(out, 'devtools-compare.png') });
  } finally {
    await sim.close();
  }
}
await shootLiveCompare();

for (const file of fs.readdirSync(out)) {
  const target = path.join(out, file);
  const buffer = await sharp(target).png({ palette: true, quality: 90 }).toBuffer();
  fs.writeFileSync(target, buffer);
}
console.log(`screenshots in ${out}`);
