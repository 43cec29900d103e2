/** HostSession.setNetwork: the policy changes, and the guest hears networkStatusChange when the status it implies changes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDataDir, testTempDir } from '../../emulator-api/test/fixtures.js';
import type { AppEvent } from '../../emulator-api/src/common/listeners.js';
import { Host } from '../src/node/host.js';

const host = new Host({ dataDir: tempDataDir() });
afterAll(() => host.closeAll());

function gadget(): string {
  const dir = testTempDir('gadget-');
  fs.mkdirSync(path.join(dir, 'pages/index'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ pages: ['pages/index/index'] }));
  fs.writeFileSync(path.join(dir, 'app.js'), 'App({});');
  fs.writeFileSync(path.join(dir, 'pages/index/index.js'), 'Page({});');
  fs.writeFileSync(path.join(dir, 'pages/index/index.ttml'), '<view>hi</view>');
  return dir;
}

describe('HostSession.setNetwork', () => {
  it('sets the policy getNetworkType answers from and tells the guest of each change of status only', async () => {
    const session = await host.open({ project: gadget(), app: 'gadget', platform: 'android', client: '7.39.0' });
    const heard: [AppEvent, unknown][] = [];
    const stop = session.onAppEvent((event, payload) => heard.push([event, payload]));
    session.setNetwork('offline');
    expect(await session.call('getNetworkType', {})).toMatchObject({ networkType: 'none' });
    session.setNetwork('offline');
    session.setNetwork({ allow: ['127.0.0.1'] });
    session.setNetwork('online');
    expect(heard).toEqual([
      ['networkStatusChange', { isConnected: false, networkType: 'none' }],
      ['networkStatusChange', { isConnected: true, networkType: 'wifi' }],
    ]);
    stop();
    session.setNetwork('offline');
    expect(heard).toHaveLength(2);
  });

  it('reports "connected" on PC and refuses a bad policy without a change', async () => {
    const session = await host.open({ project: gadget(), app: 'gadget', platform: 'pc', client: '7.39.0', network: 'offline' });
    const heard: unknown[] = [];
    session.onAppEvent((_event, payload) => heard.push(payload));
    expect(() => session.setNetwork('sometimes' as never)).toThrow(/expected 'online', 'slow', 'offline'/);
    session.setNetwork('online');
    expect(heard).toEqual([{ isConnected: true, networkType: 'connected' }]);
  });
});
