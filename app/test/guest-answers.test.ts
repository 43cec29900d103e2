/**
 * The guest answers canIUse (the registry's schema forms) and getSystemInfo from what the host worked out
 * for its profile, with no round trip, and records each answer as the host would; anything else, and every
 * call of an API a test mocks, goes to the host.
 */
import { describe, expect, it } from 'vitest';
import { sideOf } from '../../emulator-api/src/common/api-spec.js';
import { recordGuestCall, type CallRecord } from '../../emulator-api/src/common/call.js';
import { createProfile, type ProfileOptions } from '../../emulator-api/src/common/profiles.js';
import { findApi, listApis } from '../../emulator-api/src/common/registry.js';
import { canIUse, canIUseAnswers } from '../../emulator-api/src/common/support.js';
import type { SystemInfoAnswer } from '../../emulator-api/src/common/guest-answers.js';
import type { GuestApi, GuestCallOutcome } from '../../emulator-api/src/protocol/messages.js';
import type { Bridge } from '../src/runtime/bridge.js';
import { buildTt } from '../src/runtime/tt.js';

/** What the host sends (its test: emulator-api/test/guest-answers.test.ts): a profile's values, the rules, the APIs it has. */
const systemInfoOf = (profile: ReturnType<typeof createProfile>): SystemInfoAnswer => ({
  value: { platform: profile.platform, version: profile.client, windowWidth: profile.device.windowWidth, safeArea: { top: 1 } },
  rules: ['platform-values', 'version-is-client', 'answered-in-guest'],
  apis: profile.app === 'gadget' ? ['getSystemInfo', 'getSystemInfoSync'] : ['getSystemInfo'],
});

const apis: GuestApi[] = listApis().map((spec) => ({ name: spec.name, style: spec.style, side: sideOf(spec), ...(spec.task ? { task: spec.task } : {}) }));

function guestTt(options: ProfileOptions, mocked: string[] = []) {
  const profile = createProfile(options);
  const outcomes: GuestCallOutcome[] = [];
  const syncCalls: unknown[][] = [];
  const calls: unknown[][] = [];
  const known = {
    mocked: new Set(mocked),
    recordOutcome: (outcome: GuestCallOutcome) => outcomes.push(outcome),
    callSync: (api: string, args: readonly unknown[]) => {
      syncCalls.push([api, ...args]);
      return { ok: true, value: api === 'canIUse' ? canIUse(String(args[0]), profile) : {} };
    },
    call: (api: string, params: unknown) => {
      calls.push([api, params]);
      return Promise.resolve({ errMsg: `${api}:ok` });
    },
  };
  const bridge = new Proxy(known, { get: (target, key) => (key in target ? target[key as keyof typeof target] : () => () => undefined) }) as unknown as Bridge;
  const { tt } = buildTt({ apis, answers: { canIUse: canIUseAnswers(profile), systemInfo: systemInfoOf(profile) }, profile, bridge, guestImplementations: {}, onCallbackError: () => {}, track: (work) => work });
  return { tt, canIUse: tt.canIUse as (schema: unknown) => boolean, outcomes, syncCalls, calls, profile };
}

describe('tt.canIUse in the guest', () => {
  it("answers from the host's table, as the registry does, without a round trip", () => {
    const harmony = guestTt({ app: 'gadget', platform: 'harmony', client: '7.34.0' });
    expect(harmony.canIUse('compressImage')).toBe(false);
    const ios = guestTt({ app: 'gadget', platform: 'ios', client: '7.35.0' });
    expect(ios.canIUse('compressImage')).toBe(true);
    expect(ios.canIUse('compressImage.object.quality')).toBe(true);
    expect(harmony.syncCalls).toEqual([]);
    expect(ios.syncCalls).toEqual([]);
    expect(ios.outcomes.map((o) => [o.params, o.result])).toEqual([
      [{ schema: 'compressImage' }, { errMsg: 'canIUse:ok', value: true }],
      [{ schema: 'compressImage.object.quality' }, { errMsg: 'canIUse:ok', value: true }],
    ]);
  });

  it('records each answer with the rules the host applies, their texts and provenance resolved', () => {
    const ios = guestTt({ app: 'webapp', platform: 'pc', client: '3.46.0' });
    expect(ios.canIUse('compressImage')).toBe(false);
    const records: CallRecord[] = [];
    recordGuestCall(findApi('canIUse')!, ios.outcomes[0]!, { profile: ios.profile, hooks: { onCall: (record) => records.push(record) }, timeoutMs: 0, createContext: (base) => base });
    expect(records[0]!.rules.map((rule) => rule.id)).toEqual(['schema-forms', 'registry-answers', 'guest-answer-table']);
    expect(records[0]!.rules.every((rule) => rule.text.length > 0 && rule.provenance !== undefined)).toBe(true);
    expect(records[0]!.result).toEqual({ errMsg: 'canIUse:ok', value: false });
  });

  it('asks the host for any other string, a non-string, and while a test mocks canIUse', () => {
    const ios = guestTt({ app: 'gadget', platform: 'ios', client: '7.35.0' });
    expect(ios.canIUse('compressImage.return.tempFilePath')).toBe(canIUse('compressImage.return.tempFilePath', ios.profile));
    ios.canIUse('compresImage');
    ios.canIUse(42);
    expect(ios.syncCalls).toEqual([['canIUse', 'compressImage.return.tempFilePath'], ['canIUse', 'compresImage'], ['canIUse', 42]]);
    expect(ios.outcomes).toEqual([]);
    const mocked = guestTt({ app: 'gadget', platform: 'ios', client: '7.35.0' }, ['canIUse']);
    mocked.canIUse('compressImage');
    expect(mocked.syncCalls).toEqual([['canIUse', 'compressImage']]);
  });

  it("the table holds every schema form of every API, each the registry's answer", () => {
    for (const options of [{ app: 'gadget', platform: 'android', client: '2.0.0' }, { app: 'webapp', platform: 'harmony', client: '7.35.0' }] as const) {
      const profile = createProfile(options);
      const table = canIUseAnswers(profile);
      for (const spec of listApis()) expect(table[spec.name], spec.name).toBe(canIUse(spec.name, profile));
      for (const [schema, value] of Object.entries(table)) expect(value, schema).toBe(canIUse(schema, profile));
    }
  });
});

describe('getSystemInfo in the guest', () => {
  const record = (profile: ReturnType<typeof createProfile>, outcome: GuestCallOutcome) => {
    const records: CallRecord[] = [];
    recordGuestCall(findApi(outcome.api)!, outcome, { profile, hooks: { onCall: (r) => records.push(r) }, timeoutMs: 0, createContext: (base) => base });
    return records[0]!;
  };

  it("gives the host's values, a fresh copy each time, with its rules, to callbacks, promises and the Sync twin", async () => {
    const guest = guestTt({ app: 'gadget', platform: 'android', client: '7.47.0' });
    const expected = systemInfoOf(guest.profile).value;
    const viaPromise = await (guest.tt.getSystemInfo as () => Promise<Record<string, unknown>>)();
    expect(viaPromise).toEqual({ errMsg: 'getSystemInfo:ok', ...expected });
    const viaCallback = await new Promise((resolve) => (guest.tt.getSystemInfo as (o: object) => void)({ success: resolve }));
    expect(viaCallback).toEqual(viaPromise);
    const sync = (guest.tt.getSystemInfoSync as () => Record<string, unknown>)();
    expect(sync).toEqual(expected);
    (sync as { safeArea: { top: number } }).safeArea.top = 99;
    expect((guest.tt.getSystemInfoSync as () => typeof expected)()).toEqual(expected);
    expect(guest.calls).toEqual([]);
    expect(guest.syncCalls).toEqual([]);
    const rules = record(guest.profile, guest.outcomes[0]!).rules.map((r) => r.id);
    expect(rules).toEqual(['platform-values', 'version-is-client', 'answered-in-guest']);
    expect(record(guest.profile, guest.outcomes[2]!).result).toEqual({ errMsg: 'getSystemInfoSync:ok', value: expected });
  });

  it('leaves to the host what it would refuse or a test mocks: parameters, a profile without the API', () => {
    const guest = guestTt({ app: 'gadget', platform: 'ios', client: '7.35.0' }, ['getSystemInfoSync']);
    void (guest.tt.getSystemInfo as (o: object) => unknown)({ extra: 1 });
    (guest.tt.getSystemInfoSync as () => unknown)();
    expect(guest.calls).toEqual([['getSystemInfo', { extra: 1 }]]);
    expect(guest.syncCalls).toEqual([['getSystemInfoSync']]);
    // Web apps have no getSystemInfoSync (gadgets only): the host fails it with 103, as a client does.
    const webapp = guestTt({ app: 'webapp', platform: 'ios', client: '7.35.0' });
    (webapp.tt.getSystemInfoSync as () => unknown)();
    expect(webapp.syncCalls).toEqual([['getSystemInfoSync']]);
  });
});
