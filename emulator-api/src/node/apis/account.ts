import { createHash, randomBytes } from 'node:crypto';
import type { ApiParsedParams } from '../../common/registry.js';
import type { NodeCallContext } from '../context.js';

export function login(_params: ApiParsedParams<'login'>, ctx: NodeCallContext) {
  ctx.applyRule('test-user-code');
  return { code: `ttsim-${ctx.world.testUser.openId}-${randomBytes(6).toString('hex')}` };
}

export function getUserInfo({ withCredentials, lang }: ApiParsedParams<'getUserInfo'>, ctx: NodeCallContext) {
  ctx.applyRule('test-user-profile');
  const { nickName, avatarUrl, gender, country, province, city, language } = ctx.world.testUser;
  const userInfo = { nickName, avatarUrl, gender, country, province, city, language: lang ?? language };
  const rawData = JSON.stringify(userInfo);
  if (!withCredentials) return { userInfo, rawData };
  ctx.applyRule('credentials-fake');
  return {
    userInfo,
    rawData,
    signature: createHash('sha1').update(`${rawData}ttsim`).digest('hex'),
    encryptedData: Buffer.from(`ttsim test data for ${ctx.world.testUser.openId}`).toString('base64'),
    iv: randomBytes(16).toString('base64'),
  };
}
