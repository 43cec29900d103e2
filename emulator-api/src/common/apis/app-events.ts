/**
 * App-level listeners: onAppShow / onAppHide, onError, onPageNotFound and their off* twins. They hear what
 * App.onShow / onHide / onError / onPageNotFound hear, at the same moments (the guest runtime calls the App
 * hook first, then the listeners: app/src/runtime/gadget/app-lifecycle.ts).
 *
 * Feishu: the "小程序 App 函数" page documents App's hooks; no page for tt.onAppShow, tt.onError,
 * tt.onPageNotFound or their off* twins was found, nor are they in the 2025-08-01 API overview. Their shape
 * and timing follow the WeChat-compatible family ("该事件与 App.onShow 的回调时机一致").
 */
import { docs, GADGET_ONLY } from './sources.js';
import { assumed, documented, inferred } from '../types.js';
import { defineListenerApis } from './listener-spec.js';

const appDocs = {
  app: 'Feishu "小程序 App 函数" (…/client-docs/gadget/framework/framework-interface/launching-apps, updated 2023-08-25)',
  family: 'WeChat-compatible family: wx.onAppShow / onAppHide / onError / onPageNotFound ("该事件与 App.on… 的回调时机一致", same arguments)',
} as const;

const support = { matrix: GADGET_ONLY, provenance: assumed(`no Feishu page found and not in ${docs.overview}; gadgets only, as App() is (${appDocs.app})`) };

export const [onAppShow, offAppShow] = defineListenerApis('appShow', {
  summary: 'listener({ path, query, scene }) runs when the app is shown, as App.onShow.',
  doc: appDocs.family,
  support,
  behaviours: [
    { id: 'with-app-onshow', platforms: 'all', text: 'Runs right after App.onShow with the same object { path, query, scene }: at launch (a listener added in app.js hears it; scene 1000) and whenever the app comes back from the background: the simulator page becomes visible again, or the automation\'s showApp() (path and query of the current page; App.onShow and these listeners run before the page\'s onShow).', provenance: inferred(`${appDocs.family}; ${appDocs.app}: onShow "当小程序启动，或从后台进入前台显示"`) },
  ],
});

export const [onAppHide, offAppHide] = defineListenerApis('appHide', {
  summary: 'listener() runs when the app goes to the background, as App.onHide.',
  doc: appDocs.family,
  support,
  behaviours: [
    { id: 'with-app-onhide', platforms: 'all', text: 'Runs right after App.onHide, with no argument, when the app goes to the background: the simulator page is hidden (its browser tab or window), or the automation\'s hideApp(); the current page\'s onHide runs first.', provenance: inferred(`${appDocs.family}; ${appDocs.app}: onHide "当小程序从前台进入后台"`) },
  ],
});

export const [onError, offError] = defineListenerApis('error', {
  summary: 'listener(error) gets the message and stack of an uncaught script error, as App.onError.',
  doc: appDocs.family,
  support,
  behaviours: [
    { id: 'uncaught-errors', platforms: 'all', text: 'Runs right after App.onError with one string, the error\'s name, message and stack (positions mapped to the package\'s files), for every error ttsim reports: a throw in a page or component handler, lifecycle hook or setData callback, a module that fails to load, an uncaught error in a timer. A listener that throws is logged, not reported again.', provenance: inferred(`${appDocs.family}: wx.onError(string error) "错误信息，包含堆栈"`) },
    { id: 'api-failures-not-errors', platforms: 'all', text: 'Feishu\'s App page says onError also fires when an API call fails; ttsim does not do that: a failed call reaches its fail callback (or rejects) only.', provenance: documented(`${appDocs.app}: onError "当小程序发生脚本错误，或者 API 调用失败时"; ttsim's departure is assumed (WeChat clients do not call it for failed calls)`) },
  ],
});

export const [onPageNotFound, offPageNotFound] = defineListenerApis('pageNotFound', {
  summary: 'listener({ path, query, isEntryPage }) runs when a page to open is not in app.json, as App.onPageNotFound.',
  doc: appDocs.app,
  support,
  behaviours: [
    { id: 'entry-page', platforms: 'all', text: 'Runs right after App.onPageNotFound with { path, query, isEntryPage: true } when the page the app opens with is not in app.json pages; when a hook or listener exists ttsim then opens nothing and waits for it to redirect (tt.redirectTo / reLaunch / switchTab).', provenance: documented(`${appDocs.app}: onPageNotFound "当要打开的页面并不存在时" with path, query, isEntryPage`) },
    { id: 'navigation-target', platforms: 'all', text: 'Also runs, with isEntryPage: false, when navigateTo / redirectTo / reLaunch / switchTab name a page that is not in app.json pages; the navigation still fails with 104.', provenance: assumed(`${appDocs.app} says "要打开的页面并不存在时" without naming the route APIs; Alipay documents route API failures as not firing, WeChat does not say`) },
  ],
});
