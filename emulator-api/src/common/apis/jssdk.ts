/**
 * h5sdk.config for web apps: the JSSDK's authentication step, run by the host so that a session (or a test)
 * decides which signatures pass. Not a tt.* API: the guest's h5sdk calls it over the bridge.
 */
import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { Errno } from '../errors.js';
import { apisWithoutConfig, listInWords } from '../jssdk.js';
import { assumed, documented } from '../types.js';
import { ANY_VERSION, docs } from './sources.js';

export const h5sdkConfig = defineApi({
  name: 'h5sdk.config',
  errMsgName: 'config',
  style: 'async',
  summary: 'Authenticates a web-app page (appId, timestamp, nonceStr, signature); JSAPIs work after it.',
  doc: docs.jssdk,
  params: z.strictObject({
    appId: z.string().min(1),
    timestamp: z.union([z.string(), z.number()]),
    nonceStr: z.string().min(1),
    signature: z.string().min(1),
    jsApiList: z.array(z.string()).optional(),
  }),
  result: z.strictObject({}),
  support: {
    matrix: { gadget: { android: null, ios: null, pc: null, harmony: null }, webapp: { android: ANY_VERSION, ios: ANY_VERSION, pc: ANY_VERSION, harmony: '7.35.0' } },
    provenance: assumed(`${docs.jssdk} dates this authentication flow 5.1.0+; what older clients did is not documented, so ttsim runs config on every web-app client (Harmony from 7.35.0)`),
  },
  behaviours: [
    { id: 'any-signature', platforms: 'all', text: 'ttsim cannot verify a signature without the app\'s secret: every signature passes unless the session is told to reject it (all, or listed ones).', provenance: assumed('ttsim: no app secret to verify with') },
    { id: 'apis-after-config', platforms: 'all', text: `JSAPIs other than ${listInWords(apisWithoutConfig)} fail with errno 105 until config has succeeded.`, provenance: documented(`${docs.jssdk} (errno 105 assumed)`) },
  ],
  failures: [
    { errno: Errno.jssdkConfigFailed, when: 'the session rejects the signature', provenance: assumed(`${docs.jssdk}: Feishu lists 2601001 / 2601002 for config failures; which one a bad signature gives is not known to ttsim`) },
    { errno: Errno.invalidParameter, when: 'appId, timestamp, nonceStr or signature is missing', provenance: assumed(docs.errno) },
  ],
});
