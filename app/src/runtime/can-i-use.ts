/**
 * tt.canIUse in the guest: the schema forms the registry lists are answered from the table the host sent
 * at launch (boot payload: the registry's answers for this profile), as a client answers from its own
 * build; any other string, and every call while a test mocks canIUse, is asked of the host. A synchronous
 * round trip costs 5 to 25 ms and gadgets call canIUse at launch. Each answer is still recorded in the
 * host's event stream (batched), with the rules the host would apply.
 */
import { canIUseRuleIds as ids } from '../../../emulator-api/src/common/can-i-use-rules.js';
import type { GuestApi } from '../../../emulator-api/src/protocol/messages.js';
import type { Bridge } from './bridge.js';

export function canIUseApi(
  table: Readonly<Record<string, boolean>>,
  options: { readonly bridge: Bridge; readonly syncViaHost: (api: GuestApi) => (...args: unknown[]) => unknown },
  api: GuestApi | undefined,
): Record<string, unknown> {
  if (!api) return {};
  const remote = options.syncViaHost(api);
  const canIUse = (...args: unknown[]) => {
    const schema = args[0];
    if (typeof schema !== 'string' || !Object.hasOwn(table, schema) || options.bridge.mocked.has(api.name)) return remote(...args);
    const value = table[schema]!;
    options.bridge.recordOutcome({ api: api.name, params: { schema }, result: { errMsg: 'canIUse:ok', value }, rules: [ids.schemaForms, ids.registryAnswers, ids.guestTable], startedAt: Date.now(), durationMs: 0 });
    return value;
  };
  return { [api.name]: canIUse };
}
