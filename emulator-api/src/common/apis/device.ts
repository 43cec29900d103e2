/**
 * Device APIs that have no effect a simulator can show beyond recording them: the clipboard (a per-session
 * clipboard, never the desktop's), vibration and phone calls.
 */
import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { assumed, inferred, type SupportMatrix } from '../types.js';
import { ANY_VERSION, docs } from './sources.js';

const everywhere: SupportMatrix = {
  gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' },
  webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
};
const phonesOnly: SupportMatrix = {
  gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: null, harmony: '7.35.0' },
  webapp: { android: '3.44.0', ios: '3.44.0', pc: null, harmony: '7.35.0' },
};
const notRead = (what: string) => assumed(`${docs.overview}: ttsim has not read the ${what} page; ${what === 'clipboard' ? 'rows follow the media APIs' : 'a PC has no vibration motor or phone'}`);
const recorded = { id: 'recorded', platforms: 'all' as const, text: 'Nothing happens on the desktop: the call is recorded in the event stream for tests and the devtools to see.', provenance: assumed('ttsim: a desktop simulator has nothing to hand the call to') };

export const setClipboardData = defineApi({
  name: 'setClipboardData', style: 'async', summary: 'Puts text on the session\'s clipboard.', doc: docs.overview,
  params: z.strictObject({ data: z.string() }), result: z.strictObject({}),
  support: { matrix: everywhere, provenance: notRead('clipboard') },
  behaviours: [{ id: 'session-clipboard', platforms: 'all', text: 'Each session has its own clipboard, empty at start; the desktop clipboard is never read or written.', provenance: assumed('ttsim isolation') }],
  failures: [{ errno: Errno.invalidParameter, when: 'data is not a string', provenance: inferred('WeChat-compatible family') }],
});
export const getClipboardData = defineApi({
  name: 'getClipboardData', style: 'async', summary: 'Reads the session\'s clipboard.', doc: docs.overview,
  params: z.strictObject({}), result: z.strictObject({ data: z.string() }),
  support: { matrix: everywhere, provenance: notRead('clipboard') },
  behaviours: [{ id: 'session-clipboard', platforms: 'all', text: 'Each session has its own clipboard, empty at start; the desktop clipboard is never read or written.', provenance: assumed('ttsim isolation') }],
  failures: [],
});
export const vibrateShort = defineApi({
  name: 'vibrateShort', style: 'async', summary: 'A short vibration (recorded).', doc: docs.overview,
  params: z.strictObject({ type: z.enum(['heavy', 'medium', 'light']).optional() }), result: z.strictObject({}),
  support: { matrix: phonesOnly, provenance: notRead('vibrateShort') },
  behaviours: [recorded], failures: [],
});
export const makePhoneCall = defineApi({
  name: 'makePhoneCall', style: 'async', summary: 'Asks to call phoneNumber (recorded).', doc: docs.overview,
  params: z.strictObject({ phoneNumber: z.string().min(1) }), result: z.strictObject({}),
  support: { matrix: phonesOnly, provenance: notRead('makePhoneCall') },
  behaviours: [recorded],
  failures: [{ errno: Errno.invalidParameter, when: 'phoneNumber is empty', provenance: inferred('WeChat-compatible family') }],
});
