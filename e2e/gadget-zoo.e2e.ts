import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { launch, type Simulator } from 'ttsim/automation';
import { example } from './helpers.js';
// @ts-expect-error: the example's server is plain JS (examples/gadget-zoo/dev-server.mjs)
import { startZooServer } from '../examples/gadget-zoo/dev-server.mjs';

type ZooServer = { url: string; feedback: unknown[]; close(): Promise<void> };

for (const platform of ['ios', 'android', 'pc'] as const) {
  test.describe(`gadget-zoo on ${platform}`, () => {
    let server: ZooServer;
    let dataDir: string;
    test.beforeEach(async () => {
      server = (await startZooServer(0)) as ZooServer;
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-zoo-'));
    });
    test.afterEach(async () => server.close());

    const open = (): Promise<Simulator> => launch({ project: example('gadget-zoo'), platform, dataDir, launchOptions: { query: { api: server.url } } });

    test('welcome modal once, components pass the selection up, download, chart export, form, storage across relaunch', async () => {
      let sim = await open();
      try {
        // The welcome modal opens on the first launch.
        const welcome = await sim.modal();
        expect(welcome).toMatchObject({ kind: 'modal', title: 'Welcome to the zoo', buttons: ['确定'] });
        await welcome!.confirm();

        // Photos come from the gadget's server through tt.request; cards are custom components in a custom component.
        let page = await sim.currentPage();
        await page.waitFor((data) => (data.photos as unknown[]).length === 3);
        expect(await (await page.$('photo-list >>> .status')).text()).toBe('3 photos');
        const cards = await page.$$('photo-list >>> photo-card');
        expect(cards).toHaveLength(3);
        expect(await (await cards[1]!.$('.title')).text()).toBe('Street');
        const photosCall = sim.events().find((e) => e.type === 'call' && e.record.api === 'request');
        expect(photosCall).toMatchObject({ record: { ok: true, result: { statusCode: 200 } } });

        // A tap inside photo-card goes up as toggle, then photo-list passes the selection up to the page.
        await (await cards[1]!.$('.card')).tap();
        await (await cards[0]!.$('.card')).tap();
        expect(await page.data('selected')).toEqual(['Glass', 'Street']); // in the list's order
        expect(await (await page.$('photo-list >>> .count')).text()).toBe('2 selected');

        // Download the first selected photo into ttfile://temp; the bytes are the server's.
        await (await page.$('.download')).tap();
        await page.waitFor((data) => data.downloaded !== '');
        const downloaded = (await page.data('downloaded')) as string;
        expect(downloaded).toMatch(/^ttfile:\/\/temp\/.+\.png$/);
        expect(sim.readFile(downloaded).equals(fs.readFileSync(example('images/translucent.png')))).toBe(true);

        // selectComponent reaches the list's method.
        await (await page.$('.clear')).tap();
        expect(await (await page.$('photo-list >>> .count')).text()).toBe('0 selected');

        // The chart page draws on a canvas and exports a real PNG.
        await sim.frame().locator('[data-ttsim-tab="pages/chart/chart"]').click();
        page = await sim.currentPage();
        expect(page.path).toBe('pages/chart/chart');
        await sim.waitForCall('createCanvasContext');
        await (await page.$('.export')).tap();
        await page.waitFor((data) => data.exported !== '');
        // …and keeps it under tt.env.USER_DATA_PATH.
        expect(await page.data('exported')).toBe('ttfile://user/chart.png');
        const png = sim.readFile('ttfile://user/chart.png');
        const meta = await sharp(png).metadata();
        expect(meta).toMatchObject({ format: 'png', width: 300, height: 180 });
        const viewer = await sim.modal();
        expect(viewer).toMatchObject({ kind: 'previewImage' });
        await viewer!.cancel();

        // The feedback form posts to the server and keeps the last one in storage.
        await sim.frame().locator('[data-ttsim-tab="pages/feedback/feedback"]').click();
        page = await sim.currentPage();
        await (await page.$('.comment')).input('lovely');
        await (await page.$('.send')).tap();
        await page.waitFor((data) => data.reply !== '');
        expect(await (await page.$('.reply')).text()).toBe('thanks! (1 received)');
        expect(server.feedback).toEqual([expect.objectContaining({ comment: 'lovely', rating: 4 })]);
      } finally {
        await sim.close();
      }

      // Relaunch with the same data dir: no welcome modal, the visit counter and the feedback are remembered.
      sim = await open();
      try {
        expect(await sim.modal()).toBeNull();
        const page = await sim.currentPage();
        expect(await (await page.$('photo-list >>> .visits')).text()).toBe('visit 2');
        await sim.frame().locator('[data-ttsim-tab="pages/feedback/feedback"]').click();
        await (await sim.currentPage()).waitFor((data) => data.last === 'lovely');
      } finally {
        await sim.close();
      }
    });
  });
}

test('gadget-zoo offline: the request fails at once with a network errno and the page says so', async () => {
  const sim = await launch({ project: example('gadget-zoo'), platform: 'ios', network: 'offline', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ttsim-zoo-')) });
  try {
    await (await sim.modal())?.confirm();
    const page = await sim.currentPage();
    await page.waitFor((data) => data.status === 'offline');
    expect(await page.data('error')).toMatch(/^request:fail/);
  } finally {
    await sim.close();
  }
});
