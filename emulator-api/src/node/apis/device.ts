import type { ApiParsedParams } from '../../common/registry.js';
import type { NodeCallContext } from '../context.js';

export function setClipboardData({ data }: ApiParsedParams<'setClipboardData'>, ctx: NodeCallContext) {
  ctx.applyRule('session-clipboard');
  ctx.world.clipboard = data;
  return {};
}

export function getClipboardData(_params: ApiParsedParams<'getClipboardData'>, ctx: NodeCallContext) {
  ctx.applyRule('session-clipboard');
  return { data: ctx.world.clipboard };
}

export function vibrateShort(_params: ApiParsedParams<'vibrateShort'>, ctx: NodeCallContext) {
  ctx.applyRule('recorded');
  return {};
}

export function makePhoneCall(_params: ApiParsedParams<'makePhoneCall'>, ctx: NodeCallContext) {
  ctx.applyRule('recorded');
  return {};
}
