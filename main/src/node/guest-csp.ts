/**
 * The Content-Security-Policy of every document the guest frame loads (the gadget runtime's page, a web
 * app's HTML). A Feishu client lets a gadget reach the network only through tt.request and its friends,
 * within the app's domain allow-list; in ttsim the guest frame could otherwise fetch, beacon or load from
 * anywhere. The policy allows this host (the guest's own runtime, files and bridge) plus what the
 * session's network policy allows: everything when online, nothing when offline, the listed hosts under
 * an allow-list. A request it blocks is reported by the guest (securitypolicyviolation) into the event
 * stream. A policy only tightens a loaded document: going back online takes a reload to relax it.
 */
import type { NetworkPolicy } from '../../../emulator-api/src/node/network-policy.js';

/** What the network policy adds to each fetch directive. */
function networkSources(policy: NetworkPolicy): string[] {
  if (policy === 'online' || policy === 'slow') return ['http:', 'https:', 'ws:', 'wss:'];
  if (policy === 'offline') return [];
  // Allow-list entries (host, host:port, *.example.com) are CSP host-sources as they are: any scheme of http(s)/ws(s).
  return policy.allow.flatMap((host) => [`http://${host}`, `https://${host}`, `ws://${host}`, `wss://${host}`]);
}

/**
 * What the guest's documents are confined to as the header gives it: an opaque origin allowed scripts and
 * forms, as the simulator's sandboxed iframe does, and also when the guest's page is the top-level page
 * (the `sim` fixture's). Only a header can say it: a <meta> policy ignores `sandbox`, so the tightened
 * policies the bridge sends later (guestCsp) leave it out.
 */
export const GUEST_SANDBOX = 'sandbox allow-scripts allow-forms';

/** The policy for a guest document served to `hosts` (the Host headers this server answers to, e.g. 127.0.0.1:port). */
export function guestCsp(policy: NetworkPolicy, hosts: Iterable<string>): string {
  const self = ["'self'", ...[...hosts].map((h) => `http://${h}`)];
  const sockets = [...hosts].map((h) => `ws://${h}`);
  const net = networkSources(policy);
  const directives: Record<string, string[]> = {
    'default-src': [...self, ...net],
    // The runtime evaluates the gadget's modules as inline scripts (modules.ts); TTSS becomes inline styles.
    'script-src': [...self, "'unsafe-inline'", "'unsafe-eval'", ...net],
    'style-src': [...self, "'unsafe-inline'", ...net],
    'img-src': [...self, 'data:', 'blob:', ...net],
    'media-src': [...self, 'data:', 'blob:', ...net],
    'font-src': [...self, 'data:', ...net],
    'connect-src': [...self, ...sockets, ...net],
    'frame-src': [...self, ...net],
    'worker-src': [...self, 'blob:'],
    'form-action': [...self],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
  };
  return Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}
