/**
 * The guest frame reaches the network only as the session's policy allows, for the page's own requests
 * too (fetch, beacons through images, scripts, WebSocket): the frame's Content-Security-Policy. A blocked
 * request is recorded in the event stream. The same page under 'online' reaches the service, so the test
 * can fail.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import type { NetworkPolicy } from 'ttsim/automation';
import { example, open } from './helpers.js';

async function localService(): Promise<{ origin: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(204, { 'access-control-allow-origin': '*' });
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** What a third-party script in a gadget might do: a no-cors POST, an image beacon, a script tag and a socket. */
const exfiltrate = (origin: string) => `(() => {
  fetch('${origin}/fetch', { method: 'POST', mode: 'no-cors', body: location.pathname }).catch(() => {});
  new Image().src = '${origin}/beacon?token=' + encodeURIComponent(location.pathname);
  const s = document.createElement('script'); s.src = '${origin}/script.js'; document.head.append(s);
  try { new WebSocket('${origin.replace('http', 'ws')}/socket'); } catch {}
})()`;

for (const [policy, reaches] of [['offline', false], [{ allow: ['example.com'] }, false], ['online', true]] as [NetworkPolicy, boolean][]) {
  test(`under network ${JSON.stringify(policy)} the gadget's own requests ${reaches ? 'reach' : 'do not reach'} a local service`, async () => {
    const service = await localService();
    const sim = await open({ project: example('compress-demo'), platform: 'ios', client: '7.35.0', network: policy });
    try {
      await sim.currentPage();
      await sim.frame().evaluate(exfiltrate(service.origin));
      if (reaches) {
        await expect.poll(() => service.hits.length).toBeGreaterThanOrEqual(3);
      } else {
        await expect.poll(() => sim.events().filter((e) => e.type === 'guest' && e.event.kind === 'blocked').length).toBeGreaterThanOrEqual(3);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(service.hits).toEqual([]);
        const blocked = sim.events().flatMap((e) => (e.type === 'guest' && e.event.kind === 'blocked' ? [e.event] : []));
        expect(blocked.map((b) => b.directive)).toEqual(expect.arrayContaining(['connect-src', 'img-src', 'script-src-elem']));
      }
    } finally {
      await sim.close();
      await service.close();
    }
  });
}

test('going offline while the page runs tightens its policy at once', async () => {
  const service = await localService();
  const sim = await open({ project: example('compress-demo'), platform: 'android', client: '7.35.0' });
  try {
    await sim.currentPage();
    await sim.frame().evaluate(`fetch('${service.origin}/before', { mode: 'no-cors' }).catch(() => {})`);
    await expect.poll(() => service.hits).toEqual(['GET /before']);
    sim.setNetwork('offline');
    await expect.poll(() => sim.frame().evaluate('document.querySelectorAll(\'meta[http-equiv="Content-Security-Policy"]\').length')).toBe(1);
    await sim.frame().evaluate(`fetch('${service.origin}/after', { mode: 'no-cors' }).catch(() => {})`);
    await expect.poll(() => sim.events().some((e) => e.type === 'guest' && e.event.kind === 'blocked' && e.event.url.includes('/after'))).toBe(true);
    expect(service.hits).toEqual(['GET /before']);
  } finally {
    await sim.close();
    await service.close();
  }
});
