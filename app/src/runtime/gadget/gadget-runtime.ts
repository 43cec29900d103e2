/**
 * Runs a gadget package in this (sandboxed) document: App() / getApp(), Page() / getCurrentPages(),
 * CommonJS modules, TTSS, pages rendered from TTML, navigation and the automation hooks.
 */
import { toDomSelector } from '../../dom/index.js';
import { compileTtss } from '../../ttss/index.js';
import type { Bridge } from '../bridge.js';
import { createCanvasRuntime, type CanvasPage } from '../canvas/runtime.js';
import { createNodeQueryRuntime } from '../selector-query/runtime.js';
import { gadgetScopeOf, pageScope } from '../selector-query/gadget-scopes.js';
import { startGuestCore, type GuestCore } from '../guest-core.js';
import type { EveryGuestApi } from '../guest-implementations.js';
import type { UiOverlays } from '../ui-overlays.js';
import type { listenerImplementations } from '../app-events.js';
import type { BootPayload } from '../../../../emulator-api/src/protocol/messages.js';
import type { FailResult, SuccessResult } from '../../../../emulator-api/src/common/callbacks.js';
import { showErrorOverlay } from './error-overlay.js';
import { ModuleError, ModuleLoader } from './modules.js';
import { ComponentRegistry } from './component-registry.js';
import { ComponentTree } from './component-tree.js';
import { componentHostOf } from './component-instance.js';
import { HOST_ATTRIBUTE, PAGE_CLASS_CONDITION, scopeClassSelectors } from './style-scope.js';
import { SourcePositions } from './source-positions.js';
import { PageInstance, type PageHost, type PageOptions } from './page.js';
import { resolvePackagePath } from '../../ttml/package-path.js';
import { Router, type AppJson, type WindowConfig } from './router.js';
import { AppLifecycle, errorText } from './app-lifecycle.js';
import { appEventsOf } from '../tt.js';
import { notEmulatedFail } from '../../../../emulator-api/src/common/fail-result.js';
import { createInputReplay } from '../input-replay.js';
import { templateParser } from '../../../../emulator-api/src/common/ttml/parsed-templates.js';

interface AppInstance extends Record<string, unknown> {
  globalData?: Record<string, unknown>;
}

function describeError(error: unknown, where: string, positions: SourcePositions): { title: string; message: string; file?: string; line?: number; column?: number } {
  const e = error as { name?: string; message?: string; stack?: string; path?: string; file?: string; line?: number; column?: number };
  if (e && typeof e === 'object' && typeof e.line === 'number' && (e.path || e.file)) {
    return { title: `${e.name ?? 'Error'} in ${e.path ?? e.file}`, message: e.message ?? String(error), file: e.path ?? e.file, line: e.line, ...(e.column ? { column: e.column } : {}) };
  }
  // A package problem found by the runtime (a missing file, a component that never called Component()).
  if (e instanceof ModuleError) return { title: `ModuleError in ${e.file}`, message: e.message, file: e.file };
  const frame = positions.firstFrame(e?.stack);
  return { title: `${e?.name ?? 'Error'} in ${where}`, message: `${e?.message ?? String(error)}${e?.stack ? `\n\n${positions.rewriteStack(e.stack)}` : ''}`, ...(frame ?? {}) };
}

export async function startGadget(base: string, boot: BootPayload, bridge: Bridge): Promise<void> {
  const files = boot.project.files;
  const root = document.getElementById('tt-app')!;
  const rpxToPx = boot.profile.device.windowWidth / 750;
  /** Set once the guest core starts; the page and router callbacks read it later. */
  const started: { core?: GuestCore; app?: AppLifecycle } = {};

  const positions = new SourcePositions(boot.project.sourceMaps);
  const reportError = (error: unknown, where: string) => {
    const shown = describeError(error, where, positions);
    showErrorOverlay(document, shown);
    started.core?.emit({ kind: 'error', message: `${shown.title}: ${shown.message.split('\n')[0]}`, ...(shown.file ? { file: shown.file } : {}), ...(shown.line ? { line: shown.line } : {}) });
    console.error(`${shown.title}${shown.file ? ` (${shown.file}:${shown.line ?? '?'})` : ''}: ${shown.message.split('\n')[0]}`);
    started.app?.error(errorText(error, positions));
  };

  let appJson: AppJson;
  try {
    appJson = JSON.parse(files['app.json'] ?? '') as AppJson;
  } catch (error) {
    reportError(new ModuleError(`app.json is not valid JSON: ${(error as Error).message}`, 'app.json'), 'app.json');
    return;
  }

  const fileUrl = (path: string) => `${base}${path.split('/').map(encodeURIComponent).join('/')}`;
  const resolveImageSrc = (route: string, src: string) => {
    if (/^(https?:|data:|blob:)/.test(src)) return src;
    if (src.startsWith('ttfile://')) return `${base}__ttfile__/${src.slice('ttfile://'.length)}`;
    return fileUrl(resolvePackagePath(`${route}.ttml`, src));
  };

  const addStyle = (parent: HTMLElement, path: string) => {
    const source = files[path];
    if (source === undefined) return;
    const style = document.createElement('style');
    style.dataset.ttsimStyle = path;
    const css = compileTtss(source, { path, load: (p: string) => files[p], rpxToPx });
    // With custom components, page classes must not reach inside them (style-scope.ts).
    style.textContent = componentsDeclared ? scopeClassSelectors(css, PAGE_CLASS_CONDITION) : css;
    parent.append(style);
  };
  const componentsDeclared = ComponentRegistry.declaresComponents(files);
  const parseTemplate = templateParser(boot.project.templates);
  const components = new ComponentRegistry({ files, parseTemplate, loadModule: (path) => loader.load(path), reportError, rpxToPx });

  const pageDefinitions = new Map<string, PageOptions>();
  let loadingRoute: string | undefined;
  let appInstance: AppInstance | undefined;
  // App's hooks and the tt.on<Event> listeners: shown, hidden, an uncaught error, a page not in app.json.
  started.app = new AppLifecycle({ app: () => appInstance, events: () => started.core && appEventsOf(started.core.tt), emit: (event) => started.core?.emit(event), reportError });

  const pageHost: PageHost = {
    get activity() {
      return started.core!.activity;
    },
    files,
    parseTemplate,
    rpxToPx,
    resolveImageSrc,
    navigate: (url, openType) => {
      const method = ({ navigate: 'navigateTo', redirect: 'redirectTo', switchTab: 'switchTab', reLaunch: 'reLaunch', navigateBack: 'navigateBack' } as Record<string, string>)[openType] ?? 'navigateTo';
      const fn = started.core!.tt[method] as (o: unknown) => Promise<unknown>;
      void fn(method === 'navigateBack' ? {} : { url }).catch((fail: { errMsg: string }) => console.error(fail.errMsg));
    },
    rendered: (page, ms) => started.core?.emit({ kind: 'render', page: page.route, seq: page.renderSeq, ms }),
    reportError,
    lifecycle: (target, hook) => started.core?.emit({ kind: 'lifecycle', target, hook }),
    usingComponents: (route) => components.usingForPage(route),
    // this.createSelectorQuery() / this.createIntersectionObserver(): the tt APIs with `this` (recorded and checked as such).
    queries: {
      selectorQuery: (owner) => (started.core!.tt.createSelectorQuery as () => { in(owner: object): unknown })().in(owner),
      intersectionObserver: (owner, options) => (started.core!.tt.createIntersectionObserver as (owner: object, options: unknown) => unknown)(owner, options),
    },
  };

  const router = new Router(root, appJson, {
    createPage: (route, query, container) => {
      loadingRoute = route;
      try {
        loader.load(`${route}.js`);
      } finally {
        loadingRoute = undefined;
      }
      const definition = pageDefinitions.get(route);
      if (!definition) throw new ModuleError(`${route}.js did not call Page({...})`, `${route}.js`);
      addStyle(container, `${route}.ttss`);
      const body = document.createElement('div');
      body.dataset.ttsimPageBody = route;
      body.style.minHeight = '100%';
      container.append(body);
      if (!componentsDeclared) return new PageInstance(route, query, definition, container, body, pageHost);
      const tree = new ComponentTree({ ...pageHost, activity: started.core!.activity, registry: components }, container, body);
      const page = new PageInstance(route, query, definition, container, body, pageHost, tree);
      // Components are created and attached before the page's onLoad, as in WeChat (inferred): a render of
      // the initial data now makes them, so onLoad can selectComponent them.
      if (page.using.size > 0) page.renderNow();
      return page;
    },
    windowConfig: (route): WindowConfig => {
      let own: WindowConfig = {};
      try {
        own = files[`${route}.json`] ? (JSON.parse(files[`${route}.json`]!) as WindowConfig) : {};
      } catch (error) {
        reportError(new ModuleError(`${route}.json is not valid JSON: ${(error as Error).message}`, `${route}.json`), `${route}.json`);
      }
      return { ...appJson.window, ...own };
    },
    iconUrl: (path) => fileUrl(path.replace(/^\//, '')),
    changed: (method, url, stack) => started.core?.emit({ kind: 'navigation', method, url, stack }),
    pageNotFound: (page) => started.app!.pageNotFound(page),
  });

  /** One scope per component instance, so that its draws queue in order (createCanvasContext(id, this)). */
  const canvasScopes = new WeakMap<HTMLElement, CanvasPage>();
  const canvas = createCanvasRuntime({
    document,
    profile: boot.profile,
    storeImage: (data, fileType) => bridge.storeImage(data, fileType),
    track: (work) => (started.core ? started.core.activity.track(work) : work),
    currentPage: () => router.current,
    componentScope: (value) => {
      const component = componentHostOf(value);
      if (!component) return undefined;
      let scope = canvasScopes.get(component.host);
      if (!scope) {
        const { host, is } = component;
        const route = `${router.current?.route ?? '?'} (component ${is})`;
        scope = { route, container: host, owns: (canvas) => canvas.closest(`[${HOST_ATTRIBUTE}]`) === host };
        canvasScopes.set(host, scope);
      }
      return scope;
    },
    resolveImageSrc,
  });
  const nodeQueries = createNodeQueryRuntime({
    profile: boot.profile,
    track: (work) => (started.core ? started.core.activity.track(work) : work),
    scopeOf: (value) => gadgetScopeOf(value, () => router.stack),
    currentScope: () => (router.current ? pageScope(router.current) : undefined),
  });
  const gadgetImplementations = { ...router.implementations(), ...canvas.implementations(), ...nodeQueries.implementations() };
  // Every guest-side API of the registry is implemented: by the overlays, the listeners or the maps above.
  const everyGuestApiImplemented: EveryGuestApi<keyof typeof gadgetImplementations | keyof ReturnType<UiOverlays['implementations']> | keyof ReturnType<typeof listenerImplementations>> = true;
  void everyGuestApiImplemented;
  const core = startGuestCore(boot, bridge, gadgetImplementations as never);
  started.core = core;
  const tt = core.tt;

  const globals = {
    tt,
    App: (options: AppInstance) => {
      appInstance = options ?? {};
    },
    getApp: () => appInstance,
    Page: (options: PageOptions) => {
      if (!loadingRoute) throw new Error('Page() may only be called while a page file is loading');
      pageDefinitions.set(loadingRoute, options ?? {});
    },
    getCurrentPages: () => [...router.stack],
    Component: (options: unknown) => components.component(options),
    Behavior: (options: unknown) => components.behavior(options),
  };
  const loader = new ModuleLoader(files, globals, document);
  // As on a client, these are globals of the JS context too (the modules also get them as parameters).
  Object.assign(window, { tt, getApp: globals.getApp, getCurrentPages: globals.getCurrentPages });

  /**
   * The app goes to the background (the user switched away) or comes back: the current page's onHide, then
   * App.onHide and tt.onAppHide; on return App.onShow and tt.onAppShow, then the page's onShow (inferred from
   * the family's lifecycle). The simulator page's visibility and the automation's hideApp / showApp drive it.
   */
  let appVisible = true;
  const setAppVisible = (visible: boolean) => {
    if (visible === appVisible || !started.app) return;
    appVisible = visible;
    if (!visible) {
      router.current?.callHook('onHide');
      started.app.hide();
    } else {
      started.app.show({ path: router.current?.route ?? appJson.pages[0]!, query: { ...router.current?.options }, scene: 1000 });
      router.current?.callHook('onShow');
    }
  };

  bridge.onReload(() => {
    const current = router.current;
    if (current) location.hash = `ttsim-page=${encodeURIComponent(current.route + queryString(current.options))}`;
    location.reload();
  });

  // Live compare: the user's taps and typing out, another profile's in (input-replay.ts).
  const inputs = createInputReplay(document, () => router.current?.route ?? '', core.emit);
  // The host forwards these requests of devtools and automation (emulator-api/src/protocol: guestOps).
  bridge.answerAutomation({
    reportInput: ({ on }) => {
      inputs.report(on);
      return null;
    },
    replayInput: ({ input, from }) => inputs.replay(input, from),
    setAppVisible: ({ visible }) => {
      setAppVisible(visible);
      return null;
    },
    whenIdle: async ({ painted }) => {
      await core.whenIdle({ painted: painted ?? true });
      return null;
    },
    currentPage: () => (router.current ? { kind: 'gadget', path: router.current.route, query: { ...router.current.options }, root: `[data-ttsim-page="${router.current.route}"]` } : null),
    pageData: ({ path }) => router.current?.getData(path),
    setPageData: ({ patch }) => {
      if (!router.current) throw new Error('no page is open to setData on');
      router.current.setData(patch);
      return null;
    },
    pageStack: () => router.stack.map((p) => p.route),
    modal: () => core.ui.current(),
    answerDialog: ({ answer }) => core.ui.answer(answer),
    callTT: async ({ api, params }) => {
      const fn = tt[api] as ((p: unknown) => Promise<SuccessResult | FailResult>) | undefined;
      if (typeof fn !== 'function') return notEmulatedFail(api);
      return fn(params).catch((fail: FailResult) => fail);
    },
    domSelector: ({ selector }) => toDomSelector(selector),
    navigate: async ({ method, url }) => {
      const fn = tt[method] as (o: unknown) => Promise<SuccessResult | FailResult>;
      return fn({ url }).catch((fail: FailResult) => fail);
    },
  });

  try {
    addStyle(document.head, 'app.ttss');
    if (files['app.js'] !== undefined) loader.load('app.js');
    // After a hot reload the page that was open comes back, with its query (kept in the hash, see onReload).
    const reopened = reopenedPage(appJson.pages);
    const launch = { path: reopened?.route ?? appJson.entryPagePath ?? appJson.pages[0]!, query: reopened?.query ?? {}, scene: 1000 };
    core.emit({ kind: 'lifecycle', target: 'App', hook: 'onLaunch' });
    const onLaunch = appInstance?.onLaunch;
    if (typeof onLaunch === 'function') (onLaunch as (o: unknown) => void).call(appInstance, launch);
    started.app.show(launch);
    router.launch(reopened?.url);
  } catch (error) {
    reportError(error, 'launch');
  }
  // Said whether the launch went well or not (its errors are reported above): automation's start waits for it.
  void core.whenQuiet().then(() => core.emit({ kind: 'launched', page: router.current?.route ?? '', ms: Math.round(performance.now()) }));
  document.addEventListener('visibilitychange', () => setAppVisible(!document.hidden));
  // An error no handler caught (a timer's callback): App.onError and tt.onError hear it too.
  window.addEventListener('error', (event) => started.app!.error(event.error === undefined || event.error === null ? event.message : errorText(event.error, positions)));
}

const queryString = (query: Readonly<Record<string, string>>) => {
  const text = new URLSearchParams(query).toString();
  return text ? `?${text}` : '';
};

/** The page a hot reload asked to reopen (#ttsim-page=<route?query>), if it is still one of the app's pages. */
function reopenedPage(pages: readonly string[]): { url: string; route: string; query: Record<string, string> } | undefined {
  const match = /^#ttsim-page=(.+)$/.exec(location.hash);
  if (!match) return undefined;
  const url = decodeURIComponent(match[1]!);
  const [route = '', search = ''] = url.split('?');
  if (!pages.includes(route)) return undefined;
  return { url, route, query: Object.fromEntries(new URLSearchParams(search)) };
}
