/** Tab bar, window, network status and app-level listener entries: registry, canIUse, validation, getNetworkType. */
import { afterAll, describe, expect, it } from 'vitest';
import type { Session } from '../src/index.js';
import { prepareGuestCall, type CallRecord } from '../src/common/call.js';
import { isNotEmulated } from '../src/common/apis/not-emulated.js';
import { appEvents, listenerApiName, listenerApis } from '../src/common/listeners.js';
import { createProfile, type ProfileOptions } from '../src/common/profiles.js';
import { findApi } from '../src/common/registry.js';
import { canIUse } from '../src/common/support.js';
import type { GuestTt } from '../src/common/tt-types.js';
import { openSession } from './helpers.js';

const sessions: Session[] = [];
afterAll(async () => Promise.all(sessions.map((s) => s.close())));

const added = [
  'setTabBarBadge', 'removeTabBarBadge', 'showTabBarRedDot', 'hideTabBarRedDot', 'setTabBarItem', 'setTabBarStyle',
  'showNavigationBarLoading', 'hideNavigationBarLoading', 'setBackgroundColor', 'setBackgroundTextStyle',
  'getNetworkType', 'onNetworkStatusChange', 'offNetworkStatusChange',
  'onAppShow', 'offAppShow', 'onAppHide', 'offAppHide', 'onError', 'offError', 'onPageNotFound', 'offPageNotFound',
];

const profile = (options: Partial<ProfileOptions> = {}) => createProfile({ app: 'gadget', platform: 'ios', client: '7.39.0', ...options });

function prepare(api: string, params: unknown, options: Partial<ProfileOptions> = {}) {
  const records: CallRecord[] = [];
  const result = prepareGuestCall(findApi(api)!, params, { profile: profile(options), hooks: { onCall: (r) => records.push(r) }, timeoutMs: 0, createContext: (base) => base });
  return { result, records };
}

describe('the registry', () => {
  it('has every added API, none of them not-emulated, each rule with provenance', () => {
    for (const name of added) {
      const spec = findApi(name);
      expect(spec, name).toBeDefined();
      expect(isNotEmulated(name), name).toBe(false);
      for (const rule of [...spec!.behaviours, ...spec!.failures]) expect(['documented', 'inferred', 'assumed']).toContain(rule.provenance.kind);
    }
    expect(findApi('getNetworkType')!.side ?? 'host').toBe('host');
  });

  it('has an on / off pair of guest Sync APIs for each app-level event, and the guest table names them all', () => {
    expect([...listenerApis.keys()].sort()).toEqual(appEvents.flatMap((e) => [listenerApiName('on', e), listenerApiName('off', e)]).sort());
    for (const [name, { role }] of listenerApis) {
      const spec = findApi(name)!;
      expect(spec, name).toMatchObject({ style: 'sync', side: 'guest', params: expect.anything() });
      expect(Object.keys(spec.params.shape)).toEqual(['callback']);
      expect(spec.behaviours.map((r) => r.id)).toEqual(expect.arrayContaining(['listeners', 'undone-when-refused']));
      expect(name.startsWith(role)).toBe(true);
    }
  });
});

describe('the guest tt type', () => {
  it('types on<Event>(listener) with the payload and off<Event>(listener?)', () => {
    const statuses: boolean[] = [];
    const use = (tt: GuestTt) => {
      tt.onNetworkStatusChange((res) => statuses.push(res.isConnected));
      tt.onPageNotFound((res) => statuses.push(res.isEntryPage));
      tt.onError((message) => statuses.push(message.length > 0));
      tt.offError();
      // @ts-expect-error a listener takes a function
      tt.onAppShow('not a function');
    };
    expect(use).toBeTypeOf('function');
  });
});

describe('canIUse follows the support matrices', () => {
  it('tab bar and window APIs are gadget-only, Harmony from 7.35.0', () => {
    expect(canIUse('setTabBarBadge', profile())).toBe(true);
    expect(canIUse('setTabBarBadge', profile({ platform: 'pc' }))).toBe(true);
    expect(canIUse('setTabBarBadge', profile({ app: 'webapp' }))).toBe(false);
    expect(canIUse('showTabBarRedDot', profile({ platform: 'harmony', client: '7.34.0' }))).toBe(false);
    expect(canIUse('showNavigationBarLoading', profile({ platform: 'android' }))).toBe(true);
    expect(canIUse('setBackgroundTextStyle.object.textStyle.light', profile())).toBe(true);
  });

  it('setTabBarStyle.borderColor: 4.3.0 and later, never on PC', () => {
    expect(canIUse('setTabBarStyle.object.borderColor', profile({ client: '4.3.0' }))).toBe(true);
    expect(canIUse('setTabBarStyle.object.borderColor', profile({ client: '4.2.0' }))).toBe(false);
    expect(canIUse('setTabBarStyle.object.borderColor', profile({ platform: 'pc' }))).toBe(false);
    expect(canIUse('setTabBarStyle.object.color', profile({ platform: 'pc' }))).toBe(true);
  });

  it('network status: getNetworkType everywhere, onNetworkStatusChange not on PC, web apps from 7.7.0', () => {
    expect(canIUse('getNetworkType', profile({ app: 'webapp', platform: 'pc', client: '3.47.0' }))).toBe(true);
    expect(canIUse('getNetworkType', profile({ app: 'webapp', platform: 'pc', client: '3.46.0' }))).toBe(false);
    expect(canIUse('onNetworkStatusChange', profile({ platform: 'pc' }))).toBe(false);
    expect(canIUse('offNetworkStatusChange', profile({ platform: 'pc' }))).toBe(false);
    expect(canIUse('onNetworkStatusChange', profile({ app: 'webapp', platform: 'android', client: '7.7.0' }))).toBe(true);
    expect(canIUse('onNetworkStatusChange', profile({ app: 'webapp', platform: 'android', client: '7.6.0' }))).toBe(false);
  });

  it('app-level listeners are gadget-only', () => {
    expect(canIUse('onAppShow', profile())).toBe(true);
    expect(canIUse('offPageNotFound', profile({ platform: 'pc' }))).toBe(true);
    expect(canIUse('onError', profile({ app: 'webapp' }))).toBe(false);
  });
});

describe('the host checks what the guest runs', () => {
  it('a listener must be a function: the guest sends "function", anything else fails with 104 and is recorded', () => {
    expect(prepare('onError', { callback: 'function' }).result).toEqual({ ok: true, params: { callback: 'function' } });
    const refused = prepare('onAppShow', { callback: 42 });
    expect(refused.result).toMatchObject({ ok: false, fail: { errno: 104, errMsg: 'onAppShow:fail parameter error: callback must be one of "function" but received 42 of type number' } });
    expect(refused.records).toHaveLength(1);
    expect(prepare('offError', {}).result).toEqual({ ok: true, params: {} });
  });

  it('refuses onNetworkStatusChange on PC with 103', () => {
    expect(prepare('onNetworkStatusChange', { callback: 'function' }, { platform: 'pc' }).result).toMatchObject({ ok: false, fail: { errno: 103 } });
  });

  it('checks tab bar parameters: index from 0, 6-digit hex colours, borderStyle white / black', () => {
    expect(prepare('setTabBarBadge', { index: 0, text: '1' }).result).toMatchObject({ ok: true });
    expect(prepare('setTabBarBadge', { index: -1, text: '1' }).result).toMatchObject({ ok: false, fail: { errno: 104 } });
    expect(prepare('setTabBarBadge', { index: 0 }).result).toMatchObject({ ok: false, fail: { errno: 104 } });
    expect(prepare('setTabBarStyle', { color: '#ff0000' }).result).toMatchObject({ ok: true });
    expect(prepare('setTabBarStyle', { color: '#f00' }).result).toMatchObject({ ok: false, fail: { errno: 104 } });
    expect(prepare('setTabBarStyle', { borderStyle: 'grey' }).result).toMatchObject({ ok: false, fail: { errno: 104 } });
    expect(prepare('setBackgroundTextStyle', { textStyle: 'medium' }).result).toMatchObject({ ok: false, fail: { errno: 104 } });
  });
});

describe('getNetworkType answers from the network policy', () => {
  it('online and allow-list give wifi, offline none; the policy can change at any time', async () => {
    const session = await openSession({}, sessions);
    expect(await session.tt.getNetworkType()).toEqual({ errMsg: 'getNetworkType:ok', networkType: 'wifi' });
    session.network.setPolicy('offline');
    expect((await session.tt.getNetworkType()).networkType).toBe('none');
    session.network.setPolicy({ allow: ['example.com'] });
    expect((await session.tt.getNetworkType()).networkType).toBe('wifi');
  });

  it('PC answers connected or none (Feishu documents only those two there), and records the rule', async () => {
    const calls: CallRecord[] = [];
    const session = await openSession({ platform: 'pc', network: 'offline' }, sessions);
    session.onCall((record) => calls.push(record));
    expect((await session.tt.getNetworkType()).networkType).toBe('none');
    session.network.setPolicy('online');
    expect((await session.tt.getNetworkType()).networkType).toBe('connected');
    expect(calls.at(-1)!.rules.map((r) => [r.id, r.provenance.kind])).toEqual([['pc-connected', 'documented']]);
  });
});
