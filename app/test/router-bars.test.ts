// @vitest-environment happy-dom
/** The router's tab bar, navigation bar spinner, window background and missing pages, with real pages in happy-dom. */
import { describe, expect, it } from 'vitest';
import type { BaseCallContext } from '../../emulator-api/src/common/call.js';
import { isTtError } from '../../emulator-api/src/common/errors.js';
import { Activity } from '../src/runtime/activity.js';
import { hostParsed } from './ttml-test-helpers.js';
import { PageInstance, type PageHost } from '../src/runtime/gadget/page.js';
import { Router, type AppJson, type PageNotFound, type WindowConfig } from '../src/runtime/gadget/router.js';

const appJson: AppJson = {
  pages: ['pages/home/home', 'pages/list/list', 'pages/detail/detail'],
  window: { backgroundColor: '#eeeeee' },
  tabBar: {
    color: '#666666',
    selectedColor: '#3370ff',
    list: [
      { pagePath: 'pages/home/home', text: 'Home', iconPath: 'images/a.png' },
      { pagePath: '/pages/list/list', text: 'List' },
    ],
  },
};

function open(app: AppJson = appJson, windows: Record<string, WindowConfig> = {}) {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  document.body.append(root);
  const errors: string[] = [];
  const notFound: PageNotFound[] = [];
  const files = Object.fromEntries(app.pages.map((p) => [`${p}.ttml`, `<view class="body">${p}</view>`]));
  const pageHost: PageHost = {
    activity: new Activity(),
    files,
    parseTemplate: hostParsed(files),
    rpxToPx: 1,
    resolveImageSrc: (_route, src) => src,
    navigate: () => {},
    rendered: () => {},
    reportError: (error) => errors.push(String(error)),
    lifecycle: () => {},
  };
  let listening = false;
  const router = new Router(root, app, {
    createPage: (route, query, container) => {
      const body = document.createElement('div');
      container.append(body);
      return new PageInstance(route, query, {}, container, body, pageHost);
    },
    windowConfig: (route) => ({ ...app.window, ...windows[route] }),
    iconUrl: (path) => `/pkg/${path}`,
    changed: () => {},
    pageNotFound: (page) => {
      notFound.push(page);
      return listening;
    },
  });
  const rules: string[] = [];
  const ctx: BaseCallContext = { profile: {} as never, applyRule: (id) => void rules.push(id) };
  const apis = router.implementations() as unknown as Record<string, (params: unknown, ctx: BaseCallContext) => unknown>;
  const call = (api: string, params: unknown = {}) => apis[api]!(params, ctx);
  const fail = (api: string, params: unknown = {}) => {
    try {
      call(api, params);
    } catch (error) {
      if (isTtError(error)) return { errno: error.errno, detail: error.detail, rule: error.rule };
      throw error;
    }
    throw new Error(`${api} did not fail`);
  };
  const tab = (route: string) => root.querySelector<HTMLElement>(`[data-ttsim-tab="${route}"]`)!;
  return { root, router, call, fail, rules, errors, notFound, tab, listen: () => (listening = true) };
}

describe('the tab bar APIs', () => {
  it('draws badges (over 4 characters as "...") and red dots, one mark per item', () => {
    const g = open();
    g.router.launch();
    g.call('setTabBarBadge', { index: 1, text: '12' });
    expect(g.tab('pages/list/list').querySelector('[data-ttsim-tab-badge]')!.textContent).toBe('12');
    g.call('setTabBarBadge', { index: 0, text: '12345' });
    expect(g.tab('pages/home/home').querySelector('[data-ttsim-tab-badge]')!.textContent).toBe('...');
    g.call('setTabBarBadge', { index: 0, text: '四个字符' });
    expect(g.tab('pages/home/home').querySelector('[data-ttsim-tab-badge]')!.textContent).toBe('四个字符');
    g.call('showTabBarRedDot', { index: 0 });
    expect(g.tab('pages/home/home').querySelector('[data-ttsim-tab-dot]')).not.toBeNull();
    expect(g.tab('pages/home/home').querySelector('[data-ttsim-tab-badge]')).toBeNull();
    // removeTabBarBadge leaves a dot alone; hideTabBarRedDot removes it.
    g.call('removeTabBarBadge', { index: 0 });
    expect(g.tab('pages/home/home').querySelector('[data-ttsim-tab-dot]')).not.toBeNull();
    g.call('hideTabBarRedDot', { index: 0 });
    expect(g.tab('pages/home/home').querySelector('[data-ttsim-tab-dot]')).toBeNull();
    g.call('removeTabBarBadge', { index: 1 });
    expect(g.root.querySelector('[data-ttsim-tab-badge]')).toBeNull();
    expect(g.rules).toEqual(expect.arrayContaining(['tab-page-only', 'tab-index', 'badge-or-dot', 'badge-text', 'app-level']));
  });

  it('fails on a page that is not a tab page, and for an index past the last item', () => {
    const g = open();
    g.router.launch();
    expect(g.fail('setTabBarBadge', { index: 2, text: 'x' })).toMatchObject({ errno: 104, detail: expect.stringMatching(/^tabbar item not found: /), rule: 'tab-index' });
    g.call('setTabBarBadge', { index: 1, text: '3' });
    g.call('navigateTo', { url: '/pages/detail/detail' });
    expect(g.fail('showTabBarRedDot', { index: 0 })).toMatchObject({ errno: 104, detail: expect.stringMatching(/^not TabBar page: pages\/detail\/detail/), rule: 'tab-page-only' });
    expect(g.fail('setTabBarStyle', { color: '#000000' })).toMatchObject({ rule: 'tab-page-only' });
    // The marks belong to the bar: back on a tab page they are there.
    g.call('navigateBack', {});
    expect(g.tab('pages/list/list').querySelector('[data-ttsim-tab-badge]')!.textContent).toBe('3');
  });

  it('an app without a tab bar fails them all', () => {
    const g = open({ pages: ['pages/home/home'] });
    g.router.launch();
    expect(g.fail('setTabBarBadge', { index: 0, text: '1' })).toMatchObject({ rule: 'tab-page-only' });
    expect(g.root.querySelector('[data-ttsim-tabbar]')).toBeNull();
  });

  it('setTabBarItem changes only the given fields and refuses network icons; setTabBarStyle recolours the bar', () => {
    const g = open();
    g.router.launch();
    g.call('setTabBarItem', { index: 1, text: 'Lists', iconPath: 'images/b.png' });
    expect(g.tab('pages/list/list').querySelector('[data-ttsim-tab-text]')!.textContent).toBe('Lists');
    expect(g.tab('pages/list/list').querySelector('img')!.getAttribute('src')).toBe('/pkg/images/b.png');
    g.call('setTabBarItem', { index: 0, selectedIconPath: 'images/c.png' });
    expect(g.tab('pages/home/home').querySelector('[data-ttsim-tab-text]')!.textContent).toBe('Home');
    expect(g.tab('pages/home/home').querySelector('img')!.getAttribute('src')).toBe('/pkg/images/c.png');
    expect(g.fail('setTabBarItem', { index: 0, iconPath: 'https://example.com/a.png' })).toMatchObject({ errno: 104, rule: 'no-network-icons' });
    g.call('setTabBarStyle', { selectedColor: '#ff0000', backgroundColor: '#000000', borderStyle: 'white' });
    const bar = g.root.querySelector<HTMLElement>('[data-ttsim-tabbar]')!;
    expect(g.tab('pages/home/home').style.color).toMatch(/^(#ff0000|rgb\(255, 0, 0\))$/);
    expect(g.tab('pages/list/list').style.color).toMatch(/^(#666666|rgb\(102, 102, 102\))$/);
    expect(bar.style.background).toMatch(/^(#000000|rgb\(0, 0, 0\))$/);
    expect(bar.style.borderTop).toContain('rgba(255, 255, 255, 0.33)');
    g.call('setTabBarStyle', { borderColor: '#00ff00' });
    expect(bar.style.borderTop).toMatch(/#00ff00|rgb\(0, 255, 0\)/);
  });

  it('hideTabBar keeps the marks; showTabBar shows them again', () => {
    const g = open();
    g.router.launch();
    g.call('showTabBarRedDot', { index: 1 });
    g.call('hideTabBar', {});
    expect(g.root.querySelector<HTMLElement>('[data-ttsim-tabbar]')!.style.display).toBe('none');
    g.call('showTabBar', {});
    expect(g.root.querySelector<HTMLElement>('[data-ttsim-tabbar]')!.style.display).toBe('flex');
    expect(g.tab('pages/list/list').querySelector('[data-ttsim-tab-dot]')).not.toBeNull();
  });
});

describe('the navigation bar spinner and the window background', () => {
  it('the spinner belongs to the page it was shown on', () => {
    const g = open();
    g.router.launch();
    const spinner = () => g.root.querySelector('[data-ttsim-navbar] [data-ttsim-nav-loading]');
    g.call('showNavigationBarLoading');
    expect(spinner()).not.toBeNull();
    g.call('navigateTo', { url: '/pages/detail/detail' });
    expect(spinner()).toBeNull();
    g.call('navigateBack', {});
    expect(spinner()).not.toBeNull();
    g.call('hideNavigationBarLoading');
    expect(spinner()).toBeNull();
    expect(g.rules).toContain('loading-per-page');
  });

  it('the refresh area shows window.backgroundColor, then setBackgroundColor (top wins) and the dots style', () => {
    const g = open();
    g.router.launch();
    g.call('startPullDownRefresh');
    const indicator = () => g.root.querySelector<HTMLElement>('[data-ttsim-refresh]')!;
    expect(indicator().style.background).toMatch(/#eeeeee|rgb\(238, 238, 238\)/);
    expect(indicator().style.color).toMatch(/#8f959e|rgb\(143, 149, 158\)/);
    g.rules.length = 0;
    g.call('setBackgroundColor', { backgroundColor: '#111111', backgroundColorTop: '#222222' });
    // The page's first call replaces the window config it showed until then; a second one does not.
    expect(g.rules).toEqual(['window-background', 'window-config']);
    g.rules.length = 0;
    g.call('setBackgroundColor', { backgroundColorBottom: '#333333' });
    expect(g.rules).toEqual(['window-background']);
    g.call('setBackgroundTextStyle', { textStyle: 'light' });
    expect(indicator().style.background).toMatch(/#222222|rgb\(34, 34, 34\)/);
    expect(indicator().style.color).toMatch(/#ffffff|rgb\(255, 255, 255\)/);
  });
});

describe('navigateBack', () => {
  it('a delta past the first page stops there, and says so', () => {
    const g = open({ pages: ['pages/home/home', 'pages/list/list', 'pages/detail/detail'] });
    g.router.launch();
    g.call('navigateTo', { url: '/pages/list/list' });
    g.call('navigateTo', { url: '/pages/detail/detail' });
    g.rules.length = 0;
    g.call('navigateBack', { delta: 2 });
    expect(g.router.stack.map((page) => page.route)).toEqual(['pages/home/home']);
    expect(g.rules).not.toContain('back-stops-at-first');
    g.call('navigateTo', { url: '/pages/list/list' });
    g.call('navigateTo', { url: '/pages/detail/detail' });
    g.rules.length = 0;
    g.call('navigateBack', { delta: 5 });
    expect(g.router.stack.map((page) => page.route)).toEqual(['pages/home/home']);
    expect(g.rules).toEqual(['page-stack', 'back-stops-at-first']);
    g.rules.length = 0;
    g.call('navigateBack', {});
    expect(g.router.stack.map((page) => page.route)).toEqual(['pages/home/home']);
    expect(g.rules).toContain('back-stops-at-first');
  });
});

describe('pages not in app.json', () => {
  it('a navigation target: the host hears it (isEntryPage false) and the call still fails', () => {
    const g = open();
    g.router.launch();
    expect(g.fail('navigateTo', { url: '/pages/nope/nope?x=1' })).toMatchObject({ errno: 104, rule: 'unknown-page' });
    expect(g.notFound).toEqual([{ path: 'pages/nope/nope', query: { x: '1' }, isEntryPage: false }]);
  });

  it('the entry page: with a listener nothing opens (it redirects); without one the load fails as before', () => {
    const app: AppJson = { ...appJson, entryPagePath: 'pages/gone/gone' };
    const heard = open(app);
    heard.listen();
    heard.router.launch();
    expect(heard.notFound).toEqual([{ path: 'pages/gone/gone', query: {}, isEntryPage: true }]);
    expect(heard.router.stack).toHaveLength(0);
    heard.call('redirectTo', { url: '/pages/detail/detail' });
    expect(heard.router.current?.route).toBe('pages/detail/detail');
    const unheard = open(app);
    expect(() => unheard.router.launch()).toThrow(/pages\/gone\/gone\.ttml is missing/);
  });
});
