import * as fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Simulator } from 'ttsim/automation';
import { example, images, open } from './helpers.js';

let files: Awaited<ReturnType<typeof images>>;
test.beforeAll(async () => {
  files = await images();
});

async function chooseAndCompress(sim: Simulator, file: string) {
  const page = await sim.currentPage();
  sim.chooseFiles([file]);
  await (await page.$('button.choose')).tap();
  await page.waitFor('.before .facts');
  await (await page.$('button.compress')).tap();
  await page.waitFor((data) => Boolean(data.after) || Boolean(data.error));
  return page;
}

test.describe('compress-demo gadget', () => {
  test('iOS turns a PNG into a JPEG', async () => {
    const sim = await open({ project: example('compress-demo'), platform: 'ios', client: '7.35.0' });
    try {
      const page = await chooseAndCompress(sim, files.png);
      expect(await (await page.$('.before .facts')).text()).toMatch(/^PNG · 120 × 80/);
      expect(await (await page.$('.after .facts')).text()).toMatch(/^JPEG · 120 × 80/);
      const call = await sim.waitForCall('compressImage');
      expect(call.record.rules.map((r) => r.id)).toContain('ios-always-jpeg');
      const out = String((call.record.result as { tempFilePath?: string }).tempFilePath);
      expect(sim.readFile(out).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    } finally {
      await sim.close();
    }
  });

  for (const platform of ['android', 'pc'] as const) {
    test(`${platform} returns a PNG unchanged and compresses a JPEG`, async () => {
      const sim = await open({ project: example('compress-demo'), platform, client: '7.35.0' });
      try {
        let page = await chooseAndCompress(sim, files.png);
        expect(await (await page.$('.after .facts')).text()).toMatch(/^PNG · 120 × 80/);
        expect(sim.readFile(String(await page.data('resultPath'))).equals(fs.readFileSync(files.png))).toBe(true);
        page = await chooseAndCompress(sim, files.jpeg);
        expect(await (await page.$('.after .facts')).text()).toMatch(/^JPEG · 200 × 150/);
        const output = sim.readFile(String(await page.data('resultPath')));
        expect(output.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
        expect(output.length).toBeLessThan(fs.statSync(files.jpeg).size);
      } finally {
        await sim.close();
      }
    });
  }

  test('Harmony 7.34.0 cannot compress: the page shows the canIUse message', async () => {
    const sim = await open({ project: example('compress-demo'), platform: 'harmony', client: '7.34.0' });
    try {
      const page = await sim.currentPage();
      expect(await (await page.$('.unsupported')).text()).toMatch(/cannot compress images/);
      expect(await sim.callTT('compressImage', { src: 'ttfile://temp/x.jpg' })).toMatchObject({ errno: 103 });
    } finally {
      await sim.close();
    }
  });

  test('a corrupt file shows the fail message', async () => {
    const sim = await open({ project: example('compress-demo'), platform: 'ios', client: '7.35.0' });
    try {
      const page = await sim.currentPage();
      sim.chooseFiles([files.corrupt]);
      await (await page.$('button.choose')).tap();
      await (await page.$('button.compress')).tap();
      await page.waitFor('.error');
      expect(await (await page.$('.error')).text()).toMatch(/compressImage:fail decode image fail: .* \(errno 1300009\)/);
    } finally {
      await sim.close();
    }
  });
});

test.describe('webapp-demo', () => {
  test('web app on PC 3.46.0 cannot compress: the page says so', async () => {
    const sim = await open({ project: example('webapp-demo'), app: 'webapp', platform: 'pc', client: '3.46.0' });
    try {
      await expect(sim.frame().locator('#unsupported')).toBeVisible();
    } finally {
      await sim.close();
    }
  });

  test('the automation SDK drives a web app as it drives a gadget: its page is its document', async () => {
    const sim = await open({ project: example('webapp-demo'), app: 'webapp', platform: 'android', client: '3.44.0' });
    try {
      const page = await sim.currentPage();
      expect(page.kind).toBe('webapp');
      expect(page.path).toBe('index.html');
      expect(await page.data()).toEqual({ title: 'Compress demo (web app)', path: 'index.html', query: {}, hash: '' });
      expect(await page.data('title')).toBe('Compress demo (web app)');
      expect(await (await page.$('header')).text()).toBe('Compress an image');
      sim.chooseFiles([files.png]);
      await (await page.$('#choose')).tap();
      expect(await (await page.$('#before .facts')).text()).toMatch(/^PNG · 120 × 80/);
      await (await page.$('#compress')).tap();
      // Android returns a PNG unchanged: the page shows the original format.
      expect(await (await page.$('#after .facts')).text()).toMatch(/^PNG · 120 × 80/);
      expect(await sim.callTT('getSystemInfo')).toMatchObject({ errMsg: 'getSystemInfo:ok', platform: 'android' });
      await expect(page.setData({ x: 1 })).rejects.toThrow(/setData applies to gadget pages; a web app's page is its document: .*sim\.frame\(\)/);
      await expect(sim.navigateTo('pages/other/other')).rejects.toThrow(/tt\.navigateTo applies to gadget pages.*sim\.frame\(\)\.goto/);
    } finally {
      await sim.close();
    }
  });

  test('web app on iOS 3.44.0 turns a PNG into a JPEG', async () => {
    const sim = await open({ project: example('webapp-demo'), app: 'webapp', platform: 'ios', client: '3.44.0' });
    try {
      const frame = sim.frame();
      await expect(frame.locator('#controls')).toBeVisible();
      sim.chooseFiles([files.png]);
      await frame.locator('#choose').click();
      await expect(frame.locator('#before .facts')).toHaveText(/^PNG · 120 × 80/);
      await frame.locator('#compress').click();
      await expect(frame.locator('#after .facts')).toHaveText(/^JPEG · 120 × 80/);
    } finally {
      await sim.close();
    }
  });
});
