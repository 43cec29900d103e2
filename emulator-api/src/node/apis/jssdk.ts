import { Errno, TtError } from '../../common/errors.js';
import type { ApiParsedParams } from '../../common/registry.js';
import type { NodeCallContext } from '../context.js';

export function h5sdkConfig({ signature }: ApiParsedParams<'h5sdk.config'>, ctx: NodeCallContext) {
  // This call's outcome opens the guest's gate (app/src/h5sdk/h5sdk.ts) or keeps it shut.
  ctx.applyRule('apis-after-config');
  const { reject } = ctx.world.jssdk;
  if (reject === 'all' || (Array.isArray(reject) && reject.includes(signature))) {
    throw new TtError(Errno.jssdkConfigFailed, `signature ${JSON.stringify(signature)} was rejected (the session's JSSDK policy rejects ${reject === 'all' ? 'every signature' : 'it'})`, { rule: 'any-signature' });
  }
  ctx.applyRule('any-signature');
  return {};
}
