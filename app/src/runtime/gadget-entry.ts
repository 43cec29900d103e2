/** The gadget runtime's bundle entry (dist/web/guest-gadget.js). */
import { Bridge, guestBaseFromScript } from './bridge.js';
import { startGadget } from './gadget/gadget-runtime.js';

const base = guestBaseFromScript(document.currentScript);
void Bridge.open(base).then(({ bridge, boot }) => startGadget(base, boot, bridge));
