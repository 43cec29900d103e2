/**
 * The device's network status: getNetworkType runs on the host, which holds the session's network policy
 * (online, offline or an allow-list); onNetworkStatusChange listeners live in the guest and hear the host's
 * `networkStatusChange` event when that policy changes (HostSession.setNetwork, sim.setNetwork).
 */
import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { assumed, documented, inferred, type SupportMatrix } from '../types.js';
import { ANY_VERSION } from './sources.js';
import { defineListenerApis } from './listener-spec.js';

const networkDocs = {
  getNetworkType: 'Feishu client API "getNetworkType" (…/device/network-status/getnetworktype, updated 2025-01-21)',
  onNetworkStatusChange: 'Feishu client API "onNetworkStatusChange" (…/device/network-status/onnetworkstatuschange, updated 2025-01-21; it describes offNetworkStatusChange too)',
} as const;

const networkType = z.enum(['wifi', '2g', '3g', '4g', 'unknown', 'none', 'connected']);

const policyRule = {
  id: 'from-policy',
  platforms: ['android', 'ios', 'harmony'] as const,
  text: 'Answered from the session\'s network policy: online or an allow-list gives "wifi", slow gives "3g", offline gives "none".',
  provenance: assumed(`${networkDocs.getNetworkType} lists the values; a simulator on a desktop's network answers "wifi"`),
};
const pcRule = {
  id: 'pc-connected',
  platforms: ['pc'] as const,
  text: 'On PC the answer is "connected" (online or an allow-list) or "none" (offline): the only two values Feishu\'s PC client returns.',
  provenance: documented(`${networkDocs.getNetworkType}: "PC 端仅支持 connected 和 none 两种类型"`),
};

export const getNetworkType = defineApi({
  name: 'getNetworkType',
  style: 'async',
  summary: 'The network type: "wifi" online, "none" offline (PC: "connected" / "none"), from the session\'s network policy.',
  doc: networkDocs.getNetworkType,
  params: z.strictObject({}),
  result: z.strictObject({ networkType }),
  support: {
    matrix: {
      gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' },
      webapp: { android: '3.44.0', ios: '3.44.0', pc: '3.47.0', harmony: '7.35.0' },
    },
    provenance: documented(networkDocs.getNetworkType),
  },
  behaviours: [policyRule, pcRule],
  failures: [],
});

/** Gadgets and web apps on phones and Harmony; never on PC. */
const statusChangeMatrix: SupportMatrix = {
  gadget: { android: ANY_VERSION, ios: ANY_VERSION, pc: null, harmony: '7.35.0' },
  webapp: { android: '7.7.0', ios: '7.7.0', pc: null, harmony: '7.35.0' },
};

export const [onNetworkStatusChange, offNetworkStatusChange] = defineListenerApis('networkStatusChange', {
  summary: 'listener({ isConnected, networkType }) runs when the network status changes.',
  doc: networkDocs.onNetworkStatusChange,
  support: { matrix: statusChangeMatrix, provenance: documented(`${networkDocs.onNetworkStatusChange}; offNetworkStatusChange has no page of its own and shares the matrix (inferred)`) },
  behaviours: [
    { id: 'status-change', platforms: 'all', text: 'Fires with { isConnected, networkType } (networkType as getNetworkType answers) when the session\'s network policy changes what getNetworkType would answer: sim.setNetwork(\'offline\') gives { isConnected: false, networkType: \'none\' }, back online { isConnected: true, networkType: \'wifi\' }. Switching between online and an allow-list changes nothing, so nothing fires.', provenance: inferred(`${networkDocs.onNetworkStatusChange} (the payload); when ttsim fires it is assumed`) },
  ],
});
