/**
 * What the gadget runtime's page (main/src/node/pages.ts) hands the runtime before it runs.
 *
 * Its bridge socket: a small inline script at the top of the page's <head> opens it and says hello as soon
 * as it is open, while the runtime's script is still parsed and compiled; the runtime's Bridge adopts the
 * socket and the messages that came first. Opened by the runtime instead, the socket's open event waited
 * behind the first page's launch, and the host heard the guest connect and render some 30 ms later.
 *
 * Its boot payload: inline JSON in a script element.
 */
import type { GuestToHost } from './messages.js';
import { PROTOCOL_VERSION } from './version.js';

/** The id of the script element that holds the boot payload (JSON); the runtime reads and removes it. */
export const BOOT_ELEMENT_ID = 'ttsim-boot';

/** Where the inline script leaves the socket for the runtime: { socket, early: messages so far, stop() }. */
export const EARLY_SOCKET_GLOBAL = '__ttsimEarlySocket';

/** A guest's first message on its socket: who it is and which protocol it speaks. */
export const guestHello = (): string => JSON.stringify({ t: 'hello', protocol: PROTOCOL_VERSION, role: 'guest' } satisfies GuestToHost);

/** The inline script, for a document served at …/__ttsim__/<page>.html (its socket is …/__ttsim__/ws). */
export function earlySocketScript(): string {
  return `(function () {
  var url = new URL('ws', location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  var socket = new WebSocket(url), early = [];
  function keep(event) { early.push(String(event.data)); }
  socket.addEventListener('open', function () { socket.send(${JSON.stringify(guestHello())}); });
  socket.addEventListener('message', keep);
  window.${EARLY_SOCKET_GLOBAL} = { socket: socket, early: early, stop: function () { socket.removeEventListener('message', keep); } };
})();`;
}
