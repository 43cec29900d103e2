/**
 * ttsim's stand-in for Feishu's JSSDK in a web app: `window.h5sdk` (config / ready / error) and
 * `window.tt` over the same bridge as gadgets, under the web-app column of the support matrix.
 * Loaded synchronously at the top of the page's <head>, so both exist before the page's own scripts.
 */
import { Bridge, guestBaseFromScript } from '../runtime/bridge.js';
import { startGuestCore } from '../runtime/guest-core.js';
import { createH5sdk } from './h5sdk.js';
import type { BootPayload } from '../../../main/src/common/protocol.js';

const base = guestBaseFromScript(document.currentScript);
const request = new XMLHttpRequest();
request.open('GET', `${base}__ttsim__/boot.json`, false);
request.send();
const boot = JSON.parse(request.responseText) as BootPayload;
const bridge = Bridge.connect(base);
const core = startGuestCore(boot, bridge);
const h5 = createH5sdk(core);
Object.assign(window, { h5sdk: h5.h5sdk, tt: h5.tt, __ttsim: { whenIdle: () => core.activity.whenIdle(), modal: () => core.ui.current(), answerModal: (confirm: boolean) => core.ui.answerModal(confirm) } });
