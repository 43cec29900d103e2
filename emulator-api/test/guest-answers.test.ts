/** What the host sends the guest to answer getSystemInfo itself: the implementation's values and rules, for the APIs the profile has. */
import { describe, expect, it } from 'vitest';
import { createProfile } from '../src/common/profiles.js';
import { findApi } from '../src/common/registry.js';
import { checkApiSupport } from '../src/common/support.js';
import { openSession } from './helpers.js';
import { systemInfoAnswer } from '../src/node/apis/system.js';

describe("getSystemInfo's answer for the guest", () => {
  it('is what the host answers, with the rules its call applies plus answered-in-guest', async () => {
    for (const options of [{ app: 'gadget', platform: 'ios', client: '7.47.0' }, { app: 'gadget', platform: 'pc', client: '7.35.0' }, { app: 'webapp', platform: 'android', client: '3.44.0' }] as const) {
      const profile = createProfile(options);
      const answer = systemInfoAnswer(profile);
      const records: { rules: readonly { id: string }[] }[] = [];
      const session = await openSession(options);
      session.onCall((record) => records.push(record));
      const { errMsg, ...value } = (await (session.tt.getSystemInfo as () => Promise<{ errMsg: string }>)()) as { errMsg: string };
      expect(errMsg).toBe('getSystemInfo:ok');
      expect(answer.value).toEqual(value);
      expect(answer.rules).toEqual([...records[0]!.rules.map((r) => r.id), 'answered-in-guest']);
      await session.close();
      for (const api of ['getSystemInfo', 'getSystemInfoSync'] as const) expect(answer.apis.includes(api), `${api} ${JSON.stringify(options)}`).toBe(checkApiSupport(findApi(api)!, profile).supported);
    }
  });
});
