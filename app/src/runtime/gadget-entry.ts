/** The gadget runtime's bundle entry (dist/web/guest-gadget.js, inline in the runtime's page). */
import type { BootPayload } from '../../../emulator-api/src/protocol/messages.js';
import { BOOT_ELEMENT_ID } from '../../../emulator-api/src/protocol/guest-page.js';
import { Bridge, guestBaseFromScript } from './bridge.js';
import { startGadget } from './gadget/gadget-runtime.js';

const base = guestBaseFromScript(document.currentScript);
// Started in a task of its own, once the bundle's top level has returned:
// - a stack captured while the top level runs (a WebSocket's or request's initiator, a console call, when
//   DevTools or Playwright is attached) would make V8 collect source positions for the whole bundle's
//   function first, about 80 ms of a gadget's start;
// - the bridge socket the page opened meanwhile (guest-page.ts) hears it is open first, so what the launch
//   sends goes out at once instead of after it.
setTimeout(() => {
  const element = document.getElementById(BOOT_ELEMENT_ID);
  if (!element?.textContent) throw new Error('ttsim: the runtime page has no boot payload (load it from the host, …/__ttsim__/gadget.html)');
  element.remove();
  void startGadget(base, JSON.parse(element.textContent) as BootPayload, Bridge.connect(base));
}, 0);
