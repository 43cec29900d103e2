/**
 * The calls the guest answers itself from what the host worked out for its profile at launch (boot
 * payload; emulator-api/src/common/guest-answers.ts), as a client answers from its own build: canIUse for
 * the schema forms the registry lists, and getSystemInfo / getSystemInfoSync. A synchronous round trip
 * costs 5 to 25 ms, and gadgets ask both at launch. Anything else (another schema string, parameters, a
 * profile without the API) and every call of an API a test mocks goes to the host as before. Each answer is
 * still recorded in the host's event stream (batched), with the rules the host would apply.
 */
import { argumentProblem, deliver, isEmptyObject, splitCallbacks } from '../../../emulator-api/src/common/callbacks.js';
import { canIUseRuleIds as ids, type SystemInfoAnswer } from '../../../emulator-api/src/common/guest-answers.js';
import type { GuestApi } from '../../../emulator-api/src/protocol/messages.js';
import type { Bridge } from './bridge.js';

export interface GuestAnswerOptions {
  readonly bridge: Bridge;
  readonly onCallbackError: (api: string, error: unknown) => void;
  /** The generic bridge versions, for what the answers do not cover. */
  readonly syncViaHost: (api: GuestApi) => (...args: unknown[]) => unknown;
  readonly viaHost: (api: GuestApi) => (arg?: unknown) => unknown;
  /** canIUse's table for this profile. */
  readonly canIUse: Readonly<Record<string, boolean>>;
  readonly systemInfo: SystemInfoAnswer;
}

/** Replacements for the canIUse and getSystemInfo entries of the boot list, by name. */
export function guestAnswers(apis: readonly GuestApi[], options: GuestAnswerOptions): Record<string, unknown> {
  const { bridge } = options;
  const byName = new Map(apis.map((api) => [api.name, api]));
  const out: Record<string, unknown> = {};
  const record = (api: string, params: unknown, result: { errMsg: string } & Record<string, unknown>, rules: readonly string[]) =>
    bridge.recordOutcome({ api, params, result, rules: [...rules], startedAt: Date.now(), durationMs: 0 });

  const canIUse = byName.get('canIUse');
  if (canIUse) {
    const remote = options.syncViaHost(canIUse);
    out.canIUse = (...args: unknown[]) => {
      const schema = args[0];
      if (typeof schema !== 'string' || !Object.hasOwn(options.canIUse, schema) || bridge.mocked.has(canIUse.name)) return remote(...args);
      const value = options.canIUse[schema]!;
      record(canIUse.name, { schema }, { errMsg: 'canIUse:ok', value }, [ids.schemaForms, ids.registryAnswers, ids.guestTable]);
      return value;
    };
  }

  const { systemInfo } = options;
  const getSystemInfo = byName.get('getSystemInfo');
  if (getSystemInfo && systemInfo.apis.includes('getSystemInfo')) {
    const remote = options.viaHost(getSystemInfo);
    out.getSystemInfo = (arg?: unknown) => {
      const split = splitCallbacks(arg);
      if (argumentProblem(split) || !isEmptyObject(split.params) || bridge.mocked.has(getSystemInfo.name)) return remote(arg);
      // The record keeps the host's values; the gadget gets its own copy to change.
      record(getSystemInfo.name, {}, { errMsg: 'getSystemInfo:ok', ...systemInfo.value }, systemInfo.rules);
      return deliver(Promise.resolve({ errMsg: 'getSystemInfo:ok', ...structuredClone(systemInfo.value) }), split.callbacks, (error) => options.onCallbackError(getSystemInfo.name, error));
    };
  }
  const getSystemInfoSync = byName.get('getSystemInfoSync');
  if (getSystemInfoSync && systemInfo.apis.includes('getSystemInfoSync')) {
    const remote = options.syncViaHost(getSystemInfoSync);
    out.getSystemInfoSync = (...args: unknown[]) => {
      if (args.length > 0 || bridge.mocked.has(getSystemInfoSync.name)) return remote(...args);
      record(getSystemInfoSync.name, {}, { errMsg: 'getSystemInfoSync:ok', value: systemInfo.value }, systemInfo.rules);
      return structuredClone(systemInfo.value);
    };
  }
  return out;
}
