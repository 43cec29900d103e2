/**
 * ttsim's stand-in for Feishu's JSSDK in a web app: `window.h5sdk` (config / ready / error) and
 * `window.tt` over the same bridge as gadgets, under the web-app column of the support matrix.
 * Loaded synchronously at the top of the page's <head>; h5sdk and tt appear where the page's own JSSDK
 * <script> tag stood (the server replaces that tag), and stay undefined on a page that never loads it.
 */
import { Bridge, guestBaseFromScript } from '../runtime/bridge.js';
import { startGuestCore } from '../runtime/guest-core.js';
import { webAppAutomation } from './webapp-automation.js';
import { createH5sdk } from './h5sdk.js';
import type { BootPayload } from '../../../emulator-api/src/protocol/messages.js';

const base = guestBaseFromScript(document.currentScript);
const request = new XMLHttpRequest();
request.open('GET', `${base}__ttsim__/boot.json`, false);
request.send();
const boot = JSON.parse(request.responseText) as BootPayload;
const bridge = Bridge.connect(base);
const core = startGuestCore(boot, bridge);
const h5 = createH5sdk(core);
let jssdkLoaded = false;
bridge.answerAutomation(webAppAutomation(core, base, () => (jssdkLoaded ? h5.tt : undefined)));
Object.assign(window, {
  // The page's own JSSDK <script> tag was replaced by a call to this (main/src/node/webapp-html.ts).
  __ttsimJssdk: (src: string) => {
    if (!jssdkLoaded) Object.assign(window, { h5sdk: h5.h5sdk, tt: h5.tt });
    jssdkLoaded = true;
    core.emit({ kind: 'ui', what: 'h5sdk.loaded', detail: { src, servedBy: 'ttsim' } });
  },
});
document.addEventListener('DOMContentLoaded', () => {
  if (!jssdkLoaded) console.warn("this page does not load Feishu's JSSDK (<script src=\"…/h5-js-sdk-<version>.js\">): window.h5sdk and window.tt stay undefined, as they would in Feishu");
});
