/** Rules that hold for every API: Feishu's standard object input / output as ttsim models it. */
import type { BehaviourRule } from './api-spec.js';
import { assumed, documented, inferred } from './types.js';
import { docs } from './apis/sources.js';

/** Rule ids the dispatcher (call.ts) applies to any API. */
export const UNKNOWN_PARAMS_IGNORED = 'unknown-params-ignored';
export const UNKNOWN_PARAMS_STRICT = 'unknown-params-strict';
export const NOT_SUPPORTED = 'not-supported';

export const standardIoRules: readonly BehaviourRule[] = [
  { id: 'callbacks', platforms: 'all', text: 'An async API takes one object with its fields plus success / fail / complete; complete runs after either.', provenance: documented(docs.standardIO) },
  { id: 'ok-errmsg', platforms: 'all', text: 'success results carry errMsg "<api>:ok".', provenance: documented(docs.standardIO) },
  { id: 'fail-errmsg', platforms: 'all', text: 'fail results carry errMsg "<api>:fail <detail>", errno and errString.', provenance: inferred(`errno and errString from ${docs.errno}; the "<api>:fail <detail>" text is the Douyin family's`) },
  { id: 'errno-before-5-15', platforms: 'all', text: 'Feishu sends errno from client 5.15; ttsim sends errno on older clients too (they sent errCode, whose numbers ttsim does not model).', provenance: assumed(`errno "from V5.15" is in ${docs.errno}`) },
  { id: 'promise', platforms: 'all', text: 'With no callback the call returns a Promise that resolves with the success result and rejects with the fail result.', provenance: assumed('not documented for Feishu; WeChat and Douyin do it') },
  { id: 'param-types', platforms: 'all', text: 'A known parameter of the wrong type, out of range or missing when required fails with errno 104 and the message says which field to fix.', provenance: assumed(`errno 104 "invalid parameter" is in ${docs.errno}; which checks a client makes is not documented`) },
  { id: UNKNOWN_PARAMS_IGNORED, platforms: 'all', text: 'A parameter the API does not have (a WeChat-only option such as compressImage\'s compressedWidth, or a typo) is dropped and the call goes on, as a client that reads only the fields it knows; the call record\'s warnings name it, with "did you mean" when it is close to a known one.', provenance: assumed('Feishu documents no check of unknown fields; a JavaScript bridge reads the fields it knows and ignores the rest') },
  { id: UNKNOWN_PARAMS_STRICT, platforms: 'all', text: 'With the session option strict (createSession({ strict: true }), ttsim --strict) an unknown parameter fails with errno 104 instead, with "did you mean": a lint for code meant to run on Feishu only.', provenance: assumed('a ttsim option, not a client behaviour') },
  { id: NOT_SUPPORTED, platforms: 'all', text: 'On a client below the API\'s minimum version, or an app kind / platform without it, the call fails with errno 103 and canIUse answers false; the record names the API\'s support matrix and its provenance.', provenance: documented(docs.errno) },
];


/** A standard rule by id. */
export function standardRule(id: string): BehaviourRule | undefined {
  return standardIoRules.find((rule) => rule.id === id);
}
