import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { example, open, root } from './helpers.js';

const fixture = (name: string) => path.join(root, 'e2e/fixtures', name);

test('the long tail: mocks before onLaunch, ES modules, action sheet, viewer, bars, scrolling, refresh, clipboard, not-emulated APIs', async () => {
  const sim = await open({ project: fixture('long-tail-gadget'), platform: 'android', mocks: { login: { code: 'mocked-at-launch' } } });
  try {
    const page = await sim.currentPage();
    const text = async (selector: string) => (await page.$(selector)).text();
    await page.waitFor((data) => data.code !== '');
    expect(await text('.code')).toBe('mocked-at-launch');
    expect(await text('.launch')).toBe('pages/index/index');
    expect(await text('.first')).toBe('01');
    expect(await (await page.$$('.row'))[3]!.text()).toBe('item 03');

    // Not emulated: fails like a client without it, and the event stream says so.
    expect(await text('.can-locate')).toBe('false');
    await (await page.$('.unknown-btn')).tap();
    expect(await text('.unknown')).toBe('103 getLocation:fail getLocation is not emulated by ttsim');
    const located = sim.events().find((e) => e.type === 'call' && e.record.api === 'getLocation');
    expect(located).toMatchObject({ notEmulated: true, record: { errno: 103 } });
    expect(sim.events().some((e) => e.type === 'console' && e.level === 'warn' && e.args[0]!.includes('tt.getLocation is not emulated by ttsim'))).toBe(true);

    // Action sheet: choose, then cancel.
    await (await page.$('.sheet-btn')).tap();
    let open = await sim.modal();
    expect(open).toMatchObject({ kind: 'actionSheet', items: ['Red', 'Green', 'Blue'], buttons: ['取消'] });
    await open!.choose(2);
    expect(await text('.sheet')).toBe('tap 2');
    await (await page.$('.sheet-btn')).tap();
    await (await sim.modal())!.cancel();
    expect(await text('.sheet')).toBe('showActionSheet:fail cancel 1300001');

    // Image viewer over the page, starting at current.
    await (await page.$('.preview-btn')).tap();
    open = await sim.modal();
    expect(open).toMatchObject({ kind: 'previewImage', items: ['/images/red.png', '/images/blue.png'] });
    const viewer = sim.frame().locator('[data-ttsim-ui=previewImage] img');
    await expect(viewer).toHaveAttribute('data-ttsim-index', '1');
    expect(await viewer.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBe(40);
    await open!.cancel();
    expect(await sim.modal()).toBeNull();

    // Navigation bar and tab bar.
    await (await page.$('.title-btn')).tap();
    const navBar = sim.frame().locator('[data-ttsim-navbar]');
    expect(await navBar.locator('[data-ttsim-title]').innerText()).toBe('Renamed');
    expect(await navBar.evaluate((el) => (el as unknown as { style: { backgroundColor: string } }).style.backgroundColor)).toBe('rgb(255, 0, 0)');
    const tabBar = sim.frame().locator('[data-ttsim-tabbar]');
    await expect(tabBar).toBeVisible();
    expect(await tabBar.locator('[data-ttsim-tab="pages/index/index"] img').getAttribute('src')).toMatch(/images\/red\.png$/);
    await (await page.$('.hide-tabs')).tap();
    await expect(tabBar).toBeHidden();

    // Clipboard, update manager.
    await (await page.$('.clip-btn')).tap();
    expect(await text('.clip')).toBe('copied!');
    await (await page.$('.update-btn')).tap();
    await page.waitFor((data) => data.hasUpdate !== '');
    expect(await text('.has-update')).toBe('false');

    // Pull-down refresh calls onPullDownRefresh, which stops it.
    await (await page.$('.refresh-btn')).tap();
    await page.waitFor((data) => data.refreshed === 1);
    await expect(sim.frame().locator('[data-ttsim-refresh]')).toHaveCount(0);

    // pageScrollTo the last row reaches the bottom: onReachBottom once.
    await (await page.$('.scroll-btn')).tap();
    await page.waitFor((data) => data.bottoms === 1);
    // onPageScroll reported the scroll position on the way down.
    expect(await page.data('scrolledTo')).toBeGreaterThan(100);

    // An error thrown in an ES module names the original file and line.
    await (await page.$('.explode-btn')).tap();
    const error = await sim.waitForEvent((e) => e.type === 'guest' && e.event.kind === 'error', { what: 'the error from esm.js' });
    expect(error).toMatchObject({ event: { file: 'utils/esm.js', line: 6 } });
  } finally {
    await sim.close();
  }
});

test('pull-down refresh is not on PC: startPullDownRefresh fails with 103', async () => {
  const sim = await open({ project: fixture('long-tail-gadget'), platform: 'pc' });
  try {
    expect(await sim.callTT('startPullDownRefresh')).toMatchObject({ errno: 103 });
    expect(await sim.callTT('vibrateShort')).toMatchObject({ errno: 103 });
  } finally {
    await sim.close();
  }
});

test('a web app loads the JSSDK by its own script tag; config can be told to reject a signature', async () => {
  const sim = await open({ project: example('webapp-demo'), app: 'webapp', platform: 'ios', client: '7.39.0', jssdk: { reject: 'all' } });
  try {
    const loaded = sim.events().find((e) => e.type === 'guest' && e.event.kind === 'ui' && e.event.what === 'h5sdk.loaded');
    expect(loaded).toMatchObject({ event: { detail: { src: 'https://lf1-cdn-tos.bytegoofy.com/goofy/lark/op/h5-js-sdk-1.5.26.js' } } });
    const config = await sim.waitForCall('h5sdk.config');
    expect(config.record).toMatchObject({ ok: false, errno: 2601001 });
    await expect(sim.frame().locator('#error')).toContainText('2601001');
  } finally {
    await sim.close();
  }
});
