import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { open, root } from './helpers.js';

const fixture = path.join(root, 'e2e/fixtures/app-services-gadget');

test('tab bar marks and items, navigation bar loading, window background, network status, app-level listeners', async () => {
  const sim = await open({ project: fixture, platform: 'ios' });
  try {
    const page = await sim.currentPage();
    const text = async (selector: string) => (await page.$(selector)).text();
    const tap = async (selector: string) => (await page.$(selector)).tap();
    const frame = sim.frame();
    const tab = (route: string) => frame.locator(`[data-ttsim-tab="${route}"]`);

    // A listener added in app.js heard the launch's App.onShow; canIUse agrees with the registry.
    expect(await text('.shows')).toBe('pages/home/home 1000');
    expect(await text('.can-i-use')).toBe('true,true,true,true,true');

    // Badges and red dots in the tab bar.
    await tap('.badge-btn');
    await expect(tab('pages/list/list').locator('[data-ttsim-tab-badge]')).toHaveText('5');
    await tap('.long-badge-btn');
    await expect(tab('pages/home/home').locator('[data-ttsim-tab-badge]')).toHaveText('...');
    await tap('.dot-btn');
    await expect(tab('pages/home/home').locator('[data-ttsim-tab-dot]')).toBeVisible();
    await expect(tab('pages/home/home').locator('[data-ttsim-tab-badge]')).toHaveCount(0);
    await tap('.unbadge-btn');
    await expect(tab('pages/list/list').locator('[data-ttsim-tab-badge]')).toHaveCount(0);
    await tap('.bad-index-btn');
    expect(await text('.tab-fail')).toMatch(/^104 setTabBarBadge:fail tabbar item not found: /);

    // An item's text and the bar's colours.
    await tap('.item-btn');
    await expect(tab('pages/list/list').locator('[data-ttsim-tab-text]')).toHaveText('Lists');
    await tap('.style-btn');
    await expect(tab('pages/home/home')).toHaveCSS('color', 'rgb(255, 0, 0)');
    await expect(tab('pages/list/list')).toHaveCSS('color', 'rgb(102, 102, 102)');
    await expect(frame.locator('[data-ttsim-tabbar]')).toHaveCSS('background-color', 'rgb(250, 250, 250)');

    // The navigation bar's spinner belongs to the page: gone on another page, back when it returns.
    const spinner = frame.locator('[data-ttsim-navbar] [data-ttsim-nav-loading]');
    await tap('.loading-btn');
    await expect(spinner).toBeVisible();
    const detail = await sim.navigateTo('/pages/detail/detail');
    await expect(spinner).toHaveCount(0);
    // Not a tab page: the tab bar APIs fail, and the marks stay on the bar for later.
    await (await detail.$('.badge-btn')).tap();
    expect(await (await detail.$('.tab-fail')).text()).toMatch(/^104 setTabBarBadge:fail not TabBar page/);
    await sim.callTT('navigateBack');
    await expect(spinner).toBeVisible();
    await expect(tab('pages/home/home').locator('[data-ttsim-tab-dot]')).toBeVisible();
    await tap('.unloading-btn');
    await expect(spinner).toHaveCount(0);

    // The window background shows in the pull-down refresh area.
    await tap('.background-btn');
    const refresh = frame.locator('[data-ttsim-page="pages/home/home"] [data-ttsim-refresh]');
    await expect(refresh).toHaveCSS('background-color', 'rgb(0, 255, 0)');
    await expect(refresh).toHaveCSS('color', 'rgb(255, 255, 255)');
    await sim.callTT('stopPullDownRefresh');
    await expect(refresh).toHaveCount(0);

    // getNetworkType and onNetworkStatusChange follow the session's network policy.
    await tap('.network-btn');
    expect(await text('.network-type')).toBe('wifi');
    sim.setNetwork('offline');
    await page.waitFor((data) => data.status === 'false none');
    await tap('.network-btn');
    expect(await text('.network-type')).toBe('none');
    sim.setNetwork('online');
    await page.waitFor((data) => data.status === 'true wifi');
    // online → allow-list changes nothing the gadget can see, so nothing fires (the tap's round trip comes after any event).
    sim.setNetwork({ allow: ['127.0.0.1'] });
    await tap('.network-btn');
    expect(await text('.network-type')).toBe('wifi');
    expect(await page.data('statusCalls')).toBe(2);
    expect(await page.data('offCalls')).toBe(0);

    // To the background and back: the page's hooks, App's hooks and the tt listeners, in the family's order.
    const moments = async () => (await sim.frame().evaluate(() => (globalThis as unknown as { getApp(): { globalData: { moments: string[] } } }).getApp().globalData.moments)).slice();
    const before = (await moments()).length;
    await sim.hideApp();
    await sim.hideApp(); // already hidden: nothing more
    await sim.showApp();
    expect((await moments()).slice(before)).toEqual(['page.onHide', 'App.onHide', 'tt.onAppHide', 'App.onShow', 'tt.onAppShow', 'page.onShow']);

    // A page not in app.json: App.onPageNotFound, then tt.onPageNotFound; navigateTo still fails.
    await tap('.missing-btn');
    await page.waitFor((data) => data.missingFail !== '' && data.notFound !== '');
    expect(await text('.not-found')).toBe('pages/missing/missing 1 false');
    expect(await page.data('appNotFound')).toBe('pages/missing/missing');
    expect(await text('.missing-fail')).toMatch(/^104 navigateTo:fail page "pages\/missing\/missing" is not found/);

    // An uncaught error in a handler: App.onError first, then tt.onError, with the message (last: the error overlay covers the page).
    await tap('.explode-btn');
    await page.waitFor((data) => data.error !== '');
    expect(await text('.error')).toBe('Error: boom from a tap handler');
    expect(await page.data('appErrorsBefore')).toBe(1);

    // The calls are recorded with their rules.
    const badgeCall = sim.events().find((e) => e.type === 'call' && e.record.api === 'setTabBarBadge' && e.record.ok);
    expect(badgeCall).toMatchObject({ side: 'guest', record: { rules: expect.arrayContaining([expect.objectContaining({ id: 'badge-or-dot' })]) } });
    const listenerCall = sim.events().find((e) => e.type === 'call' && e.record.api === 'onNetworkStatusChange');
    expect(listenerCall).toMatchObject({ record: { ok: true, params: { callback: 'function' } } });
  } finally {
    await sim.close();
  }
});

test('PC: getNetworkType answers connected, onNetworkStatusChange is refused and its listener removed', async () => {
  const sim = await open({ project: fixture, platform: 'pc' });
  try {
    const page = await sim.currentPage();
    // PC answers "connected" (Feishu documents only connected / none there) and has no onNetworkStatusChange.
    await (await page.$('.network-btn')).tap();
    expect(await (await page.$('.network-type')).text()).toBe('connected');
    expect(await (await page.$('.can-i-use')).text()).toBe('true,false,true,true,true');
    const refused = await sim.waitForCall('onNetworkStatusChange');
    expect(refused.record).toMatchObject({ ok: false, errno: 103 });
    // The refused listener was taken off again: a change of policy reaches nobody.
    sim.setNetwork('offline');
    await (await page.$('.network-btn')).tap();
    expect(await (await page.$('.network-type')).text()).toBe('none');
    expect(await page.data('statusCalls')).toBe(0);
  } finally {
    await sim.close();
  }
});
