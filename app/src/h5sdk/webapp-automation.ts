/**
 * How a web app answers the host's requests of devtools and automation (guestOps). A web app's page is its
 * document: its path is the document's path in the package, its root the body, its data what the address
 * bar and title say. Gadget-only operations fail with a message that names what to use instead.
 */
import type { FailResult, SuccessResult } from '../../../emulator-api/src/common/callbacks.js';
import { notEmulatedFail } from '../../../emulator-api/src/common/fail-result.js';
import type { GuestAutomation } from '../../../emulator-api/src/protocol/messages.js';
import type { GuestCore } from '../runtime/guest-core.js';
import { createInputReplay } from '../runtime/input-replay.js';

const GADGET_ONLY = (what: string, instead: string) => new Error(`${what} applies to gadget pages; a web app's page is its document: ${instead}`);

/** The document's path under the guest base (/g/<session>/<token>/index.html → index.html). */
export function documentPath(base: string, pathname = location.pathname): string {
  return pathname.startsWith(base) ? decodeURIComponent(pathname.slice(base.length)) || 'index.html' : pathname;
}

export function webAppAutomation(core: GuestCore, base: string, jssdkTt: () => Record<string, unknown> | undefined): GuestAutomation {
  const query = () => Object.fromEntries(new URLSearchParams(location.search));
  const data = () => ({ title: document.title, path: documentPath(base), query: query(), hash: location.hash });
  // Live compare: the user's taps and typing out, another profile's in (a link's tap loads the same document there too).
  const inputs = createInputReplay(document, () => documentPath(base), core.emit);
  return {
    reportInput: ({ on }) => {
      inputs.report(on);
      return null;
    },
    replayInput: ({ input, from }) => inputs.replay(input, from),
    whenIdle: async ({ painted }) => {
      await core.whenIdle({ painted: painted ?? true });
      return null;
    },
    currentPage: () => ({ kind: 'webapp', path: documentPath(base), query: query(), root: 'body' }),
    pageData: ({ path }) => (path === undefined ? data() : (data() as Record<string, unknown>)[path]),
    setPageData: () => {
      throw GADGET_ONLY('setData', "change it with the page's own code, or through sim.frame() (a Playwright Frame: evaluate, fill, click)");
    },
    pageStack: () => [documentPath(base)],
    modal: () => core.ui.current(),
    answerDialog: ({ answer }) => core.ui.answer(answer),
    callTT: async ({ api, params }) => {
      const tt = jssdkTt();
      if (!tt) throw new Error("this page has not loaded Feishu's JSSDK, so window.tt is undefined, as it would be in Feishu: add its <script> tag");
      const fn = tt[api] as ((p: unknown) => Promise<SuccessResult | FailResult>) | undefined;
      if (typeof fn !== 'function') return notEmulatedFail(api);
      return fn(params).catch((fail: FailResult) => fail);
    },
    navigate: ({ method }) => {
      throw GADGET_ONLY(`tt.${method}`, 'go to another document with sim.frame().goto(url), or follow a link as a user would');
    },
    domSelector: ({ selector }) => selector,
    setAppVisible: () => {
      throw GADGET_ONLY('App.onShow / onHide', "a web app has no App lifecycle; its document hears 'visibilitychange' when the Playwright page is hidden");
    },
  };
}
