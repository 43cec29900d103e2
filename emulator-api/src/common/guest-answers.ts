/**
 * What the guest answers itself from values the host worked out for its profile at launch (boot payload),
 * as a client answers from its own build, instead of a round trip to the host per call: canIUse's table
 * (support.ts canIUseAnswers) and getSystemInfo's result. Each answer is still recorded in the host's event
 * stream, with the rules the host would apply and the one that says where it was answered. Apart from the
 * registry, so the guest bundle takes no schemas.
 */

/** The ids of canIUse's behaviour rules (apis/system.ts), which every answer applies wherever it is given. */
export const canIUseRuleIds = { schemaForms: 'schema-forms', registryAnswers: 'registry-answers', guestTable: 'guest-answer-table' } as const;

/** The rule getSystemInfo and getSystemInfoSync add when the guest answered them (apis/system.ts). */
export const SYSTEM_INFO_IN_GUEST = 'answered-in-guest';

/** getSystemInfo's answer for a profile: the result, the rules it applied, and which of the two APIs the profile supports. */
export interface SystemInfoAnswer {
  readonly value: Readonly<Record<string, unknown>>;
  readonly rules: readonly string[];
  readonly apis: readonly ('getSystemInfo' | 'getSystemInfoSync')[];
}
