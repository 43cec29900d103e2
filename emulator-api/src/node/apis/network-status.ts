import type { NetworkStatus } from '../../common/listeners.js';
import type { ClientProfile } from '../../common/profiles.js';
import type { ApiParsedParams } from '../../common/registry.js';
import type { NodeCallContext } from '../context.js';
import type { NetworkPolicy } from '../network-policy.js';

/** What the session's network policy means to the gadget (getNetworkType, onNetworkStatusChange). */
export function networkStatusOf(policy: NetworkPolicy, profile: Pick<ClientProfile, 'platform'>): NetworkStatus {
  const isConnected = policy !== 'offline';
  if (!isConnected) return { isConnected, networkType: 'none' };
  if (profile.platform === 'pc') return { isConnected, networkType: 'connected' };
  return { isConnected, networkType: policy === 'slow' ? '3g' : 'wifi' };
}

export function getNetworkType(_params: ApiParsedParams<'getNetworkType'>, ctx: NodeCallContext) {
  ctx.applyRule(ctx.profile.platform === 'pc' ? 'pc-connected' : 'from-policy');
  return { networkType: networkStatusOf(ctx.network.policy, ctx.profile).networkType };
}
