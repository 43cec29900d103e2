/** Rules that hold for every API: Feishu's standard object input / output as ttsim models it. */
import type { BehaviourRule } from './api-spec.js';
import { assumed, documented, inferred } from './types.js';
import { docs } from './apis/sources.js';

export const standardIoRules: readonly BehaviourRule[] = [
  { id: 'callbacks', platforms: 'all', text: 'An async API takes one object with its fields plus success / fail / complete; complete runs after either.', provenance: documented(docs.standardIO) },
  { id: 'ok-errmsg', platforms: 'all', text: 'success results carry errMsg "<api>:ok".', provenance: documented(docs.standardIO) },
  { id: 'fail-errmsg', platforms: 'all', text: 'fail results carry errMsg "<api>:fail <detail>", errno and errString.', provenance: inferred(`errno and errString from ${docs.errno}; the "<api>:fail <detail>" text is the Douyin family's`) },
  { id: 'errno-before-5-15', platforms: 'all', text: 'Feishu sends errno from client 5.15; ttsim sends errno on older clients too (they sent errCode, whose numbers ttsim does not model).', provenance: assumed(`errno "from V5.15" is in ${docs.errno}`) },
  { id: 'promise', platforms: 'all', text: 'With no callback the call returns a Promise that resolves with the success result and rejects with the fail result.', provenance: assumed('not documented for Feishu; WeChat and Douyin do it') },
  { id: 'strict-params', platforms: 'all', text: 'Unknown parameters and wrong types fail with errno 104 and say which field to fix.', provenance: assumed('ttsim is stricter than a client, which most likely ignores unknown keys: a typo should not pass unnoticed') },
  { id: 'not-supported', platforms: 'all', text: 'On a client below the API\'s minimum version, or an app kind / platform without it, the call fails with errno 103 and canIUse answers false.', provenance: documented(docs.errno) },
];
