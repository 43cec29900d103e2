/**
 * tt.canIUse in the guest answers the registry's schema forms from the host's table, with no round trip,
 * and records each answer as the host would; anything else, and every call while canIUse is mocked, goes
 * to the host.
 */
import { describe, expect, it } from 'vitest';
import { sideOf } from '../../emulator-api/src/common/api-spec.js';
import { recordGuestCall, type CallRecord } from '../../emulator-api/src/common/call.js';
import { createProfile, type ProfileOptions } from '../../emulator-api/src/common/profiles.js';
import { findApi, listApis } from '../../emulator-api/src/common/registry.js';
import { canIUse, canIUseAnswers } from '../../emulator-api/src/common/support.js';
import type { GuestApi, GuestCallOutcome } from '../../emulator-api/src/protocol/messages.js';
import type { Bridge } from '../src/runtime/bridge.js';
import { buildTt } from '../src/runtime/tt.js';

const apis: GuestApi[] = listApis().map((spec) => ({ name: spec.name, style: spec.style, side: sideOf(spec), ...(spec.task ? { task: spec.task } : {}) }));

function guestTt(options: ProfileOptions, mocked: string[] = []) {
  const profile = createProfile(options);
  const outcomes: GuestCallOutcome[] = [];
  const syncCalls: unknown[][] = [];
  const known = {
    mocked: new Set(mocked),
    recordOutcome: (outcome: GuestCallOutcome) => outcomes.push(outcome),
    callSync: (api: string, args: readonly unknown[]) => {
      syncCalls.push([api, ...args]);
      return { ok: true, value: canIUse(String(args[0]), profile) };
    },
  };
  const bridge = new Proxy(known, { get: (target, key) => (key in target ? target[key as keyof typeof target] : () => () => undefined) }) as unknown as Bridge;
  const { tt } = buildTt({ apis, canIUse: canIUseAnswers(profile), profile, bridge, guestImplementations: {}, onCallbackError: () => {}, track: (work) => work });
  return { canIUse: tt.canIUse as (schema: unknown) => boolean, outcomes, syncCalls, profile };
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
