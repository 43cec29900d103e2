/**
 * login and getUserInfo, answered from the session's test user: never a real account. The test user is
 * configurable (SessionOptions.testUser); its values are shown to the gadget as a client would show them.
 */
import { z } from 'zod';
import { defineApi } from '../api-spec.js';
import { assumed, documented, inferred } from '../types.js';
import { docs, GADGET_ONLY } from './sources.js';


export const login = defineApi({
  name: 'login',
  style: 'async',
  summary: 'A temporary login code for the test user (a real client\'s code is exchanged by the app\'s server).',
  doc: docs.login,
  params: z.strictObject({}),
  result: z.strictObject({ code: z.string() }),
  support: { matrix: GADGET_ONLY, provenance: documented(`${docs.login}: "该接口目前仅支持在小程序中调用"`) },
  behaviours: [
    { id: 'test-user-code', platforms: 'all', text: 'code is "ttsim-<test user open id>-<random>": it identifies the session\'s test user and is never valid on Feishu\'s servers.', provenance: assumed('ttsim never touches a real account; a real code is valid 3 minutes, once (documented)') },
  ],
  failures: [],
});

export const getUserInfo = defineApi({
  name: 'getUserInfo',
  style: 'async',
  summary: 'The test user\'s profile (nickName, avatarUrl, …).',
  doc: docs.overview,
  params: z.strictObject({ withCredentials: z.boolean().optional(), lang: z.enum(['en_US', 'zh_CN', 'ja_JP', 'en', 'zh_TW']).optional() }),
  result: z.strictObject({
    userInfo: z.strictObject({ nickName: z.string(), avatarUrl: z.string(), gender: z.int().optional(), country: z.string(), province: z.string(), city: z.string(), language: z.string() }),
    rawData: z.string(),
    signature: z.string().optional(),
    encryptedData: z.string().optional(),
    iv: z.string().optional(),
  }),
  support: { matrix: GADGET_ONLY, provenance: assumed(`${docs.overview}: ttsim has not read the getUserInfo page; rows follow login`) },
  behaviours: [
    { id: 'test-user-profile', platforms: 'all', text: 'userInfo is the session\'s test user (default "ttsim Test User"); rawData is its JSON.', provenance: assumed('ttsim never touches a real account') },
    { id: 'credentials-fake', platforms: 'all', text: 'withCredentials: true adds signature, encryptedData and iv that are well-formed but not decryptable: no server can verify them.', provenance: inferred('WeChat-compatible family (getUserInfo result fields)') },
  ],
  failures: [],
});
