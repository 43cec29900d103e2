import { z } from 'zod';
import { defineApi, everywhereFrom } from '../api-spec.js';
import type { SupportMatrix } from '../types.js';
import { Errno } from '../errors.js';
import { assumed, documented, inferred } from '../types.js';
import { ANY_VERSION, docs } from './sources.js';
import { canIUseRuleIds, SYSTEM_INFO_IN_GUEST } from '../guest-answers.js';

const systemInfo = z.strictObject({
  brand: z.string(),
  model: z.string(),
  pixelRatio: z.number(),
  screenWidth: z.number(),
  screenHeight: z.number(),
  windowWidth: z.number(),
  windowHeight: z.number(),
  statusBarHeight: z.number(),
  language: z.string(),
  version: z.string(),
  system: z.string(),
  platform: z.string(),
  SDKVersion: z.string(),
  fontSizeSetting: z.number(),
  appName: z.string(),
  theme: z.enum(['light', 'dark']),
  deviceType: z.enum(['phone', 'tablet', 'pc', 'other']).optional(),
  safeArea: z.object({ left: z.number(), right: z.number(), top: z.number(), bottom: z.number(), width: z.number(), height: z.number() }),
});

const systemInfoRules = [
  { id: 'platform-values', platforms: 'all', text: 'platform is ios, android, darwin (Mac), windows_nt (Windows) or openharmony; brand and model are "PC" on PC.', provenance: documented(docs.getSystemInfo) },
  { id: 'version-is-client', platforms: 'all', text: 'version is the profile\'s client version; appName is "Feishu".', provenance: documented(docs.getSystemInfo) },
  { id: 'sdk-version', platforms: 'all', text: 'SDKVersion is the gadget base library version; ttsim reports "<client>.0" since the mapping from client to base library is not published.', provenance: assumed('the doc describes SDKVersion as "客户端基础库版本" without the mapping') },
  { id: SYSTEM_INFO_IN_GUEST, platforms: 'all', text: 'In the simulator the gadget answers from the values the host worked out for its profile at launch, with no round trip; the values and rules are the ones the host gives.', provenance: assumed('ttsim design: gadgets read the system info at launch, often with the Sync twin, a synchronous round trip of 5 to 25 ms') },
  { id: 'device-type', platforms: ['android', 'ios', 'harmony'], text: 'deviceType (phone / tablet / pc / other) is returned on Android, iOS and Harmony from client 7.47.0 and never on PC.', provenance: documented(docs.getSystemInfo) },
] as const;

const gadgetEverywhere = { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' };
const getSystemInfoMatrix: SupportMatrix = { gadget: gadgetEverywhere, webapp: { android: '3.43.0', ios: '3.43.0', pc: '3.47.0', harmony: '7.35.0' } };
const getSystemInfoSyncMatrix: SupportMatrix = { gadget: gadgetEverywhere, webapp: { android: null, ios: null, pc: null, harmony: null } };

export const getSystemInfo = defineApi({
  name: 'getSystemInfo',
  style: 'async',
  summary: 'Device and client facts from the session\'s profile.',
  doc: docs.getSystemInfo,
  params: z.strictObject({}),
  result: systemInfo,
  support: { matrix: getSystemInfoMatrix, provenance: documented(docs.getSystemInfo) },
  behaviours: [...systemInfoRules],
  failures: [],
});

export const getSystemInfoSync = defineApi({
  name: 'getSystemInfoSync',
  style: 'sync',
  summary: 'getSystemInfo, returned directly.',
  doc: docs.getSystemInfo,
  params: z.strictObject({}),
  result: systemInfo,
  support: { matrix: getSystemInfoSyncMatrix, provenance: documented(`${docs.getSystemInfo}: "该接口仅支持小程序调用" (gadgets only)`) },
  behaviours: [...systemInfoRules],
  failures: [],
});

export const canIUse = defineApi({
  name: 'canIUse',
  style: 'sync',
  positional: ['schema'],
  summary: 'Answers whether an API, parameter, option or result field is available on this client.',
  doc: docs.canIUse,
  params: z.strictObject({ schema: z.string() }),
  result: z.boolean(),
  support: { matrix: everywhereFrom(ANY_VERSION), provenance: assumed(docs.canIUse) },
  behaviours: [
    { id: canIUseRuleIds.schemaForms, platforms: 'all', text: 'Accepts ${API}, ${API}.object.${param}, ${API}.object.${param}.${option} and ${API}.success.${field}; false below the minimum client version, on an unsupported platform or app kind, and for names it does not know.', provenance: documented(docs.canIUse) },
    { id: canIUseRuleIds.registryAnswers, platforms: 'all', text: 'Answers come from ttsim\'s API registry: an API that ttsim does not emulate answers false.', provenance: inferred('ttsim fails such calls with 103, as a client without the API would') },
    { id: canIUseRuleIds.guestTable, platforms: 'all', text: 'In the simulator the gadget answers the schema forms above from a table of the registry\'s answers for its profile, sent at launch, as a client answers from its own build; any other string is asked of the host. The answers are the same either way.', provenance: assumed('ttsim design: a synchronous round trip to the host costs 5 to 25 ms, and gadgets call canIUse at launch') },
  ],
  failures: [{ errno: Errno.invalidParameter, when: 'schema is not a string', provenance: assumed(docs.errno) }],
});
