import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { open, root } from './helpers.js';

const fixture = (name: string) => path.join(root, 'e2e/fixtures', name);

test('setData path keys, bubbling dataset, navigation stack, tabBar, modal and input', async () => {
  const sim = await open({ project: fixture('runtime-gadget'), platform: 'android' });
  try {
    let page = await sim.currentPage();
    expect(page.path).toBe('pages/home/home');
    await (await page.$('button.rename')).tap();
    expect(await page.data('list[1].name')).toBe('B');
    expect(await page.data('renamed')).toBe(true);
    expect((await page.$$('view.item')).length).toBe(2);
    expect(await (await page.$$('view.item'))[1]!.text()).toBe('1:B');

    await (await page.$$('view.item'))[1]!.tap();
    page = await sim.currentPage();
    expect(page.path).toBe('pages/detail/detail');
    expect(page.query).toEqual({ id: '1' });
    expect(await (await page.$('.id')).text()).toBe('detail 1 of 2');
    await (await page.$('button.back')).tap();
    expect((await sim.currentPage()).path).toBe('pages/home/home');

    page = await sim.navigateTo('/pages/detail/detail?id=7');
    await (await page.$('button.tab')).tap();
    page = await sim.currentPage();
    expect(page.path).toBe('pages/me/me');
    expect(await (await page.$('.me')).text()).toBe('me, visits 1');
    const nav = await sim.callTT('navigateTo', { url: '/pages/me/me' });
    expect(nav).toMatchObject({ errno: 104, errMsg: 'navigateTo:fail can not navigateTo a tabbar page: pages/me/me (use switchTab)' });
    await sim.frame().locator('[data-ttsim-tab="pages/home/home"]').click();

    page = await sim.reLaunch('/pages/home/home');
    await (await page.$('button.ask')).tap();
    const modal = await sim.modal();
    expect(modal).toMatchObject({ kind: 'modal', title: 'Sure?', content: 'Delete it', buttons: ['取消', '确定'] });
    await modal!.confirm();
    expect(await (await page.$('.answer')).text()).toBe('yes');
    expect(await sim.modal()).toBeNull();

    await (await page.$('input.field')).input('hello');
    expect(await (await page.$('.typed')).text()).toBe('hello');
    const modalCall = sim.events().find((e) => e.type === 'call' && e.record.api === 'showModal');
    expect(modalCall).toMatchObject({ side: 'guest', record: { ok: true, result: { errMsg: 'showModal:ok', confirm: true } } });
  } finally {
    await sim.close();
  }
});

test('mockTT answers a guest API from the test', async () => {
  const sim = await open({ project: fixture('runtime-gadget'), platform: 'ios' });
  try {
    sim.mockTT('showModal', { confirm: false, cancel: true });
    const page = await sim.currentPage();
    await (await page.$('button.ask')).tap();
    expect(await (await page.$('.answer')).text()).toBe('no');
    expect(await sim.modal()).toBeNull();
    sim.restoreTT('showModal');
  } finally {
    await sim.close();
  }
});

test('a JS error shows its file and line, not a blank page', async () => {
  const sim = await open({ project: fixture('broken-js'), platform: 'ios' });
  try {
    const overlay = sim.frame().locator('[data-ttsim-error]');
    await expect(overlay).toBeVisible();
    await expect(overlay.locator('[data-ttsim-error-location]')).toHaveText(/^pages\/index\/index\.js:5:\d+$/);
    await expect(overlay).toContainText("Cannot read properties of undefined (reading 'name')");
    expect(sim.events().some((e) => e.type === 'guest' && e.event.kind === 'error' && e.event.file === 'pages/index/index.js')).toBe(true);
  } finally {
    await sim.close();
  }
});

test('a TTML error shows its file and line', async () => {
  const sim = await open({ project: fixture('broken-ttml'), platform: 'android' });
  try {
    const overlay = sim.frame().locator('[data-ttsim-error]');
    await expect(overlay).toBeVisible();
    await expect(overlay.locator('[data-ttsim-error-location]')).toHaveText(/^pages\/index\/index\.ttml:3:\d+$/);
  } finally {
    await sim.close();
  }
});

test('the guest cannot reach the shell, its token or another session', async () => {
  const sim = await open({ project: fixture('runtime-gadget'), platform: 'ios' });
  try {
    const probe = await sim.frame().evaluate(async () => {
      // Runs in the guest frame (this file is type-checked without DOM types).
      const { window, location, document } = globalThis as unknown as {
        window: { parent: { location: { href: string } }; origin: string };
        location: { pathname: string };
        document: { cookie: string };
      };
      const results: Record<string, string> = {};
      try {
        results.parent = String(window.parent.location.href);
      } catch (error) {
        results.parent = `blocked: ${(error as Error).name}`;
      }
      results.origin = String(window.origin);
      const shell = await fetch('/s/' + location.pathname.split('/')[2] + '/events.json').then((r) => String(r.status), (e) => `error ${e}`);
      results.shell = shell;
      try {
        results.cookie = document.cookie;
      } catch (error) {
        results.cookie = `blocked: ${(error as Error).name}`;
      }
      return results;
    });
    expect(probe.parent).toMatch(/^blocked/);
    expect(probe.origin).toBe('null');
    expect(probe.shell).not.toBe('200');
    expect(probe.cookie).toMatch(/^blocked/);
    expect(JSON.stringify(probe)).not.toContain(sim.session.hostToken);
  } finally {
    await sim.close();
  }
});
