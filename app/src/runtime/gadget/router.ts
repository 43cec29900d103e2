/**
 * The page stack and the navigation APIs (navigateTo, redirectTo, navigateBack, switchTab, reLaunch), the
 * navigation bar (title, colours, loading spinner), the window background and the tab bar (tab-bar.ts).
 * Pages are created through `createPage`, which loads the page's JS.
 */
import { TtError } from '../../../../emulator-api/src/common/errors.js';
import { Errno } from '../../../../emulator-api/src/common/errors.js';
import type { BaseCallContext } from '../../../../emulator-api/src/common/call.js';
import type { PageInstance } from './page.js';
import { parsePageUrl } from './paths.js';
import { watchPageScroll, scrollPageTo } from './page-scroll.js';
import { toDomSelector } from '../../dom/index.js';
import { TabBar, type TabBarConfig } from './tab-bar.js';

export interface AppJson {
  pages: string[];
  entryPagePath?: string;
  window?: WindowConfig;
  tabBar?: TabBarConfig;
}

export interface WindowConfig {
  navigationBarTitleText?: string;
  navigationBarBackgroundColor?: string;
  navigationBarTextStyle?: 'white' | 'black';
  backgroundColor?: string;
  backgroundColorTop?: string;
  backgroundTextStyle?: 'dark' | 'light';
  navigationStyle?: 'default' | 'custom';
  enablePullDownRefresh?: boolean;
  onReachBottomDistance?: number;
}

type NavColors = { frontColor: string; backgroundColor: string };
type WindowBackground = { backgroundColor?: string; backgroundColorTop?: string; backgroundColorBottom?: string };

/** A page that is not in app.json pages, for App.onPageNotFound and tt.onPageNotFound. */
export interface PageNotFound {
  readonly path: string;
  readonly query: Record<string, string>;
  readonly isEntryPage: boolean;
}

/** The pull-down refresh dots: dark (grey) or light (white). */
const DOTS = { dark: '#8f959e', light: '#ffffff' } as const;

const MAX_STACK = 10;

export interface RouterHost {
  createPage(route: string, query: Record<string, string>, container: HTMLElement): PageInstance;
  windowConfig(route: string): WindowConfig;
  iconUrl(path: string): string;
  changed(method: string, url: string, stack: readonly string[]): void;
  /** A page to open is not in app.json pages; true when the app listens (App.onPageNotFound, tt.onPageNotFound). */
  pageNotFound?(page: PageNotFound): boolean;
}

export class Router {
  readonly stack: PageInstance[] = [];
  /** Tab pages stay alive while hidden, as in the real framework. */
  private readonly tabPages = new Map<string, PageInstance>();
  private readonly navBar: HTMLElement;
  private readonly viewport: HTMLElement;
  /** app.json's tab bar; with no items it has no routes and is never drawn. */
  private readonly tabBar: TabBar;
  /** setNavigationBarTitle / Color, showNavigationBarLoading, setBackgroundColor / TextStyle belong to the page they were called on. */
  private readonly titles = new WeakMap<PageInstance, string>();
  private readonly navColors = new WeakMap<PageInstance, NavColors>();
  private readonly navLoading = new WeakSet<PageInstance>();
  private readonly backgrounds = new WeakMap<PageInstance, WindowBackground>();
  private readonly textStyles = new WeakMap<PageInstance, 'dark' | 'light'>();

  constructor(
    private readonly root: HTMLElement,
    private readonly app: AppJson,
    private readonly host: RouterHost,
  ) {
    const doc = root.ownerDocument;
    root.style.cssText = 'position:fixed;inset:0;display:flex;flex-direction:column;';
    this.navBar = doc.createElement('div');
    this.navBar.dataset.ttsimNavbar = '';
    this.navBar.style.cssText = 'flex:none;height:44px;display:flex;align-items:center;justify-content:center;position:relative;font:600 17px -apple-system,system-ui,sans-serif;';
    this.viewport = doc.createElement('div');
    this.viewport.style.cssText = 'flex:1;position:relative;overflow:hidden;';
    root.append(this.navBar, this.viewport);
    this.tabBar = new TabBar(doc, app.tabBar ?? { list: [] }, {
      iconUrl: (path) => host.iconUrl(path),
      currentRoute: () => this.current?.route,
      tap: (route) => {
        this.showTab(route);
        this.host.changed('switchTab', route, this.stack.map((p) => p.route));
      },
    });
    if (this.tabBar.routes.size > 0) root.append(this.tabBar.element);
  }

  get current(): PageInstance | undefined {
    return this.stack[this.stack.length - 1];
  }

  isTab(route: string): boolean {
    return this.tabBar.routes.has(route);
  }

  /** The navigation APIs, implemented here and validated through their registry entries. */
  implementations() {
    const run = (method: string, url: string, action: () => void) => {
      action();
      this.host.changed(method, url, this.stack.map((p) => p.route));
      return {};
    };
    return {
      navigateTo: ({ url }: { url: string }, ctx: BaseCallContext) => {
        const target = this.target(url, ctx);
        if (this.isTab(target.route)) throw new TtError(Errno.invalidParameter, `can not navigateTo a tabbar page: ${target.route} (use switchTab)`, { rule: 'no-tab-target' });
        if (this.stack.length >= MAX_STACK) throw new TtError(Errno.invalidParameter, `webview count limit exceed: the page stack holds at most ${MAX_STACK} pages`, { rule: 'page-stack' });
        return run('navigateTo', url, () => this.push(target.route, target.query));
      },
      redirectTo: ({ url }: { url: string }, ctx: BaseCallContext) => {
        const target = this.target(url, ctx);
        if (this.isTab(target.route)) throw new TtError(Errno.invalidParameter, `can not redirectTo a tabbar page: ${target.route} (use switchTab)`, { rule: 'no-tab-target' });
        return run('redirectTo', url, () => {
          this.unload(this.stack.pop());
          this.push(target.route, target.query);
        });
      },
      navigateBack: ({ delta = 1 }: { delta?: number }, ctx: BaseCallContext) => {
        ctx.applyRule('page-stack');
        // back() closes at most the pages above the first one.
        if (delta >= this.stack.length) ctx.applyRule('back-stops-at-first');
        return run('navigateBack', String(delta), () => this.back(delta));
      },
      switchTab: ({ url }: { url: string }, ctx: BaseCallContext) => {
        const target = this.target(url, ctx);
        ctx.applyRule('tab-only');
        if (!this.isTab(target.route)) throw new TtError(Errno.invalidParameter, `can not switchTab to ${target.route}: it is not in app.json tabBar.list`, { rule: 'tab-only' });
        return run('switchTab', url, () => this.showTab(target.route));
      },
      reLaunch: ({ url }: { url: string }, ctx: BaseCallContext) => {
        const target = this.target(url, ctx);
        return run('reLaunch', url, () => this.relaunch(target.route, target.query));
      },
      ...this.barImplementations(),
      ...this.windowImplementations(),
      ...this.tabBar.implementations(),
      ...this.scrollImplementations(),
    };
  }

  /** setNavigationBarTitle / Color and showTabBar / hideTabBar. */
  private barImplementations() {
    const page = () => {
      const current = this.current;
      if (!current) throw new TtError(Errno.internal, 'no page is open yet');
      return current;
    };
    const tabBar = (ctx: BaseCallContext) => {
      ctx.applyRule('tab-bar-exists');
      if (this.tabBar.routes.size === 0) throw new TtError(Errno.invalidParameter, 'this app has no tabBar in app.json', { rule: 'tab-bar-exists' });
      return this.tabBar;
    };
    return {
      setNavigationBarTitle: ({ title }: { title: string }, ctx: BaseCallContext) => {
        ctx.applyRule('title-per-page');
        const current = page();
        this.titles.set(current, title);
        this.drawBars(current);
        return {};
      },
      setNavigationBarColor: ({ frontColor, backgroundColor }: NavColors, ctx: BaseCallContext) => {
        ctx.applyRule('front-colors');
        const current = page();
        this.navColors.set(current, { frontColor, backgroundColor });
        this.drawBars(current);
        return {};
      },
      showTabBar: (_p: unknown, ctx: BaseCallContext) => {
        tabBar(ctx).hidden = false;
        this.tabBar.draw(this.current?.route);
        return {};
      },
      hideTabBar: (_p: unknown, ctx: BaseCallContext) => {
        tabBar(ctx).hidden = true;
        this.tabBar.draw(this.current?.route);
        return {};
      },
    };
  }

  /** The navigation bar's loading spinner and the window background of the current page. */
  private windowImplementations() {
    const page = () => {
      const current = this.current;
      if (!current) throw new TtError(Errno.internal, 'no page is open yet');
      return current;
    };
    const loading = (on: boolean, ctx: BaseCallContext) => {
      ctx.applyRule('loading-per-page');
      const current = page();
      if (this.host.windowConfig(current.route).navigationStyle === 'custom') ctx.applyRule('custom-navigation');
      if (on) this.navLoading.add(current);
      else this.navLoading.delete(current);
      this.drawBars(current);
      return {};
    };
    return {
      showNavigationBarLoading: (_p: unknown, ctx: BaseCallContext) => loading(true, ctx),
      hideNavigationBarLoading: (_p: unknown, ctx: BaseCallContext) => loading(false, ctx),
      setBackgroundColor: (background: WindowBackground, ctx: BaseCallContext) => {
        ctx.applyRule('window-background');
        const current = page();
        // Until now this page showed its window config (styleRefresh falls back to it).
        if (!this.backgrounds.has(current)) ctx.applyRule('window-config');
        this.backgrounds.set(current, { ...this.backgrounds.get(current), ...background });
        this.styleRefresh(current);
        return {};
      },
      setBackgroundTextStyle: ({ textStyle }: { textStyle: 'dark' | 'light' }, ctx: BaseCallContext) => {
        ctx.applyRule('dots-style');
        const current = page();
        this.textStyles.set(current, textStyle);
        this.styleRefresh(current);
        return {};
      },
    };
  }

  /** pageScrollTo and pull-down refresh on the current page. */
  private scrollImplementations() {
    const page = () => {
      const current = this.current;
      if (!current) throw new TtError(Errno.internal, 'no page is open yet');
      return current;
    };
    return {
      pageScrollTo: async ({ scrollTop, selector, duration }: { scrollTop?: number; selector?: string; duration: number }, ctx: BaseCallContext) => {
        ctx.applyRule('scroll-target');
        const current = page();
        let top = scrollTop;
        if (top === undefined && selector !== undefined) {
          const target = current.container.querySelector<HTMLElement>(toDomSelector(selector));
          if (!target) throw new TtError(Errno.invalidParameter, `pageScrollTo: no element matches ${JSON.stringify(selector)} on ${current.route}`);
          top = target.getBoundingClientRect().top - current.container.getBoundingClientRect().top + current.container.scrollTop;
        }
        if (top === undefined) throw new TtError(Errno.invalidParameter, 'pageScrollTo needs scrollTop or selector');
        await scrollPageTo(current.container, top, duration);
        return {};
      },
      startPullDownRefresh: (_p: unknown, ctx: BaseCallContext) => {
        ctx.applyRule('pull-triggers-handler');
        this.startRefresh(page());
        return {};
      },
      stopPullDownRefresh: (_p: unknown, ctx: BaseCallContext) => {
        ctx.applyRule('pull-triggers-handler');
        page().container.querySelector('[data-ttsim-refresh]')?.remove();
        return {};
      },
    };
  }

  /** Shows the refresh indicator at the top of the page and calls its onPullDownRefresh. */
  private startRefresh(page: PageInstance): void {
    if (!page.container.querySelector('[data-ttsim-refresh]')) {
      const indicator = page.container.ownerDocument.createElement('div');
      indicator.dataset.ttsimRefresh = '';
      indicator.textContent = '···';
      indicator.style.cssText = 'height:48px;display:flex;align-items:center;justify-content:center;font-size:24px;letter-spacing:4px;';
      page.container.prepend(indicator);
      page.container.scrollTop = 0;
      this.styleRefresh(page);
    }
    page.callHook('onPullDownRefresh');
  }

  /** The refresh area shows the window background (setBackgroundColor, window.backgroundColor) and dots (setBackgroundTextStyle). */
  private styleRefresh(page: PageInstance): void {
    const indicator = page.container.querySelector<HTMLElement>('[data-ttsim-refresh]');
    if (!indicator) return;
    const config = this.host.windowConfig(page.route);
    const background = this.backgrounds.get(page);
    indicator.style.background = background?.backgroundColorTop ?? background?.backgroundColor ?? config.backgroundColorTop ?? config.backgroundColor ?? '';
    indicator.style.color = DOTS[this.textStyles.get(page) ?? config.backgroundTextStyle ?? 'dark'];
  }

  /** Opens the first page: entryPagePath or pages[0]. */
  launch(url?: string): void {
    const target = parsePageUrl(url ?? this.app.entryPagePath ?? this.app.pages[0]!, undefined);
    // A listener of a missing entry page redirects (tt.redirectTo, reLaunch, switchTab); without one the load fails below.
    if (!this.app.pages.includes(target.route) && this.host.pageNotFound?.({ path: target.route, query: target.query, isEntryPage: true })) return;
    if (this.isTab(target.route)) this.showTab(target.route);
    else this.push(target.route, target.query);
    this.host.changed('launch', target.route, this.stack.map((p) => p.route));
  }

  relaunch(route: string, query: Record<string, string>): void {
    const open = new Set([...this.stack, ...this.tabPages.values()]);
    this.stack.length = 0;
    this.tabPages.clear();
    for (const page of open) this.destroy(page);
    if (this.isTab(route)) this.showTab(route);
    else this.push(route, query);
  }

  private target(url: string, ctx: BaseCallContext) {
    ctx.applyRule('page-stack');
    const target = parsePageUrl(url, this.current?.route);
    if (!this.app.pages.includes(target.route)) {
      this.host.pageNotFound?.({ path: target.route, query: target.query, isEntryPage: false });
      throw new TtError(Errno.invalidParameter, `page "${target.route}" is not found: it must be listed in app.json pages`, { rule: 'unknown-page' });
    }
    return target;
  }

  private push(route: string, query: Record<string, string>): void {
    const previous = this.current;
    if (previous) this.hide(previous);
    const page = this.create(route, query);
    this.stack.push(page);
    // onLoad runs once the page is on the stack: getCurrentPages() includes it there, as in the real framework.
    page.callHook('onLoad', { ...query });
    this.show(page, true);
  }

  private back(delta: number): void {
    const count = Math.min(delta, this.stack.length - 1);
    for (let i = 0; i < count; i++) this.unload(this.stack.pop());
    if (this.current) this.show(this.current, false);
  }

  private showTab(route: string): void {
    while (this.stack.length > 0) {
      const page = this.stack.pop()!;
      if (this.isTab(page.route)) this.hide(page);
      else this.unload(page);
    }
    let page = this.tabPages.get(route);
    const fresh = !page;
    if (!page) {
      page = this.create(route, {});
      this.tabPages.set(route, page);
    }
    this.stack.push(page);
    if (fresh) page.callHook('onLoad', {});
    this.show(page, fresh);
  }

  private create(route: string, query: Record<string, string>): PageInstance {
    const container = this.root.ownerDocument.createElement('div');
    container.dataset.ttsimPage = route;
    container.style.cssText = 'position:absolute;inset:0;overflow:auto;';
    this.viewport.append(container);
    const page = this.host.createPage(route, query, container);
    const config = this.host.windowConfig(route);
    watchPageScroll(container, {
      reachBottomDistance: config.onReachBottomDistance ?? 50,
      pullDownRefresh: config.enablePullDownRefresh === true,
      onReachBottom: () => page.callHook('onReachBottom'),
      onPullDown: () => this.startRefresh(page),
      ...(page.hasHook('onPageScroll') ? { onPageScroll: (scrollTop: number) => page.callHandler('onPageScroll', { scrollTop }) } : {}),
    });
    return page;
  }

  private show(page: PageInstance, first: boolean): void {
    page.container.style.display = '';
    for (const style of page.container.querySelectorAll<HTMLStyleElement>('style[data-ttsim-style]')) style.disabled = false;
    page.callHook('onShow');
    if (first) {
      page.renderNow();
      page.callHook('onReady');
    }
    this.drawBars(page);
  }

  private hide(page: PageInstance): void {
    page.container.style.display = 'none';
    for (const style of page.container.querySelectorAll<HTMLStyleElement>('style[data-ttsim-style]')) style.disabled = true;
    page.callHook('onHide');
  }

  /** Closes a page; a tab page only hides, since tab pages stay alive. */
  private unload(page: PageInstance | undefined): void {
    if (!page) return;
    if (this.tabPages.get(page.route) === page) this.hide(page);
    else this.destroy(page);
  }

  private destroy(page: PageInstance): void {
    page.callHook('onUnload');
    page.destroy();
  }

  private drawBars(page: PageInstance): void {
    const config = this.host.windowConfig(page.route);
    const doc = this.root.ownerDocument;
    const colors = this.navColors.get(page);
    this.navBar.style.display = config.navigationStyle === 'custom' ? 'none' : 'flex';
    this.navBar.style.background = colors?.backgroundColor ?? config.navigationBarBackgroundColor ?? '#ffffff';
    this.navBar.style.color = colors?.frontColor ?? (config.navigationBarTextStyle === 'white' ? '#fff' : '#000');
    this.navBar.replaceChildren();
    if (this.stack.length > 1) {
      const back = doc.createElement('button');
      back.dataset.ttsimBack = '';
      back.textContent = '‹';
      back.setAttribute('aria-label', 'back');
      back.style.cssText = 'position:absolute;left:4px;border:0;background:none;font-size:28px;color:inherit;cursor:pointer;padding:0 12px;';
      back.addEventListener('click', () => {
        this.back(1);
        this.host.changed('navigateBack', '1', this.stack.map((p) => p.route));
      });
      this.navBar.append(back);
    }
    if (this.navLoading.has(page)) this.navBar.append(this.spinner(doc));
    const title = doc.createElement('span');
    title.dataset.ttsimTitle = '';
    title.textContent = this.titles.get(page) ?? config.navigationBarTitleText ?? '';
    this.navBar.append(title);
    this.tabBar.draw(page.route);
  }

  /** showNavigationBarLoading's spinner, before the title. */
  private spinner(doc: Document): HTMLElement {
    const spinner = doc.createElement('span');
    spinner.dataset.ttsimNavLoading = '';
    spinner.setAttribute('aria-label', 'loading');
    spinner.style.cssText = 'width:14px;height:14px;margin-right:6px;border:2px solid currentColor;border-right-color:transparent;border-radius:50%;box-sizing:border-box;flex:none;';
    if (typeof spinner.animate === 'function') spinner.animate([{ transform: 'rotate(0deg)' }, { transform: 'rotate(360deg)' }], { duration: 800, iterations: Infinity });
    return spinner;
  }
}
